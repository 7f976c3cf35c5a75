// Recomputes every figure's contributions and rollups from the cases and their events: in one
// transaction (to verify the incremental rollups, or at start-up for cases older than the figures),
// or side by side on several connections after a bulk load.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import {
  REBUILD_PARTS, clearForRebuild, fillRebuildPart, indexAfterRebuild, lockRollupFolder, rebuildAll, setRebuildMemory,
} from '../repositories/stats.ts';

export async function rebuildRollups(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute((trx) => rebuildAll(trx));
}

/**
 * The same rebuild, its parts in transactions of their own that run at once, each on a connection of
 * the pool: the submissions' figures beside all the others, then the contributions' indexes beside
 * the rollups' key. About half the time on two cores. Between its steps the figures are incomplete,
 * so it is for a database nothing else uses yet (the bulk loader). On the embedded engine, which has
 * one session, the steps simply run in turn.
 */
export async function rebuildRollupsSideBySide(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockRollupFolder(trx);
    await clearForRebuild(trx);
  });
  await Promise.all(REBUILD_PARTS.map((part) => db.transaction().execute(async (trx) => {
    await setRebuildMemory(trx);
    await fillRebuildPart(trx, part);
  })));
  await Promise.all((['contributions', 'rollups'] as const).map((table) => db.transaction().execute(async (trx) => {
    await setRebuildMemory(trx);
    await indexAfterRebuild(trx, table);
  })));
}
