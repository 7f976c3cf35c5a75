// Edits a reception day (领导接待日) before it begins: its day, hours, place, topic, kind, leader or body.
import type { ReceptionKind } from '../../shared/enums.ts';
import { AppError } from '../../shared/errors.ts';
import type { Actor, AppContext } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { assertCanChangeReceptionDay, receptionBeginsAt } from '../policies/reception-policy.ts';
import { findReceptionDay, hasVisits, updateReceptionDayIfVersion, type ReceptionDayChange } from '../repositories/reception.ts';
import { insertAudit } from '../repositories/audit.ts';
import { checkReceptionSlot, type ScheduleInput } from './schedule-reception-day.ts';
import { invitedDay, inviteToReception } from './invite-to-reception.ts';
import { notifyReceptionChange } from './notify-reception-change.ts';

/** The fields to change (those left out stay as they are; `topic: null` clears it; `caseIds` replaces the
 * matters invited to an appointment) and the version the editor saw. */
export type EditReceptionDayInput = Partial<ScheduleInput> & { version: number };

/**
 * Reads the day locked for a change and refuses unless the actor may schedule it as it stands, it is
 * still on, no visit is recorded on it (what was received stays as received), it has not begun and it
 * is still at the version the actor saw. Editing and cancelling both start here.
 */
export async function loadChangeableDay(ctx: AppContext, trx: Tx, actor: Actor, id: number, version: number) {
  const day = await findReceptionDay(trx, id, 'update');
  if (!day) throw new AppError('RECEPTION_DAY_NOT_FOUND');
  assertCanChangeReceptionDay(actor, day);
  if (day.cancelled_at !== null) throw new AppError('RECEPTION_DAY_CANCELLED');
  if (await hasVisits(trx, day.id)) throw new AppError('RECEPTION_DAY_HAS_VISITS');
  if (ctx.clock.now() >= receptionBeginsAt(day)) throw new AppError('RECEPTION_DAY_BEGUN');
  if (day.version !== version) throw new AppError('RECEPTION_DAY_CHANGED', { current: day.version });
  return day;
}

const FIELDS = ['leaderUserId', 'orgId', 'day', 'startsAt', 'endsAt', 'place', 'topic', 'kind'] as const satisfies readonly (keyof ReceptionDayChange)[];

/**
 * Changes a day not yet begun and with no visit, checked as scheduling checks a new one (scope,
 * leader, day, hours, place, the leader's other days). A change to nothing writes nothing.
 */
export async function editReceptionDay(ctx: AppContext, trx: Tx, actor: Actor, id: number, input: EditReceptionDayInput): Promise<number> {
  const day = await loadChangeableDay(ctx, trx, actor, id, input.version);
  const was: ReceptionDayChange = {
    orgId: day.org_id, orgPath: day.org_path, leaderUserId: day.leader_user_id, day: day.day, startsAt: day.starts_at, endsAt: day.ends_at,
    place: day.place, topic: day.topic, kind: day.kind,
  };
  const next = await checkReceptionSlot(ctx, trx, actor, {
    leaderUserId: input.leaderUserId ?? was.leaderUserId, orgId: input.orgId ?? was.orgId, day: input.day ?? was.day,
    startsAt: input.startsAt ?? was.startsAt, endsAt: input.endsAt ?? was.endsAt, place: input.place ?? was.place,
    topic: input.topic === undefined ? was.topic : input.topic, kind: (input.kind ?? was.kind) as ReceptionKind,
  }, day.id);
  const changes = Object.fromEntries(FIELDS.filter((f) => next[f] !== was[f]).map((f) => [f, { from: was[f], to: next[f] }]));
  if (!Object.keys(changes).length && input.caseIds === undefined) return day.id;

  const now = ctx.clock.now();
  if (!(await updateReceptionDayIfVersion(trx, day.id, day.version, next, now))) throw new AppError('RECEPTION_DAY_CHANGED');
  await insertAudit(trx, [{ at: now, actorUserId: actor.userId, actorKind: 'staff', action: 'reception.edit', detail: { receptionDayId: day.id, changes } }]);
  const fields = Object.keys(changes);
  if (fields.length) await notifyReceptionChange(trx, actor, now, { kind: 'reception_changed', day: { id: day.id, ...next }, was: { id: day.id, ...was }, fields });
  // 约访: the invited matters (kept unless given; none on a day that is no longer an appointment), told again when the day moved
  const moved = (['leaderUserId', 'day', 'startsAt', 'place'] as const).some((f) => f in changes);
  await inviteToReception(ctx, trx, actor, invitedDay((await findReceptionDay(trx, day.id))!), input.caseIds, { moved });
  return day.id;
}
