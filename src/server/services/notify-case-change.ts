// Tells a staff member of a matter's step that waits on them, in the transaction of the step: the
// handling body's leaders that an extension is asked; whoever asked that it was approved or not;
// whoever gave an answer that it was sent back (退回重办) or revoked on review or re-review (撤销重办);
// a body's handlers, supervisors and leaders that a supervision notice (督办) is addressed to it;
// whoever accepted a matter that a co-handling body gave its opinion; the bodies named co-handling
// (协办单位, when routed, designated or added) that they are asked to take part; whoever routed a matter
// that the receiver objected to it (异议, Art 23) and it is back to be routed; the body that has a
// matter that a leader gave an instruction on it (批示). Never the one who acted. Every
// recipient works in the body that has the matter (or gave its answer), never an accused body, which
// never handles an accusation ([T22] Art 30); a notice carries the case's number and title only.
import type { Action } from '../../domain/lifecycle.ts';
import type { NotificationKind } from '../../shared/enums.ts';
import type { Actor } from '../context.ts';
import type { Executor } from '../db/database.ts';
import type { CaseRow } from '../db/schema.ts';
import { findOrg } from '../repositories/organisations.ts';
import { activeStaffAt, insertNotifications, lastActorOf, type NewNotification } from '../repositories/notifications.ts';

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
};

/** The notice a step writes, if any (a routing only when it names co-handling bodies). */
export function caseNoticeKind(action: Action, data: Record<string, unknown>): NotificationKind | null {
  const kind = CASE_NOTICE_OF[action] ?? null;
  if (kind === 'co_handling_requested' && !(Array.isArray(data.coOrgIds) && data.coOrgIds.length)) return null;
  return kind;
}

/**
 * `before` is the case as it was, `after` as the step left it, `data` the step's event data.
 * Writes nothing for an action not in CASE_NOTICE_OF or with nobody else to tell.
 */
export async function notifyCaseChange(db: Executor, actor: Actor, at: Date, step: {
  action: Action; before: CaseRow; after: Pick<CaseRow, 'answer_due'>; data: Record<string, unknown>;
}): Promise<void> {
  const kind = caseNoticeKind(step.action, step.data);
  if (!kind) return;
  const c = step.before;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  let to: number[];
  let facts: Record<string, unknown>;
  switch (kind) {
    case 'extension_requested':
      to = await activeStaffAt(db, c.handling_org_id ?? c.current_org_id, ['leader']);
      facts = { days: step.data.days, reason: str(step.data.reason) };
      break;
    case 'extension_approved':
    case 'extension_rejected': {
      const asker = await lastActorOf(db, c.id, ['request_extension']);
      to = asker ? [asker] : [];
      facts = kind === 'extension_approved' ? { days: c.extension_days, dueOn: step.after.answer_due } : { reason: str(step.data.reason) };
      break;
    }
    case 'answer_sent_back':
    case 'answer_revoked': {
      const answerer = await lastActorOf(db, c.id, ['answer']);
      to = answerer ? [answerer] : [];
      facts = kind === 'answer_sent_back' ? { reason: str(step.data.reason) } : { reason: str(step.data.text), dueOn: step.after.answer_due, stage: step.action === 'redo' ? 'review' : 're_review' };
      break;
    }
    case 'supervision_issued':
      to = await activeStaffAt(db, c.current_org_id, ['handler', 'supervisor', 'leader']);
      facts = { reason: str(step.data.text), dueOn: str(step.data.dueOn) };
      break;
    case 'instruction_given':
      to = await activeStaffAt(db, c.current_org_id, ['handler', 'supervisor', 'leader']);
      facts = { reason: str(step.data.text) };
      break;
    case 'co_handling_requested': {
      const bodies = (step.data.coOrgIds as number[]).map((id, i) => ({ id, name: (step.data.coOrgNames as string[] | undefined)?.[i] ?? null }));
      const rows: NewNotification[] = [];
      const byOrg = await findOrg(db, actor.orgId);
      // the lead: the body routed or designated to, or (adding in handling) the one that has the matter
      const lead = str(step.data.targetOrgName) ?? (await findOrg(db, c.current_org_id))?.name ?? null;
      for (const b of bodies) {
        for (const userId of await activeStaffAt(db, b.id, ['handler', 'supervisor', 'leader'])) {
          if (userId === actor.userId) continue;
          rows.push({ userId, kind, caseId: c.id, receptionDayId: null, at, data: {
            caseNo: c.case_no, title: c.title, byName: actor.displayName, byOrgName: byOrg?.name ?? null, coOrgName: b.name, leadOrgName: lead,
          } });
        }
      }
      await insertNotifications(db, rows);
      return;
    }
    case 'routing_objected': {
      const router = await lastActorOf(db, c.id, ['forward', 'assign', 'designate']);
      to = router ? [router] : [];
      facts = { reason: str(step.data.reason) };
      break;
    }
    case 'co_opinion_given': {
      const accepter = await lastActorOf(db, c.id, ['accept']);
      to = accepter ? [accepter] : [];
      facts = { coOrgName: str(step.data.coOrgName) };
      break;
    }
    default:
      return;
  }
  to = [...new Set(to)].filter((id) => id !== actor.userId);
  if (!to.length) return;
  const byOrg = await findOrg(db, actor.orgId);
  const data = { caseNo: c.case_no, title: c.title, byName: actor.displayName, byOrgName: byOrg?.name ?? null, ...facts };
  await insertNotifications(db, to.map((userId) => ({ userId, kind, data, receptionDayId: null, caseId: c.id, at })));
}
