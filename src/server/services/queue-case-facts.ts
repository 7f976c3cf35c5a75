// Keeps the figures up to date with a change to cases: in the transaction of every change the
// changed cases are queued (one append to stats_case_queue, which has no key, so concurrent
// transactions never wait on each other here). services/settle-figures.ts later re-applies their
// facts - stats_apply_case_facts (migration 0002) recomputes what each case contributes (the view
// stats_contributions), replaces the rows that changed and appends the difference to
// stats_rollup_deltas - every second and before any figure is read, so figures are exact whenever
// they are read, while the request that made the change does none of that work.
import type { Executor } from '../db/database.ts';
import { queueCases } from '../repositories/stats.ts';

/** Queues the given cases for their figures (nulls and repeats are ignored). */
export async function queueCaseFacts(trx: Executor, caseIds: readonly (number | null | undefined)[]): Promise<void> {
  const ids = [...new Set(caseIds.filter((x): x is number => typeof x === 'number'))];
  await queueCases(trx, ids);
}
