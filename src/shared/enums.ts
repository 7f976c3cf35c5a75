// Shared vocabulary of the server and both web apps. Identifiers follow the glossary in DOMAIN.md;
// labels carry the Chinese term first.

export const ROLES = ['clerk', 'handler', 'supervisor', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, [zh: string, en: string]> = {
  clerk: ['登记员', 'Intake clerk'],
  handler: ['承办人', 'Handler'],
  supervisor: ['审核/督办', 'Supervisor'],
  leader: ['领导', 'Leader'],
  admin: ['管理员', 'Administrator'],
};
/**
 * The roles that work on case matters: lists, queues, case pages, attachments, documents, reminders,
 * supervision notices and the cases behind a figure. The administrator keeps the system (bodies,
 * users, calendar, time limits) and sees figures, never a case's matter or the people in it.
 */
export const CASEWORK_ROLES: readonly Role[] = ['clerk', 'handler', 'supervisor', 'leader'];

export const ORG_LEVELS = ['national', 'province', 'city', 'county', 'township', 'village'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];
export const ORG_LEVEL_LABELS: Record<OrgLevel, [string, string]> = {
  national: ['国家', 'National'],
  province: ['省', 'Province'],
  city: ['市', 'City'],
  county: ['县', 'County'],
  township: ['乡镇', 'Township'],
  village: ['村居', 'Village'],
};

export const ORG_KINDS = ['petition_bureau', 'government', 'department', 'township', 'village', 'enterprise'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABELS: Record<OrgKind, [string, string]> = {
  petition_bureau: ['信访部门', 'Petition bureau'],
  government: ['党政机关', 'Party and government organ'],
  department: ['职能部门', 'Functional department'],
  township: ['乡镇街道', 'Township or subdistrict'],
  village: ['村居', 'Village or community'],
  enterprise: ['企事业单位', 'Enterprise or institution'],
};

export const CHANNELS = ['online', 'letter', 'visit', 'phone', 'fax', 'agent'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, [string, string]> = {
  online: ['网上', 'Online'],
  letter: ['来信', 'Letter'],
  visit: ['来访', 'Visit'],
  phone: ['来电', 'Phone'],
  fax: ['传真', 'Fax'],
  agent: ['信访代理', 'Agent'],
};

export const KINDS = ['suggestion', 'accusation', 'claim'] as const;
export type Kind = (typeof KINDS)[number];
export const KIND_LABELS: Record<Kind, [string, string]> = {
  suggestion: ['建议意见类', 'Suggestion'],
  accusation: ['检举控告类', 'Accusation'],
  claim: ['申诉求决类', 'Claim'],
};

/** The level at which a submission was received (进京/赴省/到市/到县). */
export const LEVELS_REACHED = ['national', 'province', 'city', 'county', 'township'] as const;
export type LevelReached = (typeof LEVELS_REACHED)[number];
export const LEVEL_REACHED_LABELS: Record<LevelReached, [string, string]> = {
  national: ['进京', 'To national'],
  province: ['赴省', 'To province'],
  city: ['到市', 'To city'],
  county: ['到县', 'To county'],
  township: ['到乡镇', 'To township'],
};

export const OUTCOMES = ['upheld', 'explained', 'not_upheld'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, [string, string]> = {
  upheld: ['支持', 'Upheld'],
  explained: ['解释说明', 'Explained'],
  not_upheld: ['不予支持', 'Not upheld'],
};

export const REVIEW_OUTCOMES = ['maintained', 'changed', 'revoked'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, [string, string]> = {
  maintained: ['维持', 'Maintained'],
  changed: ['变更', 'Changed'],
  revoked: ['撤销重办', 'Revoked'],
};

export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, [string, string]> = {
  satisfied: ['满意', 'Satisfied'],
  basically_satisfied: ['基本满意', 'Basically satisfied'],
  dissatisfied: ['不满意', 'Dissatisfied'],
};

export const EVALUATION_STATUSES = ['not_due', 'pending', 'done', 'expired'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** Procedures a matter can be diverted into (诉访分离, [T22] Art 31). */
export const PROCEDURES = ['litigation', 'arbitration', 'administrative_review', 'party_appeal', 'labour_arbitration', 'other'] as const;
export type Procedure = (typeof PROCEDURES)[number];
export const PROCEDURE_LABELS: Record<Procedure, [string, string]> = {
  litigation: ['诉讼', 'Litigation'],
  arbitration: ['仲裁', 'Arbitration'],
  administrative_review: ['行政复议', 'Administrative review'],
  party_appeal: ['党员申诉', 'Party appeal'],
  labour_arbitration: ['劳动人事争议仲裁', 'Labour dispute arbitration'],
  other: ['其他法定途径', 'Other statutory procedure'],
};

/** The ground a decline (不予受理) may name beyond the general one ([T22] Art 23): `final_repeat`, a
 * matter final after re-review raised again on the same facts and reasons (Art 36), allowed only on a
 * case marked so at registration (repeat_of_final). */
export const DECLINE_BASES = ['final_repeat'] as const;
export type DeclineBasis = (typeof DECLINE_BASES)[number];
export const DECLINE_BASIS_LABELS: Record<DeclineBasis, [zh: string, en: string]> = {
  final_repeat: ['复核终结后以同一事实和理由再次提出（第三十六条）', 'Final after re-review, raised again on the same facts and reasons (Art 36)'],
};

export const ROUTE_KINDS = ['forward', 'assign'] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

export const PERSON_ROLES = ['co_petitioner', 'representative'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** A reception day (领导接待日) is on the calendar (已安排) or called off (已取消, kept with its reason). */
export const RECEPTION_DAY_STATUSES = ['scheduled', 'cancelled'] as const;
export type ReceptionDayStatus = (typeof RECEPTION_DAY_STATUSES)[number];
export const RECEPTION_DAY_STATUS_LABELS: Record<ReceptionDayStatus, [zh: string, en: string]> = {
  scheduled: ['已安排', 'Scheduled'],
  cancelled: ['已取消', 'Cancelled'],
};
/** How a leader receives (migration 0021): at the reception place on a set day (定点接访), down at a
 * township or village (下访), or meeting petitioners invited about a matter (约访). */
export const RECEPTION_KINDS = ['fixed', 'field', 'appointment'] as const;
export type ReceptionKind = (typeof RECEPTION_KINDS)[number];
export const RECEPTION_KIND_LABELS: Record<ReceptionKind, [zh: string, en: string]> = {
  fixed: ['定点接访', 'At the reception place'],
  field: ['下访', 'Field visit'],
  appointment: ['约访', 'By appointment'],
};
/** Reception hours, 'HH:MM' China time (as the reception_days table checks them). */
export const RECEPTION_TIME_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

/** Field limits shared by API validation and the forms. */
export const LIMITS = {
  titleMax: 100,
  contentMax: 5000,
  textMax: 5000,
  reasonMax: 1000,
  nameMax: 50,
  addressMax: 200,
  representativesMax: 5, // [T22] Art 20: at most 5 representatives
  collectiveMinHeadcount: 6, // more than 5 people
  headcountMax: 10_000,
  attachmentMaxBytes: 10 * 1024 * 1024,
  attachmentsPerCase: 20,
  pageSizeMax: 100,
  // a staff password, whoever sets it (an administrator, or the user themselves)
  passwordMin: 8,
  passwordMax: 200,
} as const;

export const ATTACHMENT_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'text/plain': 'txt',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/**
 * 人民建议征集: a citizen suggestion is received (being studied) until staff decide once whether it is
 * adopted, in full or in part, with a reply the citizen reads on the portal ([T22] Art 29). The migration's CHECK and the
 * portal look-up know exactly these.
 */
export const SUGGESTION_STATUSES = ['received', 'adopted', 'partly_adopted', 'not_adopted'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
export const SUGGESTION_STATUS_LABELS: Record<SuggestionStatus, [zh: string, en: string]> = {
  received: ['研究中', 'Being studied'],
  adopted: ['已采纳', 'Adopted'],
  partly_adopted: ['部分采纳', 'Partly adopted'],
  not_adopted: ['未采纳', 'Not adopted'],
};

/** What a staff notice is about (staff_notifications.kind): a reception day of the leader told, put on
 * their calendar, changed, handed over to another leader, or cancelled by someone else. */
export const NOTIFICATION_KINDS = [
  // a leader's reception days, put on their calendar or changed by someone else
  'reception_scheduled', 'reception_changed', 'reception_reassigned', 'reception_cancelled',
  // a matter's steps that wait on someone: an extension asked (the handling body's leaders) and decided (whoever
  // asked), an answer sent back or revoked on review (whoever gave it), a supervision notice (the body addressed),
  // a co-handling body's opinion (whoever accepted the matter); a body asked to take part as co-handling (its staff)
  'extension_requested', 'extension_approved', 'extension_rejected', 'answer_sent_back', 'answer_revoked', 'supervision_issued', 'co_opinion_given',
  'co_handling_requested',
  // a receiver's objection to a matter routed to it (whoever routed it); a leader's instruction (the body that has the matter)
  'routing_objected', 'instruction_given',
  // a review or re-review asked of a body (its handlers, supervisors and leaders)
  'review_requested',
  // a major or urgent matter reported to a government (its leaders, its bureau's supervisors and leaders); a leader owning a matter (the body that has it)
  'urgent_reported', 'ownership_taken',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
