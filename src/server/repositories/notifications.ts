// SQL for staff notices (staff_notifications): written with the act they tell of, read by their user.
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface NewNotification { userId: number; kind: string; data: Record<string, unknown>; receptionDayId: number | null; caseId?: number; at: Date }

export async function insertNotifications(db: Executor, rows: NewNotification[]): Promise<void> {
  if (!rows.length) return;
  await db.insertInto('staff_notifications').values(rows.map((n) => ({
    user_id: n.userId, kind: n.kind, data: JSON.stringify(n.data), reception_day_id: n.receptionDayId, case_id: n.caseId ?? null, created_at: n.at,
  }))).execute();
}

/** A user's notices, newest first, before the id `beforeId` (keyset), and how many are unread. */
export async function listNotifications(db: Executor, userId: number, f: { beforeId?: number; limit: number; unreadOnly?: boolean }) {
  let q = db.selectFrom('staff_notifications').select(['id', 'kind', 'data', 'reception_day_id', 'case_id', 'created_at', 'read_at']).where('user_id', '=', userId);
  if (f.beforeId !== undefined) q = q.where('id', '<', f.beforeId);
  if (f.unreadOnly) q = q.where('read_at', 'is', null);
  const [rows, unread] = await Promise.all([
    q.orderBy('id', 'desc').limit(f.limit).execute(),
    db.selectFrom('staff_notifications').select(sql<string>`count(*)`.as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow(),
  ]);
  return { rows, unread: Number(unread.n) };
}

/** Marks the user's own unread notices read (those given, those about one case, or all); how many it marked. */
export async function markNotificationsRead(db: Executor, userId: number, which: number[] | { caseId: number } | 'all', at: Date): Promise<number> {
  let q = db.updateTable('staff_notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (Array.isArray(which)) q = q.where('id', 'in', which.length ? which : [0]);
  else if (which !== 'all') q = q.where('case_id', '=', which.caseId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The active staff of a body with one of the given roles (who a notice to the body goes to). */
export async function activeStaffAt(db: Executor, orgId: number, roles: readonly string[]): Promise<number[]> {
  const rows = await db.selectFrom('users').select('id').where('org_id', '=', orgId).where('role', 'in', [...roles]).where('is_active', '=', true).execute();
  return rows.map((r) => r.id);
}

/** Whom a report to a government is told to: its leaders, and the supervisors and leaders of its petition bureau. */
export async function activeStaffOfGovernment(db: Executor, govId: number): Promise<number[]> {
  const rows = await db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.org_id').select('u.id').where('u.is_active', '=', true)
    .where((eb) => eb.or([
      eb.and([eb('o.id', '=', govId), eb('u.role', '=', 'leader')]),
      eb.and([eb('o.parent_id', '=', govId), eb('o.kind', '=', 'petition_bureau'), eb('u.role', 'in', ['supervisor', 'leader'])]),
    ])).execute();
  return rows.map((r) => r.id);
}

/** The body path of each of the given users (to leave out those an accusation must not reach). */
export async function orgPathsOfUsers(db: Executor, userIds: number[]): Promise<Map<number, string>> {
  if (!userIds.length) return new Map();
  const rows = await db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.org_id').select(['u.id', 'o.path']).where('u.id', 'in', userIds).execute();
  return new Map(rows.map((r) => [r.id, r.path]));
}

/** Who took a case's latest step of one of the given types (the one a later step answers), if a staff member did. */
export async function lastActorOf(db: Executor, caseId: number, types: readonly string[]): Promise<number | null> {
  const r = await db.selectFrom('case_events').select('actor_user_id').where('case_id', '=', caseId).where('type', 'in', [...types])
    .where('actor_kind', '=', 'staff').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r?.actor_user_id ?? null;
}
