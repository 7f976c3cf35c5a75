// 人民建议: the suggestions citizens sent on the portal, newest first. Status and topic filters live in
// the URL (?status=&topic=); "load more" follows the API cursor and appends. A row's number opens
// the drawer with the suggestion and, while it is undecided, the decision form.
import { useCallback, useEffect, useRef, useState, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Col, DatePicker, Empty, Row, Segmented, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TableProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { apiGet, ApiError } from '../../../common/api.ts';
import { SUGGESTION_STATUS_LABELS, SUGGESTION_STATUSES, type SuggestionStatus } from '../../../../shared/enums.ts';
import { useLang, useText } from '../../i18n.tsx';
import { formatDateTime } from '../../labels.ts';
import { SuggestionDrawer } from './SuggestionDrawer.tsx';
import { statusStyle, type Suggestion, type SuggestionDetail, type SuggestionFigures, type SuggestionPage, type Topic } from './types.ts';
import { formatPercent } from '../../../../shared/figure-text.ts';
import { AreaHeader } from '../../AreaHeader.tsx';

const PAGE_SIZE = 20;

const dict = {
  zh: {
    title: '人民建议', intro: '群众通过网上信访平台向本地区信访部门提出的人民建议（人民建议征集）。逐条研究后作出采纳或不予采纳的决定并答复，建议人凭建议编号和手机号后四位查询答复；决定作出后不能更改。',
    reload: '刷新', statusFilter: '办理状态', topicFilter: '征集主题', all: '全部', allTopics: '全部主题',
    refCode: '建议编号', topic: '征集主题', subject: '建议标题', org: '办理单位', status: '状态', createdAt: '提交时间', decidedAt: '决定时间',
    none: '暂无人民建议', noneFiltered: '没有符合条件的人民建议', more: '加载更多', noMore: '已全部加载', shown: '已显示 {n} 条',
    figures: '征集情况', month: '月', year: '年', received: '收到建议', decided: '已作决定', adopted: '采纳（含部分采纳）', rate: '采纳率', pending: '待研究（当前）',
    partlyOf: '其中部分采纳 {n}', notAdoptedOf: '未采纳 {n}', byTopic: '各主题：', topicItem: '{t} 收到 {r} 采纳 {a}',
  },
  en: {
    title: 'Citizen suggestions', intro: 'Suggestions citizens sent on the online portal to the petition bureaus of your area. Study each, decide whether it is adopted and reply; the citizen reads the reply with the suggestion number and the last four mobile digits. A decision cannot be changed once made.',
    reload: 'Reload', statusFilter: 'Status', topicFilter: 'Topic', all: 'All', allTopics: 'All topics',
    refCode: 'Number', topic: 'Topic', subject: 'Title', org: 'Petition bureau', status: 'Status', createdAt: 'Sent', decidedAt: 'Decided',
    none: 'No suggestions yet', noneFiltered: 'No suggestions match', more: 'Load more', noMore: 'All loaded', shown: '{n} shown',
    figures: 'Figures', month: 'Month', year: 'Year', received: 'Sent', decided: 'Decided', adopted: 'Adopted (in full or part)', rate: 'Adoption rate', pending: 'Awaiting decision (now)',
    partlyOf: 'in part: {n}', notAdoptedOf: 'not adopted: {n}', byTopic: 'By topic: ', topicItem: '{t}: sent {r}, adopted {a}',
  },
};

type Filter = SuggestionStatus | 'all';
const isStatus = (v: string | null): v is SuggestionStatus => !!v && (SUGGESTION_STATUSES as readonly string[]).includes(v);
const rowProps = (r: Suggestion) => ({ 'data-testid': 'suggestion-row', 'data-id': r.id, 'data-ref': r.refCode, 'data-status': r.status }) as HTMLAttributes<HTMLElement>;

export default function SuggestionsPage() {
  const t = useText(dict);
  const { lang } = useLang();
  const i = lang === 'zh' ? 0 : 1;
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status: Filter = isStatus(statusParam) ? statusParam : 'all';
  const topic = params.get('topic') ?? undefined;

  const [topics, setTopics] = useState<Topic[]>([]);
  const [items, setItems] = useState<Suggestion[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  // the latest request wins: a page asked for under other filters is dropped when it answers
  const seq = useRef(0);

  useEffect(() => { apiGet<Topic[]>('/portal/suggestion-topics').then(setTopics).catch(() => setTopics([])); }, []);
  const topicLabel = (k: string) => { const x = topics.find((tp) => tp.key === k); return x ? (lang === 'zh' ? x.zh : x.en) : k; };

  const load = useCallback(async (cursor: string | null) => {
    const mine = ++seq.current;
    if (cursor) setLoadingMore(true); else setLoading(true);
    try {
      const page = await apiGet<SuggestionPage>('/suggestions', { status: status === 'all' ? undefined : status, topic, cursor, limit: PAGE_SIZE });
      if (mine !== seq.current) return;
      setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
      setError(null);
    } catch (e) {
      if (mine !== seq.current) return;
      setError(e instanceof ApiError ? e.message : String(e));
      // a failed further page keeps the rows already shown (and the cursor, to try again)
      if (!cursor) { setItems([]); setNextCursor(null); }
    } finally {
      if (mine === seq.current) { setLoading(false); setLoadingMore(false); }
    }
  }, [status, topic]);

  useEffect(() => { void load(null); }, [load]);

  // 征集情况: the period's figures (this month or this year by default)
  const [periodKind, setPeriodKind] = useState<'month' | 'year'>('year');
  const [periodDay, setPeriodDay] = useState<Dayjs>(() => dayjs());
  const [figures, setFigures] = useState<SuggestionFigures | null>(null);
  const [figuresVersion, setFiguresVersion] = useState(0);
  useEffect(() => {
    const from = periodDay.startOf(periodKind).format('YYYY-MM-DD');
    apiGet<SuggestionFigures>('/suggestions/figures', { period: periodKind, from }).then(setFigures).catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [periodKind, periodDay, figuresVersion]);

  const setFilter = (key: 'status' | 'topic', v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (!v || v === 'all') next.delete(key); else next.set(key, v);
    setParams(next);
  };

  /** After a decision: the row shows the new status at once. */
  const decided = (d: SuggestionDetail) => {
    setItems((prev) => prev.map((r) => (r.id === d.id ? { ...r, status: d.status, decidedAt: d.decidedAt } : r)));
    setFiguresVersion((v) => v + 1);
  };

  const columns: TableProps<Suggestion>['columns'] = [
    {
      // the number opens the drawer: its visible text is its accessible name, one per row
      title: t.refCode, dataIndex: 'refCode', key: 'refCode', width: 140,
      render: (v: string, r) => <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpenId(r.id)} data-testid={`suggestion-open-${r.id}`}>{v}</Button>,
    },
    { title: t.topic, dataIndex: 'topic', key: 'topic', width: 150, render: (k: string) => topicLabel(k) },
    { title: t.subject, dataIndex: 'title', key: 'title', ellipsis: true },
    { title: t.org, dataIndex: 'orgName', key: 'orgName', width: 160, ellipsis: true },
    {
      title: t.status, dataIndex: 'status', key: 'status', width: 100,
      render: (s: SuggestionStatus) => <Tag style={statusStyle(s)} data-testid="suggestion-status" data-status={s}>{SUGGESTION_STATUS_LABELS[s]?.[i] ?? s}</Tag>,
    },
    { title: t.createdAt, dataIndex: 'createdAt', key: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
    { title: t.decidedAt, dataIndex: 'decidedAt', key: 'decidedAt', width: 140, render: (v: string | null) => (v ? formatDateTime(v) : '') },
  ];

  const filtered = status !== 'all' || !!topic;

  return (
    <div data-testid="suggestions-page">
      <AreaHeader title={t.title} intro={t.intro}
        extra={<Button icon={<ReloadOutlined />} onClick={() => void load(null)} disabled={loading} data-testid="suggestions-reload">{t.reload}</Button>} />

      <Card size="small" title={t.figures} style={{ marginBottom: 12 }} data-testid="suggestion-figures"
        extra={(
          <Space>
            <Segmented value={periodKind} onChange={(v) => setPeriodKind(v as 'month' | 'year')} options={[{ value: 'month', label: t.month }, { value: 'year', label: t.year }]} data-testid="suggestion-figures-period" />
            <DatePicker picker={periodKind} value={periodDay} allowClear={false} onChange={(d) => d && setPeriodDay(d)} aria-label={t.figures} />
          </Space>
        )}>
        <Row gutter={[12, 12]}>
          <Col xs={12} md={6} data-testid="suggestion-fig-received"><Statistic title={t.received} value={figures?.received ?? '—'} /></Col>
          <Col xs={12} md={6} data-testid="suggestion-fig-decided">
            <Statistic title={t.decided} value={figures?.decided ?? '—'} />
            {figures && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t.partlyOf.replace('{n}', String(figures.partlyAdopted))} · {t.notAdoptedOf.replace('{n}', String(figures.notAdopted))}</Typography.Text>}
          </Col>
          <Col xs={12} md={6} data-testid="suggestion-fig-rate">
            <Statistic title={t.rate} value={figures ? formatPercent(figures.adoptionRate) : '—'} />
            {figures && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t.adopted}: {figures.adopted + figures.partlyAdopted}</Typography.Text>}
          </Col>
          <Col xs={12} md={6} data-testid="suggestion-fig-pending"><Statistic title={t.pending} value={figures?.pendingNow ?? '—'} /></Col>
        </Row>
        {figures && figures.topics.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t.byTopic}{figures.topics.map((x) => t.topicItem.replace('{t}', topicLabel(x.topic)).replace('{r}', String(x.received)).replace('{a}', String(x.adopted))).join(lang === 'zh' ? '；' : '; ')}
          </Typography.Paragraph>
        )}
      </Card>

      <Card size="small">
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
          <Space wrap>
            <Segmented<Filter> value={status} onChange={(v) => setFilter('status', v)} aria-label={t.statusFilter} data-testid="suggestion-status-filter"
              options={[{ label: t.all, value: 'all' }, ...SUGGESTION_STATUSES.map((s) => ({ label: SUGGESTION_STATUS_LABELS[s][i], value: s }))]} />
            <Select allowClear placeholder={t.allTopics} aria-label={t.topicFilter} style={{ width: 200 }} value={topic} data-testid="suggestion-topic-filter"
              onChange={(v?: string) => setFilter('topic', v)} options={topics.map((tp) => ({ value: tp.key, label: lang === 'zh' ? tp.zh : tp.en }))} />
          </Space>
          {!loading && items.length > 0 && (
            <Typography.Text type="secondary" data-testid="suggestions-count">{t.shown.replace('{n}', String(items.length))}</Typography.Text>
          )}
        </Space>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="suggestions-error" />}
        <Table<Suggestion> rowKey="id" size="middle" columns={columns} dataSource={items} loading={loading} pagination={false}
          onRow={rowProps} data-testid="suggestions-table"
          locale={{ emptyText: <div data-testid="suggestions-empty"><Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t.noneFiltered : t.none} /></div> }} />
        {!loading && items.length > 0 && (
          <div style={{ textAlign: 'center', marginTop: 12 }}>
            <Button onClick={() => nextCursor && void load(nextCursor)} disabled={!nextCursor} loading={loadingMore} data-testid="suggestions-load-more">
              {nextCursor ? t.more : t.noMore}
            </Button>
          </div>
        )}
      </Card>
      {openId !== null && <SuggestionDrawer id={openId} topicLabel={topicLabel} onClose={() => setOpenId(null)} onDecided={decided} />}
    </div>
  );
}
