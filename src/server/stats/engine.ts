// The parts every figures request shares: which body (within the user's scope), which periods,
// and the period sums read from the rollups.
import { localDate } from '../../domain/calendar.ts';
import { AppError } from '../../shared/errors.ts';
import {
  ACCEPTANCE_BASES, ON_TIME_VARIANTS, SATISFACTION_BASES, type AcceptanceBasis, type FiguresQuery, type OnTimeVariant, type PeriodRange, type ResolvedFiguresQuery, type SatisfactionBasis,
} from '../../shared/figures.ts';
import type { Actor, AppContext } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { orgById, prevDay, sumRollups } from '../repositories/stats.ts';
import { METRICS, type Metric, type SnapshotCounts, type Sums } from './formulas.ts';
import { bucketRanges, comparisonPeriods, resolvePeriod } from './periods.ts';

export interface ResolvedQuery extends ResolvedFiguresQuery { orgPath: string }

/** The body of the user's scope: the last id of the scope path. */
export function scopeOrgId(actor: Actor): number {
  const ids = actor.scopePath.split('/').filter(Boolean);
  return Number(ids[ids.length - 1]);
}

/** Resolves the query: the body must be the user's scope or below it; `today` places a running period. */
export async function resolveQuery(db: Executor, actor: Actor | null, q: FiguresQuery, today: string): Promise<ResolvedQuery> {
  const orgId = q.orgId ?? (actor ? scopeOrgId(actor) : undefined);
  if (!orgId) throw new AppError('STATS_ORG_OUT_OF_SCOPE');
  const org = await orgById(db, orgId);
  if (!org) throw new AppError('UNKNOWN_ORG');
  if (actor && !org.path.startsWith(actor.scopePath)) throw new AppError('STATS_ORG_OUT_OF_SCOPE');
  const range = resolvePeriod(q.period, q.from, q.to);
  const { prevYear, prevPeriod, comparedThrough } = comparisonPeriods(q.period, range, today);
  const onTimeVariant: OnTimeVariant = q.onTimeVariant && (ON_TIME_VARIANTS as readonly string[]).includes(q.onTimeVariant) ? q.onTimeVariant : 'extended_counts';
  const satisfactionBasis: SatisfactionBasis = q.satisfactionBasis && (SATISFACTION_BASES as readonly string[]).includes(q.satisfactionBasis) ? q.satisfactionBasis : 'satisfied_or_basic';
  const acceptanceBasis: AcceptanceBasis = q.acceptanceBasis && (ACCEPTANCE_BASES as readonly string[]).includes(q.acceptanceBasis) ? q.acceptanceBasis : 'all_decisions';
  return {
    orgId: org.id, orgName: org.name, orgPath: org.path, subtree: q.subtree ?? true, period: q.period, range,
    prevYear, prevPeriod, comparedThrough, onTimeVariant, satisfactionBasis, acceptanceBasis,
  };
}

export function today(ctx: AppContext): string {
  return localDate(ctx.clock.now());
}

/** Metrics counted by what happened in a period (all but the "as of today" ones). */
export const PERIOD_METRICS = (Object.keys(METRICS) as Metric[]).filter((m) => m !== 'open' && m !== 'unans' && m !== 'undec');
const EARLIEST = '1970-01-01';
const LATEST = '2099-12-31';

/** The days of a "past the limit" figure: the period, up to yesterday; null when none. */
export function dueRange(r: PeriodRange, today: string): PeriodRange | null {
  const to = r.to < today ? r.to : prevDay(today);
  return to < r.from ? null : { from: r.from, to };
}
/** Days of the drill parts: see formulas.ts DrillPart. */
export function daysOf(kind: 'period' | 'due' | 'all' | 'overdue' | undefined, r: PeriodRange, today: string): PeriodRange | null {
  if (kind === 'due') return dueRange(r, today);
  if (kind === 'all') return { from: EARLIEST, to: LATEST };
  if (kind === 'overdue') return { from: EARLIEST, to: prevDay(today) };
  return r;
}

/** The rollup sums of one body over one period: metric -> dim -> [n, w]. */
export async function periodSums(db: Executor, orgId: number, tree: boolean, r: PeriodRange | null, metrics: readonly string[] = PERIOD_METRICS): Promise<Sums> {
  const rows = r ? await sumRollups(db, orgId, tree, bucketRanges(r), metrics) : [];
  const sums: Sums = new Map();
  for (const row of rows) {
    let m = sums.get(row.metric);
    if (!m) sums.set(row.metric, (m = new Map()));
    m.set(row.dim, [Number(row.n), Number(row.w)]);
  }
  return sums;
}

/** Unanswered and undecided past the limit, for the period (rollups dated by due date). */
export async function snapshotSums(db: Executor, orgId: number, tree: boolean, r: PeriodRange, today: string): Promise<SnapshotCounts> {
  const s = await periodSums(db, orgId, tree, dueRange(r, today), ['unans', 'undec']);
  const total = (m: string) => [...(s.get(m)?.values() ?? [])].reduce((t, v) => t + v[0], 0);
  return { unansweredOverdue: total('unans'), acceptOverdueUndecided: total('undec') };
}

/** Open cases now, and those whose running clock is past. */
export async function nowSums(db: Executor, orgId: number, tree: boolean, today: string): Promise<{ openNow: number; overdueNow: number }> {
  const all = await periodSums(db, orgId, tree, { from: EARLIEST, to: LATEST }, ['open']);
  const past = await periodSums(db, orgId, tree, { from: EARLIEST, to: prevDay(today) }, ['open']);
  const total = (s: Sums) => [...(s.get('open')?.values() ?? [])].reduce((t, v) => t + v[0], 0);
  return { openNow: total(all), overdueNow: total(past) };
}
