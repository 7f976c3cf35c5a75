// Records how a screened dispute ended: 化解 (resolved) or 未化解 (not resolved, may still be
// resolved later or become a case).
import { AppError } from '../../shared/errors.ts';
import type { DisputeResolution } from '../../shared/disputes.ts';
import { localDate } from '../../domain/calendar.ts';
import type { Actor, AppContext } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { findDisputeForUpdate, findDisputeView, updateDisputeIfVersion } from '../repositories/disputes.ts';
import { insertAudit } from '../repositories/audit.ts';
import { assertCanViewDispute, assertDisputeRole, DISPUTE_RECORD_ROLES } from '../policies/dispute-policy.ts';
import { presentDispute, type DisputeViewT } from '../presenters/dispute-presenter.ts';
import { checkDate, requireText } from './record-dispute.ts';

export interface ResolutionInput { version: number; resolution: DisputeResolution; note: string; resolvedOn?: string | null }

/** A resolved dispute is closed; an unresolved one stays open to a later resolution or conversion. */
export async function updateDisputeResolution(ctx: AppContext, trx: Tx, actor: Actor, id: number, input: ResolutionInput): Promise<DisputeViewT> {
  assertDisputeRole(actor, DISPUTE_RECORD_ROLES);
  const d = await findDisputeForUpdate(trx, id);
  assertCanViewDispute(actor, d);
  if (d.status !== 'open' && d.status !== 'unresolved') throw new AppError('DISPUTE_NOT_OPEN');
  if (d.version !== input.version) throw new AppError('VERSION_CONFLICT', { current: d.version });
  const now = ctx.clock.now();
  const today = localDate(now);
  const on = input.resolvedOn ?? today;
  checkDate('resolvedOn', on, d.found_on, today);
  const updated = await updateDisputeIfVersion(trx, id, d.version, {
    status: input.resolution, resolution_note: requireText('note', input.note), resolved_on: on, resolved_by: actor.userId, updated_at: now,
  });
  if (!updated) throw new AppError('VERSION_CONFLICT');
  await insertAudit(trx, [{ at: now, actorUserId: actor.userId, actorKind: 'staff', action: `dispute.${input.resolution}`, detail: { disputeId: id } }]);
  return presentDispute((await findDisputeView(trx, id))!);
}
