// Settles the figures: re-applies the facts of the cases queued by changes (queue-case-facts.ts), in
// batches, each batch in one transaction under the folder's lock (one settler or folder at a time
// across connections and app nodes, so a case is never applied by two at once). Run by the job
// every second and by every figure read first, on the primary, so what is read is exact.
import type { Database } from '../db/database.ts';
import { anyQueuedCases, applyContributionChanges, lockRollupFolder, takeQueuedCases } from '../repositories/stats.ts';

const BATCH = 1_000;

export interface SettleResult { cases: number; batches: number }

/** Applies what is queued now; stops after `maxBatches` (the rest waits for the next call). One
 * read when nothing is queued (an entry another settler is taking is still seen until it commits,
 * so this then waits for it). */
export async function settleFigures(db: Database, maxBatches = 50, batch = BATCH): Promise<SettleResult> {
  let cases = 0, batches = 0;
  if (!(await anyQueuedCases(db))) return { cases, batches };
  while (batches < maxBatches) {
    const taken = await db.transaction().execute(async (trx) => {
      await lockRollupFolder(trx);
      const q = await takeQueuedCases(trx, batch);
      if (q.caseIds.length) await applyContributionChanges(trx, q.caseIds);
      return q;
    });
    cases += taken.caseIds.length;
    batches += 1;
    if (taken.taken < batch) break;
  }
  return { cases, batches };
}
