// Ranks the bodies directly below a body by on-time rate (按期办结率), then satisfaction with the
// handling body (满意率), for the dashboards. Each body's figures include the bodies below it.
import type { FiguresQuery, Ranking, RankingRow } from '../../shared/figures.ts';
import type { Actor, AppContext } from '../context.ts';
import { childOrgs, overdueNowByPaths, snapshotCounts, sumRollupsByOrg } from '../repositories/stats.ts';
import { computeValues, type Sums } from '../stats/formulas.ts';
import { resolveQuery, today as todayOf } from '../stats/engine.ts';
import { bucketRanges } from '../stats/periods.ts';

const METRICS = ['sub', 'ans', 'concl', 'evh'];

export async function rankBodies(ctx: AppContext, actor: Actor, query: FiguresQuery): Promise<Ranking> {
  const db = ctx.reader;
  const q = await resolveQuery(db, actor, query);
  const today = todayOf(ctx);
  const children = await childOrgs(db, q.orgId);
  const rows = await sumRollupsByOrg(db, children.map((c) => c.id), true, bucketRanges(q.range), METRICS);
  const sums = new Map<number, Sums>();
  for (const r of rows) {
    let s = sums.get(r.org_id);
    if (!s) sums.set(r.org_id, (s = new Map()));
    let m = s.get(r.metric);
    if (!m) s.set(r.metric, (m = new Map()));
    m.set(r.dim, [Number(r.n), Number(r.w)]);
  }
  const overdue = await overdueNowByPaths(db, children.map((c) => c.path), today);
  const out: Omit<RankingRow, 'rank'>[] = [];
  for (const [i, c] of children.entries()) {
    const snap = await snapshotCounts(db, c.path, true, q.range.from, q.range.to, today);
    const v = computeValues(sums.get(c.id) ?? new Map(), snap, null, q);
    out.push({
      orgId: c.id, orgName: c.name, answered: v.answered ?? 0, onTimeRate: v.onTimeRate, evaluatedBody: v.evaluatedBody ?? 0,
      satisfactionRateBody: v.satisfactionRateBody, concluded: v.concluded ?? 0, submissions: v.submissions ?? 0, overdueNow: overdue[i] ?? 0,
    });
  }
  const key = (x: number | null) => (x === null ? -1 : x);
  out.sort((a, b) => key(b.onTimeRate) - key(a.onTimeRate) || key(b.satisfactionRateBody) - key(a.satisfactionRateBody) || a.orgId - b.orgId);
  const { orgPath: _p, ...resolved } = q;
  return { query: resolved, rows: out.map((r, i) => ({ ...r, rank: i + 1 })) };
}
