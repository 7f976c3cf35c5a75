// SQL for idempotency keys: the stored response of a create, replayed on a retry.
import type { Executor } from '../db/database.ts';
import { prepare } from '../db/prepared.ts';

export async function findIdempotent(db: Executor, scope: string, key: string) {
  return db.selectFrom('idempotency_keys').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
}

// every create claims and completes a key: compiled once (db/prepared.ts)
const CLAIM = prepare<{ scope: string; key: string; requestHash: string; at: Date }, { scope: string }>(['scope', 'key', 'requestHash', 'at'], (db, p) =>
  db.insertInto('idempotency_keys').values({ scope: p.scope, key: p.key, request_hash: p.requestHash, status_code: 0, response: '{}', created_at: p.at })
    .onConflict((oc) => oc.doNothing()).returning('scope'));
const COMPLETE = prepare<{ scope: string; key: string; status: number; response: string }, never>(['scope', 'key', 'status', 'response'], (db, p) =>
  db.updateTable('idempotency_keys').set({ status_code: p.status, response: p.response }).where('scope', '=', p.scope).where('key', '=', p.key));

/** Claims a key; false when another request already holds it. */
export async function claimIdempotencyKey(db: Executor, row: { scope: string; key: string; requestHash: string; at: Date }): Promise<boolean> {
  return (await CLAIM.run(db, row)).length > 0;
}

/** Stores the create's answer with its key: the transaction's last write, so deferred (on PGlite it
 * goes to the engine with the COMMIT). */
export async function completeIdempotencyKey(db: Executor, scope: string, key: string, status: number, response: unknown): Promise<void> {
  await COMPLETE.defer(db, { scope, key, status, response: JSON.stringify(response) });
}
