// A screened dispute that cannot be resolved at the grassroots becomes a petition case (转入信访):
// the case is registered by the ordinary rules and both keep the link.
import { AppError } from '../../shared/errors.ts';
import { localDate } from '../../domain/calendar.ts';
import type { Actor, AppContext } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { findDisputeForUpdate, findDisputeView, updateDisputeIfVersion } from '../repositories/disputes.ts';
import { insertEvent } from '../repositories/cases.ts';
import { insertAudit } from '../repositories/audit.ts';
import { assertCanViewDispute, assertDisputeRole, DISPUTE_CONVERT_ROLES } from '../policies/dispute-policy.ts';
import { presentDispute, type DisputeViewT } from '../presenters/dispute-presenter.ts';
import { registerCase, type RegisterInput, type RegisterResult } from './register-case.ts';

export type ConvertInput = Omit<RegisterInput, 'title' | 'content' | 'areaCode' | 'headcount' | 'repeatOfCaseId'> & {
  version: number;
  /** Defaults: the dispute's summary as title and content, its area, its number of parties. */
  title?: string | null;
  content?: string | null;
  areaCode?: string | null;
  headcount?: number | null;
};

/** Registers the case (as the user, at their body) and closes the dispute as converted. */
export async function convertDisputeToCase(ctx: AppContext, trx: Tx, actor: Actor, id: number, input: ConvertInput, ip?: string): Promise<{ dispute: DisputeViewT; case: RegisterResult }> {
  assertDisputeRole(actor, DISPUTE_CONVERT_ROLES);
  const d = await findDisputeForUpdate(trx, id);
  assertCanViewDispute(actor, d);
  if (d.status !== 'open' && d.status !== 'unresolved') throw new AppError('DISPUTE_NOT_OPEN');
  if (d.version !== input.version) throw new AppError('VERSION_CONFLICT', { current: d.version });
  const { version: _v, title, content, areaCode, headcount, ...rest } = input;
  const firstLine = d.summary.split(/[\n。]/)[0]!.trim();
  const reg = await registerCase(ctx, trx, { kind: 'staff', actor, ip }, {
    ...rest,
    title: title?.trim() || `【矛盾纠纷转入】${firstLine}`.slice(0, 100),
    content: content?.trim() || d.summary,
    areaCode: areaCode ?? d.area_code,
    headcount: headcount ?? undefined,
  });
  const now = ctx.clock.now();
  const updated = await updateDisputeIfVersion(trx, id, d.version, {
    status: 'converted', case_id: reg.caseId, resolved_on: localDate(now), resolved_by: actor.userId, updated_at: now,
    resolution_note: `转入信访：${reg.caseNo}`,
  });
  if (!updated) throw new AppError('VERSION_CONFLICT');
  await insertEvent(trx, {
    caseId: reg.caseId, type: 'from_dispute', fromState: null, toState: null, actorUserId: actor.userId, actorOrgId: actor.orgId,
    actorKind: 'staff', at: now, data: { disputeId: d.id, disputeNo: d.dispute_no }, isPublic: false,
  });
  await insertAudit(trx, [{ at: now, actorUserId: actor.userId, actorKind: 'staff', action: 'dispute.convert', caseId: reg.caseId, ip: ip ?? null, detail: { disputeId: d.id } }]);
  return { dispute: presentDispute((await findDisputeView(trx, id))!), case: reg };
}
