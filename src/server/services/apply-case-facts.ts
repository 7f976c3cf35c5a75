// Keeps the figures up to date with a change to cases, inside the transaction of every state
// change, so the figures are never behind: one call of the database function
// stats_apply_case_facts (migration 0002) recomputes what each case contributes (the view
// stats_contributions), replaces the rows that changed and appends the difference to
// stats_rollup_deltas. The deltas have no key, so concurrent transactions never wait on each other
// here; jobs/fold-rollup-deltas.ts later adds them to the rollups of the body and of every body
// above it, and figure queries count the deltas not yet folded.
import type { Executor } from '../db/database.ts';
import { applyContributionChanges } from '../repositories/stats.ts';

const CHUNK = 1000;

/** Re-applies the facts of the given cases (nulls and repeats are ignored). */
export async function applyCaseFacts(trx: Executor, caseIds: readonly (number | null | undefined)[]): Promise<void> {
  const ids = [...new Set(caseIds.filter((x): x is number => typeof x === 'number'))].sort((a, b) => a - b);
  for (let i = 0; i < ids.length; i += CHUNK) await applyContributionChanges(trx, ids.slice(i, i + CHUNK));
}
