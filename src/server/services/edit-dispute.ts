// Corrects a dispute's register entry while it is still being resolved.
import { AppError } from '../../shared/errors.ts';
import { isValidAreaCode } from '../../shared/validators.ts';
import { localDate } from '../../domain/calendar.ts';
import type { Actor, AppContext } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { findDisputeForUpdate, findDisputeView, updateDisputeIfVersion } from '../repositories/disputes.ts';
import { insertAudit } from '../repositories/audit.ts';
import { assertCanViewDispute, assertDisputeRole, DISPUTE_RECORD_ROLES } from '../policies/dispute-policy.ts';
import { presentDispute, type DisputeViewT } from '../presenters/dispute-presenter.ts';
import { checkDate, checkPeriod, orgInScope, requireText, type DisputeInput } from './record-dispute.ts';

export type DisputePatch = Partial<Omit<DisputeInput, 'orgId'>> & { version: number };

/** Only an entry still open (or not yet resolved) can change; the version guards concurrent edits. */
export async function editDispute(ctx: AppContext, trx: Tx, actor: Actor, id: number, patch: DisputePatch): Promise<DisputeViewT> {
  assertDisputeRole(actor, DISPUTE_RECORD_ROLES);
  const d = await findDisputeForUpdate(trx, id);
  assertCanViewDispute(actor, d);
  if (d.status !== 'open' && d.status !== 'unresolved') throw new AppError('DISPUTE_NOT_OPEN');
  if (d.version !== patch.version) throw new AppError('VERSION_CONFLICT', { current: d.version });
  const now = ctx.clock.now();
  const today = localDate(now);
  if (patch.period !== undefined) checkPeriod(patch.period, today);
  if (patch.foundOn != null) checkDate('foundOn', patch.foundOn, null, today);
  if (patch.areaCode !== undefined && !isValidAreaCode(patch.areaCode)) throw new AppError('INVALID_AREA_CODE');
  const responsible = patch.responsibleOrgId ? await orgInScope(trx, actor, patch.responsibleOrgId, 'responsibleOrgId') : null;
  const updated = await updateDisputeIfVersion(trx, id, d.version, {
    ...(patch.period !== undefined && { period: patch.period }),
    ...(patch.foundOn != null && { found_on: patch.foundOn }),
    ...(patch.areaCode !== undefined && { area_code: patch.areaCode }),
    ...(patch.location !== undefined && { location: patch.location?.trim() || null }),
    ...(patch.partiesCount !== undefined && { parties_count: patch.partiesCount }),
    ...(patch.summary !== undefined && { summary: requireText('summary', patch.summary) }),
    ...(patch.type !== undefined && { type: patch.type }),
    ...(patch.riskLevel !== undefined && { risk_level: patch.riskLevel }),
    ...(responsible && { responsible_org_id: responsible.id, responsible_org_path: responsible.path }),
    ...(patch.responsiblePerson !== undefined && { responsible_person: requireText('responsiblePerson', patch.responsiblePerson) }),
    updated_at: now,
  });
  if (!updated) throw new AppError('VERSION_CONFLICT');
  await insertAudit(trx, [{ at: now, actorUserId: actor.userId, actorKind: 'staff', action: 'dispute.edit', detail: { disputeId: id } }]);
  return presentDispute((await findDisputeView(trx, id))!);
}
