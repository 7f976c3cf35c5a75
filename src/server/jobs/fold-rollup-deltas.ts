// The rollup fold: applies the cases queued by changes (settle-figures.ts), then moves the
// contribution deltas appended (stats_rollup_deltas) into stats_rollups, in batches, each batch in
// one transaction (delete the deltas, upsert their sums). One folder at a time across connections and app nodes (an
// advisory lock), so the hot rollup rows (a province's total for today) have one writer and
// request transactions never queue on them. Figures are exact before and after a fold: readers
// count rollups and unfolded deltas in one statement.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { foldRollupDeltas, lockRollupFolder } from '../repositories/stats.ts';
import { settleFigures } from '../services/settle-figures.ts';

export interface FoldResult { folded: number; batches: number }

/** Settles the queued cases (their deltas), then folds every delta committed so far (those
 * appended meanwhile wait for the next run). */
export async function foldRollups(db: Kysely<DB>, batchSize = 20_000, maxBatches = 50): Promise<FoldResult> {
  // small batches: each holds the folder's lock (and on the embedded engine its one connection)
  // briefly, so requests get in between
  await settleFigures(db, 50, 200);
  let folded = 0, batches = 0;
  while (batches < maxBatches) {
    const moved = await db.transaction().execute(async (trx) => {
      await lockRollupFolder(trx);
      return foldRollupDeltas(trx, batchSize);
    });
    folded += moved;
    batches += 1;
    if (moved < batchSize) break;
  }
  return { folded, batches };
}
