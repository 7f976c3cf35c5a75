// The figures engine's public vocabulary (统计口径), shared by the server, the console and the exports.
// The definitions (numerator, denominator, which date counts) live in src/server/stats/formulas.ts.
// This file only grows: keys and fields are added, never renamed or removed.

export const PERIOD_KINDS = ['day', 'month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** 按期办结率 variant: whether a case answered within an approved extension counts as on time. */
export const ON_TIME_VARIANTS = ['extended_counts', 'original_limit'] as const;
export type OnTimeVariant = (typeof ON_TIME_VARIANTS)[number];

/** 满意率 basis: 满意 + 基本满意 (default), or 满意 only. */
export const SATISFACTION_BASES = ['satisfied_or_basic', 'satisfied_only'] as const;
/** 受理率's denominator: every acceptance decision, or leaving out the matters diverted to another
 * procedure (诉访分离: a court, arbitration or review case is not a petition declined). */
export const ACCEPTANCE_BASES = ['all_decisions', 'excluding_diverted'] as const;
export type AcceptanceBasis = (typeof ACCEPTANCE_BASES)[number];
export type SatisfactionBasis = (typeof SATISFACTION_BASES)[number];

export interface FiguresQuery {
  /** The body; default the user's own body (for a petition bureau: its government). */
  orgId?: number;
  /** With the bodies below it (default true). */
  subtree?: boolean;
  period: PeriodKind;
  /** Any local date 'YYYY-MM-DD' inside the period (custom: its first day). */
  from: string;
  /** custom only: the last day, inclusive. */
  to?: string;
  onTimeVariant?: OnTimeVariant;
  satisfactionBasis?: SatisfactionBasis;
  acceptanceBasis?: AcceptanceBasis;
}

/** A resolved period: first and last local day, inclusive. */
export interface PeriodRange { from: string; to: string }

/**
 * Every scalar figure. Counts are integers; *Rate / *Share are fractions 0..1 or null when the
 * denominator is 0. The formulas are in src/server/stats/formulas.ts (FORMULAS[key]).
 */
export const FIGURE_KEYS = [
  // intake, by submission (信访件), at the receiving body, on the day received
  'submissions', // 批次
  'headcount', // 人次
  'onlineSubmissions',
  'onlineShare', // 网上信访占比
  'letterSubmissions',
  'visitSubmissions',
  'visitHeadcount',
  'phoneSubmissions',
  'collectiveSubmissions', // 集体访 批
  'collectiveHeadcount', // 集体访 人次
  'firstSubmissions', // 初信初访
  'repeatSubmissions', // 重复信访
  'repeatRate', // 重复信访率
  'skipLevelSubmissions', // 越级访 批
  'skipLevelHeadcount', // 越级访 人次
  // acceptance, at the deciding body, on the day of the decision
  'accepted',
  'declined',
  'diverted',
  'acceptDecisions',
  'acceptTimely',
  'acceptOverdueUndecided',
  'acceptanceRate', // 受理率 (立案率)
  'timelyAcceptRate', // 及时受理率
  // handling, at the handling body
  'answered',
  'answeredOnTime',
  'answeredOnTimeExtended',
  'answeredLate',
  'unansweredOverdue',
  'onTimeRate', // 按期办结率
  'concluded', // 办结
  'acceptedConcluded', // 受理事项已办结
  'completionRate', // 办结率
  'concludedFirstTime',
  'firstTimeRate', // 一次性办结率
  'extensionsRequested',
  'extensionsApproved',
  'extensionsRejected',
  // evaluation, each body separately: the petition bureau and the handling body
  'evaluatedBureau',
  'satisfiedBureau',
  'basicallySatisfiedBureau',
  'dissatisfiedBureau',
  'evaluationExpiredBureau',
  'participationRateBureau', // 参评率 (信访部门)
  'satisfactionRateBureau', // 满意率 (信访部门)
  'evaluatedBody',
  'satisfiedBody',
  'basicallySatisfiedBody',
  'dissatisfiedBody',
  'evaluationExpiredBody',
  'participationRateBody', // 参评率 (责任单位)
  'satisfactionRateBody', // 满意率 (责任单位)
  // review and re-review, at the reviewing body
  'reviewsRequested',
  'reviewsDecided',
  'reviewsChanged',
  'reviewChangeRate',
  'reReviewsRequested',
  'reReviewsDecided',
  'reReviewsChanged',
  'reReviewChangeRate',
  // supervision (督办), at the issuing body
  'supervisionIssued',
  'supervisionAnswered',
  'supervisionAnsweredInTime',
  // leaders, at the leader's body
  'instructions', // 阅批/批示
  'ownedCases', // 包案
  'ownedConcluded', // 包案化解
  'receptionDays', // 接访天次
  'receptionVisits', // 接访批次
  'receptionHeadcount', // 接访人次
  // how they received, as the bureaus' reports count it: 坐班接访 and 下访 in days (天次), 约访 in people (人次)
  'fixedReceptionDays',
  'fieldVisitDays',
  'appointmentHeadcount',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** Figures that are a snapshot now (not a period): open and overdue cases in the body's scope. */
export const NOW_KEYS = ['openNow', 'overdueNow'] as const;
export type NowKey = (typeof NOW_KEYS)[number];

/** One figure in the period, the same period a year before (同比) and the period before (环比). */
export interface FigureValue {
  value: number | null;
  prevYear: number | null;
  prevPeriod: number | null;
  /** (value - prevYear) / prevYear; null when not computable. Rates: difference in points (value - prevYear). */
  yoy: number | null;
  mom: number | null;
}

export const BREAKDOWN_KEYS = ['channel', 'kind', 'category', 'categoryParent', 'area', 'levelReached', 'skipLevel'] as const;
export type BreakdownKey = (typeof BREAKDOWN_KEYS)[number];

/** One row of a breakdown of submissions: 批次 and 人次, with 同比/环比. */
export interface BreakdownRow {
  /** channel / kind / level identifier, category id, or area code. */
  key: string;
  labelZh: string;
  labelEn: string;
  /** categoryParent and category rows: the parent category id (null for top level). */
  parentKey?: string | null;
  submissions: FigureValue;
  headcount: FigureValue;
}

export interface LeaderRow {
  userId: number;
  name: string;
  orgId: number;
  receptionDays: number;
  receptionVisits: number;
  receptionHeadcount: number;
  instructions: number;
  ownedCases: number;
  ownedConcluded: number;
}

export interface ResolvedFiguresQuery {
  orgId: number;
  orgName: string;
  subtree: boolean;
  period: PeriodKind;
  range: PeriodRange;
  prevYear: PeriodRange;
  prevPeriod: PeriodRange;
  /** When the period is still running: the last day compared (today); 同比 and 环比 then compare the same part of the other periods. */
  comparedThrough: string | null;
  onTimeVariant: OnTimeVariant;
  satisfactionBasis: SatisfactionBasis;
  acceptanceBasis: AcceptanceBasis;
}

export interface Figures {
  query: ResolvedFiguresQuery;
  /** Local date the snapshot figures (openNow, overdueNow, unansweredOverdue) were taken. */
  today: string;
  figures: Record<FigureKey, FigureValue>;
  now: Record<NowKey, number>;
  breakdowns: Record<BreakdownKey, BreakdownRow[]>;
  leaders: LeaderRow[];
  /** Figures the deployment cannot produce yet, with the reason (empty when all are computed). */
}

/** Ranking of the bodies directly below a body (or given bodies) by on-time rate and satisfaction. */
export interface RankingRow {
  orgId: number;
  orgName: string;
  /** Rank by onTimeRate (1 = best; nulls last), then satisfactionRateBody. */
  rank: number;
  answered: number;
  onTimeRate: number | null;
  evaluatedBody: number;
  satisfactionRateBody: number | null;
  concluded: number;
  submissions: number;
  overdueNow: number;
}

export interface Ranking {
  query: ResolvedFiguresQuery;
  rows: RankingRow[];
}

/**
 * Drill-down: the cases behind a figure. `figure` is a FigureKey, a NowKey, or a breakdown
 * row given as `figure=submissions` + `breakdown=category` + `key=12`.
 * Rates drill to their numerator's cases; `part=denominator` gives the denominator's cases.
 */
export interface DrilldownQuery extends FiguresQuery {
  figure: FigureKey | NowKey;
  breakdown?: BreakdownKey;
  key?: string;
  part?: 'numerator' | 'denominator';
  /** Keyset cursor: the last case id of the previous page. */
  after?: number;
  limit?: number;
}

export interface DrilldownItem {
  id: number;
  caseNo: string;
  title: string;
  state: string;
  kind: string;
  channel: string;
  receivedAt: string;
  currentOrgId: number;
  currentOrgName: string | null;
}

export interface DrilldownPage {
  items: DrilldownItem[];
  /** Pass as `after` for the next page; null on the last page. */
  nextAfter: number | null;
}

/** GET /api/v1/public/figures?year=YYYY: whole deployment, no personal data. */
export interface PublicFigures {
  year: number;
  months: { month: string; submissions: number; onTimeRate: number | null; satisfactionRate: number | null }[];
  totals: { submissions: number; onTimeRate: number | null; satisfactionRate: number | null };
}
