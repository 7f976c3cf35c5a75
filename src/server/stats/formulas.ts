// 统计口径: the one place where every figure is defined. The figures follow the domain reference
// (DOMAIN.md, "Figures the bureaus report"); where live systems differ, the variant is an option.
//
// How figures are made. Every case contributes rows (metric, dimension, body, day, n, w) computed
// from its current facts by the view stats_contributions (db/migrations/0002_stats.sql) - the SQL
// of each METRIC there is the only definition. The transaction of every change to a case queues
// the case (services/queue-case-facts.ts); the settler (services/settle-figures.ts: every second
// and before every figure read) replaces its changed rows and appends the differences to
// stats_rollup_deltas (function stats_apply_case_facts); no shared row is written by a request, so
// writers never queue on each other. The fold (jobs/fold-rollup-deltas.ts, every second, one folder at a
// time) adds the deltas to stats_rollups, per body (alone, and for each body above it "with its
// subtree"), per day and per month. A figure for a body and a period is a sum over at most ~62
// daily + 12 monthly buckets of one body plus the deltas not yet folded, read in one statement,
// so it equals a full recount whenever it is read.
// The "as of today" parts (open/overdue now, unanswered or undecided past the limit) are rollups
// too, dated by the due date (see SNAPSHOT below).
//
// Days are local dates (China time). A figure counts what happened in the period by the date
// named for its metric; "body" is the body the metric names.
import type { AcceptanceBasis, FigureKey, OnTimeVariant, SatisfactionBasis } from '../../shared/figures.ts';
import type { ReceptionKind } from '../../shared/enums.ts';

/** The rows a case contributes; `dims` lists the dimension values (empty string = none). */
export const METRICS = {
  sub: { zh: '信访件（批次/人次）', body: 'receiving body (submission.received_org_id)', day: 'submission received', dims: 'channel', n: 'submissions (批次)', w: 'headcount (人次)' },
  sub_kind: { zh: '按类别', body: 'receiving body', day: 'submission received', dims: 'kind', n: '批次', w: '人次' },
  sub_cat: { zh: '按内容分类', body: 'receiving body', day: 'submission received', dims: 'category id', n: '批次', w: '人次' },
  sub_catp: { zh: '按内容大类', body: 'receiving body', day: 'submission received', dims: 'top-level category id (parent, or itself)', n: '批次', w: '人次' },
  sub_area: { zh: '按地区', body: 'receiving body', day: 'submission received', dims: 'area code of the matter', n: '批次', w: '人次' },
  sub_level: { zh: '按到达层级', body: 'receiving body', day: 'submission received', dims: 'level reached', n: '批次', w: '人次' },
  sub_skip: { zh: '越级访', body: 'receiving body', day: 'submission received', dims: 'level reached; only submissions above the competent level and the one above it', n: '批次', w: '人次' },
  sub_coll: { zh: '集体访', body: 'receiving body', day: 'submission received', dims: '-', n: '批次', w: '人次' },
  sub_rep: { zh: '重复信访', body: 'receiving body', day: 'submission received', dims: '-', n: '批次', w: '人次' },
  acc: { zh: '受理', body: 'handling body', day: 'accepted_on', dims: "'t' within the acceptance limit (accept_due), 'l' late", n: 'cases', w: '= n' },
  dec: { zh: '不予受理', body: 'current body', day: 'decision day (concluded_on; registration day for a repeat on a final matter)', dims: "'t' on or before accept_due (else route_due), 'l' late", n: 'cases', w: '= n' },
  div: { zh: '导入其他程序', body: 'current body', day: 'decision day', dims: "'t' / 'l' as for dec", n: 'cases', w: '= n' },
  ans: { zh: '出具处理意见', body: 'handling body', day: 'answered_on', dims: "'o' on or before the original limit, 'e' after it but within the approved extension, 'l' after answer_due", n: 'cases', w: '= n' },
  accc: { zh: '受理事项已办结', body: 'handling body', day: 'accepted_on (the case counts once it is concluded, dated by its acceptance)', dims: '-', n: 'cases', w: '= n' },
  concl: { zh: '办结', body: 'handling body', day: 'concluded_on (delivery, or mediation)', dims: "'f' first time: not a repeat, no review asked, no later case repeating it; 'n' otherwise", n: 'cases', w: '= n' },
  ext: { zh: '延期', body: 'handling body', day: 'event day', dims: "'req' requested, 'app' approved, 'rej' rejected", n: 'events', w: '= n' },
  evb: { zh: '评价（信访部门）', body: 'registering petition bureau (evaluation.bureau_org_id)', day: 'evaluation day', dims: 'bureau rating', n: 'ratings', w: '= n' },
  evh: { zh: '评价（责任单位）', body: 'handling body (evaluation.body_org_id)', day: 'evaluation day', dims: 'body rating', n: 'ratings', w: '= n' },
  exb: { zh: '超期未评价（信访部门）', body: 'registering body', day: 'the day the window closed unrated (evaluation_expired event, or review asked while unrated)', dims: '-', n: 'windows', w: '= n' },
  exh: { zh: '超期未评价（责任单位）', body: 'handling body', day: 'as exb', dims: '-', n: 'windows', w: '= n' },
  rv: { zh: '复查', body: 'reviewing body (reviewOrgId of the request)', day: 'event day', dims: "'req' asked, 'chg' decided changed or revoked, 'kept' decided maintained", n: 'events', w: '= n' },
  rr: { zh: '复核', body: 'reviewing body', day: 'event day', dims: "as rv", n: 'events', w: '= n' },
  sv: { zh: '督办', body: 'issuing body', day: "issued ('iss') or answered ('ans_t' by the notice's due date, 'ans_l' later)", dims: 'iss / ans_t / ans_l', n: 'notices', w: '= n' },
  ins: { zh: '领导批示', body: "leader's body (event actor_org_id)", day: 'event day', dims: 'leader user id', n: 'instructions', w: '= n' },
  own: { zh: '领导包案', body: "leader's body", day: 'ownership created', dims: 'leader user id', n: 'cases', w: '= n' },
  ownc: { zh: '包案办结', body: "leader's body", day: 'ownership concluded (answer delivered)', dims: 'leader user id', n: 'cases', w: '= n' },
  // the state of a case now, dated by its running due date; "as of today" = the buckets before today
  open: { zh: '在办', body: 'current body', day: 'next_due (the due date of the clock running now)', dims: 'state', n: 'open cases', w: '= n' },
  unans: { zh: '未答复', body: 'handling body', day: 'answer_due', dims: '-', n: 'accepted cases not answered', w: '= n' },
  undec: { zh: '未受理', body: 'current body', day: 'next_due (route or acceptance clock)', dims: '-', n: 'cases registered or awaiting acceptance', w: '= n' },
} as const;
export type Metric = keyof typeof METRICS;

/**
 * Figures "as of today" are rollups too: the open/unanswered/undecided rows of a case are dated by
 * the due date of its running clock, so what is overdue today is the sum of the buckets before
 * today, and the rows move when an event changes the case, not when the date changes.
 */
export const SNAPSHOT = {
  unansweredOverdue: "'unans' rows with answer_due in the period and before today",
  acceptOverdueUndecided: "'undec' rows with the route/acceptance due date in the period and before today",
  openNow: "all 'open' rows",
  overdueNow: "'open' rows dated before today",
} as const;

/** Sums of one period: metric -> dim -> [n, w]. */
export type Sums = Map<string, Map<string, [number, number]>>;
export type SnapshotCounts = { unansweredOverdue: number; acceptOverdueUndecided: number };
export type ReceptionCounts = {
  receptionDays: number; receptionVisits: number; receptionHeadcount: number;
  fixedReceptionDays: number; fieldVisitDays: number; appointmentHeadcount: number;
};

export interface FormulaOptions { onTimeVariant: OnTimeVariant; satisfactionBasis: SatisfactionBasis; acceptanceBasis: AcceptanceBasis }

const n = (s: Sums, metric: Metric, dims?: readonly string[]): number => {
  const m = s.get(metric);
  if (!m) return 0;
  let t = 0;
  for (const [d, v] of m) if (!dims || dims.includes(d)) t += v[0];
  return t;
};
const w = (s: Sums, metric: Metric, dims?: readonly string[]): number => {
  const m = s.get(metric);
  if (!m) return 0;
  let t = 0;
  for (const [d, v] of m) if (!dims || dims.includes(d)) t += v[1];
  return t;
};
const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/** Where each figure's cases are found (drill-down): contribution rows, or a snapshot query. */
export interface DrillPart {
  metric: Metric;
  dims?: readonly string[];
  /** Which days: the period (default), the period up to yesterday ('due'), every day ('all'), before today ('overdue'). */
  days?: 'period' | 'due' | 'all' | 'overdue';
}
const UNANSWERED: DrillPart = { metric: 'unans', days: 'due' };
const UNDECIDED: DrillPart = { metric: 'undec', days: 'due' };
/** The cases behind the snapshot figures. */
export const NOW_PARTS: Record<'openNow' | 'overdueNow', DrillPart[]> = {
  openNow: [{ metric: 'open', days: 'all' }],
  overdueNow: [{ metric: 'open', days: 'overdue' }],
};
export interface FigureDef {
  zh: string;
  en: string;
  /** How it is computed, in words (shown in the API docs and the exports' notes). */
  formula: string;
  isRate?: boolean;
  /** 'reception': the cases received on the leaders' reception days; with a kind, on days of that kind. */
  numerator: DrillPart[] | 'reception' | { reception: ReceptionKind };
  denominator?: DrillPart[];
}

const onTimeDims = (o: FormulaOptions) => (o.onTimeVariant === 'extended_counts' ? ['o', 'e'] : ['o']);
const satisfiedDims = (o: FormulaOptions) => (o.satisfactionBasis === 'satisfied_or_basic' ? ['satisfied', 'basically_satisfied'] : ['satisfied']);

/** Every figure: its definition, and its value from the period's sums. */
export function figureDefs(o: FormulaOptions): Record<FigureKey, FigureDef> {
  const onTime = onTimeDims(o);
  const sat = satisfiedDims(o);
  return {
    submissions: { zh: '信访总量（批次）', en: 'Submissions', formula: 'submissions received in the period (每件信访件一批)', numerator: [{ metric: 'sub' }] },
    headcount: { zh: '信访总量（人次）', en: 'Headcount', formula: 'sum of the headcount of those submissions', numerator: [{ metric: 'sub' }] },
    onlineSubmissions: { zh: '网上信访', en: 'Online', formula: 'submissions by channel online', numerator: [{ metric: 'sub', dims: ['online'] }] },
    onlineShare: { zh: '网上信访占比', en: 'Online share', formula: 'online submissions / submissions', isRate: true, numerator: [{ metric: 'sub', dims: ['online'] }], denominator: [{ metric: 'sub' }] },
    letterSubmissions: { zh: '来信', en: 'Letters', formula: 'submissions by letter', numerator: [{ metric: 'sub', dims: ['letter'] }] },
    visitSubmissions: { zh: '来访（批次）', en: 'Visits', formula: 'submissions by visit', numerator: [{ metric: 'sub', dims: ['visit'] }] },
    visitHeadcount: { zh: '来访（人次）', en: 'Visit headcount', formula: 'headcount of visits', numerator: [{ metric: 'sub', dims: ['visit'] }] },
    phoneSubmissions: { zh: '来电', en: 'Calls', formula: 'submissions by phone', numerator: [{ metric: 'sub', dims: ['phone'] }] },
    collectiveSubmissions: { zh: '集体访（批）', en: 'Collective visits', formula: 'submissions with headcount > 5', numerator: [{ metric: 'sub_coll' }] },
    collectiveHeadcount: { zh: '集体访（人次）', en: 'Collective headcount', formula: 'headcount of collective submissions', numerator: [{ metric: 'sub_coll' }] },
    firstSubmissions: { zh: '初信初访', en: 'First submissions', formula: 'submissions - repeat submissions', numerator: [{ metric: 'sub' }] },
    repeatSubmissions: { zh: '重复信访', en: 'Repeat submissions', formula: 'submissions marked repeat (same petitioner, same matter again)', numerator: [{ metric: 'sub_rep' }] },
    repeatRate: { zh: '重复信访率', en: 'Repeat rate', formula: 'repeat submissions / submissions', isRate: true, numerator: [{ metric: 'sub_rep' }], denominator: [{ metric: 'sub' }] },
    skipLevelSubmissions: { zh: '越级访（批）', en: 'Skip-level', formula: 'submissions received above the competent level and the one above it', numerator: [{ metric: 'sub_skip' }] },
    skipLevelHeadcount: { zh: '越级访（人次）', en: 'Skip-level headcount', formula: 'their headcount', numerator: [{ metric: 'sub_skip' }] },
    accepted: { zh: '受理', en: 'Accepted', formula: 'cases accepted in the period, at the handling body', numerator: [{ metric: 'acc' }] },
    declined: { zh: '不予受理', en: 'Declined', formula: 'cases declined in the period', numerator: [{ metric: 'dec' }] },
    diverted: { zh: '导入其他程序', en: 'Diverted', formula: 'cases diverted to another procedure in the period', numerator: [{ metric: 'div' }] },
    acceptDecisions: { zh: '受理告知', en: 'Acceptance decisions', formula: 'accepted + declined + diverted', numerator: [{ metric: 'acc' }, { metric: 'dec' }, { metric: 'div' }] },
    acceptTimely: { zh: '及时受理', en: 'Decided in time', formula: 'decisions made within the limit (受理/不予受理/导入 by the due date)', numerator: [{ metric: 'acc', dims: ['t'] }, { metric: 'dec', dims: ['t'] }, { metric: 'div', dims: ['t'] }] },
    acceptOverdueUndecided: { zh: '超期未受理', en: 'Undecided past the limit', formula: 'awaiting a decision, due in the period and before today (now)', numerator: [UNDECIDED] },
    // 受理率 (立案率): of the acceptance decisions made in the period, the share that accepted; the
    // matters diverted to another procedure (诉访分离) are left out of the denominator where the bureau counts so
    acceptanceRate: {
      zh: '受理率', en: 'Acceptance rate', isRate: true,
      formula: o.acceptanceBasis === 'all_decisions'
        ? 'accepted / acceptance decisions (accepted + declined + diverted), each counted on the day of the decision'
        : 'accepted / (accepted + declined), each counted on the day of the decision (diverted matters left out)',
      numerator: [{ metric: 'acc' }],
      denominator: o.acceptanceBasis === 'all_decisions' ? [{ metric: 'acc' }, { metric: 'dec' }, { metric: 'div' }] : [{ metric: 'acc' }, { metric: 'dec' }],
    },
    timelyAcceptRate: {
      zh: '及时受理率', en: 'Timely acceptance rate', formula: 'decided in time / (decisions + undecided past the limit)', isRate: true,
      numerator: [{ metric: 'acc', dims: ['t'] }, { metric: 'dec', dims: ['t'] }, { metric: 'div', dims: ['t'] }],
      denominator: [{ metric: 'acc' }, { metric: 'dec' }, { metric: 'div' }, UNDECIDED],
    },
    answered: { zh: '出具处理意见', en: 'Answered', formula: 'written answers issued in the period (mediation counts)', numerator: [{ metric: 'ans' }] },
    answeredOnTime: {
      zh: '按期答复', en: 'Answered on time',
      formula: o.onTimeVariant === 'extended_counts' ? 'answered on or before answer_due (extension included)' : 'answered within the original 60-day limit (extended cases count as late)',
      numerator: [{ metric: 'ans', dims: onTime }],
    },
    answeredOnTimeExtended: { zh: '延期后按期答复', en: 'On time thanks to an extension', formula: 'answered after the original limit but within the approved extension', numerator: [{ metric: 'ans', dims: ['e'] }] },
    answeredLate: { zh: '超期答复', en: 'Answered late', formula: 'answered after the limit', numerator: [{ metric: 'ans', dims: o.onTimeVariant === 'extended_counts' ? ['l'] : ['l', 'e'] }] },
    unansweredOverdue: { zh: '超期未答复', en: 'Unanswered past the limit', formula: 'accepted, unanswered, answer due in the period and before today (now)', numerator: [UNANSWERED] },
    onTimeRate: {
      zh: '按期办结率', en: 'On-time rate', formula: 'answered on time / (answered on time + late + unanswered past the limit)', isRate: true,
      numerator: [{ metric: 'ans', dims: onTime }], denominator: [{ metric: 'ans' }, UNANSWERED],
    },
    concluded: { zh: '办结', en: 'Concluded', formula: 'answers delivered (or mediated) in the period', numerator: [{ metric: 'concl' }] },
    // 办结率 as the bureaus report it ("立案96件，已办结93件，办结率为96.9%"): the matters accepted in the
    // period followed to their end, at the handling body; it rises as they conclude and never passes 100%
    acceptedConcluded: { zh: '受理事项已办结', en: 'Accepted, since concluded', formula: 'cases accepted in the period whose answer has since been delivered (or that were mediated)', numerator: [{ metric: 'accc' }] },
    completionRate: {
      zh: '办结率', en: 'Completion rate', isRate: true,
      formula: 'of the cases accepted in the period, those concluded since / cases accepted in the period',
      numerator: [{ metric: 'accc' }], denominator: [{ metric: 'acc' }],
    },
    concludedFirstTime: { zh: '一次性办结', en: 'Concluded first time', formula: 'concluded, not a repeat, no review asked, not repeated later', numerator: [{ metric: 'concl', dims: ['f'] }] },
    firstTimeRate: { zh: '一次性办结率', en: 'First-time conclusion rate', formula: 'concluded first time / concluded', isRate: true, numerator: [{ metric: 'concl', dims: ['f'] }], denominator: [{ metric: 'concl' }] },
    extensionsRequested: { zh: '申请延期', en: 'Extensions asked', formula: 'extension requests', numerator: [{ metric: 'ext', dims: ['req'] }] },
    extensionsApproved: { zh: '批准延期', en: 'Extensions approved', formula: 'extensions approved', numerator: [{ metric: 'ext', dims: ['app'] }] },
    extensionsRejected: { zh: '不批准延期', en: 'Extensions rejected', formula: 'extensions rejected', numerator: [{ metric: 'ext', dims: ['rej'] }] },
    evaluatedBureau: { zh: '参评（信访部门）', en: 'Rated (bureau)', formula: 'ratings of the petition bureau', numerator: [{ metric: 'evb' }] },
    satisfiedBureau: { zh: '满意（信访部门）', en: 'Satisfied (bureau)', formula: 'rated 满意', numerator: [{ metric: 'evb', dims: ['satisfied'] }] },
    basicallySatisfiedBureau: { zh: '基本满意（信访部门）', en: 'Basically satisfied (bureau)', formula: 'rated 基本满意', numerator: [{ metric: 'evb', dims: ['basically_satisfied'] }] },
    dissatisfiedBureau: { zh: '不满意（信访部门）', en: 'Dissatisfied (bureau)', formula: 'rated 不满意', numerator: [{ metric: 'evb', dims: ['dissatisfied'] }] },
    evaluationExpiredBureau: { zh: '超期未评价（信访部门）', en: 'Window expired (bureau)', formula: 'evaluation windows closed unrated', numerator: [{ metric: 'exb' }] },
    participationRateBureau: { zh: '参评率（信访部门）', en: 'Participation (bureau)', formula: 'rated / (rated + expired unrated)', isRate: true, numerator: [{ metric: 'evb' }], denominator: [{ metric: 'evb' }, { metric: 'exb' }] },
    satisfactionRateBureau: {
      zh: '满意率（信访部门）', en: 'Satisfaction (bureau)', formula: o.satisfactionBasis === 'satisfied_or_basic' ? '(满意 + 基本满意) / rated' : '满意 / rated', isRate: true,
      numerator: [{ metric: 'evb', dims: sat }], denominator: [{ metric: 'evb' }],
    },
    evaluatedBody: { zh: '参评（责任单位）', en: 'Rated (handling body)', formula: 'ratings of the handling body', numerator: [{ metric: 'evh' }] },
    satisfiedBody: { zh: '满意（责任单位）', en: 'Satisfied (body)', formula: 'rated 满意', numerator: [{ metric: 'evh', dims: ['satisfied'] }] },
    basicallySatisfiedBody: { zh: '基本满意（责任单位）', en: 'Basically satisfied (body)', formula: 'rated 基本满意', numerator: [{ metric: 'evh', dims: ['basically_satisfied'] }] },
    dissatisfiedBody: { zh: '不满意（责任单位）', en: 'Dissatisfied (body)', formula: 'rated 不满意', numerator: [{ metric: 'evh', dims: ['dissatisfied'] }] },
    evaluationExpiredBody: { zh: '超期未评价（责任单位）', en: 'Window expired (body)', formula: 'evaluation windows closed unrated', numerator: [{ metric: 'exh' }] },
    participationRateBody: { zh: '参评率（责任单位）', en: 'Participation (body)', formula: 'rated / (rated + expired unrated)', isRate: true, numerator: [{ metric: 'evh' }], denominator: [{ metric: 'evh' }, { metric: 'exh' }] },
    satisfactionRateBody: {
      zh: '满意率（责任单位）', en: 'Satisfaction (body)', formula: o.satisfactionBasis === 'satisfied_or_basic' ? '(满意 + 基本满意) / rated' : '满意 / rated', isRate: true,
      numerator: [{ metric: 'evh', dims: sat }], denominator: [{ metric: 'evh' }],
    },
    reviewsRequested: { zh: '申请复查', en: 'Reviews asked', formula: 'review requests, at the reviewing body', numerator: [{ metric: 'rv', dims: ['req'] }] },
    reviewsDecided: { zh: '复查办结', en: 'Reviews decided', formula: 'review decisions', numerator: [{ metric: 'rv', dims: ['chg', 'kept'] }] },
    reviewsChanged: { zh: '复查变更/撤销', en: 'Reviews changing the answer', formula: 'review decisions changed or revoked', numerator: [{ metric: 'rv', dims: ['chg'] }] },
    reviewChangeRate: { zh: '复查改变率', en: 'Review change rate', formula: 'changed or revoked / decided', isRate: true, numerator: [{ metric: 'rv', dims: ['chg'] }], denominator: [{ metric: 'rv', dims: ['chg', 'kept'] }] },
    reReviewsRequested: { zh: '申请复核', en: 'Re-reviews asked', formula: 're-review requests', numerator: [{ metric: 'rr', dims: ['req'] }] },
    reReviewsDecided: { zh: '复核办结', en: 'Re-reviews decided', formula: 're-review decisions', numerator: [{ metric: 'rr', dims: ['chg', 'kept'] }] },
    reReviewsChanged: { zh: '复核变更/撤销', en: 'Re-reviews changing the answer', formula: 're-review decisions changed or revoked', numerator: [{ metric: 'rr', dims: ['chg'] }] },
    reReviewChangeRate: { zh: '复核改变率', en: 'Re-review change rate', formula: 'changed or revoked / decided', isRate: true, numerator: [{ metric: 'rr', dims: ['chg'] }], denominator: [{ metric: 'rr', dims: ['chg', 'kept'] }] },
    supervisionIssued: { zh: '督办', en: 'Supervision notices', formula: 'notices issued, at the issuing body', numerator: [{ metric: 'sv', dims: ['iss'] }] },
    supervisionAnswered: { zh: '督办反馈', en: 'Notices answered', formula: 'notices answered in the period', numerator: [{ metric: 'sv', dims: ['ans_t', 'ans_l'] }] },
    supervisionAnsweredInTime: { zh: '按期反馈', en: 'Answered by the due date', formula: 'answered on or before the notice due date', numerator: [{ metric: 'sv', dims: ['ans_t'] }] },
    instructions: { zh: '领导阅批', en: 'Leader instructions', formula: 'instructions written by leaders of the body', numerator: [{ metric: 'ins' }] },
    ownedCases: { zh: '领导包案', en: 'Cases owned by leaders', formula: 'ownerships taken in the period', numerator: [{ metric: 'own' }] },
    ownedConcluded: { zh: '包案办结', en: 'Owned cases concluded', formula: 'owned cases concluded in the period', numerator: [{ metric: 'ownc' }] },
    receptionDays: { zh: '接访天次', en: 'Reception days', formula: 'reception days held by leaders of the body in the period, at the reception place, in the field (下访) or by appointment (约访) (reception_days, cancelled days left out)', numerator: 'reception' },
    receptionVisits: { zh: '接访批次', en: 'Visits received', formula: 'visits recorded on those days (reception_visits)', numerator: 'reception' },
    receptionHeadcount: { zh: '接访人次', en: 'Visitors received', formula: 'their headcount', numerator: 'reception' },
    fixedReceptionDays: { zh: '坐班接访天次', en: 'Days received at the reception place', formula: 'reception days of kind fixed (定点接访) held by leaders of the body in the period, cancelled days left out', numerator: { reception: 'fixed' } },
    fieldVisitDays: { zh: '下访天次', en: 'Field visit days', formula: 'reception days of kind field (下访) held in the period, cancelled days left out', numerator: { reception: 'field' } },
    appointmentHeadcount: { zh: '约访人次', en: 'People met by appointment', formula: 'headcount of the visits recorded on reception days of kind appointment (约访)', numerator: { reception: 'appointment' } },
  };
}

/** Every figure's value for one period. */
export function computeValues(s: Sums, snap: SnapshotCounts, rec: ReceptionCounts | null, o: FormulaOptions): Record<FigureKey, number | null> {
  const onTime = onTimeDims(o);
  const sat = satisfiedDims(o);
  const submissions = n(s, 'sub');
  const decisions = n(s, 'acc') + n(s, 'dec') + n(s, 'div');
  const timely = n(s, 'acc', ['t']) + n(s, 'dec', ['t']) + n(s, 'div', ['t']);
  const answered = n(s, 'ans');
  const answeredOnTime = n(s, 'ans', onTime);
  const concluded = n(s, 'concl');
  const evb = n(s, 'evb');
  const evh = n(s, 'evh');
  const rvDecided = n(s, 'rv', ['chg', 'kept']);
  const rrDecided = n(s, 'rr', ['chg', 'kept']);
  return {
    submissions,
    headcount: w(s, 'sub'),
    onlineSubmissions: n(s, 'sub', ['online']),
    onlineShare: ratio(n(s, 'sub', ['online']), submissions),
    letterSubmissions: n(s, 'sub', ['letter']),
    visitSubmissions: n(s, 'sub', ['visit']),
    visitHeadcount: w(s, 'sub', ['visit']),
    phoneSubmissions: n(s, 'sub', ['phone']),
    collectiveSubmissions: n(s, 'sub_coll'),
    collectiveHeadcount: w(s, 'sub_coll'),
    firstSubmissions: submissions - n(s, 'sub_rep'),
    repeatSubmissions: n(s, 'sub_rep'),
    repeatRate: ratio(n(s, 'sub_rep'), submissions),
    skipLevelSubmissions: n(s, 'sub_skip'),
    skipLevelHeadcount: w(s, 'sub_skip'),
    accepted: n(s, 'acc'),
    declined: n(s, 'dec'),
    diverted: n(s, 'div'),
    acceptDecisions: decisions,
    acceptTimely: timely,
    acceptOverdueUndecided: snap.acceptOverdueUndecided,
    acceptanceRate: ratio(n(s, 'acc'), o.acceptanceBasis === 'all_decisions' ? decisions : n(s, 'acc') + n(s, 'dec')),
    timelyAcceptRate: ratio(timely, decisions + snap.acceptOverdueUndecided),
    answered,
    answeredOnTime,
    answeredOnTimeExtended: n(s, 'ans', ['e']),
    answeredLate: answered - answeredOnTime,
    unansweredOverdue: snap.unansweredOverdue,
    onTimeRate: ratio(answeredOnTime, answered + snap.unansweredOverdue),
    concluded,
    acceptedConcluded: n(s, 'accc'),
    completionRate: ratio(n(s, 'accc'), n(s, 'acc')),
    concludedFirstTime: n(s, 'concl', ['f']),
    firstTimeRate: ratio(n(s, 'concl', ['f']), concluded),
    extensionsRequested: n(s, 'ext', ['req']),
    extensionsApproved: n(s, 'ext', ['app']),
    extensionsRejected: n(s, 'ext', ['rej']),
    evaluatedBureau: evb,
    satisfiedBureau: n(s, 'evb', ['satisfied']),
    basicallySatisfiedBureau: n(s, 'evb', ['basically_satisfied']),
    dissatisfiedBureau: n(s, 'evb', ['dissatisfied']),
    evaluationExpiredBureau: n(s, 'exb'),
    participationRateBureau: ratio(evb, evb + n(s, 'exb')),
    satisfactionRateBureau: ratio(n(s, 'evb', sat), evb),
    evaluatedBody: evh,
    satisfiedBody: n(s, 'evh', ['satisfied']),
    basicallySatisfiedBody: n(s, 'evh', ['basically_satisfied']),
    dissatisfiedBody: n(s, 'evh', ['dissatisfied']),
    evaluationExpiredBody: n(s, 'exh'),
    participationRateBody: ratio(evh, evh + n(s, 'exh')),
    satisfactionRateBody: ratio(n(s, 'evh', sat), evh),
    reviewsRequested: n(s, 'rv', ['req']),
    reviewsDecided: rvDecided,
    reviewsChanged: n(s, 'rv', ['chg']),
    reviewChangeRate: ratio(n(s, 'rv', ['chg']), rvDecided),
    reReviewsRequested: n(s, 'rr', ['req']),
    reReviewsDecided: rrDecided,
    reReviewsChanged: n(s, 'rr', ['chg']),
    reReviewChangeRate: ratio(n(s, 'rr', ['chg']), rrDecided),
    supervisionIssued: n(s, 'sv', ['iss']),
    supervisionAnswered: n(s, 'sv', ['ans_t', 'ans_l']),
    supervisionAnsweredInTime: n(s, 'sv', ['ans_t']),
    instructions: n(s, 'ins'),
    ownedCases: n(s, 'own'),
    ownedConcluded: n(s, 'ownc'),
    receptionDays: rec ? rec.receptionDays : null,
    receptionVisits: rec ? rec.receptionVisits : null,
    receptionHeadcount: rec ? rec.receptionHeadcount : null,
    fixedReceptionDays: rec ? rec.fixedReceptionDays : null,
    fieldVisitDays: rec ? rec.fieldVisitDays : null,
    appointmentHeadcount: rec ? rec.appointmentHeadcount : null,
  };
}

/** Rates compare in points (difference); counts compare relatively ((v - prev) / prev). */
export function change(value: number | null, prev: number | null, isRate: boolean): number | null {
  if (value === null || prev === null) return null;
  if (isRate) return value - prev;
  return prev === 0 ? null : (value - prev) / prev;
}
