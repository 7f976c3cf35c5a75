// Cancels a reception day (领导接待日) before it begins. The day stays on the calendar marked 已取消
// with its reason; it takes no visits, frees the leader's hours and is not counted as a day held.
import { AppError } from '../../shared/errors.ts';
import type { Actor, AppContext } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { cancelReceptionDayIfVersion } from '../repositories/reception.ts';
import { insertAudit } from '../repositories/audit.ts';
import { loadChangeableDay } from './edit-reception-day.ts';
import { invitedDay, inviteToReception } from './invite-to-reception.ts';
import { noticeDay, notifyReceptionChange } from './notify-reception-change.ts';

export interface CancelReceptionDayInput {
  version: number;
  /** Why the reception is called off; kept with the day. */
  reason: string;
}

/** Calls off a day not yet begun and with no visit, by whoever may schedule it; the reason is required. */
export async function cancelReceptionDay(ctx: AppContext, trx: Tx, actor: Actor, id: number, input: CancelReceptionDayInput): Promise<number> {
  const day = await loadChangeableDay(ctx, trx, actor, id, input.version);
  const reason = input.reason.trim();
  if (!reason) throw new AppError('RECEPTION_CANCEL_REASON_REQUIRED');
  const now = ctx.clock.now();
  if (!(await cancelReceptionDayIfVersion(trx, day.id, day.version, { by: actor.userId, reason, at: now }))) throw new AppError('RECEPTION_DAY_CHANGED');
  await insertAudit(trx, [{
    at: now, actorUserId: actor.userId, actorKind: 'staff', action: 'reception.cancel',
    detail: { receptionDayId: day.id, leaderUserId: day.leader_user_id, orgId: day.org_id, day: day.day, reason },
  }]);
  // 约访: the invitations are withdrawn, each case told why
  await inviteToReception(ctx, trx, actor, invitedDay(day), undefined, { withdrawn: reason });
  await notifyReceptionChange(trx, actor, now, { kind: 'reception_cancelled', reason, day: noticeDay(day) });
  return day.id;
}
