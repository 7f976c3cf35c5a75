// Tells a staff member of a matter's step that waits on them, in the transaction of the step: the
// handling body's leaders that an extension is asked; whoever asked that it was approved or not;
// whoever gave an answer that it was sent back (退回重办) or revoked on review or re-review (撤销重办);
// a body's handlers, supervisors and leaders that a supervision notice (督办) is addressed to it;
// whoever accepted a matter that a co-handling body gave its opinion; the bodies named co-handling
// (协办单位, when routed, designated or added) that they are asked to take part; whoever routed a matter
// that the receiver objected to it (异议, Art 23) and it is back to be routed; the body that has a
// matter that a leader gave an instruction on it (批示); the body asked to review or re-review (复查,
// 复核: the petitioner asked it, on the portal or through a clerk); the government a major or urgent matter
// is reported to (重大紧急, Art 25: its leaders and its petition bureau's supervisors and leaders); the body
// that has a matter that a leader owns it (包案). Never the one who acted. Every
// recipient is checked against the accused body of an accusation: no one there or below is told, even
// where they would be by their place (a government reported to, a body one level up) ([T22] Art 30);
// a notice carries the case's number and title only.
import type { Action } from '../../domain/lifecycle.ts';
import type { NotificationKind } from '../../shared/enums.ts';
import type { Actor } from '../context.ts';
import type { Executor } from '../db/database.ts';
import type { CaseRow } from '../db/schema.ts';
import { findOrg } from '../repositories/organisations.ts';
import { activeStaffAt, activeStaffOfGovernment, insertNotifications, lastActorOf, orgPathsOfUsers } from '../repositories/notifications.ts';
import { isInsideAccused } from '../policies/case-policy.ts';

/** The actions a notice is written for, and the kind each writes. */
const CASE_NOTICE_OF: Partial<Record<Action, NotificationKind>> = {
  request_extension: 'extension_requested',
  approve_extension: 'extension_approved',
  reject_extension: 'extension_rejected',
  send_back: 'answer_sent_back',
  redo: 'answer_revoked',
  redo_re_review: 'answer_revoked',
  supervise: 'supervision_issued',
  contribute: 'co_opinion_given',
  forward: 'co_handling_requested',
  assign: 'co_handling_requested',
  designate: 'co_handling_requested',
  add_co_handlers: 'co_handling_requested',
  object: 'routing_objected',
  instruct: 'instruction_given',
  request_review: 'review_requested',
  request_re_review: 'review_requested',
  report_urgent: 'urgent_reported',
  own: 'ownership_taken',
};

/** The notice a step writes, if any (a routing only when it names co-handling bodies). */
export function caseNoticeKind(action: Action, data: Record<string, unknown>): NotificationKind | null {
  const kind = CASE_NOTICE_OF[action] ?? null;
  if (kind === 'co_handling_requested' && !(Array.isArray(data.coOrgIds) && data.coOrgIds.length)) return null;
  return kind;
}

/** Who took the step: a staff member, or the petitioner (whom no notice names). */
export type StepBy = { kind: 'staff'; actor: Actor } | { kind: 'petitioner' };

/**
 * `before` is the case as it was, `after` as the step left it, `data` the step's event data.
 * Writes nothing for an action not in CASE_NOTICE_OF or with nobody else to tell.
 */
export async function notifyCaseChange(db: Executor, by: StepBy, at: Date, step: {
  action: Action; before: CaseRow; after: Pick<CaseRow, 'answer_due' | 'review_due' | 're_review_due'>; data: Record<string, unknown>;
}): Promise<void> {
  const kind = caseNoticeKind(step.action, step.data);
  if (!kind) return;
  const c = step.before;
  const d = step.data;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const staffOf = (orgId: number) => activeStaffAt(db, orgId, ['handler', 'supervisor', 'leader']);
  const whoTook = async (types: string[]) => { const id = await lastActorOf(db, c.id, types); return id ? [id] : []; };
  // each one told, with what they are told beyond the case and who acted
  const to: { userId: number; facts: Record<string, unknown> }[] = [];
  const tell = (ids: number[], facts: Record<string, unknown>) => { for (const userId of ids) to.push({ userId, facts }); };
  switch (kind) {
    case 'extension_requested':
      tell(await activeStaffAt(db, c.handling_org_id ?? c.current_org_id, ['leader']), { days: d.days, reason: str(d.reason) });
      break;
    case 'extension_approved':
      tell(await whoTook(['request_extension']), { days: c.extension_days, dueOn: step.after.answer_due });
      break;
    case 'extension_rejected':
      tell(await whoTook(['request_extension']), { reason: str(d.reason) });
      break;
    case 'answer_sent_back':
      tell(await whoTook(['answer']), { reason: str(d.reason) });
      break;
    case 'answer_revoked':
      tell(await whoTook(['answer']), { reason: str(d.text), dueOn: step.after.answer_due, stage: step.action === 'redo' ? 'review' : 're_review' });
      break;
    case 'supervision_issued':
      tell(await staffOf(c.current_org_id), { reason: str(d.text), dueOn: str(d.dueOn) });
      break;
    case 'instruction_given':
      tell(await staffOf(c.current_org_id), { reason: str(d.text) });
      break;
    case 'co_handling_requested': {
      // the lead: the body routed or designated to, or (adding in handling) the one that has the matter
      const lead = str(d.targetOrgName) ?? (await findOrg(db, c.current_org_id))?.name ?? null;
      const names = Array.isArray(d.coOrgNames) ? d.coOrgNames : [];
      for (const [i, id] of (d.coOrgIds as number[]).entries()) tell(await staffOf(id), { coOrgName: str(names[i]), leadOrgName: lead });
      break;
    }
    case 'routing_objected':
      tell(await whoTook(['forward', 'assign', 'designate']), { reason: str(d.reason) });
      break;
    case 'co_opinion_given':
      tell(await whoTook(['accept']), { coOrgName: str(d.coOrgName) });
      break;
    case 'urgent_reported':
      if (typeof d.reportedToOrgId === 'number') tell(await activeStaffOfGovernment(db, d.reportedToOrgId), { reason: str(d.text), first: d.first === true });
      break;
    case 'ownership_taken':
      tell(await staffOf(c.current_org_id), { reason: str(d.plan), dueOn: str(d.dueOn) });
      break;
    case 'review_requested': {
      // the body asked to review or re-review, with its last day to decide; not the petitioner's reasons
      const isReview = step.action === 'request_review';
      if (typeof d.reviewOrgId === 'number') tell(await staffOf(d.reviewOrgId), { stage: isReview ? 'review' : 're_review', dueOn: isReview ? step.after.review_due : step.after.re_review_due });
      break;
    }
    default:
      return;
  }
  const me = by.kind === 'staff' ? by.actor.userId : null;
  let rows = to.filter((r, i) => r.userId !== me && to.findIndex((x) => x.userId === r.userId) === i);
  if (c.kind === 'accusation' && rows.length) {
    const paths = await orgPathsOfUsers(db, rows.map((r) => r.userId));
    rows = rows.filter((r) => !isInsideAccused(c, paths.get(r.userId) ?? ''));
  }
  if (!rows.length) return;
  const who = by.kind === 'staff'
    ? { byName: by.actor.displayName, byOrgName: (await findOrg(db, by.actor.orgId))?.name ?? null }
    : { byName: '', byOrgName: null, byPetitioner: true };
  await insertNotifications(db, rows.map((r) => ({
    userId: r.userId, kind, caseId: c.id, receptionDayId: null, at, data: { caseNo: c.case_no, title: c.title, ...who, ...r.facts },
  })));
}
