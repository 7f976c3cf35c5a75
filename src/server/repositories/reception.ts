// SQL for reception days (领导接待日) and the visits received on them.
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface NewReceptionDay {
  orgId: number; orgPath: string; leaderUserId: number; day: string; startsAt: string; endsAt: string;
  place: string; topic: string | null; kind: string; createdBy: number; at: Date;
}

export async function insertReceptionDay(db: Executor, d: NewReceptionDay): Promise<number> {
  const r = await db.insertInto('reception_days').values({
    org_id: d.orgId, org_path: d.orgPath, leader_user_id: d.leaderUserId, day: d.day, starts_at: d.startsAt, ends_at: d.endsAt,
    place: d.place, topic: d.topic, kind: d.kind, created_by: d.createdBy, created_at: d.at,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Holds a leader's calendar until the transaction ends, so two schedulers cannot both find the same
 * hours free (the overlap check reads, then the write follows).
 */
export async function lockLeaderCalendar(db: Executor, leaderUserId: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(724102, ${leaderUserId}::int)`.execute(db);
}

/** Days still on (not cancelled) of a leader on a day whose hours overlap [startsAt, endsAt), but `exceptId`. */
export async function findOverlappingDays(db: Executor, leaderUserId: number, day: string, startsAt: string, endsAt: string, exceptId?: number) {
  let q = db.selectFrom('reception_days').select('id')
    .where('leader_user_id', '=', leaderUserId).where('day', '=', day).where('cancelled_at', 'is', null)
    .where('starts_at', '<', endsAt).where('ends_at', '>', startsAt);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return q.execute();
}

const dayColumns = [
  'd.id', 'd.org_id', 'd.org_path', 'd.leader_user_id', 'd.day', 'd.starts_at', 'd.ends_at', 'd.place', 'd.topic', 'd.kind', 'd.created_at',
  'd.version', 'd.cancelled_at', 'd.cancel_reason',
  'o.name as org_name', 'l.display_name as leader_name', 'lo.name as leader_org_name', 'lo.path as leader_org_path',
  'cb.display_name as cancelled_by_name',
] as const;

function daysQuery(db: Executor) {
  return db.selectFrom('reception_days as d')
    .innerJoin('organisations as o', 'o.id', 'd.org_id')
    .innerJoin('users as l', 'l.id', 'd.leader_user_id')
    .innerJoin('organisations as lo', 'lo.id', 'l.org_id')
    .leftJoin('users as cb', 'cb.id', 'd.cancelled_by')
    .select(dayColumns);
}

/**
 * One reception day. `lock`: 'update' before changing it, 'share' before recording a visit on it, so
 * a visit and an edit or a cancellation of the same day wait for each other instead of crossing.
 */
export async function findReceptionDay(db: Executor, id: number, lock?: 'update' | 'share') {
  const q = daysQuery(db).where('d.id', '=', id);
  if (lock === 'update') return q.forUpdate('d').executeTakeFirst();
  if (lock === 'share') return q.forShare('d').executeTakeFirst();
  return q.executeTakeFirst();
}

/** Whether any visit is recorded on the day. */
export async function hasVisits(db: Executor, dayId: number): Promise<boolean> {
  const r = await db.selectFrom('reception_visits').select('id').where('reception_day_id', '=', dayId).limit(1).executeTakeFirst();
  return r !== undefined;
}

export interface ReceptionDayChange {
  orgId: number; orgPath: string; leaderUserId: number; day: string; startsAt: string; endsAt: string; place: string; topic: string | null;
  kind: string;
}

/**
 * Writes new values to a day still at `version`, still on and with no visit; returns whether it did
 * (the conditions repeat the service's checks, so a change that raced another writes nothing).
 */
export async function updateReceptionDayIfVersion(db: Executor, id: number, version: number, c: ReceptionDayChange, at: Date): Promise<boolean> {
  const r = await db.updateTable('reception_days').set({
    org_id: c.orgId, org_path: c.orgPath, leader_user_id: c.leaderUserId, day: c.day, starts_at: c.startsAt, ends_at: c.endsAt,
    place: c.place, topic: c.topic, kind: c.kind, version: version + 1, updated_at: at,
  }).where('id', '=', id).where('version', '=', version).where('cancelled_at', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('reception_visits').select('id').where('reception_day_id', '=', id))))
    .returning('id').executeTakeFirst();
  return r !== undefined;
}

/** Marks a day still at `version`, still on and with no visit as cancelled; returns whether it did. */
export async function cancelReceptionDayIfVersion(db: Executor, id: number, version: number, c: { by: number; reason: string; at: Date }): Promise<boolean> {
  const r = await db.updateTable('reception_days').set({
    cancelled_at: c.at, cancelled_by: c.by, cancel_reason: c.reason, version: version + 1, updated_at: c.at,
  }).where('id', '=', id).where('version', '=', version).where('cancelled_at', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('reception_visits').select('id').where('reception_day_id', '=', id))))
    .returning('id').executeTakeFirst();
  return r !== undefined;
}

/** Reception days between two local dates (inclusive) seen from a scope: the body's subtree, or the leader's own days; cancelled ones too. */
export async function listReceptionDays(db: Executor, f: { from: string; to: string; scopePath: string; viewerUserId: number; leaderUserId?: number }) {
  let q = daysQuery(db)
    .where('d.day', '>=', f.from).where('d.day', '<=', f.to)
    .where((eb) => eb.or([eb('d.org_path', 'like', `${f.scopePath}%`), eb('d.leader_user_id', '=', f.viewerUserId)]));
  if (f.leaderUserId) q = q.where('d.leader_user_id', '=', f.leaderUserId);
  return q.orderBy('d.day').orderBy('d.starts_at').orderBy('d.id').limit(1000).execute();
}

export async function insertReceptionVisit(db: Executor, v: {
  receptionDayId: number; caseId: number; submissionId: number | null; leaderUserId: number; day: string; headcount: number;
  isCollective: boolean; note: string | null; recordedBy: number; at: Date;
}): Promise<number> {
  const r = await db.insertInto('reception_visits').values({
    reception_day_id: v.receptionDayId, case_id: v.caseId, submission_id: v.submissionId, leader_user_id: v.leaderUserId, day: v.day,
    headcount: v.headcount, is_collective: v.isCollective, note: v.note, recorded_by: v.recordedBy, recorded_at: v.at,
  }).onConflict((oc) => oc.columns(['reception_day_id', 'case_id']).doNothing()).returning('id').executeTakeFirst();
  return r?.id ?? 0;
}

/** Visits of the given reception days with the case facts a list shows (and what secrecy needs). */
export async function listVisitsOfDays(db: Executor, dayIds: number[]) {
  if (!dayIds.length) return [];
  return db.selectFrom('reception_visits as v')
    .innerJoin('cases as c', 'c.id', 'v.case_id')
    .innerJoin('users as r', 'r.id', 'v.recorded_by')
    .select([
      'v.id', 'v.reception_day_id', 'v.case_id', 'v.submission_id', 'v.headcount', 'v.is_collective', 'v.note', 'v.recorded_at',
      'r.display_name as recorded_by_name', 'c.case_no', 'c.title as case_title', 'c.state as case_state', 'c.kind as case_kind',
      'c.accused_org_path as case_accused_org_path',
    ])
    .where('v.reception_day_id', 'in', dayIds).orderBy('v.id').execute();
}

/** The submission of a case received on a local day [start, end), a visit first. */
export async function findSubmissionOnDay(db: Executor, caseId: number, start: Date, end: Date) {
  return db.selectFrom('submissions').select(['id', 'headcount', 'is_collective'])
    .where('case_id', '=', caseId).where('received_at', '>=', start).where('received_at', '<', end)
    .orderBy((eb) => eb.case().when('channel', '=', 'visit').then(0).else(1).end()).orderBy('id', 'desc')
    .limit(1).executeTakeFirst();
}

export async function findLatestSubmission(db: Executor, caseId: number) {
  return db.selectFrom('submissions').select(['id', 'headcount', 'is_collective'])
    .where('case_id', '=', caseId).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** Leaders (role leader, active) in a subtree: who may be scheduled to receive. */
export async function listLeadersIn(db: Executor, scopePath: string) {
  return db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.display_name', 'u.org_id', 'o.name as org_name', 'o.path as org_path'])
    .where('u.role', '=', 'leader').where('u.is_active', '=', true).where('o.path', 'like', `${scopePath}%`)
    .orderBy('o.path').orderBy('u.id').execute();
}

/** The active bodies in a subtree above village level (where a leader may receive). */
export async function listHostBodiesIn(db: Executor, scopePath: string) {
  return db.selectFrom('organisations').select(['id', 'name', 'path', 'level', 'kind'])
    .where('path', 'like', `${scopePath}%`).where('is_active', '=', true).where('level', '!=', 'village')
    .orderBy('path').execute();
}

export async function findLeaderUser(db: Executor, id: number) {
  return db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.role', 'u.is_active', 'u.display_name', 'u.org_id', 'o.path as org_path'])
    .where('u.id', '=', id).executeTakeFirst();
}

/** 约访: the cases invited to these days, with what the day's view shows of each. */
export async function listInvitationsOfDays(db: Executor, dayIds: number[]) {
  if (!dayIds.length) return [];
  return db.selectFrom('reception_invitations as i')
    .innerJoin('cases as c', 'c.id', 'i.case_id')
    .select([
      'i.reception_day_id', 'i.case_id', 'c.case_no', 'c.title as case_title', 'c.state as case_state', 'c.kind as case_kind',
      'c.accused_org_path as case_accused_org_path',
    ])
    .where('i.reception_day_id', 'in', dayIds).orderBy('i.reception_day_id').orderBy('i.case_id').execute();
}

/** The ids of the cases invited to a day. */
export async function listInvitedCaseIds(db: Executor, dayId: number): Promise<number[]> {
  return (await db.selectFrom('reception_invitations').select('case_id').where('reception_day_id', '=', dayId).orderBy('case_id').execute()).map((r) => r.case_id);
}

export async function insertInvitations(db: Executor, dayId: number, caseIds: number[], by: number, at: Date): Promise<void> {
  if (!caseIds.length) return;
  await db.insertInto('reception_invitations').values(caseIds.map((c) => ({ reception_day_id: dayId, case_id: c, invited_by: by, invited_at: at }))).execute();
}

export async function deleteInvitations(db: Executor, dayId: number, caseIds: number[]): Promise<void> {
  if (!caseIds.length) return;
  await db.deleteFrom('reception_invitations').where('reception_day_id', '=', dayId).where('case_id', 'in', caseIds).execute();
}
