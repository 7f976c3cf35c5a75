// The 信访简报 rendered with docx (loaded lazily by bulletin-docx.ts): title block, summary, charts,
// tables and selected cases.
import {
  AlignmentType, BorderStyle, Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TabStopType, TextRun, WidthType,
} from 'docx';
import type { Figures, FigureKey } from '../../../shared/figures.ts';
import { FIGURE_LABELS, isRateKey } from '../../../shared/figure-labels.ts';
import { changeWords, formatPercent, periodTitle, summaryParagraph } from '../../../shared/figure-text.ts';
import { barOption, pieOption, renderChartPng, trendOption } from './charts.ts';
import type { BulletinContent } from './bulletin-docx.ts';

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const HEI = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };
const RED = 'C00000';
const cnDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

const text = (s: string, opts: { bold?: boolean; size?: number; color?: string; font?: typeof FONT } = {}) =>
  new TextRun({ text: s, bold: opts.bold, size: opts.size ?? 28, color: opts.color, font: opts.font ?? FONT });

const body = (s: string) => new Paragraph({ children: [text(s)], indent: { firstLine: 560 }, spacing: { line: 500 } });
const heading = (s: string) => new Paragraph({ children: [text(s, { font: HEI, size: 30 })], spacing: { before: 240, after: 120 } });

function cell(s: string, header = false, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER) {
  return new TableCell({
    children: [new Paragraph({ alignment: align, children: [text(s, { bold: header, size: 21, font: header ? HEI : FONT })] })],
    shading: header ? { fill: 'D9E2F3' } : undefined,
  });
}

function table(headers: string[], rows: string[][]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, false, i === 0 ? AlignmentType.LEFT : AlignmentType.CENTER)) })),
    ],
  });
}

function chart(png: Buffer, title: string, w = 600, h = 300) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new ImageRun({ type: 'png', data: png, transformation: { width: w, height: h }, altText: { name: title, description: title, title } })],
  });
}

const KEY_ROWS: FigureKey[] = [
  'submissions', 'headcount', 'letterSubmissions', 'visitSubmissions', 'onlineSubmissions', 'collectiveSubmissions', 'repeatSubmissions',
  'skipLevelSubmissions', 'concluded', 'acceptanceRate', 'timelyAcceptRate', 'completionRate', 'onTimeRate', 'satisfactionRateBody',
];

function valueText(key: FigureKey, v: number | null): string {
  if (v === null) return '—';
  return isRateKey(key) ? formatPercent(v) : String(v);
}

function yoyText(key: FigureKey, f: Figures): string {
  const fv = f.figures[key];
  if (isRateKey(key)) {
    if (fv.value === null || fv.prevYear === null) return '—';
    const d = (fv.value - fv.prevYear) * 100;
    return Math.abs(d) < 0.05 ? '持平' : `${d > 0 ? '上升' : '下降'} ${Math.abs(d).toFixed(1)} 个百分点`;
  }
  return changeWords(fv.yoy) ?? '—';
}

/** Renders the bulletin. Charts are drawn here from the same figures the tables show. */
export async function renderBulletinDocx(c: BulletinContent): Promise<Buffer> {
  const f = c.figures;
  const period = periodTitle(f.query);
  const channel = f.breakdowns.channel.map((r) => ({ label: r.labelZh, value: r.submissions.value ?? 0 }));
  const hot = [...f.breakdowns.categoryParent].sort((a, b) => (b.submissions.value ?? 0) - (a.submissions.value ?? 0)).slice(0, 8)
    .map((r) => ({ label: r.labelZh, value: r.submissions.value ?? 0 }));
  const charts: Paragraph[] = [];
  if (c.trend.length) charts.push(chart(renderChartPng(trendOption('信访总量月度走势（批次）', c.trend, { current: '本年', prevYear: '上年同期' }), 760, 360), '信访总量月度走势', 600, 284));
  if (channel.some((p) => p.value > 0)) charts.push(chart(renderChartPng(pieOption('信访渠道构成', channel), 640, 360), '信访渠道构成', 560, 315));
  if (hot.some((p) => p.value > 0)) charts.push(chart(renderChartPng(barOption('热点问题（按内容分类）', hot), 760, 380), '热点问题', 600, 300));

  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 200, after: 200 }, children: [text('信访简报', { bold: true, size: 72, color: RED, font: HEI })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [text(`第${c.issueNo}期`, { size: 32 })] }),
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: 9000 }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 } },
      spacing: { after: 300 },
      children: [text(c.issuingBody, { size: 28 }), new TextRun({ text: '\t', font: FONT }), text(cnDate(c.issuedOn), { size: 28 })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [text(`${period}信访工作情况`, { bold: true, size: 36, font: HEI })] }),
    heading('一、总体情况'),
    body(summaryParagraph(f)),
    ...(c.disputes && c.disputes.screened > 0
      ? [body(`矛盾纠纷排查方面，${periodTitle(f.query)}共排查矛盾纠纷 ${c.disputes.screened} 件，已化解 ${c.disputes.resolved} 件，化解率 ${formatPercent(c.disputes.rate)}；转入信访程序 ${c.disputes.converted} 件。`)]
      : []),
    heading('二、主要数据'),
    table(['指标', '本期', '上年同期', '同比'], KEY_ROWS.map((k) => [FIGURE_LABELS[k][0], valueText(k, f.figures[k].value), valueText(k, f.figures[k].prevYear), yoyText(k, f)])),
  ];
  if (charts.length) children.push(heading('三、图表分析'), ...charts);
  const hotText = hot.filter((p) => p.value > 0).slice(0, 3).map((p) => `${p.label}（${p.value} 件）`).join('、');
  if (hotText) children.push(body(`从反映问题看，排在前列的是${hotText}。`));
  if (c.ranking.length) {
    children.push(heading('四、责任单位办理情况'));
    children.push(table(['名次', '单位', '答复件数', '按期办结率', '参评件数', '满意率', '超期未办结'], c.ranking.map((r) => [
      String(r.rank), r.orgName, String(r.answered), formatPercent(r.onTimeRate), String(r.evaluatedBody), formatPercent(r.satisfactionRateBody), String(r.overdueNow),
    ])));
  }
  if (c.cases.length) {
    children.push(heading(c.ranking.length ? '五、典型事项' : '四、典型事项'));
    c.cases.forEach((k, i) => {
      children.push(new Paragraph({ spacing: { before: 120 }, children: [text(`${i + 1}. ${k.title}`, { bold: true })] }));
      children.push(body(`编号 ${k.caseNo}；${k.categoryName ? `内容分类：${k.categoryName}；` : ''}${k.orgName ? `承办单位：${k.orgName}；` : ''}办理状态：${k.stateZh}。${k.note ?? ''}`));
    });
  }
  if (c.distribution) {
    children.push(new Paragraph({
      border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } }, spacing: { before: 400 },
      children: [text(c.distribution, { size: 21 })],
    }));
  }
  const doc = new Document({
    creator: c.issuingBody, title: `信访简报 第${c.issueNo}期`, description: `${period}信访工作情况`,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [{ properties: { page: { margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
