// Schedules a reception day (领导接待日): a leader receives petitioners for a body on a day, at a place.
import { AppError } from '../../shared/errors.ts';
import type { ReceptionKind } from '../../shared/enums.ts';
import { addCalendarDays, isValidLocalDate, localDate } from '../../domain/calendar.ts';
import type { Actor, AppContext } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { assertCanSchedule } from '../policies/reception-policy.ts';
import { findOrg } from '../repositories/organisations.ts';
import { findLeaderUser, findOverlappingDays, findReceptionDay, insertReceptionDay, lockLeaderCalendar, type ReceptionDayChange } from '../repositories/reception.ts';
import { insertAudit } from '../repositories/audit.ts';
import { invitedDay, inviteToReception } from './invite-to-reception.ts';
import { notifyReceptionChange } from './notify-reception-change.ts';

export interface ScheduleInput {
  /** The leader who receives; a leader scheduling their own day may leave it out. */
  leaderUserId?: number;
  /** The body whose reception it is; defaults to the leader's own body. */
  orgId?: number;
  day: string;
  startsAt: string;
  endsAt: string;
  place: string;
  topic?: string | null;
  /** fixed (定点接访, the default), field (下访) or appointment (约访). */
  kind?: ReceptionKind;
  /** 约访: the matters whose petitioners the leader invites (an edit: replaces them). */
  caseIds?: number[];
}

/** How far ahead a day may be put on the calendar. */
export const SCHEDULE_HORIZON_DAYS = 366;

/**
 * Checks a day as it would stand on the calendar and gives the values to write: the leader must be an
 * active leader, both the leader and the body within the actor's subtree, the day neither past nor
 * beyond the horizon, the hours in order, a place given, and no other day of the leader overlapping
 * (`exceptId`: the day being edited). Scheduling and editing both go through it. Holds the leader's
 * calendar until the transaction ends.
 */
export async function checkReceptionSlot(ctx: AppContext, trx: Tx, actor: Actor, input: ScheduleInput, exceptId?: number): Promise<ReceptionDayChange> {
  const leaderUserId = input.leaderUserId ?? (actor.role === 'leader' ? actor.userId : undefined);
  if (!leaderUserId) throw new AppError('VALIDATION_FAILED', { field: 'leaderUserId', reason: 'required' });
  const leader = await findLeaderUser(trx, leaderUserId);
  if (!leader) throw new AppError('UNKNOWN_USER', { leaderUserId });
  if (leader.role !== 'leader' || !leader.is_active) throw new AppError('RECEPTION_NOT_A_LEADER');
  const org = await findOrg(trx, input.orgId ?? leader.org_id);
  if (!org || !org.is_active) throw new AppError('UNKNOWN_ORG');
  assertCanSchedule(actor, org.path, leader.org_path);

  const today = localDate(ctx.clock.now());
  if (!isValidLocalDate(input.day)) throw new AppError('INVALID_DATE', { field: 'day' });
  if (input.day < today) throw new AppError('RECEPTION_DAY_IN_PAST');
  if (input.day > addCalendarDays(today, SCHEDULE_HORIZON_DAYS)) throw new AppError('INVALID_DATE', { field: 'day', reason: 'too far ahead' });
  if (input.endsAt <= input.startsAt) throw new AppError('RECEPTION_INVALID_TIME');
  const place = input.place.trim();
  if (!place) throw new AppError('VALIDATION_FAILED', { field: 'place', reason: 'required' });
  await lockLeaderCalendar(trx, leader.id);
  if ((await findOverlappingDays(trx, leader.id, input.day, input.startsAt, input.endsAt, exceptId)).length) throw new AppError('RECEPTION_LEADER_BUSY');
  return {
    orgId: org.id, orgPath: org.path, leaderUserId: leader.id, day: input.day, startsAt: input.startsAt, endsAt: input.endsAt,
    place, topic: input.topic?.trim() || null, kind: input.kind ?? 'fixed',
  };
}

/**
 * Puts a leader's reception day on the calendar. Only within the scheduler's own subtree, only a
 * leader, never in the past, and never overlapping another reception of the same leader.
 */
export async function scheduleReceptionDay(ctx: AppContext, trx: Tx, actor: Actor, input: ScheduleInput): Promise<number> {
  const slot = await checkReceptionSlot(ctx, trx, actor, input);
  const now = ctx.clock.now();
  const id = await insertReceptionDay(trx, { ...slot, createdBy: actor.userId, at: now });
  await insertAudit(trx, [{ at: now, actorUserId: actor.userId, actorKind: 'staff', action: 'reception.schedule', detail: { receptionDayId: id, leaderUserId: slot.leaderUserId, orgId: slot.orgId, day: slot.day } }]);
  if (input.caseIds?.length) await inviteToReception(ctx, trx, actor, invitedDay((await findReceptionDay(trx, id))!), input.caseIds);
  await notifyReceptionChange(trx, actor, now, { kind: 'reception_scheduled', day: { id, ...slot } });
  return id;
}
