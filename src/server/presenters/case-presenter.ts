// What leaves the server about a case. The response schemas here are also the allow-list: a field
// not in the schema is never serialised. Personal data is masked unless explicitly revealed, and
// the accused body sees neither the accuser nor the material ([T22] Art 30).
import { Type, type Static } from 'typebox';
import { maskIdCard, maskMobile, maskName } from '../../shared/validators.ts';
import { availableActions, awaitsRepeatOfFinalDecision, isOffered, RUNNING_CLOCK, type CaseState, type OfferFacts } from '../../domain/lifecycle.ts';
import { daysLeft, urgency } from '../../domain/deadlines.ts';
import type { CaseRow, PetitionerRow } from '../db/schema.ts';
import type { Actor } from '../context.ts';
import { isAccusedViewer, mayAct } from '../policies/case-policy.ts';
import { duesOf } from '../repositories/cases.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const DateStr = Type.String({ format: 'date' });

export const PersonView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  idNumber: Nullable(Type.String()),
  mobile: Nullable(Type.String()),
  address: Nullable(Type.String()),
  role: Type.Optional(Type.String()),
  masked: Type.Boolean(),
});

export const CaseSummary = Type.Object({
  id: Type.Integer(),
  caseNo: Type.String(),
  title: Type.String(),
  kind: Type.String(),
  state: Type.String(),
  channel: Type.String(),
  categoryId: Type.Integer(),
  categoryName: Nullable(Type.String()),
  categoryNameEn: Nullable(Type.String()),
  receivedAt: Type.String({ format: 'date-time' }),
  nextDue: Nullable(DateStr),
  daysLeft: Nullable(Type.Integer()),
  urgency: Nullable(Type.String()),
  currentOrgId: Type.Integer(),
  currentOrgName: Nullable(Type.String()),
  isRepeat: Type.Boolean(),
  isCollective: Type.Boolean(),
  headcount: Type.Integer(),
  extensionStatus: Type.String(),
  evaluationStatus: Type.String(),
  isOwned: Type.Boolean(),
  /** Marked at registration as a possible repeat of a final matter (Art 36) and not decided yet (not
   * routed, accepted or declined): for staff to check. */
  repeatOfFinalPending: Type.Boolean(),
  /** Reported as major or urgent ([T22] Art 25): when last. */
  urgentReportedAt: Nullable(Type.String()),
  version: Type.Integer(),
}, { $id: 'CaseSummary' });
export type CaseSummaryView = Static<typeof CaseSummary>;

const Clock = Type.Object({ name: Type.String(), due: DateStr, daysLeft: Type.Integer(), urgency: Type.String(), running: Type.Boolean() });

export const CaseDetail = Type.Object({
  id: Type.Integer(),
  caseNo: Type.String(),
  queryCode: Nullable(Type.String()),
  title: Type.String(),
  content: Type.String(),
  isContentHidden: Type.Boolean(),
  kind: Type.String(),
  state: Type.String(),
  version: Type.Integer(),
  channel: Type.String(),
  categoryId: Type.Integer(),
  areaCode: Type.String(),
  matterAddress: Nullable(Type.String()),
  receivedAt: Type.String({ format: 'date-time' }),
  registeredOrgId: Type.Integer(),
  currentOrgId: Type.Integer(),
  handlingOrgId: Nullable(Type.Integer()),
  reviewOrgId: Nullable(Type.Integer()),
  accusedOrgId: Nullable(Type.Integer()),
  accusedName: Nullable(Type.String()),
  petitioner: Nullable(PersonView),
  people: Type.Array(PersonView),
  isCollective: Type.Boolean(),
  headcount: Type.Integer(),
  isRepeat: Type.Boolean(),
  repeatOfCaseId: Nullable(Type.Integer()),
  /** Marked at registration as a possible repeat of the final matter repeatOfCaseId (Art 36): for staff to check and, if so, decline. */
  repeatOfFinal: Type.Boolean(),
  levelReached: Nullable(Type.String()),
  isSkipLevel: Type.Boolean(),
  routeKind: Nullable(Type.String()),
  /** [T22] Art 24: the co-handling bodies (协办单位); the lead is the current body. */
  coOrgIds: Type.Array(Type.Integer()),
  /** Some receiver objected to it (Art 23): acceptance is disputed, and the common superior may designate the accepting body. */
  acceptanceDisputed: Type.Boolean(),
  /** The body that designated the accepting body (Art 24), once one did. */
  designatedByOrgId: Nullable(Type.Integer()),
  clocks: Type.Array(Clock),
  nextDue: Nullable(DateStr),
  extensionStatus: Type.String(),
  extensionDays: Nullable(Type.Integer()),
  extensionReason: Nullable(Type.String()),
  hearingStartedOn: Nullable(DateStr),
  acceptedOn: Nullable(DateStr),
  answeredOn: Nullable(DateStr),
  deliveredOn: Nullable(DateStr),
  outcome: Nullable(Type.String()),
  answerText: Nullable(Type.String()),
  declineReason: Nullable(Type.String()),
  properChannel: Nullable(Type.String()),
  divertProcedure: Nullable(Type.String()),
  reviewOutcome: Nullable(Type.String()),
  reReviewOutcome: Nullable(Type.String()),
  evaluationStatus: Type.String(),
  isOwned: Type.Boolean(),
  urgentReportedAt: Nullable(Type.String()),
  availableActions: Type.Array(Type.String()),
}, { $id: 'CaseDetail' });
export type CaseDetailView = Static<typeof CaseDetail>;

type SummaryRow = Pick<CaseRow, 'id' | 'case_no' | 'title' | 'kind' | 'state' | 'channel' | 'category_id' | 'received_at' | 'next_due' | 'current_org_id'
  | 'is_repeat' | 'is_collective' | 'headcount' | 'extension_status' | 'evaluation_status' | 'version' | 'is_owned' | 'repeat_of_final' | 'route_kind' | 'urgent_reported_at'> & {
  current_org_name: string | null; category_name_zh: string | null; category_name_en: string | null;
};

export function presentCaseSummary(r: SummaryRow, today: string): CaseSummaryView {
  return {
    id: r.id, caseNo: r.case_no, title: r.title, kind: r.kind, state: r.state, channel: r.channel, categoryId: r.category_id,
    categoryName: r.category_name_zh, categoryNameEn: r.category_name_en, receivedAt: new Date(r.received_at).toISOString(),
    nextDue: r.next_due, daysLeft: r.next_due ? daysLeft(today, r.next_due) : null, urgency: r.next_due ? urgency(today, r.next_due) : null,
    currentOrgId: r.current_org_id, currentOrgName: r.current_org_name, isRepeat: r.is_repeat, isCollective: r.is_collective,
    headcount: r.headcount, extensionStatus: r.extension_status, evaluationStatus: r.evaluation_status, isOwned: r.is_owned,
    repeatOfFinalPending: awaitsRepeatOfFinalDecision({ repeatOfFinal: r.repeat_of_final, state: r.state, routeKind: r.route_kind }),
    urgentReportedAt: r.urgent_reported_at ? new Date(r.urgent_reported_at).toISOString() : null, version: r.version,
  };
}

export function presentPerson(p: Pick<PetitionerRow, 'id' | 'name' | 'id_number' | 'mobile' | 'address'>, reveal: boolean, role?: string) {
  return {
    id: p.id,
    name: reveal ? p.name : maskName(p.name),
    idNumber: p.id_number ? (reveal ? p.id_number : maskIdCard(p.id_number)) : null,
    mobile: p.mobile ? (reveal ? p.mobile : maskMobile(p.mobile)) : null,
    address: p.address ? (reveal ? p.address : '***') : null,
    ...(role && { role }),
    masked: !reveal,
  };
}

export const HIDDEN_CONTENT = '【检举控告内容依法对被检举控告单位及人员保密】';

export function presentCaseDetail(c: CaseRow, viewer: Actor, opts: {
  today: string; petitioner: PetitionerRow | undefined; people: (Pick<PetitionerRow, 'id' | 'name' | 'id_number' | 'mobile' | 'address'> & { role: string })[]; reveal: boolean;
}): CaseDetailView {
  const hidden = isAccusedViewer(viewer, c);
  const facts: OfferFacts = {
    routeKind: c.route_kind as OfferFacts['routeKind'], disputed: c.objected_org_paths.length > 0, designated: c.designated_by_org_id !== null,
    hearingStartedOn: c.hearing_started_on, extensionStatus: c.extension_status as OfferFacts['extensionStatus'],
  };
  const dues = duesOf(c);
  // the clock of the current state (several clocks can share a due date, so match by name)
  const running = RUNNING_CLOCK[c.state as CaseState];
  const clocks = Object.entries(dues)
    .filter(([, due]) => due !== null)
    .map(([name, due]) => ({ name, due: due!, daysLeft: daysLeft(opts.today, due!), urgency: urgency(opts.today, due!), running: name === running }));
  return {
    id: c.id, caseNo: c.case_no, queryCode: hidden ? null : c.query_code, title: c.title,
    content: hidden ? HIDDEN_CONTENT : c.content, isContentHidden: hidden, kind: c.kind, state: c.state, version: c.version,
    channel: c.channel, categoryId: c.category_id, areaCode: c.area_code, matterAddress: c.matter_address,
    receivedAt: new Date(c.received_at).toISOString(), registeredOrgId: c.registered_org_id, currentOrgId: c.current_org_id,
    handlingOrgId: c.handling_org_id, reviewOrgId: c.review_org_id, accusedOrgId: c.accused_org_id, accusedName: c.accused_name,
    petitioner: hidden || !opts.petitioner ? null : presentPerson(opts.petitioner, opts.reveal),
    people: hidden ? [] : opts.people.map((p) => presentPerson(p, opts.reveal, p.role)),
    isCollective: c.is_collective, headcount: c.headcount, isRepeat: c.is_repeat, repeatOfCaseId: c.repeat_of_case_id, repeatOfFinal: c.repeat_of_final,
    levelReached: c.level_reached, isSkipLevel: c.is_skip_level, routeKind: c.route_kind,
    coOrgIds: c.co_org_ids, acceptanceDisputed: c.objected_org_paths.length > 0, designatedByOrgId: c.designated_by_org_id, clocks, nextDue: c.next_due,
    extensionStatus: c.extension_status, extensionDays: c.extension_days, extensionReason: c.extension_reason,
    hearingStartedOn: c.hearing_started_on, acceptedOn: c.accepted_on, answeredOn: c.answered_on, deliveredOn: c.delivered_on,
    outcome: c.outcome, answerText: c.answer_text, declineReason: c.decline_reason, properChannel: c.proper_channel,
    divertProcedure: c.divert_procedure, reviewOutcome: c.review_outcome, reReviewOutcome: c.re_review_outcome,
    evaluationStatus: c.evaluation_status, isOwned: c.is_owned, urgentReportedAt: c.urgent_reported_at ? new Date(c.urgent_reported_at).toISOString() : null,
    availableActions: hidden ? [] : availableActions(c.state as CaseState, viewer.role).filter((a) => a !== 'add_submission' && isOffered(a, facts) && mayAct(viewer, c, a)),
  };
}

export const EventView = Type.Object({
  id: Type.Integer(),
  type: Type.String(),
  fromState: Nullable(Type.String()),
  toState: Nullable(Type.String()),
  at: Type.String({ format: 'date-time' }),
  actorName: Nullable(Type.String()),
  actorOrgName: Nullable(Type.String()),
  actorKind: Type.String(),
  isPublic: Type.Boolean(),
  data: Type.Record(Type.String(), Type.Unknown()),
});

export function presentEvent(e: { id: number; type: string; from_state: string | null; to_state: string | null; at: Date; actor_name: string | null; actor_org_name: string | null; actor_kind: string; is_public: boolean; data: unknown }, hideIdentity: boolean) {
  const data = (typeof e.data === 'string' ? JSON.parse(e.data) : e.data) as Record<string, unknown>;
  return {
    id: e.id, type: e.type, fromState: e.from_state, toState: e.to_state, at: new Date(e.at).toISOString(),
    actorName: e.actor_name, actorOrgName: e.actor_org_name, actorKind: e.actor_kind, isPublic: e.is_public,
    data: hideIdentity && e.type === 'register' ? { channel: data.channel } : data,
  };
}
