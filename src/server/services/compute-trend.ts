// The month-by-month trend of a body's submissions (alone or with the bodies below it) through a
// year, each month beside the same month a year before: the dashboard's trend in one request, read
// from the same rollups and periods as the figures of one month (compute-figures.ts).
import { AppError } from '../../shared/errors.ts';
import type { Actor, AppContext } from '../context.ts';
import { periodSums, resolveQuery, today as todayOf } from '../stats/engine.ts';
import { previousYear, resolvePeriod } from '../stats/periods.ts';
import type { Sums } from '../stats/formulas.ts';
import { settleFigures } from './settle-figures.ts';

export interface TrendQuery { orgId?: number; subtree?: boolean; year: number }
export interface Trend {
  orgId: number; orgName: string; subtree: boolean; year: number;
  /** The twelve months; a month still to come has no submissions (null), only last year's. */
  months: { month: string; submissions: number | null; prevYear: number }[];
}

const submissions = (s: Sums) => [...(s.get('sub')?.values() ?? [])].reduce((t, [n]) => t + n, 0);

export async function computeTrend(ctx: AppContext, actor: Actor | null, q: TrendQuery): Promise<Trend> {
  if (!Number.isInteger(q.year) || q.year < 2000 || q.year > 2100) throw new AppError('STATS_BAD_YEAR');
  const db = ctx.reader;
  // the changes queued so far are applied first (on the primary), so the figures are exact
  await settleFigures(ctx.db);
  const today = todayOf(ctx);
  const rq = await resolveQuery(db, actor, { orgId: q.orgId, subtree: q.subtree, period: 'year', from: `${q.year}-01-01` }, today);
  const thisYear = Number(today.slice(0, 4));
  const lastMonth = q.year < thisYear ? 12 : q.year === thisYear ? Number(today.slice(5, 7)) : 0;
  const months = await Promise.all(Array.from({ length: 12 }, async (_, i) => {
    const month = `${q.year}-${String(i + 1).padStart(2, '0')}`;
    const range = resolvePeriod('month', `${month}-01`);
    const [cur, prev] = await Promise.all([
      i < lastMonth ? periodSums(db, rq.orgId, rq.subtree, range, ['sub']) : null,
      periodSums(db, rq.orgId, rq.subtree, previousYear('month', range), ['sub']),
    ]);
    return { month, submissions: cur ? submissions(cur) : null, prevYear: submissions(prev) };
  }));
  return { orgId: rq.orgId, orgName: rq.orgName, subtree: rq.subtree, year: q.year, months };
}
