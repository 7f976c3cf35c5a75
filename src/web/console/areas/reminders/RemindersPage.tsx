// 临期超期提醒: what the deadline sweep raised for the user's bodies (临期 = due within 3 days,
// 超期 = past due), newest first. The kind filter lives in the URL (?kind=); "load more" follows the
// API cursor and appends.
import { useCallback, useEffect, useRef, useState, type HTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { apiGet, ApiError } from '../../../common/api.ts';
import { useLang, useText } from '../../i18n.tsx';
import { formatDateTime, L, urgencyStyle } from '../../labels.ts';
import { REMINDER_KINDS, type Reminder, type ReminderKind, type ReminderPage } from './types.ts';
import { AreaHeader } from '../../AreaHeader.tsx';

const PAGE_SIZE = 30;

const dict = {
  zh: {
    title: '临期超期提醒', intro: '期限检查为本单位及下级单位提出的提醒：临期为 3 日内到期，超期为已过期限。最新提出的在前。',
    filter: '提醒类别', all: '全部', near: '临期', overdue: '超期', reload: '刷新',
    caseNo: '事项编号', caseTitle: '标题', kind: '类别', clock: '时限', due: '到期日', raisedAt: '提醒时间', org: '提醒单位',
    currentOrg: '当前责任单位', state: '当前状态', nowDue: '现时限 {d}',
    none: '暂无临期或超期提醒', noneKind: '暂无{k}提醒', more: '加载更多', noMore: '已全部加载', shown: '已显示 {n} 条',
  },
  en: {
    title: 'Deadline reminders', intro: 'Reminders the deadline check raised for your body and the bodies below it: near = due within 3 days, overdue = past due. Newest first.',
    filter: 'Reminder kind', all: 'All', near: 'Near', overdue: 'Overdue', reload: 'Reload',
    caseNo: 'Case no.', caseTitle: 'Title', kind: 'Kind', clock: 'Limit', due: 'Due', raisedAt: 'Raised', org: 'Raised for',
    currentOrg: 'Current body', state: 'State now', nowDue: 'now due {d}',
    none: 'No near or overdue reminders', noneKind: 'No {k} reminders', more: 'Load more', noMore: 'All loaded', shown: '{n} shown',
  },
};

type Filter = ReminderKind | 'all';
const isKind = (v: string | null): v is ReminderKind => !!v && (REMINDER_KINDS as readonly string[]).includes(v);
const rowKey = (r: Reminder) => `${r.caseId}:${r.clock}:${r.due}:${r.kind}`;
const rowProps = (r: Reminder) => ({ 'data-testid': 'reminder-row', 'data-kind': r.kind }) as HTMLAttributes<HTMLElement>;

export default function RemindersPage() {
  const t = useText(dict);
  const { lang } = useLang();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const filter: Filter = isKind(kindParam) ? kindParam : 'all';

  const [items, setItems] = useState<Reminder[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // the latest request wins: a page asked for under another filter is dropped when it answers
  const seq = useRef(0);

  const load = useCallback(async (cursor: string | null) => {
    const mine = ++seq.current;
    if (cursor) setLoadingMore(true); else setLoading(true);
    try {
      const page = await apiGet<ReminderPage>('/reminders', { kind: filter === 'all' ? undefined : filter, cursor, limit: PAGE_SIZE });
      if (mine !== seq.current) return;
      setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
      setError(null);
    } catch (e) {
      if (mine !== seq.current) return;
      const text = e instanceof ApiError ? e.message : String(e);
      setError(text);
      // a failed further page keeps the rows already shown (and the cursor, to try again)
      if (!cursor) { setItems([]); setNextCursor(null); }
    } finally {
      if (mine === seq.current) { setLoading(false); setLoadingMore(false); }
    }
  }, [filter]);

  useEffect(() => { void load(null); }, [load]);

  const kindLabel = (k: string) => (k === 'near' ? t.near : k === 'overdue' ? t.overdue : k);

  const setFilter = (v: Filter) => {
    const next = new URLSearchParams(params);
    if (v === 'all') next.delete('kind'); else next.set('kind', v);
    setParams(next);
  };

  const columns: TableProps<Reminder>['columns'] = [
    { title: t.caseNo, dataIndex: 'caseNo', key: 'caseNo', width: 185, render: (v: string, r) => <Link to={`/cases/${r.caseId}`}>{v}</Link> },
    { title: t.caseTitle, dataIndex: 'title', key: 'title', ellipsis: true },
    {
      title: t.kind, dataIndex: 'kind', key: 'kind', width: 80,
      render: (k: string) => <Tag style={urgencyStyle(k)} data-testid="reminder-kind" data-kind={k}>{kindLabel(k)}</Tag>,
    },
    { title: t.clock, dataIndex: 'clock', key: 'clock', width: 130, render: (c: string) => L.clock(c, lang) },
    { title: t.due, dataIndex: 'due', key: 'due', width: 110 },
    { title: t.raisedAt, dataIndex: 'raisedAt', key: 'raisedAt', width: 140, render: (v: string) => formatDateTime(v) },
    { title: t.org, dataIndex: 'orgName', key: 'orgName', width: 160, ellipsis: true },
    { title: t.currentOrg, dataIndex: 'currentOrgName', key: 'currentOrgName', width: 160, ellipsis: true, render: (v: string | null) => v ?? '' },
    {
      title: t.state, dataIndex: 'state', key: 'state', width: 150,
      render: (s: string, r) => (
        <Space orientation="vertical" size={0}>
          <Tag>{L.state(s, lang)}</Tag>
          {r.nextDue && r.nextDue !== r.due && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t.nowDue.replace('{d}', r.nextDue)}</Typography.Text>}
        </Space>
      ),
    },
  ];

  const empty = filter === 'all' ? t.none : t.noneKind.replace('{k}', kindLabel(filter));

  return (
    <div data-testid="reminders-page">
      <AreaHeader title={t.title} intro={t.intro}
        extra={<Button icon={<ReloadOutlined />} onClick={() => void load(null)} disabled={loading} data-testid="reminders-reload">{t.reload}</Button>} />

      <Card size="small">
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
          <Segmented<Filter> value={filter} onChange={setFilter} aria-label={t.filter} data-testid="reminders-filter"
            options={[{ label: t.all, value: 'all' }, ...REMINDER_KINDS.map((k) => ({ label: kindLabel(k), value: k }))]} />
          {!loading && items.length > 0 && (
            <Typography.Text type="secondary" data-testid="reminders-count">{t.shown.replace('{n}', String(items.length))}</Typography.Text>
          )}
        </Space>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Table<Reminder> rowKey={rowKey} size="middle" columns={columns} dataSource={items} loading={loading} pagination={false}
          scroll={{ x: 1300 }} onRow={rowProps} data-testid="reminders-table"
          locale={{ emptyText: <div data-testid="reminders-empty"><Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /></div> }} />
        {!loading && items.length > 0 && (
          <div style={{ textAlign: 'center', marginTop: 12 }}>
            <Button onClick={() => nextCursor && void load(nextCursor)} disabled={!nextCursor} loading={loadingMore} data-testid="reminders-load-more">
              {nextCursor ? t.more : t.noMore}
            </Button>
          </div>
        )}
      </Card>
    </div>
  );
}
