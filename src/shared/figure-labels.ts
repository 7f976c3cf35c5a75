// Names of the figures as bureaus write them (Chinese first), for the dashboards, report sheets and
// the bulletin. Keys are the figures engine's (shared/figures.ts).
import type { AcceptanceBasis, FigureKey, NowKey, OnTimeVariant, SatisfactionBasis } from './figures.ts';

export const FIGURE_LABELS: Record<FigureKey | NowKey, [zh: string, en: string]> = {
  submissions: ['信访总量（批次）', 'Submissions'],
  headcount: ['信访总量（人次）', 'Headcount'],
  onlineSubmissions: ['网上信访（件）', 'Online submissions'],
  onlineShare: ['网上信访占比', 'Online share'],
  letterSubmissions: ['来信（件）', 'Letters'],
  visitSubmissions: ['来访（批次）', 'Visits'],
  visitHeadcount: ['来访（人次）', 'Visitors'],
  phoneSubmissions: ['来电（件）', 'Phone calls'],
  collectiveSubmissions: ['集体访（批）', 'Collective visits'],
  collectiveHeadcount: ['集体访（人次）', 'Collective visitors'],
  firstSubmissions: ['初信初访（件）', 'First submissions'],
  repeatSubmissions: ['重复信访（件）', 'Repeat submissions'],
  repeatRate: ['重复信访率', 'Repeat rate'],
  skipLevelSubmissions: ['越级访（批）', 'Skip-level submissions'],
  skipLevelHeadcount: ['越级访（人次）', 'Skip-level headcount'],
  accepted: ['受理（件）', 'Accepted'],
  declined: ['不予受理（件）', 'Declined'],
  diverted: ['导入其他程序（件）', 'Diverted'],
  acceptDecisions: ['受理决定（件）', 'Acceptance decisions'],
  acceptTimely: ['及时受理（件）', 'Accepted in time'],
  acceptOverdueUndecided: ['超期未决定受理（件）', 'Undecided past the limit'],
  acceptanceRate: ['受理率', 'Acceptance rate'],
  timelyAcceptRate: ['及时受理率', 'Timely acceptance rate'],
  answered: ['答复（件）', 'Answered'],
  answeredOnTime: ['按期答复（件）', 'Answered on time'],
  answeredOnTimeExtended: ['延期内答复（件）', 'Answered within extension'],
  answeredLate: ['超期答复（件）', 'Answered late'],
  unansweredOverdue: ['超期未答复（件）', 'Unanswered past the limit'],
  onTimeRate: ['按期办结率', 'On-time rate'],
  concluded: ['办结（件）', 'Concluded'],
  acceptedConcluded: ['受理事项已办结（件）', 'Accepted, since concluded'],
  completionRate: ['办结率', 'Completion rate'],
  concludedFirstTime: ['一次性办结（件）', 'Concluded at first handling'],
  firstTimeRate: ['一次性办结率', 'First-time conclusion rate'],
  extensionsRequested: ['申请延期（件）', 'Extensions requested'],
  extensionsApproved: ['批准延期（件）', 'Extensions approved'],
  extensionsRejected: ['不批准延期（件）', 'Extensions rejected'],
  evaluatedBureau: ['参评（信访部门）', 'Rated (bureau)'],
  satisfiedBureau: ['满意（信访部门）', 'Satisfied (bureau)'],
  basicallySatisfiedBureau: ['基本满意（信访部门）', 'Basically satisfied (bureau)'],
  dissatisfiedBureau: ['不满意（信访部门）', 'Dissatisfied (bureau)'],
  evaluationExpiredBureau: ['超期未评价（信访部门）', 'Not rated in time (bureau)'],
  participationRateBureau: ['参评率（信访部门）', 'Participation (bureau)'],
  satisfactionRateBureau: ['满意率（信访部门）', 'Satisfaction (bureau)'],
  evaluatedBody: ['参评（责任单位）', 'Rated (handling body)'],
  satisfiedBody: ['满意（责任单位）', 'Satisfied (handling body)'],
  basicallySatisfiedBody: ['基本满意（责任单位）', 'Basically satisfied (handling body)'],
  dissatisfiedBody: ['不满意（责任单位）', 'Dissatisfied (handling body)'],
  evaluationExpiredBody: ['超期未评价（责任单位）', 'Not rated in time (handling body)'],
  participationRateBody: ['参评率（责任单位）', 'Participation (handling body)'],
  satisfactionRateBody: ['满意率（责任单位）', 'Satisfaction (handling body)'],
  reviewsRequested: ['申请复查（件）', 'Reviews requested'],
  reviewsDecided: ['复查决定（件）', 'Reviews decided'],
  reviewsChanged: ['复查改变原意见（件）', 'Reviews that changed the answer'],
  reviewChangeRate: ['复查改变率', 'Review change rate'],
  reReviewsRequested: ['申请复核（件）', 'Re-reviews requested'],
  reReviewsDecided: ['复核决定（件）', 'Re-reviews decided'],
  reReviewsChanged: ['复核改变原意见（件）', 'Re-reviews that changed the answer'],
  reReviewChangeRate: ['复核改变率', 'Re-review change rate'],
  supervisionIssued: ['发出督办单（件）', 'Supervision notices issued'],
  supervisionAnswered: ['督办已反馈（件）', 'Notices answered'],
  supervisionAnsweredInTime: ['督办按期反馈（件）', 'Notices answered in time'],
  instructions: ['领导阅批（件）', 'Leader instructions'],
  ownedCases: ['领导包案（件）', 'Cases owned by leaders'],
  ownedConcluded: ['包案化解（件）', 'Owned cases concluded'],
  receptionDays: ['领导接访（天次）', 'Reception days'],
  receptionVisits: ['领导接访（批次）', 'Visits received by leaders'],
  receptionHeadcount: ['领导接访（人次）', 'Visitors received by leaders'],
  fixedReceptionDays: ['坐班接访（天次）', 'Days received at the reception place'],
  fieldVisitDays: ['下访（天次）', 'Field visit days'],
  appointmentHeadcount: ['约访（人次）', 'People met by appointment'],
  openNow: ['在办事项（件）', 'Open now'],
  overdueNow: ['超期未办结（件）', 'Overdue now'],
};

/** Keys whose value is a fraction 0..1 (shown as a percentage; 同比 in percentage points). */
export function isRateKey(key: string): boolean {
  return /Rate|Share/.test(key);
}

/** The figures' variants (统计口径) a bureau may count by, as the dashboard offers them; the default first. */
export const BASIS_LABELS = {
  acceptanceBasis: {
    title: ['受理率', 'Acceptance rate'],
    options: { all_decisions: ['全部受理决定（含导入其他程序）', 'All decisions (diverted included)'], excluding_diverted: ['不含导入其他程序的事项', 'Without the matters diverted'] },
  },
  onTimeVariant: {
    title: ['按期办结率', 'On-time rate'],
    options: { extended_counts: ['批准延期内答复计为按期', 'Answered within an approved extension counts'], original_limit: ['以原办理期限计', 'Original limit only'] },
  },
  satisfactionBasis: {
    title: ['满意率', 'Satisfaction'],
    options: { satisfied_or_basic: ['满意 + 基本满意', 'Satisfied + basically satisfied'], satisfied_only: ['仅满意', 'Satisfied only'] },
  },
} as const satisfies {
  acceptanceBasis: { title: [string, string]; options: Record<AcceptanceBasis, [string, string]> };
  onTimeVariant: { title: [string, string]; options: Record<OnTimeVariant, [string, string]> };
  satisfactionBasis: { title: [string, string]; options: Record<SatisfactionBasis, [string, string]> };
};
