// Tells a leader when someone else puts a reception day on their calendar, changes it, hands it to
// another leader or cancels it: a notice each, written with the change (staff_notifications). A leader
// acting on their own day is not told of it.
import type { NotificationKind } from '../../shared/enums.ts';
import type { Actor } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { insertNotifications, type NewNotification } from '../repositories/notifications.ts';

/** The day as a notice tells it. */
export interface NoticeDay { id: number; leaderUserId: number; day: string; startsAt: string; endsAt: string; place: string; kind: string }

/** A reception day row (repositories/reception.ts findReceptionDay) as a notice tells it. */
export const noticeDay = (d: { id: number; leader_user_id: number; day: string; starts_at: string; ends_at: string; place: string; kind: string }): NoticeDay =>
  ({ id: d.id, leaderUserId: d.leader_user_id, day: d.day, startsAt: d.starts_at, endsAt: d.ends_at, place: d.place, kind: d.kind });

export async function notifyReceptionChange(db: Executor, actor: Actor, at: Date, change:
  | { kind: 'reception_scheduled'; day: NoticeDay }
  | { kind: 'reception_changed'; day: NoticeDay; was: NoticeDay; fields: string[] }
  | { kind: 'reception_cancelled'; day: NoticeDay; reason: string }): Promise<void> {
  const facts = (d: NoticeDay) => ({ day: d.day, startsAt: d.startsAt, endsAt: d.endsAt, place: d.place, receptionKind: d.kind });
  const by = { byName: actor.displayName };
  const rows: NewNotification[] = [];
  const tell = (userId: number, kind: NotificationKind, data: Record<string, unknown>) => {
    if (userId !== actor.userId) rows.push({ userId, kind, data: { ...facts(change.day), ...by, ...data }, receptionDayId: change.day.id, at });
  };
  switch (change.kind) {
    case 'reception_scheduled':
      tell(change.day.leaderUserId, 'reception_scheduled', {});
      break;
    case 'reception_changed':
      if (change.was.leaderUserId !== change.day.leaderUserId) {
        // handed over: the leader who had it is told it is no longer theirs, the new one that it is now
        tell(change.was.leaderUserId, 'reception_reassigned', { was: facts(change.was) });
        tell(change.day.leaderUserId, 'reception_scheduled', {});
      } else {
        tell(change.day.leaderUserId, 'reception_changed', { was: facts(change.was), fields: change.fields });
      }
      break;
    case 'reception_cancelled':
      tell(change.day.leaderUserId, 'reception_cancelled', { reason: change.reason });
      break;
  }
  await insertNotifications(db, rows);
}
