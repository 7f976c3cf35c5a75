// Ranks the bodies directly below a body by on-time rate (按期办结率), then satisfaction with the
// handling body (满意率), for the dashboards. Each body's figures include the bodies below it.
import type { FiguresQuery, Ranking, RankingRow } from '../../shared/figures.ts';
import type { Actor, AppContext } from '../context.ts';
import { childOrgs, prevDay, sumRollupsByOrg } from '../repositories/stats.ts';
import { computeValues, type Sums } from '../stats/formulas.ts';
import { dueRange, resolveQuery, today as todayOf } from '../stats/engine.ts';
import { bucketRanges } from '../stats/periods.ts';
import { settleFigures } from './settle-figures.ts';

const METRICS = ['sub', 'ans', 'concl', 'evh'];

export async function rankBodies(ctx: AppContext, actor: Actor, query: FiguresQuery): Promise<Ranking> {
  const db = ctx.reader;
  // the changes queued so far are applied first (on the primary), so the figures are exact
  await settleFigures(ctx.db);
  const today = todayOf(ctx);
  const q = await resolveQuery(db, actor, query, today);
  const children = await childOrgs(db, q.orgId);
  const ids = children.map((c) => c.id);
  // three scans of the rollups' primary key per body: the period, past the limit, open now
  const due = dueRange(q.range, today);
  const rows = [
    ...await sumRollupsByOrg(db, ids, true, bucketRanges(q.range), METRICS),
    ...(due ? await sumRollupsByOrg(db, ids, true, bucketRanges(due), ['unans']) : []),
    ...await sumRollupsByOrg(db, ids, true, bucketRanges({ from: '1970-01-01', to: prevDay(today) }), ['open']),
  ];
  const sums = new Map<number, Sums>();
  for (const r of rows) {
    let s = sums.get(r.org_id);
    if (!s) sums.set(r.org_id, (s = new Map()));
    let m = s.get(r.metric);
    if (!m) s.set(r.metric, (m = new Map()));
    m.set(r.dim, [Number(r.n), Number(r.w)]);
  }
  const total = (s: Sums | undefined, metric: string) => [...(s?.get(metric)?.values() ?? [])].reduce((t, v) => t + v[0], 0);
  const out: Omit<RankingRow, 'rank'>[] = [];
  for (const c of children) {
    const s = sums.get(c.id);
    const v = computeValues(s ?? new Map(), { unansweredOverdue: total(s, 'unans'), acceptOverdueUndecided: 0 }, null, q);
    out.push({
      orgId: c.id, orgName: c.name, answered: v.answered ?? 0, onTimeRate: v.onTimeRate, evaluatedBody: v.evaluatedBody ?? 0,
      satisfactionRateBody: v.satisfactionRateBody, concluded: v.concluded ?? 0, submissions: v.submissions ?? 0, overdueNow: total(s, 'open'),
    });
  }
  const key = (x: number | null) => (x === null ? -1 : x);
  out.sort((a, b) => key(b.onTimeRate) - key(a.onTimeRate) || key(b.satisfactionRateBody) - key(a.satisfactionRateBody) || a.orgId - b.orgId);
  const { orgPath: _p, ...resolved } = q;
  return { query: resolved, rows: out.map((r, i) => ({ ...r, rank: i + 1 })) };
}
