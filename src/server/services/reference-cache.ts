// Reference data that only an administrator changes (the content categories, the petition bureaus),
// held per app context for a few seconds so a registration does not read it each time. Every node
// sees a change within seconds; the node that made it forgets at once (forgetReferenceData).
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/database.ts';
import type { Selectable } from 'kysely';
import type { CategoriesTable, OrgRow } from '../db/schema.ts';
import { listCategories } from '../repositories/categories.ts';
import { listActiveBureaus } from '../repositories/organisations.ts';

const TTL_MS = 5_000;
interface Entry { at: number; value: unknown }
const caches = new WeakMap<object, Map<string, Entry>>();

/** The cached value, else `load(db)` (resolved values only are kept: a load inside one request's
 * transaction is never awaited by another, which on the embedded engine would wait for ever). */
async function cached<T>(ctx: AppContext, name: string, db: Executor, load: (db: Executor) => Promise<T>): Promise<T> {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new Map()));
  const hit = cache.get(name);
  const now = Date.now();
  if (hit && now - hit.at < TTL_MS) return hit.value as T;
  const value = await load(db);
  cache.set(name, { at: now, value });
  return value;
}

/** All content categories by id (active or not). Inside a transaction pass it as `db`. */
export function categoriesById(ctx: AppContext, db: Executor = ctx.db): Promise<Map<number, Selectable<CategoriesTable>>> {
  return cached(ctx, 'categories', db, async (d) => new Map((await listCategories(d)).map((c) => [c.id, c])));
}

/** The active petition bureaus. Inside a transaction pass it as `db`. */
export function activeBureaus(ctx: AppContext, db: Executor = ctx.db): Promise<OrgRow[]> {
  return cached(ctx, 'bureaus', db, listActiveBureaus);
}

/** Drops the cached reference data after an administrator changes organisations or categories. */
export function forgetReferenceData(ctx: AppContext): void {
  caches.delete(ctx);
}
