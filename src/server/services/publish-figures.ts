// The public figures of the whole deployment for a year, month by month (信访公开): submissions,
// on-time rate and satisfaction with the handling bodies. Aggregates only, no personal data.
import { AppError } from '../../shared/errors.ts';
import type { PublicFigures } from '../../shared/figures.ts';
import type { AppContext } from '../context.ts';
import { rollupBuckets, rootOrgs } from '../repositories/stats.ts';
import { computeValues, type Sums } from '../stats/formulas.ts';
import { dueRange, today as todayOf } from '../stats/engine.ts';
import { bucketRanges } from '../stats/periods.ts';
import { settleFigures } from './settle-figures.ts';

export async function publishFigures(ctx: AppContext, year: number): Promise<PublicFigures> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('STATS_BAD_YEAR');
  const db = ctx.reader;
  // the changes queued so far are applied first (on the primary), so the figures are exact
  await settleFigures(ctx.db);
  const today = todayOf(ctx);
  const roots = await rootOrgs(db);
  const from = `${year}-01-01`, to = `${year}-12-31`;
  const ids = roots.map((r) => r.id);
  const due = dueRange({ from, to }, today);
  const rows = [
    ...await rollupBuckets(db, ids, bucketRanges({ from, to }), ['sub', 'ans', 'evh']),
    ...(due ? await rollupBuckets(db, ids, bucketRanges(due), ['unans']) : []),
  ];
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
  const opts = { onTimeVariant: 'extended_counts', satisfactionBasis: 'satisfied_or_basic', acceptanceBasis: 'all_decisions' } as const;
  const value = (s: Sums) => {
    const unanswered = [...(s.get('unans')?.values() ?? [])].reduce((t, v) => t + v[0], 0);
    const v = computeValues(s, { unansweredOverdue: unanswered, acceptOverdueUndecided: 0 }, null, opts);
    return { submissions: v.submissions ?? 0, onTimeRate: v.onTimeRate, satisfactionRate: v.satisfactionRateBody };
  };
  return {
    year,
    months: months.map((s, i) => ({ month: `${year}-${String(i + 1).padStart(2, '0')}`, ...value(s) })),
    totals: value(total),
  };
}
