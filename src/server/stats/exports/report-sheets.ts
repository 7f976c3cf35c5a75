// The standard statistical report (信访情况统计表) as workbook sheets, built from the figures engine's
// Figures for one body and period: totals with 同比/环比, handling rates, and the breakdowns by
// channel, kind, content category, area and level reached, leader figures and the definitions.
import type { BreakdownRow, FigureKey, Figures, NowKey } from '../../../shared/figures.ts';
import { FIGURE_LABELS } from '../../../shared/figure-labels.ts';
import { periodTitle } from '../../../shared/figure-text.ts';
import type { CellValue, TableSheet } from './xlsx-table.ts';
import type { DisputeRateRowT } from '../../presenters/dispute-presenter.ts';

export const COUNT_ROWS: FigureKey[] = [
  'submissions', 'headcount', 'letterSubmissions', 'visitSubmissions', 'visitHeadcount', 'phoneSubmissions', 'onlineSubmissions',
  'collectiveSubmissions', 'collectiveHeadcount', 'firstSubmissions', 'repeatSubmissions', 'skipLevelSubmissions', 'skipLevelHeadcount',
  'accepted', 'declined', 'diverted', 'answered', 'answeredLate', 'concluded', 'extensionsApproved', 'reviewsRequested', 'reviewsChanged',
  'reReviewsRequested', 'reReviewsChanged', 'supervisionIssued', 'supervisionAnswered',
];
export const RATE_ROWS: FigureKey[] = [
  'onlineShare', 'repeatRate', 'acceptanceRate', 'timelyAcceptRate', 'completionRate', 'onTimeRate', 'firstTimeRate', 'participationRateBureau', 'satisfactionRateBureau',
  'participationRateBody', 'satisfactionRateBody', 'reviewChangeRate', 'reReviewChangeRate',
];
export const LEADER_ROWS: FigureKey[] = ['receptionDays', 'receptionVisits', 'receptionHeadcount', 'instructions', 'ownedCases', 'ownedConcluded'];
const NOW_ROWS: NowKey[] = ['openNow', 'overdueNow'];

/** The sheet names, in order (Chinese, as the report is filed). */
export const REPORT_SHEET_NAMES = ['信访总量', '办理质效', '按渠道', '按类别', '按内容分类', '按地区', '按到达层级', '领导接访', '矛盾纠纷化解', '统计口径'] as const;

const points = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((a - b) * 10000) / 100);

function breakdownSheet(name: string, keyHeader: string, rows: BreakdownRow[], total: number, withParent = false): TableSheet {
  const columns = [
    { header: keyHeader }, ...(withParent ? [{ header: '上级分类' }] : []),
    { header: '批次', kind: 'integer' as const }, { header: '人次', kind: 'integer' as const }, { header: '占比', kind: 'percent' as const },
    { header: '上年同期批次', kind: 'integer' as const }, { header: '同比', kind: 'percent' as const },
    { header: '上期批次', kind: 'integer' as const }, { header: '环比', kind: 'percent' as const },
  ];
  const parents = new Map(rows.map((r) => [r.key, r.labelZh]));
  const out: CellValue[][] = rows.map((r) => [
    r.labelZh, ...(withParent ? [r.parentKey ? parents.get(r.parentKey) ?? r.parentKey : null] : []),
    r.submissions.value, r.headcount.value, total > 0 && r.submissions.value !== null ? r.submissions.value / total : null,
    r.submissions.prevYear, r.submissions.yoy, r.submissions.prevPeriod, r.submissions.mom,
  ]);
  return { name, columns, rows: out };
}

/** The report's sheets for one body and period. */
export function buildReportSheets(f: Figures, disputes: { rows: DisputeRateRowT[]; total: DisputeRateRowT }): TableSheet[] {
  const v = f.figures;
  const total = v.submissions.value ?? 0;
  const counts: TableSheet = {
    name: '信访总量',
    columns: [
      { header: '指标' }, { header: '本期', kind: 'integer' }, { header: '上年同期', kind: 'integer' }, { header: '同比', kind: 'percent' },
      { header: '上期', kind: 'integer' }, { header: '环比', kind: 'percent' },
    ],
    rows: [
      ...COUNT_ROWS.map((k): CellValue[] => [FIGURE_LABELS[k][0], v[k].value, v[k].prevYear, v[k].yoy, v[k].prevPeriod, v[k].mom]),
      ...NOW_ROWS.map((k): CellValue[] => [`${FIGURE_LABELS[k][0]}（截至${f.today}）`, f.now[k], null, null, null, null]),
    ],
  };
  const rates: TableSheet = {
    name: '办理质效',
    columns: [
      { header: '指标' }, { header: '本期', kind: 'percent' }, { header: '上年同期', kind: 'percent' }, { header: '同比增减（百分点）', kind: 'number' },
      { header: '上期', kind: 'percent' }, { header: '环比增减（百分点）', kind: 'number' },
    ],
    rows: RATE_ROWS.map((k) => [FIGURE_LABELS[k][0], v[k].value, v[k].prevYear, points(v[k].value, v[k].prevYear), v[k].prevPeriod, points(v[k].value, v[k].prevPeriod)]),
  };
  const b = f.breakdowns;
  const categories = [...b.categoryParent, ...b.category.filter((c) => !b.categoryParent.some((p) => p.key === c.key))];
  const leaders: TableSheet = {
    name: '领导接访',
    columns: [
      { header: '领导' }, { header: '接访天次', kind: 'integer' }, { header: '接访批次', kind: 'integer' }, { header: '接访人次', kind: 'integer' },
      { header: '阅批件数', kind: 'integer' }, { header: '包案件数', kind: 'integer' }, { header: '包案化解', kind: 'integer' },
    ],
    rows: [
      ...f.leaders.map((l): CellValue[] => [l.name, l.receptionDays, l.receptionVisits, l.receptionHeadcount, l.instructions, l.ownedCases, l.ownedConcluded]),
      ['合计', ...LEADER_ROWS.map((k) => v[k].value)],
    ],
  };
  const disputeRow = (r: DisputeRateRowT, name: string): CellValue[] => [name, r.screened, r.resolved, r.unresolved, r.converted, r.open, r.rate];
  const disputeSheet: TableSheet = {
    name: '矛盾纠纷化解',
    columns: [
      { header: '排查单位' }, { header: '排查总数', kind: 'integer' }, { header: '已化解', kind: 'integer' }, { header: '未化解', kind: 'integer' },
      { header: '转入信访', kind: 'integer' }, { header: '化解中', kind: 'integer' }, { header: '化解率', kind: 'percent' },
    ],
    rows: [...disputes.rows.map((r) => disputeRow(r, r.orgName ?? '')), disputeRow(disputes.total, '合计')],
  };
  const definitions: TableSheet = {
    name: '统计口径',
    columns: [{ header: '项目' }, { header: '内容' }],
    rows: [
      ['统计单位', `${f.query.orgName}${f.query.subtree ? '（含所属单位）' : ''}`],
      ['统计期间', `${periodTitle(f.query)}（${f.query.range.from} 至 ${f.query.range.to}${f.query.comparedThrough ? `，统计截至 ${f.query.comparedThrough}` : ''}）`],
      ['上年同期', `${f.query.prevYear.from} 至 ${f.query.prevYear.to}`],
      ['上期', `${f.query.prevPeriod.from} 至 ${f.query.prevPeriod.to}`],
      ['受理率口径', f.query.acceptanceBasis === 'all_decisions' ? '受理 /（受理 + 不予受理 + 导入其他程序），按作出决定之日统计' : '受理 /（受理 + 不予受理），导入其他程序的不计，按作出决定之日统计'],
      ['办结率口径', '本期办结 / 本期受理，各按发生之日统计（本期办结含前期受理的事项，可超过 100%）'],
      ['按期办结率口径', f.query.onTimeVariant === 'extended_counts' ? '批准延期内答复计为按期' : '以原办理期限计'],
      ['满意率口径', f.query.satisfactionBasis === 'satisfied_or_basic' ? '（满意 + 基本满意）/ 参评' : '满意 / 参评'],
      ['同比、环比', '件数为增减幅度；比率为增减百分点'],
      ['化解率', '已化解 / 排查总数，按统计期间所含的排查期次（月）统计'],
    ],
  };
  return [
    counts, rates,
    breakdownSheet('按渠道', '渠道', b.channel, total),
    breakdownSheet('按类别', '类别', b.kind, total),
    breakdownSheet('按内容分类', '内容分类', categories, total, true),
    breakdownSheet('按地区', '地区', b.area, total),
    breakdownSheet('按到达层级', '到达层级', b.levelReached, total),
    leaders, disputeSheet, definitions,
  ];
}
