// The parts every figures request shares: which body (within the user's scope), which periods,
// and the period sums read from the rollups.
import { localDate } from '../../domain/calendar.ts';
import { AppError } from '../../shared/errors.ts';
import {
  ON_TIME_VARIANTS, SATISFACTION_BASES, type FiguresQuery, type OnTimeVariant, type PeriodRange, type ResolvedFiguresQuery, type SatisfactionBasis,
} from '../../shared/figures.ts';
import type { Actor, AppContext } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { orgById, sumRollups } from '../repositories/stats.ts';
import type { Sums } from './formulas.ts';
import { bucketRanges, previousPeriod, previousYear, resolvePeriod } from './periods.ts';

export interface ResolvedQuery extends ResolvedFiguresQuery { orgPath: string }

/** The body of the user's scope: the last id of the scope path. */
export function scopeOrgId(actor: Actor): number {
  const ids = actor.scopePath.split('/').filter(Boolean);
  return Number(ids[ids.length - 1]);
}

/** Resolves the query: the body must be the user's scope or below it. */
export async function resolveQuery(db: Executor, actor: Actor | null, q: FiguresQuery): Promise<ResolvedQuery> {
  const orgId = q.orgId ?? (actor ? scopeOrgId(actor) : undefined);
  if (!orgId) throw new AppError('STATS_ORG_OUT_OF_SCOPE');
  const org = await orgById(db, orgId);
  if (!org) throw new AppError('UNKNOWN_ORG');
  if (actor && !org.path.startsWith(actor.scopePath)) throw new AppError('STATS_ORG_OUT_OF_SCOPE');
  const range = resolvePeriod(q.period, q.from, q.to);
  const onTimeVariant: OnTimeVariant = q.onTimeVariant && (ON_TIME_VARIANTS as readonly string[]).includes(q.onTimeVariant) ? q.onTimeVariant : 'extended_counts';
  const satisfactionBasis: SatisfactionBasis = q.satisfactionBasis && (SATISFACTION_BASES as readonly string[]).includes(q.satisfactionBasis) ? q.satisfactionBasis : 'satisfied_or_basic';
  return {
    orgId: org.id, orgName: org.name, orgPath: org.path, subtree: q.subtree ?? true, period: q.period, range,
    prevYear: previousYear(q.period, range), prevPeriod: previousPeriod(q.period, range), onTimeVariant, satisfactionBasis,
  };
}

export function today(ctx: AppContext): string {
  return localDate(ctx.clock.now());
}

/** The rollup sums of one body over one period: metric -> dim -> [n, w]. */
export async function periodSums(db: Executor, orgId: number, tree: boolean, r: PeriodRange, metrics?: string[]): Promise<Sums> {
  const rows = await sumRollups(db, orgId, tree, bucketRanges(r), metrics);
  const sums: Sums = new Map();
  for (const row of rows) {
    let m = sums.get(row.metric);
    if (!m) sums.set(row.metric, (m = new Map()));
    m.set(row.dim, [Number(row.n), Number(row.w)]);
  }
  return sums;
}
