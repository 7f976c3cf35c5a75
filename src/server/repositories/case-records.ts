// SQL for records attached to a case: supervision notices, ownership, evaluations, attachments.
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export async function insertNotice(db: Executor, n: { caseId: number; issuedBy: number; issuerOrgId: number; targetOrgId: number; text: string; issuedAt: Date; dueOn: string }) {
  return db.insertInto('supervision_notices').values({
    case_id: n.caseId, issued_by: n.issuedBy, issuer_org_id: n.issuerOrgId, target_org_id: n.targetOrgId, text: n.text, issued_at: n.issuedAt, due_on: n.dueOn,
  }).returningAll().executeTakeFirstOrThrow();
}

export async function findNotice(db: Executor, id: number) {
  return db.selectFrom('supervision_notices as n').innerJoin('organisations as t', 't.id', 'n.target_org_id')
    .selectAll('n').select(['t.path as target_path', 't.name as target_name']).where('n.id', '=', id).executeTakeFirst();
}

export async function answerNotice(db: Executor, id: number, text: string, at: Date): Promise<boolean> {
  const r = await db.updateTable('supervision_notices').set({ status: 'answered', answer_text: text, answered_at: at })
    .where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertChase(db: Executor, c: { noticeId: number; byUserId: number; at: Date; note: string }) {
  await db.insertInto('supervision_chases').values({ notice_id: c.noticeId, by_user_id: c.byUserId, at: c.at, note: c.note }).execute();
}

export async function listNotices(db: Executor, f: { caseId?: number; scopePath?: string; status?: string; limit?: number }) {
  let q = db.selectFrom('supervision_notices as n')
    .innerJoin('organisations as t', 't.id', 'n.target_org_id')
    .innerJoin('cases as c', 'c.id', 'n.case_id')
    .innerJoin('users as u', 'u.id', 'n.issued_by')
    .selectAll('n').select(['t.name as target_name', 'c.case_no', 'c.title as case_title', 'u.display_name as issuer_name']);
  if (f.caseId) q = q.where('n.case_id', '=', f.caseId);
  if (f.scopePath) q = q.where('t.path', 'like', `${f.scopePath}%`);
  if (f.status) q = q.where('n.status', '=', f.status);
  return q.orderBy('n.id', 'desc').limit(f.limit ?? 200).execute();
}

export async function listChases(db: Executor, noticeIds: number[]) {
  if (!noticeIds.length) return [];
  return db.selectFrom('supervision_chases as s').innerJoin('users as u', 'u.id', 's.by_user_id')
    .selectAll('s').select('u.display_name as by_name').where('s.notice_id', 'in', noticeIds).orderBy('s.id').execute();
}

export async function insertOwnership(db: Executor, o: { caseId: number; leaderUserId: number; plan: string; closingStandard: string; dueOn: string; at: Date }) {
  return db.insertInto('case_ownerships').values({
    case_id: o.caseId, leader_user_id: o.leaderUserId, plan: o.plan, closing_standard: o.closingStandard, due_on: o.dueOn, created_at: o.at,
  }).returningAll().executeTakeFirstOrThrow();
}

export async function listOwnerships(db: Executor, f: { caseId?: number; leaderUserId?: number }) {
  let q = db.selectFrom('case_ownerships as o').innerJoin('users as u', 'u.id', 'o.leader_user_id')
    .innerJoin('cases as c', 'c.id', 'o.case_id')
    .selectAll('o').select(['u.display_name as leader_name', 'c.case_no', 'c.title as case_title', 'c.state as case_state', 'c.next_due as case_next_due']);
  if (f.caseId) q = q.where('o.case_id', '=', f.caseId);
  if (f.leaderUserId) q = q.where('o.leader_user_id', '=', f.leaderUserId);
  return q.orderBy('o.id', 'desc').execute();
}

/** The concluded ownerships of a matter taken up again (撤销重办): the leaders own it until it is settled anew. */
export async function reopenOwnerships(db: Executor, caseId: number): Promise<number> {
  const r = await db.updateTable('case_ownerships').set({ concluded_at: null }).where('case_id', '=', caseId).where('concluded_at', 'is not', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function concludeOwnerships(db: Executor, caseId: number, at: Date) {
  await db.updateTable('case_ownerships').set({ concluded_at: at }).where('case_id', '=', caseId).where('concluded_at', 'is', null).execute();
}

/** A rating of the case's stage, in the round of handling it is in: the revocations (撤销重办) before it
 * are counted in the same statement, so the new answer after one is rated as a rating of its own. */
export async function insertEvaluation(db: Executor, e: { caseId: number; stage: string; bureauRating: string; bodyRating: string; bodyOrgId: number | null; bureauOrgId: number | null; comment: string | null; at: Date }) {
  await db.insertInto('evaluations').values({
    case_id: e.caseId, stage: e.stage, bureau_rating: e.bureauRating, body_rating: e.bodyRating, body_org_id: e.bodyOrgId,
    bureau_org_id: e.bureauOrgId, comment: e.comment, at: e.at,
    round: sql<number>`(SELECT count(*) FROM case_events WHERE case_id = ${e.caseId} AND type IN ('redo', 'redo_re_review'))::smallint`,
  }).execute();
}

export async function listEvaluations(db: Executor, caseId: number) {
  return db.selectFrom('evaluations').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

export async function insertAttachment(db: Executor, a: { caseId: number | null; eventId: number | null; filename: string; mime: string; size: number; sha256: string; storageKey: string; isPublic: boolean; uploadedBy: number | null; at: Date }) {
  return db.insertInto('attachments').values({
    case_id: a.caseId, event_id: a.eventId, filename: a.filename, mime: a.mime, size: a.size, sha256: a.sha256, storage_key: a.storageKey,
    is_public: a.isPublic, uploaded_by: a.uploadedBy, created_at: a.at,
  }).returningAll().executeTakeFirstOrThrow();
}

export async function listAttachments(db: Executor, caseId: number) {
  return db.selectFrom('attachments').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

export async function findAttachment(db: Executor, id: number) {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countAttachments(db: Executor, caseId: number): Promise<number> {
  const r = await db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow();
  return Number(r.n);
}
