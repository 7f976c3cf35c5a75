// SQL for idempotency keys: the stored response of a create, replayed on a retry.
import type { Executor } from '../db/database.ts';

export async function findIdempotent(db: Executor, scope: string, key: string) {
  return db.selectFrom('idempotency_keys').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
}

/** Claims a key; false when another request already holds it. */
export async function claimIdempotencyKey(db: Executor, row: { scope: string; key: string; requestHash: string; at: Date }): Promise<boolean> {
  const r = await db.insertInto('idempotency_keys')
    .values({ scope: row.scope, key: row.key, request_hash: row.requestHash, status_code: 0, response: '{}', created_at: row.at })
    .onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function completeIdempotencyKey(db: Executor, scope: string, key: string, status: number, response: unknown): Promise<void> {
  await db.updateTable('idempotency_keys').set({ status_code: status, response: JSON.stringify(response) }).where('scope', '=', scope).where('key', '=', key).execute();
}
