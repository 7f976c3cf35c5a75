// How figures are written in reports and bulletins: percentages, the period's name, and the
// 同比 wording (上升 / 下降 / 持平), shared by the console and the exports.
import type { Figures, PeriodKind, ResolvedFiguresQuery } from './figures.ts';

/** 0.1234 -> '12.3%'; null -> '—'. */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** A change as words: 上升 12.5% / 下降 3.0% / 持平 (when it rounds to zero). null when unknown. */
export function changeWords(change: number | null | undefined, digits = 1): string | null {
  if (change === null || change === undefined || !Number.isFinite(change)) return null;
  const pct = Math.abs(change * 100);
  if (Number(pct.toFixed(digits)) === 0) return '持平';
  return `${change > 0 ? '上升' : '下降'} ${pct.toFixed(digits)}%`;
}

/** The same in English: up 12.5% / down 3.0% / unchanged. */
export function changeWordsEn(change: number | null | undefined, digits = 1): string | null {
  if (change === null || change === undefined || !Number.isFinite(change)) return null;
  const pct = Math.abs(change * 100);
  if (Number(pct.toFixed(digits)) === 0) return 'unchanged';
  return `${change > 0 ? 'up' : 'down'} ${pct.toFixed(digits)}%`;
}

const QUARTERS = ['一', '二', '三', '四'];
const cnDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** '2026年3月', '2026年第一季度', '2026年', '2026年3月2日', '2026年3月1日至2026年3月15日'. */
export function periodTitle(q: Pick<ResolvedFiguresQuery, 'period' | 'range'>): string {
  const { from, to } = q.range;
  const y = Number(from.slice(0, 4));
  const m = Number(from.slice(5, 7));
  switch (q.period) {
    case 'year': return `${y}年`;
    case 'quarter': return `${y}年第${QUARTERS[Math.floor((m - 1) / 3)]}季度`;
    case 'month': return `${y}年${m}月`;
    case 'day': return cnDate(from);
    default: return from === to ? cnDate(from) : `${cnDate(from)}至${cnDate(to)}`;
  }
}

export const PERIOD_WORDS: Record<PeriodKind, string> = { day: '当日', month: '本月', quarter: '本季度', year: '本年度', custom: '本期' };

/**
 * The bulletin's opening paragraph, e.g. "2026年3月，清河县人民政府及所属单位本月共受理群众来信来访
 * 120 批 356 人次，同比下降 12.5%（人次同比上升 3.0%）。…". Every number comes from the figures.
 */
export function summaryParagraph(f: Figures): string {
  const v = f.figures;
  const n = (k: keyof typeof v) => v[k].value ?? 0;
  const who = f.query.subtree ? `${f.query.orgName}及所属单位` : f.query.orgName;
  const parts: string[] = [];
  const subYoy = changeWords(v.submissions.yoy);
  const headYoy = changeWords(v.headcount.yoy);
  // a period still running is counted, and compared, up to today
  const through = f.query.comparedThrough ? `（截至${Number(f.query.comparedThrough.slice(5, 7))}月${Number(f.query.comparedThrough.slice(8, 10))}日）` : '';
  let first = `${periodTitle(f.query)}${through}，${who}${PERIOD_WORDS[f.query.period]}共受理群众来信来访 ${n('submissions')} 批 ${n('headcount')} 人次`;
  if (subYoy) first += `，同比${subYoy === '持平' ? '持平' : subYoy}`;
  if (headYoy) first += `（人次同比${headYoy}）`;
  parts.push(`${first}。`);
  parts.push(`其中来信 ${n('letterSubmissions')} 件，来访 ${n('visitSubmissions')} 批 ${n('visitHeadcount')} 人次，来电 ${n('phoneSubmissions')} 件，网上信访 ${n('onlineSubmissions')} 件，占 ${formatPercent(v.onlineShare.value)}。`);
  parts.push(`集体访 ${n('collectiveSubmissions')} 批 ${n('collectiveHeadcount')} 人次；重复信访 ${n('repeatSubmissions')} 件，重复信访率 ${formatPercent(v.repeatRate.value)}；越级访 ${n('skipLevelSubmissions')} 批 ${n('skipLevelHeadcount')} 人次。`);
  parts.push(`受理信访事项 ${n('accepted')} 件，受理率 ${formatPercent(v.acceptanceRate.value)}，及时受理率 ${formatPercent(v.timelyAcceptRate.value)}，`
    + `已办结 ${n('acceptedConcluded')} 件，办结率 ${formatPercent(v.completionRate.value)}；本期办结 ${n('concluded')} 件，按期办结率 ${formatPercent(v.onTimeRate.value)}；`
    + `群众满意率（责任单位）${formatPercent(v.satisfactionRateBody.value)}。`);
  parts.push(`截至${cnDate(f.today)}，在办事项 ${f.now.openNow} 件，其中超期未办结 ${f.now.overdueNow} 件。`);
  return parts.join('');
}
