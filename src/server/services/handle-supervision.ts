// Supervision notices (督办, [T22] Art 40): the target body answers; the issuer chases and logs it.
import { AppError } from '../../shared/errors.ts';
import type { Actor, AppContext } from '../context.ts';
import { answerNotice, findNotice, insertChase, listChases, listNotices, listOwnerships } from '../repositories/case-records.ts';
import { findCase, insertEvent } from '../repositories/cases.ts';
import { canViewCase } from '../policies/case-policy.ts';
import { insertAudit } from '../repositories/audit.ts';
import { queueCaseFacts } from './queue-case-facts.ts';
import { localDate } from '../../domain/calendar.ts';
import { daysLeft } from '../../domain/deadlines.ts';

export async function listSupervision(ctx: AppContext, actor: Actor, status?: string) {
  const today = localDate(ctx.clock.now());
  const rows = await listNotices(ctx.reader, { scopePath: actor.scopePath, status });
  const chases = await listChases(ctx.reader, rows.map((r) => r.id));
  return rows.map((n) => ({
    id: n.id, caseId: n.case_id, caseNo: n.case_no, caseTitle: n.case_title, targetOrgId: n.target_org_id, targetOrgName: n.target_name,
    issuerName: n.issuer_name, text: n.text, issuedAt: new Date(n.issued_at).toISOString(), dueOn: n.due_on, daysLeft: daysLeft(today, n.due_on),
    status: n.status, answeredAt: n.answered_at ? new Date(n.answered_at).toISOString() : null, answerText: n.answer_text,
    chases: chases.filter((c) => c.notice_id === n.id).map((c) => ({ at: new Date(c.at).toISOString(), byName: c.by_name, note: c.note })),
  }));
}

/** The target body reports back on a notice. */
export async function answerSupervision(ctx: AppContext, actor: Actor, noticeId: number, text: string) {
  const n = await findNotice(ctx.db, noticeId);
  if (!n || !n.target_path.startsWith(actor.scopePath) && !actor.orgPath.startsWith(n.target_path)) throw new AppError('NOT_FOUND');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await answerNotice(trx, noticeId, text, ctx.clock.now()))) throw new AppError('TRANSITION_NOT_ALLOWED');
    await insertEvent(trx, { caseId: n.case_id, type: 'supervision_answer', fromState: null, toState: null, actorUserId: actor.userId, actorOrgId: actor.orgId, actorKind: 'staff', at: ctx.clock.now(), data: { noticeId, text }, isPublic: false });
    await insertAudit(trx, [{ at: ctx.clock.now(), actorUserId: actor.userId, actorKind: 'staff', action: 'supervision.answer', caseId: n.case_id, detail: { noticeId } }]);
    await queueCaseFacts(trx, [n.case_id]);
  });
}

/** The issuer chases an open notice (催办), kept in the notice's log. */
export async function chaseSupervision(ctx: AppContext, actor: Actor, noticeId: number, note: string) {
  const n = await findNotice(ctx.db, noticeId);
  if (!n || !n.target_path.startsWith(actor.scopePath)) throw new AppError('NOT_FOUND');
  if (n.status !== 'open') throw new AppError('TRANSITION_NOT_ALLOWED');
  await insertChase(ctx.db, { noticeId, byUserId: actor.userId, at: ctx.clock.now(), note });
  await insertAudit(ctx.db, [{ at: ctx.clock.now(), actorUserId: actor.userId, actorKind: 'staff', action: 'supervision.chase', caseId: n.case_id, detail: { noticeId } }]);
}

/** A leader's own cases (包案); a supervisor's view is limited to the cases of their subtree. */
export async function listOwnedCases(ctx: AppContext, actor: Actor) {
  const all = await listOwnerships(ctx.reader, { leaderUserId: actor.role === 'leader' ? actor.userId : undefined });
  const inScope = await Promise.all(all.map(async (o) => {
    const c = await findCase(ctx.reader, o.case_id);
    return !!c && canViewCase(actor, c);
  }));
  const rows = all.filter((_o, i) => inScope[i]);
  return rows.map((o) => ({
    id: o.id, caseId: o.case_id, caseNo: o.case_no, caseTitle: o.case_title, caseState: o.case_state, caseNextDue: o.case_next_due,
    leaderName: o.leader_name, plan: o.plan, closingStandard: o.closing_standard, dueOn: o.due_on,
    createdAt: new Date(o.created_at).toISOString(), concludedAt: o.concluded_at ? new Date(o.concluded_at).toISOString() : null,
  }));
}
