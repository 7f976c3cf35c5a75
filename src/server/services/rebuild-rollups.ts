// Recomputes every figure's contributions and rollups from the cases and their events, in one
// transaction (after a bulk load, or to verify the incremental rollups).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { rebuildAll } from '../repositories/stats.ts';

export async function rebuildRollups(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute((trx) => rebuildAll(trx));
}
