// The dispute register as the user may see it, and the 化解率 figure per body and period.
import { AppError } from '../../shared/errors.ts';
import { resolutionRate } from '../../shared/disputes.ts';
import type { Actor, AppContext } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { countDisputes, findDisputeByCase, findDisputeView, listDisputes } from '../repositories/disputes.ts';
import { findOrg } from '../repositories/organisations.ts';
import { assertCanViewDispute, assertDisputeRole, DISPUTE_FIGURE_ROLES, DISPUTE_RECORD_ROLES, isOrgInScope } from '../policies/dispute-policy.ts';
import { presentDispute, type DisputeRateRowT, type DisputeViewT } from '../presenters/dispute-presenter.ts';

export interface DisputeListQuery {
  orgId?: number; status?: string; riskLevel?: string; type?: string; periodFrom?: string; periodTo?: string; q?: string; limit?: number; offset?: number;
}

async function scopedOrgPath(db: Executor, actor: Actor, orgId: number | undefined): Promise<string> {
  if (!orgId) return actor.scopePath;
  const org = await findOrg(db, orgId);
  if (!org) throw new AppError('UNKNOWN_ORG');
  if (!isOrgInScope(actor, org.path)) throw new AppError('OUT_OF_SCOPE');
  return org.path;
}

/** One page of the disputes found in, or assigned to, the user's area. */
export async function listDisputesFor(ctx: AppContext, actor: Actor, q: DisputeListQuery): Promise<{ items: DisputeViewT[]; total: number }> {
  assertDisputeRole(actor, DISPUTE_RECORD_ROLES);
  const orgPath = q.orgId ? await scopedOrgPath(ctx.reader, actor, q.orgId) : undefined;
  const { rows, total } = await listDisputes(ctx.reader, {
    scopePath: actor.scopePath, orgPath, status: q.status, riskLevel: q.riskLevel, type: q.type, periodFrom: q.periodFrom, periodTo: q.periodTo, q: q.q?.trim() || undefined,
  }, q.limit ?? 20, q.offset ?? 0);
  return { items: rows.map(presentDispute), total };
}

export async function viewDispute(ctx: AppContext, actor: Actor, id: number): Promise<DisputeViewT> {
  const d = await findDisputeView(ctx.reader, id);
  assertCanViewDispute(actor, d);
  return presentDispute(d as NonNullable<typeof d>);
}

/** The dispute a case came from, if any (the case's side of the link). */
export async function viewDisputeOfCase(ctx: AppContext, actor: Actor, caseId: number): Promise<DisputeViewT | null> {
  const d = await findDisputeByCase(ctx.reader, caseId);
  if (!d) return null;
  return viewDispute(ctx, actor, d.id);
}

/**
 * 化解率 of a body (alone or with the bodies below) over the screening rounds (months) a figures
 * period touches; for the report and the bulletin. No scope check: the caller resolved the body.
 */
export async function disputeFiguresOf(db: Executor, org: { id: number; path: string }, subtree: boolean, range: { from: string; to: string }): Promise<{ rows: DisputeRateRowT[]; total: DisputeRateRowT }> {
  const counts = await countDisputes(db, { orgPath: org.path, onlyOrgId: subtree ? undefined : org.id, periodFrom: range.from.slice(0, 7), periodTo: range.to.slice(0, 7) });
  return tally(counts, 'org');
}

function tally(counts: Awaited<ReturnType<typeof countDisputes>>, groupBy: RateGrouping): { rows: DisputeRateRowT[]; total: DisputeRateRowT } {
  const groups = new Map<string, DisputeRateRowT>();
  const total = emptyRate(null, null, null);
  for (const c of counts) {
    const key = groupBy === 'org' ? `${c.org_id}` : groupBy === 'period' ? c.period : `${c.org_id}|${c.period}`;
    let g = groups.get(key);
    if (!g) {
      g = emptyRate(groupBy === 'period' ? null : c.org_id, groupBy === 'period' ? null : c.org_name, groupBy === 'org' ? null : c.period);
      groups.set(key, g);
    }
    for (const row of [g, total]) {
      row.screened += c.n;
      if (c.status === 'resolved') row.resolved += c.n;
      else if (c.status === 'unresolved') row.unresolved += c.n;
      else if (c.status === 'converted') row.converted += c.n;
      else row.open += c.n;
    }
  }
  const rows = [...groups.values()];
  for (const r of [...rows, total]) r.rate = resolutionRate(r.resolved, r.screened);
  rows.sort((a, b) => (a.period ?? '').localeCompare(b.period ?? '') || (a.orgId ?? 0) - (b.orgId ?? 0));
  return { rows, total };
}

export type RateGrouping = 'org' | 'period' | 'org_period';
export interface RateQuery { orgId?: number; periodFrom?: string; periodTo?: string; groupBy?: RateGrouping }

const emptyRate = (orgId: number | null, orgName: string | null, period: string | null): DisputeRateRowT =>
  ({ orgId, orgName, period, screened: 0, resolved: 0, unresolved: 0, converted: 0, open: 0, rate: null });

/**
 * 化解率 per screening body and/or period: resolved / screened (see shared/disputes.ts). Counts the
 * disputes found by the bodies of the chosen subtree (default: the user's whole scope).
 */
export async function disputeRates(ctx: AppContext, actor: Actor, q: RateQuery): Promise<{ rows: DisputeRateRowT[]; total: DisputeRateRowT }> {
  assertDisputeRole(actor, DISPUTE_FIGURE_ROLES);
  const orgPath = await scopedOrgPath(ctx.reader, actor, q.orgId);
  const counts = await countDisputes(ctx.reader, { orgPath, periodFrom: q.periodFrom, periodTo: q.periodTo });
  return tally(counts, q.groupBy ?? 'org');
}
