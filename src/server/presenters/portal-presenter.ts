// What the petitioner sees on the portal: the stage, the dated milestones they are entitled to
// (received, routed, accepted or declined with reasons, extended with reason, answered with the
// full 意见书 text, review decisions), the documents marked for them, and the next date by which
// something must happen. Built from an allow-list: never staff notes, staff names, the accused,
// internal events or anyone else's data. The response schemas below are the same allow-list.
import { Type, type Static } from 'typebox';
import { localDate } from '../../domain/calendar.ts';
import { isInTime } from '../../domain/deadlines.ts';
import type { CaseState, ClockName } from '../../domain/lifecycle.ts';
import type { CaseRow } from '../db/schema.ts';
import { PETITIONER_DOCUMENT_TYPES, petitionerDocuments } from '../../shared/documents.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const PortalMilestone = Type.Object({
  type: Type.String(),
  /** Local date (China time) of the milestone. */
  on: Type.String(),
  at: Type.String(),
  /** The body that acted (a government body, never a staff member's name). */
  orgName: Nullable(Type.String()),
  reason: Type.Optional(Nullable(Type.String())),
  properChannel: Type.Optional(Nullable(Type.String())),
  procedure: Type.Optional(Nullable(Type.String())),
  targetOrgName: Type.Optional(Nullable(Type.String())),
  /** [T22] Art 24: the other bodies taking part with the one handling it (协办单位), as routed or added. */
  coOrgNames: Type.Optional(Type.Array(Type.String())),
  days: Type.Optional(Nullable(Type.Integer())),
  outcome: Type.Optional(Nullable(Type.String())),
  text: Type.Optional(Nullable(Type.String())),
  deliveredOn: Type.Optional(Nullable(Type.String())),
  bureauRating: Type.Optional(Nullable(Type.String())),
  bodyRating: Type.Optional(Nullable(Type.String())),
  mediation: Type.Optional(Type.Boolean()),
  /** 约访: when and where the petitioner is invited to meet the leader (and whether it was moved). */
  appointment: Type.Optional(Type.Object({ day: Type.String(), startsAt: Type.String(), place: Type.String(), changed: Type.Boolean() })),
});
export type PortalMilestone = Static<typeof PortalMilestone>;

export const PortalDocument = Type.Object({ id: Type.Integer(), filename: Type.String(), mime: Type.String(), size: Type.Integer(), mine: Type.Boolean() });

export const PortalCaseView = Type.Object({
  caseNo: Type.String(),
  title: Type.String(),
  kind: Type.String(),
  channel: Type.String(),
  stage: Type.String(),
  receivedOn: Type.String(),
  /** The body handling the matter now (after acceptance), if any. */
  handlingOrgName: Nullable(Type.String()),
  nextDue: Nullable(Type.Object({ date: Type.String(), clock: Type.String() })),
  milestones: Type.Array(PortalMilestone),
  documents: Type.Array(PortalDocument),
  /** The written notices and opinions addressed to the petitioner, as PDF from /portal/case/official-documents/:type. */
  officialDocuments: Type.Array(Type.Object({ type: Type.Enum([...PETITIONER_DOCUMENT_TYPES]), on: Type.String() })),
  evaluation: Type.Object({ isOpen: Type.Boolean(), isDone: Type.Boolean(), lastDay: Nullable(Type.String()) }),
  review: Type.Object({
    /** 'request_review' (复查) or 'request_re_review' (复核) when the stage has one. */
    action: Nullable(Type.String()),
    lastDay: Nullable(Type.String()),
    isOpen: Type.Boolean(),
    /** Why it can no longer be asked: an error-catalogue code. */
    closedCode: Nullable(Type.String()),
  }),
});
export type PortalCaseView = Static<typeof PortalCaseView>;

/** The clock the petitioner waits on (or must beat) in each stage. */
const WAITING_CLOCK: Partial<Record<CaseState, ClockName>> = {
  registered: 'route',
  awaiting_acceptance: 'accept',
  handling: 'answer',
  answered: 'answer',
  concluded: 'reviewRequest',
  reviewing: 'review',
  reviewed: 'reReviewRequest',
  re_reviewing: 'reReview',
};
/** The columns of a case the petitioner's view is made from (this presenter's input, read by repositories/portal.ts), and no more:
 * the look-up is the portal's busiest read, and the content, parties and staff fields stay home. */
export const PORTAL_CASE_COLUMNS = [
  'id', 'petitioner_id', 'case_no', 'title', 'kind', 'channel', 'state', 'received_on', 'handling_org_id',
  'route_due', 'accept_due', 'objection_due', 'answer_due', 'review_request_due', 'evaluation_due', 'review_due',
  're_review_request_due', 're_review_due', 'delivered_on', 'is_evaluated_at_stage', 'review_outcome', 're_review_outcome',
] as const satisfies readonly (keyof CaseRow)[];
export type PortalCaseRow = Pick<CaseRow, (typeof PORTAL_CASE_COLUMNS)[number]>;

const DUE_OF: Record<ClockName, keyof PortalCaseRow> = {
  route: 'route_due', accept: 'accept_due', objection: 'objection_due', answer: 'answer_due', reviewRequest: 'review_request_due',
  evaluation: 'evaluation_due', review: 'review_due', reReviewRequest: 're_review_request_due', reReview: 're_review_due',
};

type Data = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
/** The co-handling bodies' names of a routing, when it named any. */
const coOrgNames = (d: Data): Partial<PortalMilestone> => {
  const names = Array.isArray(d.coOrgNames) ? d.coOrgNames.filter((x): x is string => typeof x === 'string') : [];
  return names.length ? { coOrgNames: names } : {};
};
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** Each public event type and the fields of its data the petitioner may read. */
const MILESTONE_FIELDS: Record<string, (d: Data) => Partial<PortalMilestone>> = {
  register: () => ({}),
  add_submission: () => ({}),
  forward: (d) => ({ targetOrgName: str(d.targetOrgName), ...coOrgNames(d) }),
  assign: (d) => ({ targetOrgName: str(d.targetOrgName), ...coOrgNames(d) }),
  add_co_handlers: (d) => coOrgNames(d),
  // 约访: the time and place, not the leader's name; a withdrawal says only that it is off
  reception_invite: (d) => ({ appointment: { day: str(d.day) ?? '', startsAt: str(d.startsAt) ?? '', place: str(d.place) ?? '', changed: d.changed === true } }),
  reception_invite_withdrawn: () => ({}),
  // [T22] Art 24: the body that accepts, as designated by the common superior (not the dispute behind it)
  designate: (d) => ({ targetOrgName: str(d.targetOrgName), ...coOrgNames(d) }),
  accept: () => ({}),
  decline: (d) => ({ reason: str(d.reason), properChannel: str(d.properChannel) }),
  divert: (d) => ({ reason: str(d.reason), properChannel: str(d.properChannel), procedure: str(d.procedure) }),
  approve_extension: (d) => ({ days: num(d.days), reason: str(d.reason) }),
  start_hearing: () => ({}),
  end_hearing: () => ({}),
  deliver: (d) => ({ outcome: str(d.outcome), text: str(d.text), deliveredOn: str(d.deliveredOn) }),
  mediate: (d) => ({ text: str(d.agreement), deliveredOn: str(d.deliveredOn), mediation: true, outcome: 'upheld' }),
  evaluate: (d) => ({ bureauRating: str(d.bureauRating), bodyRating: str(d.bodyRating) }),
  request_review: (d) => ({ reason: str(d.reason), targetOrgName: str(d.reviewOrgName) }),
  request_re_review: (d) => ({ reason: str(d.reason), targetOrgName: str(d.reviewOrgName) }),
  decide_review: (d) => ({ outcome: str(d.outcome), text: str(d.text), deliveredOn: str(d.deliveredOn) }),
  decide_re_review: (d) => ({ outcome: str(d.outcome), text: str(d.text), deliveredOn: str(d.deliveredOn) }),
  // 撤销重办: the answer is revoked; the body that gave it answers again (the new due date shows as nextDue)
  redo: (d) => ({ outcome: 'revoked', text: str(d.text), deliveredOn: str(d.deliveredOn), targetOrgName: str(d.handlingOrgName) }),
  redo_re_review: (d) => ({ outcome: 'revoked', text: str(d.text), deliveredOn: str(d.deliveredOn), targetOrgName: str(d.handlingOrgName) }),
};

export interface PortalEventRow { type: string; at: Date; data: unknown; org_name: string | null }
export interface PortalDocRow { id: number; filename: string; mime: string; size: number }

function reviewWindow(c: PortalCaseRow, today: string): PortalCaseView['review'] {
  const window = (action: string, lastDay: string | null) => {
    const isOpen = !!lastDay && isInTime(today, lastDay);
    return { action, lastDay, isOpen, closedCode: isOpen ? null : 'PORTAL_REVIEW_WINDOW_CLOSED' };
  };
  const state = c.state as CaseState;
  if (state === 'concluded') return window('request_review', c.review_request_due);
  if (state === 'reviewed') return window('request_re_review', c.re_review_request_due);
  if (state === 'final' || (state === 'archived' && c.re_review_outcome)) return { action: null, lastDay: null, isOpen: false, closedCode: 'FINAL_NOT_REACCEPTED' };
  // a review that revoked the answer (撤销重办) ended in a new answer: its window is the review's again
  if (state === 'archived' && c.review_outcome && c.review_outcome !== 'revoked') return window('request_re_review', c.re_review_request_due);
  if (state === 'archived' && c.delivered_on) return window('request_review', c.review_request_due);
  return { action: null, lastDay: null, isOpen: false, closedCode: null };
}

/** The petitioner's view of their case on `today` (local date). */
export function presentPortalCase(c: PortalCaseRow, events: PortalEventRow[], docs: { public: PortalDocRow[]; mine: PortalDocRow[] }, handlingOrgName: string | null, today: string): PortalCaseView {
  const milestones: PortalMilestone[] = [];
  for (const e of events) {
    const pick = MILESTONE_FIELDS[e.type];
    if (!pick) continue;
    const data = (typeof e.data === 'string' ? JSON.parse(e.data) : e.data ?? {}) as Data;
    milestones.push({ type: e.type, on: localDate(new Date(e.at)), at: new Date(e.at).toISOString(), orgName: e.org_name, ...pick(data) });
  }
  const state = c.state as CaseState;
  const clock = WAITING_CLOCK[state];
  const rawDue = clock ? (c[DUE_OF[clock]] as string | null) : null;
  // the petitioner's own windows are shown only while open; staff limits show even when passed
  const isPetitionerWindow = clock === 'reviewRequest' || clock === 'reReviewRequest';
  const due = rawDue && isPetitionerWindow && !isInTime(today, rawDue) ? null : rawDue;
  const evaluationOpenState = state === 'concluded' || state === 'reviewed' || state === 'final';
  const evalOpen = evaluationOpenState && !c.is_evaluated_at_stage && !!c.evaluation_due && isInTime(today, c.evaluation_due);
  const seen = new Set<number>();
  const documents = [
    ...docs.public.map((d) => ({ id: d.id, filename: d.filename, mime: d.mime, size: d.size, mine: false })),
    ...docs.mine.map((d) => ({ id: d.id, filename: d.filename, mime: d.mime, size: d.size, mine: true })),
  ].filter((d) => (seen.has(d.id) ? false : (seen.add(d.id), true)));
  return {
    caseNo: c.case_no,
    title: c.title,
    kind: c.kind,
    channel: c.channel,
    stage: state,
    receivedOn: c.received_on,
    handlingOrgName: c.handling_org_id ? handlingOrgName : null,
    nextDue: clock && due ? { date: due, clock } : null,
    milestones,
    documents,
    officialDocuments: petitionerDocuments(milestones),
    evaluation: { isOpen: evalOpen, isDone: evaluationOpenState && c.is_evaluated_at_stage, lastDay: evaluationOpenState ? c.evaluation_due : null },
    review: reviewWindow(c, today),
  };
}
