// Records a dispute found by a body's periodic screening (矛盾纠纷排查) in the register.
import { AppError } from '../../shared/errors.ts';
import type { DisputeType, RiskLevel } from '../../shared/disputes.ts';
import { isValidAreaCode } from '../../shared/validators.ts';
import { isValidLocalDate, localDate } from '../../domain/calendar.ts';
import type { Actor, AppContext } from '../context.ts';
import type { Tx } from '../db/database.ts';
import type { OrgRow } from '../db/schema.ts';
import { findOrg } from '../repositories/organisations.ts';
import { findDisputeView, insertDispute, nextDisputeSequence } from '../repositories/disputes.ts';
import { insertAudit } from '../repositories/audit.ts';
import { assertDisputeRole, DISPUTE_RECORD_ROLES, isOrgInScope } from '../policies/dispute-policy.ts';
import { presentDispute, type DisputeViewT } from '../presenters/dispute-presenter.ts';

export interface DisputeInput {
  /** The screening body; the user's own body when omitted. */
  orgId?: number | null;
  period: string;
  foundOn?: string | null;
  areaCode: string;
  location?: string | null;
  partiesCount: number;
  summary: string;
  type: DisputeType;
  riskLevel: RiskLevel;
  /** 责任单位; the screening body when omitted. */
  responsibleOrgId?: number | null;
  responsiblePerson: string;
}

/** A screening round is a month that has begun: not after the current month. */
export function checkPeriod(period: string, today: string): void {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period) || period > today.slice(0, 7)) throw new AppError('DISPUTE_BAD_PERIOD', { period });
}

export function checkDate(field: string, value: string, notBefore: string | null, today: string): void {
  if (!isValidLocalDate(value) || value > today || (notBefore !== null && value < notBefore)) throw new AppError('INVALID_DATE', { field });
}

/** A body named on a dispute must exist, be active and lie within the user's scope. */
export async function orgInScope(trx: Tx, actor: Actor, orgId: number, field: string): Promise<OrgRow> {
  const org = await findOrg(trx, orgId);
  if (!org || !org.is_active) throw new AppError('UNKNOWN_ORG', { field });
  if (!isOrgInScope(actor, org.path)) {
    throw new AppError(field === 'responsibleOrgId' ? 'DISPUTE_RESPONSIBLE_OUT_OF_SCOPE' : 'OUT_OF_SCOPE', { field });
  }
  return org;
}

export function requireText(field: string, v: string): string {
  const s = v.trim();
  if (!s) throw new AppError('VALIDATION_FAILED', { field, reason: 'empty' });
  return s;
}

/** Records the dispute in the screening body's register, open until resolved or converted. */
export async function recordDispute(ctx: AppContext, trx: Tx, actor: Actor, input: DisputeInput): Promise<DisputeViewT> {
  assertDisputeRole(actor, DISPUTE_RECORD_ROLES);
  const now = ctx.clock.now();
  const today = localDate(now);
  checkPeriod(input.period, today);
  const foundOn = input.foundOn ?? today;
  checkDate('foundOn', foundOn, null, today);
  if (!isValidAreaCode(input.areaCode)) throw new AppError('INVALID_AREA_CODE');
  const org = await orgInScope(trx, actor, input.orgId ?? actor.orgId, 'orgId');
  const responsible = input.responsibleOrgId ? await orgInScope(trx, actor, input.responsibleOrgId, 'responsibleOrgId') : org;
  const summary = requireText('summary', input.summary);
  const person = requireText('responsiblePerson', input.responsiblePerson);
  const seq = await nextDisputeSequence(trx);
  const row = await insertDispute(trx, {
    dispute_no: `JF${input.period.replace('-', '')}${String(seq).padStart(6, '0')}`,
    org_id: org.id, org_path: org.path, period: input.period, found_on: foundOn, area_code: input.areaCode,
    location: input.location?.trim() || null, parties_count: input.partiesCount, summary, type: input.type, risk_level: input.riskLevel,
    responsible_org_id: responsible.id, responsible_org_path: responsible.path, responsible_person: person,
    created_by: actor.userId, created_at: now, updated_at: now,
  });
  await insertAudit(trx, [{ at: now, actorUserId: actor.userId, actorKind: 'staff', action: 'dispute.record', detail: { disputeId: row.id, disputeNo: row.dispute_no } }]);
  return presentDispute((await findDisputeView(trx, row.id))!);
}
