// The public figures of the whole deployment for a year, month by month (信访公开): submissions,
// on-time rate and satisfaction with the handling bodies. Aggregates only, no personal data.
import { AppError } from '../../shared/errors.ts';
import type { PublicFigures } from '../../shared/figures.ts';
import type { AppContext } from '../context.ts';
import { monthlyRollups, rootOrgs, unansweredOverdueByMonth } from '../repositories/stats.ts';
import { computeValues, type Sums } from '../stats/formulas.ts';
import { today as todayOf } from '../stats/engine.ts';

export async function publishFigures(ctx: AppContext, year: number): Promise<PublicFigures> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('STATS_BAD_YEAR');
  const db = ctx.reader;
  const today = todayOf(ctx);
  const roots = await rootOrgs(db);
  const from = `${year}-01-01`, to = `${year}-12-31`;
  const rows = await monthlyRollups(db, roots.map((r) => r.id), from, to, ['sub', 'ans', 'evh']);
  const overdue = await unansweredOverdueByMonth(db, roots.map((r) => r.path), from, to, today);
  const months: Sums[] = Array.from({ length: 12 }, () => new Map());
  const total: Sums = new Map();
  for (const r of rows) {
    for (const s of [months[Number(r.bucket.slice(5, 7)) - 1]!, total]) {
      let m = s.get(r.metric);
      if (!m) s.set(r.metric, (m = new Map()));
      const cur = m.get(r.dim) ?? [0, 0];
      m.set(r.dim, [cur[0] + Number(r.n), cur[1] + Number(r.w)]);
    }
  }
  const opts = { onTimeVariant: 'extended_counts', satisfactionBasis: 'satisfied_or_basic' } as const;
  const value = (s: Sums, overdueCount: number) => {
    const v = computeValues(s, { unansweredOverdue: overdueCount, acceptOverdueUndecided: 0 }, null, opts);
    return { submissions: v.submissions ?? 0, onTimeRate: v.onTimeRate, satisfactionRate: v.satisfactionRateBody };
  };
  return {
    year,
    months: months.map((s, i) => ({ month: `${year}-${String(i + 1).padStart(2, '0')}`, ...value(s, overdue.get(i + 1) ?? 0) })),
    totals: value(total, [...overdue.values()].reduce((a, b) => a + b, 0)),
  };
}
