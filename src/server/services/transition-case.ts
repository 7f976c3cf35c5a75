// Fires one lifecycle action on a case: the state machine plans it, the action's effects add the
// facts it records, and the case, its event and the audit entry are written in one transaction.
import { AppError } from '../../shared/errors.ts';
import { addCalendarDays } from '../../domain/calendar.ts';
import { isInTime } from '../../domain/deadlines.ts';
import {
  ACTIONS, planTransition, runningDue, type Action, type CaseSnapshot, type CaseState, type TransitionContext,
} from '../../domain/lifecycle.ts';
import type { AppContext, Principal } from '../context.ts';
import type { Database, Executor } from '../db/database.ts';
import type { CaseRow, CaseUpdate, OrgRow } from '../db/schema.ts';
import { assertCanAct, coBodyIndex, isInsideAccused } from '../policies/case-policy.ts';
import { caseNoticeKind, notifyCaseChange, type StepBy } from './notify-case-change.ts';
import { duesOf, duesToColumns, findCase, findCaseForUpdate, findCaseWithParties, updateCaseWithEvent } from '../repositories/cases.ts';
import type { CaseParties } from './view-case.ts';
import { findOrg } from '../repositories/organisations.ts';
import { concludeOwnerships, insertEvaluation, insertNotice, insertOwnership, reopenOwnerships } from '../repositories/case-records.ts';
import type { AuditEntry } from '../repositories/audit.ts';
import { loadRules } from './load-rules.ts';

/** Parameters an action may carry; each route's schema says which it takes. */
export interface ActionParams {
  note?: string;
  reason?: string;
  targetOrgId?: number;
  procedure?: string;
  properChannel?: string;
  days?: number;
  outcome?: string;
  text?: string;
  deliveredOn?: string;
  method?: string;
  agreement?: string;
  bureauRating?: string;
  bodyRating?: string;
  comment?: string;
  reviewOrgId?: number;
  dueOn?: string;
  plan?: string;
  closingStandard?: string;
  summary?: string;
  /** A decline's ground beyond the general one (shared/enums DECLINE_BASES). */
  basis?: string;
  /** forward / assign / designate: the other bodies concerned that take part (协办单位, Art 24). */
  coOrgIds?: number[];
}

interface Effect {
  patch: CaseUpdate;
  /** What the timeline shows for this event. */
  data: Record<string, unknown>;
  /** The petitioner sees this milestone on the portal. */
  isPublic: boolean;
  /** Further rows the action writes with the case (in one transaction with it). */
  after?: (trx: Executor, c: CaseRow, eventId: number) => Promise<void>;
}

function need<T>(v: T | undefined | null, field: string): T {
  if (v === undefined || v === null || (typeof v === 'string' && !v.trim())) throw new AppError('VALIDATION_FAILED', { field, reason: 'required' });
  return v;
}

function checkDeliveredOn(d: string | undefined, today: string, notBefore: string | null): string {
  if (d === undefined) return today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || d > today || (notBefore && d < notBefore)) throw new AppError('INVALID_DATE', { field: 'deliveredOn' });
  return d;
}

/**
 * The body competent for a review (复查, [T22] Art 35) or re-review (复核, Art 36): the one above the body
 * that decided (the case's current body), i.e. its parent; a petition bureau's decision goes above
 * its own government. An accusation never goes to the accused body or a body inside it (Art 30),
 * and an inactive body decides nothing: such bodies are passed over for the next one above.
 */
async function competentReviewBody(trx: Executor, c: CaseRow): Promise<OrgRow> {
  const from = await findOrg(trx, c.current_org_id);
  let body = from?.parent_id ? await findOrg(trx, from.parent_id) : undefined;
  if (body && from?.kind === 'petition_bureau' && body.parent_id) body = await findOrg(trx, body.parent_id);
  let passedAccused = false;
  while (body && (isInsideAccused(c, body.path) || !body.is_active)) {
    passedAccused ||= isInsideAccused(c, body.path);
    body = body.parent_id ? await findOrg(trx, body.parent_id) : undefined;
  }
  if (!body) throw new AppError(passedAccused ? 'NO_REVIEW_BODY_OUTSIDE_ACCUSED' : 'NO_REVIEW_BODY');
  return body;
}

/** The body that receives the request: the competent one, or the one staff named if it is that one. */
async function reviewBody(trx: Executor, c: CaseRow, chosen?: number): Promise<OrgRow> {
  if (chosen === undefined) return competentReviewBody(trx, c);
  const o = await findOrg(trx, chosen);
  if (!o) throw new AppError('UNKNOWN_ORG');
  // the same rule as forwarding and assignment (Art 30)
  if (isInsideAccused(c, o.path)) throw new AppError('REVIEW_BODY_ACCUSED');
  if (!o.is_active) throw new AppError('REVIEW_BODY_INACTIVE');
  const competent = await competentReviewBody(trx, c);
  if (o.id !== competent.id) throw new AppError('REVIEW_BODY_NOT_COMPETENT', { reviewOrgId: o.id, competentOrgId: competent.id });
  return o;
}

/** The body that receives a routed matter: active, not where the matter is now, never the accused (Art 30). */
async function receivingBody(trx: Executor, c: CaseRow, id: number | undefined): Promise<OrgRow> {
  const target = await findOrg(trx, need(id, 'targetOrgId'));
  if (!target || !target.is_active) throw new AppError('UNKNOWN_ORG');
  if (target.id === c.current_org_id) throw new AppError('SAME_ORG');
  // [T22] Art 30: accusation material never goes to the accused body or below it
  if (isInsideAccused(c, target.path)) throw new AppError('ACCUSED_CANNOT_HANDLE');
  return target;
}

/** [T22] Art 24: the other bodies concerned that take part in the matter with the lead (协办单位): active,
 * other than the lead, each once, and never the accused body of an accusation (Art 30). */
async function coHandlingBodies(trx: Executor, c: CaseRow, lead: OrgRow, ids: number[] | undefined): Promise<OrgRow[]> {
  const list = ids ?? [];
  if (list.length > 5 || new Set(list).size !== list.length) throw new AppError('CO_HANDLER_INVALID', { field: 'coOrgIds' });
  const bodies: OrgRow[] = [];
  for (const id of list) {
    const o = await findOrg(trx, id);
    if (!o || !o.is_active || o.id === lead.id || isInsideAccused(c, o.path)) throw new AppError('CO_HANDLER_INVALID', { field: 'coOrgIds', orgId: id });
    bodies.push(o);
  }
  return bodies;
}

/** What a routing writes: the lead as the current body and the co-handling bodies with it. */
const routedTo = (target: OrgRow, co: OrgRow[]): CaseUpdate => ({
  current_org_id: target.id, current_org_path: target.path, co_org_ids: co.map((o) => o.id), co_org_paths: co.map((o) => o.path),
});

/** The government (or township) a body belongs to: itself, or the nearest such body above it. */
async function governmentOf(trx: Executor, orgId: number): Promise<OrgRow> {
  let o = await findOrg(trx, orgId);
  const start = o;
  while (o && o.kind !== 'government' && o.kind !== 'township') o = o.parent_id ? await findOrg(trx, o.parent_id) : undefined;
  if (o) return o;
  if (start) return start;
  throw new AppError('UNKNOWN_ORG');
}

/** The facts each action records beyond the state and clocks. */
async function effectOf(trx: Executor, ctx: AppContext, principal: Principal, c: CaseRow, action: Action, p: ActionParams, rules: TransitionContext): Promise<Effect> {
  const today = rules.today;
  const actor = principal.kind === 'staff' ? principal.actor : null;
  switch (action) {
    case 'forward':
    case 'assign': {
      const target = await receivingBody(trx, c, p.targetOrgId);
      const co = await coHandlingBodies(trx, c, target, p.coOrgIds);
      return {
        patch: { ...routedTo(target, co), route_kind: action },
        data: { targetOrgId: target.id, targetOrgName: target.name, note: p.note ?? null, ...(co.length && { coOrgIds: co.map((o) => o.id), coOrgNames: co.map((o) => o.name) }) }, isPublic: true,
      };
    }
    case 'designate': {
      // [T22] Art 24: the common superior of the bodies in dispute decides which one accepts
      const target = await receivingBody(trx, c, p.targetOrgId);
      if (!actor || !target.path.startsWith(actor.scopePath)) throw new AppError('NOT_COMMON_SUPERIOR', { field: 'targetOrgId' });
      const co = await coHandlingBodies(trx, c, target, p.coOrgIds);
      return {
        patch: { ...routedTo(target, co), designated_by_org_id: actor.orgId },
        data: {
          targetOrgId: target.id, targetOrgName: target.name, reason: need(p.reason, 'reason'),
          ...(co.length && { coOrgIds: co.map((o) => o.id), coOrgNames: co.map((o) => o.name) }),
        }, isPublic: true,
      };
    }
    case 'add_co_handlers': {
      // the lead asks further bodies concerned to take part; with those already taking part, at most five
      const lead = await findOrg(trx, c.current_org_id);
      if (!lead) throw new AppError('UNKNOWN_ORG');
      const add = need(p.coOrgIds, 'coOrgIds');
      if (add.some((id) => c.co_org_ids.includes(id)) || c.co_org_ids.length + add.length > 5) throw new AppError('CO_HANDLER_INVALID', { field: 'coOrgIds' });
      const co = await coHandlingBodies(trx, c, lead, add);
      return {
        patch: { co_org_ids: [...c.co_org_ids, ...co.map((o) => o.id)], co_org_paths: [...c.co_org_paths, ...co.map((o) => o.path)] },
        data: { coOrgIds: co.map((o) => o.id), coOrgNames: co.map((o) => o.name), reason: p.reason ?? null }, isPublic: true,
      };
    }
    case 'contribute': {
      const i = coBodyIndex(actor!, c);
      const body = await findOrg(trx, c.co_org_ids[i]!);
      return { patch: {}, data: { coOrgId: body!.id, coOrgName: body!.name, text: need(p.text, 'text') }, isPublic: false };
    }
    case 'divert':
      return {
        patch: { divert_procedure: need(p.procedure, 'procedure'), decline_reason: need(p.reason, 'reason'), proper_channel: p.properChannel ?? null, concluded_on: today },
        data: { procedure: p.procedure, reason: p.reason, properChannel: p.properChannel ?? null }, isPublic: true,
      };
    case 'decline':
      // [T22] Art 36 only on a case marked at registration as a repeat of a final matter
      if (p.basis === 'final_repeat' && !c.repeat_of_final) throw new AppError('DECLINE_BASIS_NOT_MARKED', { field: 'basis' });
      return {
        patch: { decline_reason: need(p.reason, 'reason'), proper_channel: need(p.properChannel, 'properChannel'), concluded_on: today },
        data: { reason: p.reason, properChannel: p.properChannel, basis: p.basis ?? null }, isPublic: true,
      };
    case 'object': {
      // back to the bureau, which routes it again; the receiver is on record as a party to the dispute
      // over acceptance that its common superior may decide (Art 24)
      const back = await findOrg(trx, c.registered_org_id);
      return {
        patch: { ...routedTo(back!, []), route_kind: null, objected_org_paths: [...c.objected_org_paths, c.current_org_path] },
        data: { reason: need(p.reason, 'reason'), fromOrgId: c.current_org_id }, isPublic: false,
      };
    }
    case 'accept':
      return {
        patch: { accepted_on: today, handling_org_id: c.current_org_id, handling_org_path: c.current_org_path },
        data: { note: p.note ?? null }, isPublic: true,
      };
    case 'request_extension':
      return { patch: { extension_reason: need(p.reason, 'reason') }, data: { days: p.days, reason: p.reason }, isPublic: false };
    case 'approve_extension':
      // [T22] Art 34: the petitioner is told of the extension and its reason
      return { patch: {}, data: { days: c.extension_days, reason: c.extension_reason, note: p.note ?? null }, isPublic: true };
    case 'reject_extension':
      return { patch: {}, data: { reason: need(p.reason, 'reason') }, isPublic: false };
    case 'start_hearing':
      return { patch: {}, data: { note: p.note ?? null }, isPublic: true };
    case 'end_hearing':
      return { patch: {}, data: { summary: need(p.summary, 'summary') }, isPublic: true };
    case 'answer':
      return {
        patch: { outcome: need(p.outcome, 'outcome'), answer_text: need(p.text, 'text'), answered_on: today },
        data: { outcome: p.outcome, text: p.text }, isPublic: false,
      };
    case 'send_back':
      return { patch: { outcome: null, answer_text: null, answered_on: null }, data: { reason: need(p.reason, 'reason') }, isPublic: false };
    case 'deliver': {
      const on = checkDeliveredOn(p.deliveredOn, today, c.answered_on);
      return {
        patch: { delivered_on: on, concluded_on: on, evaluation_status: 'pending', is_evaluated_at_stage: false },
        data: { deliveredOn: on, method: p.method ?? 'in_person', outcome: c.outcome, text: c.answer_text }, isPublic: true,
        after: (t) => concludeOwnerships(t, c.id, ctx.clock.now()),
      };
    }
    case 'mediate': {
      const on = checkDeliveredOn(p.deliveredOn, today, c.accepted_on);
      return {
        patch: { outcome: 'upheld', answer_text: need(p.agreement, 'agreement'), answered_on: on, delivered_on: on, concluded_on: on, evaluation_status: 'pending' },
        data: { agreement: p.agreement, deliveredOn: on, mediation: true }, isPublic: true,
        after: (t) => concludeOwnerships(t, c.id, ctx.clock.now()),
      };
    }
    case 'evaluate': {
      const bureau = need(p.bureauRating, 'bureauRating');
      const body = need(p.bodyRating, 'bodyRating');
      const stage = c.state === 'concluded' ? 'answer' : c.state === 'reviewed' ? 'review' : 're_review';
      return {
        patch: { evaluation_status: 'done' },
        data: { stage, bureauRating: bureau, bodyRating: body, comment: p.comment ?? null }, isPublic: true,
        after: (t) => insertEvaluation(t, {
          caseId: c.id, stage, bureauRating: bureau, bodyRating: body, bodyOrgId: c.handling_org_id ?? c.current_org_id,
          bureauOrgId: c.registered_org_id, comment: p.comment ?? null, at: ctx.clock.now(),
        }),
      };
    }
    case 'request_review':
    case 'request_re_review': {
      const body = await reviewBody(trx, c, p.reviewOrgId);
      return {
        patch: { review_org_id: body.id, current_org_id: body.id, current_org_path: body.path, evaluation_status: c.evaluation_status === 'pending' ? 'expired' : c.evaluation_status },
        data: { reason: need(p.reason, 'reason'), reviewOrgId: body.id, reviewOrgName: body.name }, isPublic: true,
      };
    }
    case 'redo':
    case 'redo_re_review': {
      // back to the body that answered, which answers again; the revoked answer no longer stands. A re-review
      // revokes the review opinion too: neither outcome stands, and above all no re-review outcome, which
      // marks a matter settled for good (终结, Art 36) once archived
      const body = c.handling_org_id ? await findOrg(trx, c.handling_org_id) : undefined;
      if (!body) throw new AppError('UNKNOWN_ORG');
      const on = checkDeliveredOn(p.deliveredOn, today, null);
      return {
        patch: {
          ...(action === 'redo' ? { review_outcome: 'revoked' } : { review_outcome: null, re_review_outcome: null }),
          outcome: null, answer_text: null, answered_on: null, delivered_on: null, concluded_on: null,
          current_org_id: body.id, current_org_path: body.path,
        },
        data: { outcome: 'revoked', text: need(p.text, 'text'), deliveredOn: on, handlingOrgName: body.name }, isPublic: true,
        // a leader's ownership (包案) ended when the revoked answer was delivered: the matter is open again, and so is the ownership
        after: async (t) => { await reopenOwnerships(t, c.id); },
      };
    }
    case 'decide_review':
    case 'decide_re_review': {
      const on = checkDeliveredOn(p.deliveredOn, today, null);
      const outcome = need(p.outcome, 'outcome');
      // a review or re-review that revokes orders a new answer (redo, redo_re_review): a decision here upholds or changes
      if (outcome === 'revoked') throw new AppError(action === 'decide_review' ? 'REVIEW_REVOKE_IS_REDO' : 'RE_REVIEW_REVOKE_IS_REDO', { field: 'outcome' });
      return {
        patch: { ...(action === 'decide_review' ? { review_outcome: outcome } : { re_review_outcome: outcome }), delivered_on: on, evaluation_status: 'pending' },
        data: { outcome, text: need(p.text, 'text'), deliveredOn: on }, isPublic: true,
      };
    }
    case 'archive':
      return { patch: {}, data: {}, isPublic: false };
    case 'supervise': {
      const dueOn = p.dueOn ?? addCalendarDays(today, rules.profile.supervisionDefaultDays);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn) || dueOn < today) throw new AppError('INVALID_DATE', { field: 'dueOn' });
      const text = need(p.text, 'text');
      return {
        patch: {}, data: { text, dueOn, targetOrgId: c.current_org_id }, isPublic: false,
        after: async (t) => { await insertNotice(t, { caseId: c.id, issuedBy: actor!.userId, issuerOrgId: actor!.orgId, targetOrgId: c.current_org_id, text, issuedAt: ctx.clock.now(), dueOn }); },
      };
    }
    case 'instruct':
      return { patch: {}, data: { text: need(p.text, 'text') }, isPublic: false };
    case 'own': {
      const dueOn = need(p.dueOn, 'dueOn');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn) || dueOn < today) throw new AppError('INVALID_DATE', { field: 'dueOn' });
      const plan = need(p.plan, 'plan');
      const closingStandard = need(p.closingStandard, 'closingStandard');
      return {
        patch: { is_owned: true }, data: { plan, closingStandard, dueOn, leader: actor!.displayName }, isPublic: false,
        after: async (t) => { await insertOwnership(t, { caseId: c.id, leaderUserId: actor!.userId, plan, closingStandard, dueOn, at: ctx.clock.now() }); },
      };
    }
    case 'follow_up':
      return { patch: {}, data: { method: p.method ?? 'phone', summary: need(p.summary, 'summary') }, isPublic: false };
    case 'report_urgent': {
      // to the government the reporting body belongs to (本级党委和政府): its own, if it is one
      const to = await governmentOf(trx, actor!.orgId);
      return {
        patch: { urgent_reported_at: ctx.clock.now(), urgent_org_path: to.path },
        data: { text: need(p.text, 'text'), reportedToOrgId: to.id, reportedToOrgName: to.name, first: c.urgent_reported_at === null }, isPublic: false,
      };
    }
    case 'add_submission':
      throw new AppError('TRANSITION_NOT_ALLOWED');
  }
}

export function snapshotOf(c: CaseRow): CaseSnapshot {
  return {
    state: c.state as CaseState,
    dues: duesOf(c),
    extensionStatus: c.extension_status as CaseSnapshot['extensionStatus'],
    extensionDays: c.extension_days,
    hearingStartedOn: c.hearing_started_on,
    routeKind: c.route_kind as CaseSnapshot['routeKind'],
    disputed: c.objected_org_paths.length > 0,
    designated: c.designated_by_org_id !== null,
    isEvaluatedAtStage: c.is_evaluated_at_stage,
  };
}

export interface TransitionInput {
  caseId: number;
  action: Action;
  version: number;
  params: ActionParams;
  /** Further audit entries written with the transition's own (the actor's view of the result). When
   * given, the case's parties are read with the case under its lock and returned. */
  alsoAudit?: (updated: CaseRow, parties: CaseParties) => AuditEntry[];
}

export interface Transitioned {
  updated: CaseRow;
  /** The petitioner and the people of the submissions, when alsoAudit asked for them. */
  parties: CaseParties | null;
}

/**
 * Fires a lifecycle action. The state machine decides whether it is allowed and moves the clocks;
 * the case must still be at the version the caller saw, so two clerks cannot both act on one state.
 *
 * Given the database (no transaction open), the case is read as it is and the write applies only if
 * it is still at that version: the case, its event, the audit entries and the figures' queue in one
 * statement, or nothing and VERSION_CONFLICT. That is two round trips and no row lock. An action
 * that writes further rows (an evaluation, a notice, an ownership) writes them in a transaction
 * with the case. Given a caller's transaction, the case is locked when read.
 */
export async function transitionCase(ctx: AppContext, db: Executor, principal: Principal, input: TransitionInput): Promise<Transitioned> {
  const lock = db.isTransaction;
  // the parties with the case when the caller shows the result (one statement)
  const read = input.alsoAudit ? await findCaseWithParties(db, input.caseId, lock) : undefined;
  const c = read ? read.row : input.alsoAudit ? undefined : await (lock ? findCaseForUpdate : findCase)(db, input.caseId);
  const parties = read?.parties ?? null;
  if (!c) throw new AppError('CASE_NOT_FOUND');
  if (principal.kind === 'staff') assertCanAct(principal.actor, c, input.action);
  else if (principal.kind === 'petitioner' && !(ACTIONS[input.action].roles as readonly string[]).includes('petitioner')) throw new AppError('FORBIDDEN');
  if (c.version !== input.version) throw new AppError('VERSION_CONFLICT', { currentVersion: c.version });

  const rules = await loadRules(ctx, db);
  const plan = planTransition(snapshotOf(c), input.action, { days: input.params.days, deliveredOn: input.params.deliveredOn, dueOn: input.action === 'redo' || input.action === 'redo_re_review' ? input.params.dueOn : undefined }, rules);
  const effect = await effectOf(db, ctx, principal, c, input.action, input.params, rules);
  const now = ctx.clock.now();
  const ch = plan.changes;
  const patch: CaseUpdate = {
    ...effect.patch,
    state: plan.to,
    ...duesToColumns(plan.dues),
    next_due: runningDue(plan.to, plan.dues),
    ...(ch.extensionStatus !== undefined && { extension_status: ch.extensionStatus }),
    ...(ch.extensionDays !== undefined && { extension_days: ch.extensionDays }),
    ...(ch.hearingStartedOn !== undefined && { hearing_started_on: ch.hearingStartedOn }),
    ...(ch.routeKind !== undefined && { route_kind: ch.routeKind }),
    ...(ch.isEvaluatedAtStage !== undefined && { is_evaluated_at_stage: ch.isEvaluatedAtStage }),
    updated_at: now,
  };
  const actor = principal.kind === 'staff' ? principal.actor : null;
  const before = snapshotOf(c).dues;
  const dueChanges = Object.fromEntries(Object.entries(plan.dues).filter(([k, v]) => v !== before[k as keyof typeof plan.dues]));
  const version = c.version + 1;
  // the case, its event, the audit entries and the figures' queue in one statement
  const write = (x: Executor) => updateCaseWithEvent(x, c.id, c.version, patch, {
    caseId: c.id, type: input.action, fromState: c.state, toState: plan.to, actorUserId: actor?.userId ?? null,
    actorOrgId: actor?.orgId ?? null, actorKind: principal.kind, at: now, data: { ...effect.data, dues: dueChanges }, isPublic: effect.isPublic,
  }, [{
    at: now, actorUserId: actor?.userId ?? null, actorKind: principal.kind, action: `case.${input.action}`, caseId: c.id,
    ip: principal.kind === 'system' ? null : principal.ip ?? null, detail: { from: c.state, to: plan.to, version },
  }, ...(input.alsoAudit && parties ? input.alsoAudit({ ...c, ...patch, version } as CaseRow, parties) : [])]);
  // a step that waits on someone else tells them (notify-case-change.ts), with the step
  const by: StepBy | null = actor ? { kind: 'staff', actor } : principal.kind === 'petitioner' ? { kind: 'petitioner' } : null;
  const notice = by && caseNoticeKind(input.action, effect.data) ? by : null;
  const after = notice
    ? async (x: Executor, u: CaseRow, eventId: number) => {
      await effect.after?.(x, u, eventId);
      await notifyCaseChange(x, notice, now, { action: input.action, before: c, after: u, data: effect.data });
    }
    : effect.after;
  const writeAll = async (x: Executor) => {
    const written = await write(x);
    if (!written) throw new AppError('VERSION_CONFLICT');
    const { event_id: eventId, ...updated } = written;
    if (after) await after(x, updated, eventId);
    return updated;
  };
  const updated = after && !db.isTransaction ? await (db as Database).transaction().execute(writeAll) : await writeAll(db);
  // the case was queued for its figures by the same statement (what `after` added is settled with it)
  return { updated, parties };
}

/** Whether the review window of a concluded case is still open (for the portal's explanation). */
export function isReviewWindowOpen(c: CaseRow, today: string): boolean {
  const due = c.state === 'concluded' ? c.review_request_due : c.state === 'reviewed' ? c.re_review_request_due : null;
  return !!due && isInTime(today, due);
}
