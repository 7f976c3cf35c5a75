// The case lifecycle: the one state machine. States, the actions that move a case between them,
// who may fire each, and which clock each starts, moves or stops. Services ask this module; nothing
// else decides whether an action is allowed or what a due date becomes.
import { AppError } from '../shared/errors.ts';
import type { Role } from '../shared/enums.ts';
import { computeDue, extendDue, isInTime, resumeAfterPause, type TimeLimitProfile } from './deadlines.ts';
import { isValidLocalDate, type WorkCalendar } from './calendar.ts';

export const STATES = [
  'registered', // 已登记: at the petition bureau, to be routed
  'awaiting_acceptance', // 待受理: forwarded/assigned, or a direct petition at the handling body
  'handling', // 办理中
  'answered', // 已答复: 信访处理意见书 issued, to be delivered
  'concluded', // 已办结: answer delivered, review window open
  'reviewing', // 复查中
  'reviewed', // 已复查: review decision delivered, re-review window open
  're_reviewing', // 复核中
  'final', // 已终结: after re-review
  'declined', // 不予受理
  'diverted', // 已导入其他程序
  'archived', // 已归档
] as const;
export type CaseState = (typeof STATES)[number];

export const STATE_LABELS: Record<CaseState, [string, string]> = {
  registered: ['已登记', 'Registered'],
  awaiting_acceptance: ['待受理', 'Awaiting acceptance'],
  handling: ['办理中', 'In handling'],
  answered: ['已答复待送达', 'Answered, to deliver'],
  concluded: ['已办结', 'Concluded'],
  reviewing: ['复查中', 'Under review'],
  reviewed: ['已复查', 'Reviewed'],
  re_reviewing: ['复核中', 'Under re-review'],
  final: ['已终结', 'Final'],
  declined: ['不予受理', 'Declined'],
  diverted: ['已导入其他程序', 'Diverted'],
  archived: ['已归档', 'Archived'],
};

/** The clocks a case carries; each is a due date (last day in time, 'YYYY-MM-DD') or null. */
export const CLOCKS = [
  'route', 'accept', 'objection', 'answer', 'reviewRequest', 'evaluation', 'review', 'reReviewRequest', 'reReview',
] as const;
export type ClockName = (typeof CLOCKS)[number];
export type Dues = Record<ClockName, string | null>;
export const EMPTY_DUES: Dues = {
  route: null, accept: null, objection: null, answer: null, reviewRequest: null, evaluation: null,
  review: null, reReviewRequest: null, reReview: null,
};

/** The clock staff must beat in each state (drives queues, colours and the deadline sweep). */
export const RUNNING_CLOCK: Record<CaseState, ClockName | null> = {
  registered: 'route',
  awaiting_acceptance: 'accept',
  handling: 'answer',
  answered: 'answer',
  concluded: null,
  reviewing: 'review',
  reviewed: null,
  re_reviewing: 'reReview',
  final: null,
  declined: null,
  diverted: null,
  archived: null,
};

export const TERMINAL_STATES: readonly CaseState[] = ['archived'];
export const OPEN_STATES: readonly CaseState[] = ['registered', 'awaiting_acceptance', 'handling', 'answered', 'reviewing', 're_reviewing'];

/** A case marked at registration as a possible repeat of a final matter ([T22] Art 36) awaits staff's
 * decision while in one of these states and not routed: declining it, or routing or accepting it as a
 * matter of its own, decides. */
export const REPEAT_OF_FINAL_UNDECIDED_STATES: readonly CaseState[] = ['registered', 'awaiting_acceptance'];
export function awaitsRepeatOfFinalDecision(c: { repeatOfFinal: boolean; state: string; routeKind: string | null }): boolean {
  return c.repeatOfFinal && c.routeKind === null && (REPEAT_OF_FINAL_UNDECIDED_STATES as readonly string[]).includes(c.state);
}

const STAFF: Role[] = ['clerk', 'handler', 'supervisor', 'leader'];
const CASEWORK: Role[] = ['handler', 'supervisor'];
const BEFORE_ARCHIVE: CaseState[] = STATES.filter((s) => s !== 'archived');

interface ActionDef {
  from: readonly CaseState[];
  /** Target state; 'same' keeps the state (an event on the case). */
  to: CaseState | 'same';
  /** Staff roles that may fire it; 'petitioner' marks actions a citizen fires from the portal. */
  roles: readonly (Role | 'petitioner')[];
  /** Clocks this action may set or move. Anything else stays as it is. */
  clocks: readonly ClockName[];
  label: [string, string];
}

export const ACTIONS = {
  forward: { from: ['registered'], to: 'awaiting_acceptance', roles: ['clerk', 'supervisor'], clocks: ['accept', 'objection'], label: ['转送', 'Forward'] },
  assign: { from: ['registered'], to: 'awaiting_acceptance', roles: ['clerk', 'supervisor'], clocks: ['accept', 'objection'], label: ['交办', 'Assign'] },
  divert: { from: ['registered', 'awaiting_acceptance'], to: 'diverted', roles: ['clerk', 'handler', 'supervisor'], clocks: [], label: ['导入其他程序', 'Divert to procedure'] },
  decline: { from: ['registered', 'awaiting_acceptance'], to: 'declined', roles: ['clerk', 'handler', 'supervisor'], clocks: [], label: ['不予受理', 'Decline'] },
  object: { from: ['awaiting_acceptance'], to: 'registered', roles: ['handler', 'supervisor', 'leader'], clocks: ['route'], label: ['提出异议', 'Object'] },
  // [T22] Art 24: when acceptance is disputed (a receiver objected), the common superior of the bodies
  // in dispute decides which body accepts; that body may not object again
  designate: { from: ['registered'], to: 'awaiting_acceptance', roles: ['supervisor', 'leader'], clocks: ['accept', 'objection'], label: ['指定受理', 'Designate the accepting body'] },
  accept: { from: ['awaiting_acceptance'], to: 'handling', roles: CASEWORK, clocks: ['answer'], label: ['受理', 'Accept'] },
  request_extension: { from: ['handling'], to: 'same', roles: CASEWORK, clocks: [], label: ['申请延期', 'Request extension'] },
  approve_extension: { from: ['handling'], to: 'same', roles: ['leader'], clocks: ['answer'], label: ['批准延期', 'Approve extension'] },
  reject_extension: { from: ['handling'], to: 'same', roles: ['leader'], clocks: [], label: ['不批准延期', 'Reject extension'] },
  start_hearing: { from: ['handling', 'reviewing', 're_reviewing'], to: 'same', roles: CASEWORK, clocks: [], label: ['开始听证', 'Start hearing'] },
  end_hearing: { from: ['handling', 'reviewing', 're_reviewing'], to: 'same', roles: CASEWORK, clocks: ['answer', 'review', 'reReview'], label: ['结束听证', 'End hearing'] },
  // [T22] Art 24: a body taking part in a matter of several bodies (协办单位) gives the lead its opinion
  contribute: { from: ['handling'], to: 'same', roles: CASEWORK, clocks: [], label: ['提交协办意见', 'Give a co-handling opinion'] },
  // the lead finds in handling that other bodies are concerned too and asks them to take part (会同办理)
  add_co_handlers: { from: ['handling'], to: 'same', roles: ['handler', 'supervisor', 'leader'], clocks: [], label: ['增加协办单位', 'Add co-handling bodies'] },
  answer: { from: ['handling'], to: 'answered', roles: CASEWORK, clocks: [], label: ['出具处理意见书', 'Answer'] },
  send_back: { from: ['answered'], to: 'handling', roles: ['supervisor', 'leader'], clocks: [], label: ['退回重办', 'Send back'] },
  deliver: { from: ['answered'], to: 'concluded', roles: ['clerk', 'handler', 'supervisor'], clocks: ['reviewRequest', 'evaluation'], label: ['送达', 'Deliver'] },
  mediate: { from: ['handling'], to: 'concluded', roles: CASEWORK, clocks: ['reviewRequest', 'evaluation'], label: ['调解和解结案', 'Conclude by mediation'] },
  evaluate: { from: ['concluded', 'reviewed', 'final'], to: 'same', roles: ['petitioner', 'clerk'], clocks: [], label: ['满意度评价', 'Rate'] },
  request_review: { from: ['concluded'], to: 'reviewing', roles: ['petitioner', 'clerk'], clocks: ['review'], label: ['申请复查', 'Request review'] },
  decide_review: { from: ['reviewing'], to: 'reviewed', roles: ['handler', 'supervisor', 'leader'], clocks: ['reReviewRequest', 'evaluation'], label: ['复查决定', 'Review decision'] },
  // 复查 revokes the answer and orders the body that gave it to answer again (撤销原处理意见，责令重新办理)
  redo: { from: ['reviewing'], to: 'handling', roles: ['handler', 'supervisor', 'leader'], clocks: ['answer'], label: ['撤销重办', 'Revoke and order a new answer'] },
  request_re_review: { from: ['reviewed'], to: 're_reviewing', roles: ['petitioner', 'clerk'], clocks: ['reReview'], label: ['申请复核', 'Request re-review'] },
  decide_re_review: { from: ['re_reviewing'], to: 'final', roles: ['handler', 'supervisor', 'leader'], clocks: ['evaluation'], label: ['复核决定', 'Re-review decision'] },
  // 复核 revokes the review opinion and the answer and orders the body that answered to answer again; the
  // new answer is a new one (it may be reviewed), so the matter is not final (终结) until a re-review decides it
  redo_re_review: { from: ['re_reviewing'], to: 'handling', roles: ['handler', 'supervisor', 'leader'], clocks: ['answer'], label: ['复核撤销重办', 'Re-review: revoke and order a new answer'] },
  archive: { from: ['concluded', 'reviewed', 'final', 'declined', 'diverted'], to: 'archived', roles: ['clerk', 'supervisor'], clocks: [], label: ['归档', 'Archive'] },
  supervise: { from: OPEN_STATES, to: 'same', roles: ['supervisor', 'leader'], clocks: [], label: ['督办', 'Supervise'] },
  instruct: { from: BEFORE_ARCHIVE, to: 'same', roles: ['leader'], clocks: [], label: ['批示', 'Instruct'] },
  own: { from: OPEN_STATES, to: 'same', roles: ['leader'], clocks: [], label: ['包案', 'Take ownership'] },
  follow_up: { from: ['concluded', 'reviewed', 'final'], to: 'same', roles: STAFF, clocks: [], label: ['回访', 'Follow up'] },
  // [T22] Art 25: a major or urgent matter is reported at once to the government of the body that found
  // it; a later report (续报) adds what changed
  report_urgent: { from: OPEN_STATES, to: 'same', roles: STAFF, clocks: [], label: ['重大紧急报告', 'Report as major or urgent'] },
  add_submission: { from: OPEN_STATES, to: 'same', roles: ['clerk', 'supervisor', 'petitioner'], clocks: [], label: ['追加信访件', 'Add submission'] },
} as const satisfies Record<string, ActionDef>;

export type Action = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as Action[];

/** The facts of a case the state machine needs. */
export interface CaseSnapshot {
  state: CaseState;
  dues: Dues;
  extensionStatus: 'none' | 'requested' | 'approved' | 'rejected';
  extensionDays: number | null;
  hearingStartedOn: string | null;
  routeKind: 'forward' | 'assign' | 'designate' | null;
  /** Some receiver objected to it since it was registered (Art 23): acceptance is disputed (Art 24). */
  disputed: boolean;
  /** The accepting body was designated (Art 24): it may not object. */
  designated: boolean;
  /** Whether the current stage was already rated (evaluate allowed once per answer). */
  isEvaluatedAtStage: boolean;
}

export interface TransitionContext {
  today: string;
  profile: TimeLimitProfile;
  calendar: WorkCalendar;
}

export interface TransitionParams {
  /** request_extension: days asked for. */
  days?: number;
  /** deliver / mediate / decide_review / decide_re_review / redo / redo_re_review: the day the document was delivered (defaults to today). */
  deliveredOn?: string;
  /** redo / redo_re_review: the last day for the new answer (defaults to, and may not be later than, a full answer limit from today). */
  dueOn?: string;
}

export interface TransitionPlan {
  to: CaseState;
  dues: Dues;
  changes: Partial<Pick<CaseSnapshot, 'extensionStatus' | 'extensionDays' | 'hearingStartedOn' | 'routeKind' | 'isEvaluatedAtStage' | 'disputed' | 'designated'>>;
}

/** Whether a role may ever fire an action (policy adds the organisation scope). */
export function isRoleAllowed(action: Action, role: Role | 'petitioner'): boolean {
  return (ACTIONS[action].roles as readonly string[]).includes(role);
}

/** Whether an action can be fired from a state at all. */
export function isActionAvailable(action: Action, state: CaseState): boolean {
  return (ACTIONS[action].from as readonly string[]).includes(state);
}

/** Actions a role could take on a case in this state (before deadline and scope checks). */
export function availableActions(state: CaseState, role: Role | 'petitioner'): Action[] {
  return ACTION_NAMES.filter((a) => isActionAvailable(a, state) && isRoleAllowed(a, role));
}

/** The facts of a case that decide, beyond its state, whether an action can be taken at all. */
export type OfferFacts = Pick<CaseSnapshot, 'routeKind' | 'disputed' | 'designated' | 'hearingStartedOn' | 'extensionStatus'>;

/** Whether the case's own facts (not the parameters, not the clocks) allow an action its state offers:
 * what the console shows. Designation decides a disputed acceptance only; a designated receiver, or
 * one not reached by routing, cannot object; a hearing ends only once begun and holds the decisions
 * back; an extension is approved only once asked, and asked once. planTransition refuses every
 * action this does not offer. */
export function isOffered(action: Action, s: OfferFacts): boolean {
  switch (action) {
    case 'designate': return s.disputed;
    case 'object': return s.routeKind !== null && !s.designated;
    case 'start_hearing': return s.hearingStartedOn === null;
    case 'end_hearing': return s.hearingStartedOn !== null;
    case 'request_extension': return s.extensionStatus !== 'requested' && s.extensionStatus !== 'approved';
    case 'approve_extension': case 'reject_extension': return s.extensionStatus === 'requested';
    case 'answer': return s.extensionStatus !== 'requested' && s.hearingStartedOn === null;
    case 'deliver': case 'mediate': case 'decide_review': case 'redo': case 'decide_re_review': case 'redo_re_review': return s.hearingStartedOn === null;
    default: return true;
  }
}

/** The due date of the clock running in the current state, or null. */
export function runningDue(state: CaseState, dues: Dues): string | null {
  const clock = RUNNING_CLOCK[state];
  return clock ? dues[clock] : null;
}

/** Dues set when a case is registered: at the bureau the 15-day routing clock ([T22] Art 22);
 * a direct petition at the handling body the 15-day acceptance clock (Art 23). Both run from the day
 * the submission was received (收到之日起, local date), which may be before the day it is registered
 * (a letter registered late) but never after today. */
export function initialDues(atBureau: boolean, receivedOn: string, ctx: TransitionContext): { state: CaseState; dues: Dues } {
  if (!isValidLocalDate(receivedOn) || receivedOn > ctx.today) throw new AppError('INVALID_DATE', { field: 'receivedAt' });
  if (atBureau) return { state: 'registered', dues: { ...EMPTY_DUES, route: computeDue(receivedOn, ctx.profile.route, ctx.calendar) } };
  return { state: 'awaiting_acceptance', dues: { ...EMPTY_DUES, accept: computeDue(receivedOn, ctx.profile.accept, ctx.calendar) } };
}

function requireInTime(today: string, due: string | null): void {
  if (due !== null && !isInTime(today, due)) throw new AppError('DEADLINE_PASSED', { due });
}

/** Plans one action: checks the state and the limits, and returns the next state and dues.
 * Throws AppError when the action is not allowed; never touches a clock the action does not own. */
export function planTransition(snap: CaseSnapshot, action: Action, params: TransitionParams, ctx: TransitionContext): TransitionPlan {
  const def: ActionDef = ACTIONS[action];
  if (!isActionAvailable(action, snap.state)) throw new AppError('TRANSITION_NOT_ALLOWED', { state: snap.state, action });
  const { today, profile, calendar } = ctx;
  const dues: Dues = { ...snap.dues };
  const changes: TransitionPlan['changes'] = {};
  const to = def.to === 'same' ? snap.state : def.to;
  const delivered = params.deliveredOn ?? today;

  switch (action) {
    case 'forward':
    case 'assign':
      // [T22] Art 23: the receiver accepts or not within 15 days, and may object within 5 working days.
      dues.accept = computeDue(today, profile.accept, calendar);
      dues.objection = computeDue(today, profile.objection, calendar);
      changes.routeKind = action;
      break;
    case 'object':
      if (snap.designated) throw new AppError('ACCEPTANCE_DESIGNATED');
      if (!snap.routeKind) throw new AppError('NOT_ROUTED_HERE');
      requireInTime(today, snap.dues.objection);
      dues.route = computeDue(today, profile.route, calendar);
      changes.routeKind = null;
      changes.disputed = true;
      break;
    case 'designate':
      // [T22] Art 24: only a disputed acceptance is decided this way; the designated body has the
      // acceptance limit of Art 23 and no right to object
      if (!snap.disputed) throw new AppError('NO_ACCEPTANCE_DISPUTE');
      dues.accept = computeDue(today, profile.accept, calendar);
      dues.objection = null;
      changes.routeKind = 'designate';
      changes.designated = true;
      break;
    case 'accept':
      // [T22] Art 34: answer within 60 days of acceptance.
      dues.answer = computeDue(today, profile.answer, calendar);
      break;
    case 'request_extension': {
      if (snap.extensionStatus === 'requested') throw new AppError('EXTENSION_PENDING');
      if (snap.extensionStatus === 'approved') throw new AppError('EXTENSION_ALREADY_USED');
      const days = params.days ?? 0;
      if (!Number.isInteger(days) || days < 1 || days > profile.extensionMaxDays) throw new AppError('EXTENSION_TOO_LONG', { max: profile.extensionMaxDays });
      requireInTime(today, snap.dues.answer);
      changes.extensionStatus = 'requested';
      changes.extensionDays = days;
      break;
    }
    case 'approve_extension':
      if (snap.extensionStatus !== 'requested' || !snap.extensionDays) throw new AppError('EXTENSION_NOT_PENDING');
      dues.answer = extendDue(snap.dues.answer ?? today, snap.extensionDays);
      changes.extensionStatus = 'approved';
      break;
    case 'reject_extension':
      if (snap.extensionStatus !== 'requested') throw new AppError('EXTENSION_NOT_PENDING');
      changes.extensionStatus = 'rejected';
      changes.extensionDays = null;
      break;
    case 'start_hearing':
      if (snap.hearingStartedOn) throw new AppError('HEARING_OPEN');
      changes.hearingStartedOn = today;
      break;
    case 'end_hearing': {
      // [T22] Art 36: hearing time does not count toward the limit.
      if (!snap.hearingStartedOn) throw new AppError('NO_HEARING_OPEN');
      const clock = RUNNING_CLOCK[snap.state];
      if (clock && snap.dues[clock]) dues[clock] = resumeAfterPause(snap.dues[clock]!, snap.hearingStartedOn, today);
      changes.hearingStartedOn = null;
      break;
    }
    case 'answer':
      if (snap.extensionStatus === 'requested') throw new AppError('EXTENSION_PENDING');
      if (snap.hearingStartedOn) throw new AppError('HEARING_OPEN');
      break;
    case 'deliver':
    case 'mediate':
      // a matter cannot be concluded while its hearing is still open (the hearing would stay open forever)
      if (snap.hearingStartedOn) throw new AppError('HEARING_OPEN');
      // [T22] Art 35: review may be requested within 30 days of receiving the answer.
      dues.reviewRequest = computeDue(delivered, profile.reviewRequest, calendar);
      dues.evaluation = computeDue(delivered, profile.evaluation, calendar);
      changes.isEvaluatedAtStage = false;
      break;
    case 'evaluate':
      if (snap.isEvaluatedAtStage) throw new AppError('ALREADY_EVALUATED');
      if (!snap.dues.evaluation) throw new AppError('EVALUATION_NOT_OPEN');
      requireInTime(today, snap.dues.evaluation);
      changes.isEvaluatedAtStage = true;
      break;
    case 'request_review':
      requireInTime(today, snap.dues.reviewRequest);
      dues.review = computeDue(today, profile.reviewDecision, calendar);
      break;
    case 'decide_review':
      if (snap.hearingStartedOn) throw new AppError('HEARING_OPEN');
      // [T22] Art 36: re-review may be requested within 30 days of receiving the review decision.
      dues.reReviewRequest = computeDue(delivered, profile.reReviewRequest, calendar);
      dues.evaluation = computeDue(delivered, profile.evaluation, calendar);
      changes.isEvaluatedAtStage = false;
      break;
    case 'redo':
    case 'redo_re_review': {
      // the reviewing (or re-reviewing) body sets the time for the new answer, at most the full limit of [T22] Art 34;
      // the new handling is a handling of its own: its own extension may be asked
      if (snap.hearingStartedOn) throw new AppError('HEARING_OPEN');
      const full = computeDue(today, profile.answer, calendar);
      const due = params.dueOn ?? full;
      if (!isValidLocalDate(due) || due < today || due > full) throw new AppError('INVALID_DATE', { field: 'dueOn', latest: full });
      dues.answer = due;
      changes.extensionStatus = 'none';
      changes.extensionDays = null;
      changes.isEvaluatedAtStage = false;
      break;
    }
    case 'request_re_review':
      requireInTime(today, snap.dues.reReviewRequest);
      dues.reReview = computeDue(today, profile.reReviewDecision, calendar);
      break;
    case 'decide_re_review':
      if (snap.hearingStartedOn) throw new AppError('HEARING_OPEN');
      dues.evaluation = computeDue(delivered, profile.evaluation, calendar);
      changes.isEvaluatedAtStage = false;
      break;
    case 'archive': {
      // Archive only once the petitioner can no longer ask for review or re-review.
      const window = snap.state === 'concluded' ? snap.dues.reviewRequest : snap.state === 'reviewed' ? snap.dues.reReviewRequest : null;
      if (window !== null && isInTime(today, window)) throw new AppError('NOT_YET_ARCHIVABLE', { until: window });
      break;
    }
    default:
      break;
  }
  for (const clock of CLOCKS) {
    if (dues[clock] !== snap.dues[clock] && !(def.clocks as readonly string[]).includes(clock)) {
      throw new Error(`lifecycle: ${action} changed clock ${clock} it does not own`);
    }
  }
  return { to, dues, changes };
}
