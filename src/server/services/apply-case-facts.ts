// Keeps the figures up to date with a change to cases: recomputes what each case contributes
// (repositories/stats.ts contributionsSql), and adds the difference from what it contributed
// before to the rollups of its bodies and of every body above them, per day and per month.
// Called inside the transaction of every state change, so the figures are never behind.
import type { Executor } from '../db/database.ts';
import {
  addRollupDeltas, computeContributions, orgPaths, readStoredContributions, replaceStoredContributions, type ContribRow, type RollupDelta,
} from '../repositories/stats.ts';

const keyOf = (r: ContribRow) => `${r.case_id}\u0001${r.metric}\u0001${r.dim}\u0001${r.org_id}\u0001${r.day}`;

/** Re-applies the facts of the given cases (nulls and repeats are ignored). */
export async function applyCaseFacts(trx: Executor, caseIds: readonly (number | null | undefined)[]): Promise<void> {
  const ids = [...new Set(caseIds.filter((x): x is number => typeof x === 'number'))];
  if (!ids.length) return;
  if (ids.length > 1000) {
    for (let i = 0; i < ids.length; i += 1000) await applyCaseFacts(trx, ids.slice(i, i + 1000));
    return;
  }
  const before = await readStoredContributions(trx, ids);
  const after = await computeContributions(trx, ids);
  // difference per (case, metric, dim, body, day)
  const diff = new Map<string, ContribRow>();
  for (const [rows, sign] of [[before, -1], [after, 1]] as const) {
    for (const r of rows) {
      const k = keyOf(r);
      const d = diff.get(k) ?? { ...r, n: 0, w: 0 };
      d.n += sign * Number(r.n);
      d.w += sign * Number(r.w);
      diff.set(k, d);
    }
  }
  const changed = [...diff.values()].filter((d) => d.n !== 0 || d.w !== 0);
  if (!changed.length) return;
  const changedCases = [...new Set(changed.map((d) => d.case_id))];
  await replaceStoredContributions(trx, changedCases, after.filter((r) => changedCases.includes(r.case_id)));

  // spread each difference over the body alone and every body on its path, by day and by month
  const paths = await orgPaths(trx, [...new Set(changed.map((d) => d.org_id))]);
  const deltas = new Map<string, RollupDelta>();
  const add = (org: number, tree: boolean, grain: 'd' | 'm', bucket: string, d: ContribRow) => {
    const k = `${org}\u0001${tree}\u0001${grain}\u0001${bucket}\u0001${d.metric}\u0001${d.dim}`;
    const x = deltas.get(k) ?? { org_id: org, tree, grain, bucket, metric: d.metric, dim: d.dim, n: 0, w: 0 };
    x.n += d.n;
    x.w += d.w;
    deltas.set(k, x);
  };
  for (const d of changed) {
    const month = `${d.day.slice(0, 7)}-01`;
    const ancestors = (paths.get(d.org_id) ?? `/${d.org_id}/`).split('/').filter(Boolean).map(Number);
    for (const grain of ['d', 'm'] as const) {
      const bucket = grain === 'd' ? d.day : month;
      add(d.org_id, false, grain, bucket, d);
      for (const a of ancestors) add(a, true, grain, bucket, d);
    }
  }
  const rows = [...deltas.values()].filter((x) => x.n !== 0 || x.w !== 0)
    .sort((a, b) => a.org_id - b.org_id || Number(a.tree) - Number(b.tree) || a.metric.localeCompare(b.metric) || a.grain.localeCompare(b.grain)
      || a.bucket.localeCompare(b.bucket) || a.dim.localeCompare(b.dim));
  await addRollupDeltas(trx, rows);
}
