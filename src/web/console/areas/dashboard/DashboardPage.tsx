// 信访形势: the figures of a body and period at a glance (trend by month with 同比, channel mix, hot
// categories, the bodies ranked by on-time rate and satisfaction, overdue now). Every number opens
// the cases behind it; every chart has a table view; the report and the bulletin download from here.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Badge, Button, Card, Col, DatePicker, InputNumber, Popover, Radio, Row, Segmented, Space, Statistic, Switch, Tooltip, TreeSelect, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined, ReloadOutlined, SlidersOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { apiGet, ApiError } from '../../../common/api.ts';
import { ACCEPTANCE_BASES, ON_TIME_VARIANTS, SATISFACTION_BASES, type AcceptanceBasis, type Figures, type Ranking, type FigureKey, type NowKey, type OnTimeVariant, type SatisfactionBasis } from '../../../../shared/figures.ts';

/** GET /stats/trend: submissions month by month, each beside the same month a year before. */
interface Trend { months: { month: string; submissions: number | null; prevYear: number }[] }
import { BASIS_LABELS, FIGURE_LABELS } from '../../../../shared/figure-labels.ts';
import { CASEWORK_ROLES, type Role } from '../../../../shared/enums.ts';
import { changeWords, changeWordsEn, formatPercent } from '../../../../shared/figure-text.ts';
import { useLang, useText } from '../../i18n.tsx';
import { useMe } from '../../session.tsx';
import { orgTree, useOrgs } from '../../refdata.ts';
import { ChartCard } from './ChartCard.tsx';
import { DrillDrawer, type DrillTarget } from './DrillDrawer.tsx';
import { runExportJob } from './exporting.ts';

const dict = {
  zh: {
    title: '信访形势', month: '月', quarter: '季度', year: '年', body: '单位', scope: '本单位及下级', subtree: '含下级单位', reload: '刷新',
    xlsx: '统计报表', docx: '信访简报', issue: '期号', preparing: '正在生成…', ready: '已生成：{f}', yoy: '同比', vsLastYear: '上年同期 {v}', through: '截至 {d}，同比、环比均与同期的同样天数相比',
    points: '{d} 个百分点', trend: '信访总量月度走势（批次）', thisYear: '本年', lastYear: '上年同期', channels: '信访渠道构成',
    categories: '热点问题（内容分类）', ranking: '责任单位排名（按期办结率、满意率）', overdue: '当前超期未办结（按单位）', overdueNow: '超期',
    monthCol: '月份', channel: '渠道', category: '内容分类', submissions: '批次', headcount: '人次', share: '占比', rank: '名次',
    org: '单位', onTime: '按期办结率', satisfaction: '满意率', answered: '答复件数', evaluated: '参评件数', openNow: '在办', click: '点击数字查看事项清单',
    headcountOf: '{n} 人次', noRanking: '下级单位暂无数据', leaders: '领导接访、阅批与包案',
    bases: '统计口径', basesHint: '各地统计口径不一：所选口径用于本页指标、事项清单和导出的报表、简报（报表“统计口径”表注明）。', basesReset: '恢复默认口径',
  },
  en: {
    title: 'Petition dashboard', month: 'Month', quarter: 'Quarter', year: 'Year', body: 'Body', scope: 'My scope', subtree: 'With bodies below', reload: 'Reload',
    xlsx: 'Report (xlsx)', docx: 'Bulletin (docx)', issue: 'Issue', preparing: 'Preparing…', ready: 'Ready: {f}', yoy: 'Year on year', vsLastYear: 'Last year {v}', through: 'To {d}: compared with the same days of last year and of the period before',
    points: '{d} points', trend: 'Submissions by month', thisYear: 'This year', lastYear: 'Last year', channels: 'Channel mix',
    categories: 'Hot categories', ranking: 'Bodies by on-time rate and satisfaction', overdue: 'Overdue now, by body', overdueNow: 'Overdue',
    monthCol: 'Month', channel: 'Channel', category: 'Category', submissions: 'Submissions', headcount: 'Headcount', share: 'Share', rank: 'Rank',
    org: 'Body', onTime: 'On-time rate', satisfaction: 'Satisfaction', answered: 'Answered', evaluated: 'Rated', openNow: 'Open', click: 'Click a number to list its cases',
    headcountOf: '{n} people', noRanking: 'No figures for the bodies below yet', leaders: 'Leaders: reception, instructions and ownership',
    bases: 'Counting basis', basesHint: 'Bureaus count some rates differently: the basis chosen applies to the figures here, their case lists and the report and bulletin exported (the report\'s 统计口径 sheet states it).', basesReset: 'Back to the defaults',
  },
};

type PeriodKind = 'month' | 'quarter' | 'year';
const COLORS = ['#1f4e79', '#c0392b', '#2e86c1', '#27ae60', '#f39c12', '#8e44ad', '#16a085', '#7f8c8d'];

/** The counting basis (统计口径) of the rates: the default is each list's first; the user's choice is kept in the browser. */
interface Bases { acceptanceBasis: AcceptanceBasis; onTimeVariant: OnTimeVariant; satisfactionBasis: SatisfactionBasis }
const BASIS_CHOICES = { acceptanceBasis: ACCEPTANCE_BASES, onTimeVariant: ON_TIME_VARIANTS, satisfactionBasis: SATISFACTION_BASES } as const;
const DEFAULT_BASES: Bases = { acceptanceBasis: ACCEPTANCE_BASES[0], onTimeVariant: ON_TIME_VARIANTS[0], satisfactionBasis: SATISFACTION_BASES[0] };
const BASES_KEY = 'xf.dashboard.bases';
/** Which rate each basis changes (its KPI card names the basis when it is not the default). */
const BASIS_OF: Partial<Record<FigureKey, keyof Bases>> = { acceptanceRate: 'acceptanceBasis', onTimeRate: 'onTimeVariant', satisfactionRateBody: 'satisfactionBasis' };

function loadBases(): Bases {
  try {
    const saved = JSON.parse(localStorage.getItem(BASES_KEY) ?? '{}') as Record<string, unknown>;
    const pick = <K extends keyof Bases>(k: K): Bases[K] => ((BASIS_CHOICES[k] as readonly string[]).includes(saved[k] as string) ? saved[k] : DEFAULT_BASES[k]) as Bases[K];
    return { acceptanceBasis: pick('acceptanceBasis'), onTimeVariant: pick('onTimeVariant'), satisfactionBasis: pick('satisfactionBasis') };
  } catch {
    return DEFAULT_BASES;
  }
}

function periodStart(kind: PeriodKind, d: Dayjs): string {
  const m = kind === 'year' ? 0 : kind === 'quarter' ? Math.floor(d.month() / 3) * 3 : d.month();
  return `${d.year()}-${String(m + 1).padStart(2, '0')}-01`;
}

export default function DashboardPage() {
  const t = useText(dict);
  const { lang } = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const orgs = useOrgs();
  const [kind, setKind] = useState<PeriodKind>('month');
  const [day, setDay] = useState<Dayjs>(() => dayjs());
  const [org, setOrg] = useState<number | undefined>(undefined);
  const [subtree, setSubtree] = useState(true);
  const [figures, setFigures] = useState<Figures | null>(null);
  const [ranking, setRanking] = useState<Ranking | null>(null);
  const [trend, setTrend] = useState<{ month: string; value: number | null; prevYear: number | null }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [busy, setBusy] = useState<'xlsx' | 'docx' | null>(null);
  const [issueNo, setIssueNo] = useState<number | null>(null);
  const [bases, setBases] = useState<Bases>(loadBases);
  const changeBases = (next: Bases) => {
    setBases(next);
    try { localStorage.setItem(BASES_KEY, JSON.stringify(next)); } catch { /* private mode: kept for this page only */ }
  };
  const basesChanged = (Object.keys(DEFAULT_BASES) as (keyof Bases)[]).filter((k) => bases[k] !== DEFAULT_BASES[k]);

  const from = periodStart(kind, day);
  const base = useMemo(() => ({ period: kind, from, org, subtree, ...bases }), [kind, from, org, subtree, bases]);
  const zh = lang === 'zh';
  const label = (k: FigureKey | NowKey) => FIGURE_LABELS[k][zh ? 0 : 1];

  const load = useCallback(async () => {
    setError(null);
    try {
      const year = from.slice(0, 4);
      const lastMonth = kind === 'month' ? Number(from.slice(5, 7)) : kind === 'quarter' ? Number(from.slice(5, 7)) + 2 : 12;
      const [f, r, tr] = await Promise.all([
        apiGet<Figures>('/stats/figures', base),
        apiGet<Ranking>('/stats/ranking', base),
        apiGet<Trend>('/stats/trend', { year, org, subtree }),
      ]);
      setFigures(f);
      setRanking(r);
      setTrend(tr.months.slice(0, lastMonth).map((m) => ({ month: m.month, value: m.submissions, prevYear: m.prevYear })));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, [base, from, kind, org, subtree]);
  useEffect(() => { void load(); }, [load]);

  // the cases behind a figure are casework: the administrator sees the figures only
  const canDrill = CASEWORK_ROLES.includes(me.role as Role);
  const open = (title: string, query: DrillTarget['query']) => { if (canDrill) setDrill({ title, query: { ...base, ...query } }); };
  const v = figures?.figures;
  const monthName = (m: string) => (zh ? `${Number(m.slice(5, 7))}月` : dayjs(`${m}-01`).format('MMM'));
  const bLabel = (r: { labelZh: string; labelEn: string }) => (zh ? r.labelZh : r.labelEn);
  const yoyText = (key: FigureKey) => {
    const fv = v?.[key];
    if (!fv) return '';
    if (/Rate|Share/.test(key)) {
      if (fv.value === null || fv.prevYear === null) return '';
      const d = (fv.value - fv.prevYear) * 100;
      return `${t.yoy} ${d > 0 ? '+' : ''}${t.points.replace('{d}', d.toFixed(1))}`;
    }
    const w = zh ? changeWords(fv.yoy) : changeWordsEn(fv.yoy);
    return w ? `${t.yoy} ${w}` : t.vsLastYear.replace('{v}', String(fv.prevYear ?? '—'));
  };

  const exportReport = async (what: 'xlsx' | 'docx') => {
    setBusy(what);
    const hide = message.loading(t.preparing, 0);
    try {
      const query = { period: kind, from, ...(org && { orgId: org }), subtree, ...bases };
      const job = what === 'xlsx'
        ? await runExportJob('/exports/report', { query }, lang)
        : await runExportJob('/exports/bulletin', { query, issueNo: issueNo ?? defaultIssue }, lang);
      message.success(t.ready.replace('{f}', job.filename ?? ''));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      hide();
      setBusy(null);
    }
  };
  const defaultIssue = kind === 'year' ? 1 : kind === 'quarter' ? Math.floor(day.month() / 3) + 1 : day.month() + 1;

  // charts and their tables, from the same rows
  const channelRows = figures?.breakdowns.channel ?? [];
  const totalSubs = v?.submissions.value ?? 0;
  const catRows = (figures?.breakdowns.categoryParent ?? []).filter((r) => (r.submissions.value ?? 0) > 0).slice(0, 10);
  const rankRows = ranking?.rows ?? [];
  const pct = (x: unknown) => (typeof x === 'number' ? `${(x * 100).toFixed(1)}%` : '—');

  const trendOption = useMemo(() => ({
    color: COLORS, tooltip: { trigger: 'axis' }, legend: { bottom: 0, data: [t.thisYear, t.lastYear] }, grid: { left: 40, right: 16, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: trend.map((p) => monthName(p.month)) }, yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t.thisYear, type: 'bar', data: trend.map((p) => p.value), label: { show: trend.length <= 6, position: 'top' } },
      { name: t.lastYear, type: 'line', data: trend.map((p) => p.prevYear) },
    ],
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [trend, lang]);
  const channelOption = useMemo(() => ({
    color: COLORS, tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' }, legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '62%'], center: ['50%', '45%'], label: { formatter: '{b} {c}' },
      data: channelRows.filter((r) => (r.submissions.value ?? 0) > 0).map((r) => ({ name: bLabel(r), value: r.submissions.value, key: r.key })) }],
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [channelRows, lang]);
  const categoryOption = useMemo(() => {
    const rows = [...catRows].reverse();
    return {
      color: COLORS, tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: rows.map(bLabel), axisLabel: { width: 110, overflow: 'truncate' } },
      series: [{ name: t.submissions, type: 'bar', data: rows.map((r) => r.submissions.value), label: { show: true, position: 'right' } }],
    };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catRows, lang]);
  // the chart shows the bodies with a rate (best first, at most 12); the table lists them all
  const rankChartRows = rankRows.filter((r) => r.onTimeRate !== null || r.satisfactionRateBody !== null).slice(0, 12);
  const rankingOption = useMemo(() => {
    const rows = [...rankChartRows].reverse();
    return {
      color: COLORS, tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: pct }, legend: { bottom: 0, data: [t.onTime, t.satisfaction] },
      grid: { left: 8, right: 48, top: 8, bottom: 32, containLabel: true },
      xAxis: { type: 'value', max: 1, axisLabel: { formatter: (x: number) => `${Math.round(x * 100)}%` } },
      yAxis: { type: 'category', data: rows.map((r) => r.orgName), axisLabel: { width: 130, overflow: 'truncate' } },
      series: [
        { name: t.onTime, type: 'bar', data: rows.map((r) => r.onTimeRate), label: { show: true, position: 'right', formatter: (p: { value: number | null }) => pct(p.value) } },
        { name: t.satisfaction, type: 'bar', data: rows.map((r) => r.satisfactionRateBody), label: { show: true, position: 'right', formatter: (p: { value: number | null }) => pct(p.value) } },
      ],
    };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rankChartRows.map((r) => r.orgId).join(','), ranking, lang]);
  const overdueRows = rankRows.filter((r) => r.overdueNow > 0);
  const overdueOption = useMemo(() => ({
    color: ['#cf1322'], tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: [...overdueRows].reverse().map((r) => r.orgName), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [{ name: t.overdueNow, type: 'bar', data: [...overdueRows].reverse().map((r) => r.overdueNow), label: { show: true, position: 'right' } }],
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [overdueRows.map((r) => `${r.orgId}:${r.overdueNow}`).join(','), lang]);

  const orgOptions = useMemo(() => orgTree(orgs, (o) => o.path.startsWith(me.scopePath) && o.level !== 'village'), [orgs, me.scopePath]);
  // a rate counted on a basis other than the default says which
  const basisNote = (key: FigureKey | NowKey) => {
    const b = BASIS_OF[key as FigureKey];
    return b && bases[b] !== DEFAULT_BASES[b] ? (BASIS_LABELS[b].options as Record<string, readonly [string, string]>)[bases[b]]![zh ? 0 : 1] : null;
  };
  const kpi = (key: FigureKey | NowKey, value: React.ReactNode, sub: string, color?: string) => (
    <Col xs={12} md={6} lg={3} key={key}>
      <Card size="small" hoverable={canDrill} style={{ height: '100%' }} onClick={() => open(label(key), { figure: key })} data-testid={`kpi-${key}`}>
        <Statistic title={label(key)} value={value as string} styles={color ? { content: { color } } : undefined} />
        {basisNote(key) && <Typography.Text type="warning" style={{ fontSize: 12, display: 'block' }} data-testid={`kpi-basis-${key}`}>{t.bases}：{basisNote(key)}</Typography.Text>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{sub}</Typography.Text>
      </Card>
    </Col>
  );

  return (
    <div data-testid="dashboard">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t.title}{figures && <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12 }}>{figures.query.orgName} · {figures.query.range.from} ~ {figures.query.range.to}</Typography.Text>}
          {figures?.query.comparedThrough && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, fontWeight: 'normal' }} data-testid="compared-through">{t.through.replace('{d}', figures.query.comparedThrough)}</Typography.Text>}</Typography.Title>
        <Space wrap>
          <Segmented value={kind} onChange={(k) => setKind(k as PeriodKind)} data-testid="period-kind"
            options={[{ value: 'month', label: t.month }, { value: 'quarter', label: t.quarter }, { value: 'year', label: t.year }]} />
          <DatePicker picker={kind} value={day} allowClear={false} onChange={(d) => d && setDay(d)} data-testid="period-date" />
          <TreeSelect style={{ width: 200 }} allowClear placeholder={t.scope} aria-label={t.scope} value={org} onChange={(x) => setOrg(x ?? undefined)} treeData={orgOptions}
            treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} data-testid="dashboard-org" />
          <Tooltip title={t.subtree}><Switch checked={subtree} onChange={setSubtree} checkedChildren={t.subtree} unCheckedChildren={t.subtree} /></Tooltip>
          <Popover trigger="click" placement="bottomRight" title={t.bases} content={(
            <Space orientation="vertical" size={10} style={{ maxWidth: 360 }} data-testid="bases-panel">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t.basesHint}</Typography.Text>
              {(Object.keys(BASIS_CHOICES) as (keyof Bases)[]).map((k) => (
                <div key={k}>
                  <Typography.Text strong>{BASIS_LABELS[k].title[zh ? 0 : 1]}</Typography.Text>
                  <Radio.Group value={bases[k]} onChange={(e) => changeBases({ ...bases, [k]: e.target.value })} data-testid={`basis-${k}`}
                    style={{ display: 'flex', flexDirection: 'column' }}
                    options={BASIS_CHOICES[k].map((o) => ({ value: o, label: (BASIS_LABELS[k].options as Record<string, readonly [string, string]>)[o]![zh ? 0 : 1] }))} />
                </div>
              ))}
              <Button size="small" disabled={!basesChanged.length} onClick={() => changeBases(DEFAULT_BASES)} data-testid="bases-reset">{t.basesReset}</Button>
            </Space>
          )}>
            <Badge dot={basesChanged.length > 0} offset={[-4, 4]}>
              <Button icon={<SlidersOutlined />} data-testid="bases-button">{t.bases}</Button>
            </Badge>
          </Popover>
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>{t.reload}</Button>
          <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} disabled={!!busy} onClick={() => void exportReport('xlsx')} data-testid="export-xlsx">{t.xlsx}</Button>
          <Space.Compact>
            <InputNumber min={1} max={9999} value={issueNo ?? defaultIssue} onChange={(n) => setIssueNo(n)} prefix={t.issue} aria-label={t.issue} style={{ width: 110 }} data-testid="bulletin-issue" />
            <Button icon={<FileWordOutlined />} loading={busy === 'docx'} disabled={!!busy} onClick={() => void exportReport('docx')} data-testid="export-docx">{t.docx}</Button>
          </Space.Compact>
        </Space>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {canDrill && <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t.click}</Typography.Paragraph>}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {kpi('submissions', v?.submissions.value ?? '—', `${t.headcountOf.replace('{n}', String(v?.headcount.value ?? '—'))} · ${yoyText('submissions')}`)}
        {kpi('acceptanceRate', formatPercent(v?.acceptanceRate.value), yoyText('acceptanceRate'))}
        {kpi('completionRate', formatPercent(v?.completionRate.value), yoyText('completionRate'))}
        {kpi('onTimeRate', formatPercent(v?.onTimeRate.value), yoyText('onTimeRate'))}
        {kpi('satisfactionRateBody', formatPercent(v?.satisfactionRateBody.value), yoyText('satisfactionRateBody'))}
        {kpi('repeatRate', formatPercent(v?.repeatRate.value), yoyText('repeatRate'))}
        {kpi('openNow', figures?.now.openNow ?? '—', figures ? `${figures.today}` : '')}
        {kpi('overdueNow', figures?.now.overdueNow ?? '—', figures ? `${figures.today}` : '', '#cf1322')}
      </Row>
      {/* the leaders' work as the bureaus' reports count it: reception in days and people, instructions, ownership */}
      <Typography.Title level={5} style={{ margin: '4px 0 8px' }}>{t.leaders}</Typography.Title>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="leader-figures">
        {kpi('receptionDays', v?.receptionDays.value ?? '—', yoyText('receptionDays'))}
        {kpi('fixedReceptionDays', v?.fixedReceptionDays.value ?? '—', yoyText('fixedReceptionDays'))}
        {kpi('fieldVisitDays', v?.fieldVisitDays.value ?? '—', yoyText('fieldVisitDays'))}
        {kpi('appointmentHeadcount', v?.appointmentHeadcount.value ?? '—', yoyText('appointmentHeadcount'))}
        {kpi('receptionVisits', v?.receptionVisits.value ?? '—', `${t.headcountOf.replace('{n}', String(v?.receptionHeadcount.value ?? '—'))} · ${yoyText('receptionVisits')}`)}
        {kpi('instructions', v?.instructions.value ?? '—', yoyText('instructions'))}
        {kpi('ownedCases', v?.ownedCases.value ?? '—', yoyText('ownedCases'))}
        {kpi('ownedConcluded', v?.ownedConcluded.value ?? '—', yoyText('ownedConcluded'))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <ChartCard name="trend" title={t.trend} option={trendOption} loading={!figures}
            onPick={(e) => trend[e.dataIndex] && open(`${t.trend} · ${monthName(trend[e.dataIndex]!.month)}`, { figure: 'submissions', period: 'month', from: `${trend[e.dataIndex]!.month}-01` })}
            onRow={(i) => trend[i] && open(`${t.trend} · ${monthName(trend[i]!.month)}`, { figure: 'submissions', period: 'month', from: `${trend[i]!.month}-01` })}
            table={{ columns: [{ header: t.monthCol }, { header: t.thisYear, kind: 'integer' }, { header: t.lastYear, kind: 'integer' }], rows: trend.map((p) => [monthName(p.month), p.value, p.prevYear]) }} />
        </Col>
        <Col xs={24} lg={10}>
          <ChartCard name="channels" title={t.channels} option={channelOption} loading={!figures}
            onPick={(e) => { const r = channelRows.find((x) => bLabel(x) === e.name); if (r) open(`${t.channels} · ${e.name}`, { figure: 'submissions', breakdown: 'channel', key: r.key }); }}
            onRow={(i) => channelRows[i] && open(`${t.channels} · ${bLabel(channelRows[i]!)}`, { figure: 'submissions', breakdown: 'channel', key: channelRows[i]!.key })}
            table={{ columns: [{ header: t.channel }, { header: t.submissions, kind: 'integer' }, { header: t.headcount, kind: 'integer' }, { header: t.share, kind: 'percent' }, { header: t.yoy, kind: 'percent' }],
              rows: channelRows.map((r) => [bLabel(r), r.submissions.value, r.headcount.value, totalSubs ? (r.submissions.value ?? 0) / totalSubs : null, r.submissions.yoy]) }} />
        </Col>
        <Col xs={24} lg={10}>
          <ChartCard name="categories" title={t.categories} option={categoryOption} loading={!figures}
            onPick={(e) => { const r = catRows.find((x) => bLabel(x) === e.name); if (r) open(`${t.categories} · ${e.name}`, { figure: 'submissions', breakdown: 'categoryParent', key: r.key }); }}
            onRow={(i) => catRows[i] && open(`${t.categories} · ${bLabel(catRows[i]!)}`, { figure: 'submissions', breakdown: 'categoryParent', key: catRows[i]!.key })}
            table={{ columns: [{ header: t.category }, { header: t.submissions, kind: 'integer' }, { header: t.headcount, kind: 'integer' }, { header: t.yoy, kind: 'percent' }],
              rows: catRows.map((r) => [bLabel(r), r.submissions.value, r.headcount.value, r.submissions.yoy]) }} />
        </Col>
        <Col xs={24} lg={14}>
          <ChartCard name="ranking" title={t.ranking} option={rankingOption} loading={!ranking} height={Math.max(300, 60 + rankChartRows.length * 44)}
            extra={rankRows.length === 0 && ranking ? <Typography.Text type="secondary">{t.noRanking}</Typography.Text> : null}
            onPick={(e) => { const r = rankChartRows.find((x) => x.orgName === e.name); if (r) open(`${r.orgName} · ${t.onTime}`, { figure: 'onTimeRate', part: 'denominator', org: r.orgId }); }}
            onRow={(i) => rankRows[i] && open(`${rankRows[i]!.orgName} · ${t.onTime}`, { figure: 'onTimeRate', part: 'denominator', org: rankRows[i]!.orgId })}
            table={{ columns: [{ header: t.rank, kind: 'integer' }, { header: t.org }, { header: t.answered, kind: 'integer' }, { header: t.onTime, kind: 'percent' }, { header: t.evaluated, kind: 'integer' }, { header: t.satisfaction, kind: 'percent' }, { header: t.overdueNow, kind: 'integer' }],
              rows: rankRows.map((r) => [r.rank, r.orgName, r.answered, r.onTimeRate, r.evaluatedBody, r.satisfactionRateBody, r.overdueNow]) }} />
        </Col>
        <Col xs={24}>
          <ChartCard name="overdue" title={t.overdue} option={overdueOption} loading={!ranking} height={Math.max(160, 40 + overdueRows.length * 28)}
            onPick={(e) => { const r = overdueRows.find((x) => x.orgName === e.name); if (r) open(`${r.orgName} · ${t.overdueNow}`, { figure: 'overdueNow', org: r.orgId }); }}
            onRow={(i) => overdueRows[i] && open(`${overdueRows[i]!.orgName} · ${t.overdueNow}`, { figure: 'overdueNow', org: overdueRows[i]!.orgId })}
            table={{ columns: [{ header: t.org }, { header: t.overdueNow, kind: 'integer' }], rows: overdueRows.map((r) => [r.orgName, r.overdueNow]) }} />
        </Col>
      </Row>
      <DrillDrawer target={drill} onClose={() => setDrill(null)} />
    </div>
  );
}
