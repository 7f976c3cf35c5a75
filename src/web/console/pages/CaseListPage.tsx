// The case list: filters kept in the URL query string, sortable, keyset paging from the API cursor.
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { apiGet, ApiError } from '../../common/api.ts';
import type { CasePage, CaseSummary } from '../../common/types.ts';
import { CHANNELS, KINDS } from '../../../shared/enums.ts';
import { STATES } from '../../../domain/lifecycle.ts';
import { useLang, useText } from '../i18n.tsx';
import { formatDateTime, L, urgencyStyle, PENDING_STYLE } from '../labels.ts';
import { categoryTree, orgTree, useCategories, useOrgs } from '../refdata.ts';
import { QUEUE_LABELS } from './HomePage.tsx';

const FILTER_KEYS = ['queue', 'state', 'kind', 'categoryId', 'orgId', 'orgOnly', 'channel', 'from', 'to', 'dueWithin', 'overdue', 'repeatOfFinal', 'q', 'sort'] as const;
const LIST_QUEUES = ['to_register', 'to_route', 'to_accept', 'in_handling', 'to_deliver', 'due_soon', 'overdue', 'extension_approval', 'awaiting_evaluation', 'in_review', 'mine_open', 'owned', 'urgent', 'co_handling'];

const dict = {
  zh: {
    title: '信访事项', queue: '工作队列', state: '状态', kind: '类别', category: '内容分类', org: '所在单位', channel: '渠道', dates: '登记日期',
    dueWithin: 'N日内到期', overdue: '仅看超期', orgOnly: '仅本单位（不含下级）', q: '标题或事项编号', search: '查询', reset: '重置', any: '全部',
    caseNo: '事项编号', titleCol: '标题', received: '登记时间', due: '当前时限', daysLeft: '剩余', days: '天', overdueBy: '超期', next: '下一页', first: '第一页',
    repeat: '重复', collective: '集体访', urgent: '重大紧急', empty: '没有符合条件的事项', owned: '我包案的事项', sort: '排序',
    sortReceivedDesc: '登记时间（新→旧）', sortReceivedAsc: '登记时间（旧→新）', sortDue: '时限（急→缓）', page: '第 {n} 页', extension: '延期待批',
    repeatOfFinal: '复核终结后重复', repeatOfFinalHint: '疑似已复核终结事项的重复信访，待核查（第三十六条）', repeatOfFinalOnly: '仅看待核查的复核终结后重复',
  },
  en: {
    title: 'Cases', queue: 'Work queue', state: 'State', kind: 'Kind', category: 'Category', org: 'Body', channel: 'Channel', dates: 'Received',
    dueWithin: 'Due within N days', overdue: 'Overdue only', orgOnly: 'This body only (not those below)', q: 'Title or case number', search: 'Search', reset: 'Reset', any: 'Any',
    caseNo: 'Case no.', titleCol: 'Title', received: 'Received', due: 'Current limit', daysLeft: 'Left', days: 'd', overdueBy: 'overdue', next: 'Next page', first: 'First page',
    repeat: 'Repeat', collective: 'Collective', urgent: 'Major or urgent', empty: 'No matching cases', owned: 'Cases I own', sort: 'Sort',
    sortReceivedDesc: 'Received (newest first)', sortReceivedAsc: 'Received (oldest first)', sortDue: 'Due date (most urgent first)', page: 'Page {n}', extension: 'Extension pending',
    repeatOfFinal: 'Repeat of a final matter', repeatOfFinalHint: 'Possibly a repeat of a matter final after re-review, to be checked (Art 36)', repeatOfFinalOnly: 'Repeats of final matters to check',
  },
};

interface FilterForm {
  queue?: string; state?: string[]; kind?: string; categoryId?: number; orgId?: number; orgOnly?: boolean; channel?: string; dates?: [Dayjs, Dayjs] | null;
  dueWithin?: number | null; overdue?: boolean; repeatOfFinal?: boolean; q?: string; sort?: string;
}

export function CaseListPage() {
  const t = useText(dict);
  const { lang } = useLang();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<FilterForm>();
  const cats = useCategories();
  const orgs = useOrgs();
  const [data, setData] = useState<CasePage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const pageNo = Number(params.get('page') ?? '1');

  const query = useMemo(() => {
    const q: Record<string, string> = {};
    for (const k of FILTER_KEYS) { const v = params.get(k); if (v) q[k] = v; }
    const cursor = params.get('cursor');
    if (cursor) q.cursor = cursor;
    return q;
  }, [params]);

  useEffect(() => {
    form.setFieldsValue({
      queue: query.queue, state: query.state ? query.state.split(',') : [], kind: query.kind, channel: query.channel,
      categoryId: query.categoryId ? Number(query.categoryId) : undefined, orgId: query.orgId ? Number(query.orgId) : undefined, orgOnly: query.orgOnly === 'true',
      dates: query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null, dueWithin: query.dueWithin ? Number(query.dueWithin) : null,
      overdue: query.overdue === 'true', repeatOfFinal: query.repeatOfFinal === 'true', q: query.q, sort: query.sort,
    });
    let live = true;
    setLoading(true);
    setError(null);
    apiGet<CasePage>('/cases', { ...query, limit: 20 })
      .then((d) => { if (live) setData(d); })
      .catch((e: unknown) => { if (live) { setError(e instanceof ApiError ? e.message : String(e)); setData(null); } })
      .finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [query, form, lang]);

  const apply = (v: FilterForm) => {
    const next = new URLSearchParams();
    const set = (k: string, val: unknown) => { if (val !== undefined && val !== null && val !== '' && val !== false && !(Array.isArray(val) && !val.length)) next.set(k, String(val)); };
    set('queue', v.queue); set('state', v.state?.join(',')); set('kind', v.kind); set('categoryId', v.categoryId); set('orgId', v.orgId); set('orgOnly', v.orgId && v.orgOnly ? 'true' : undefined);
    set('channel', v.channel); set('dueWithin', v.dueWithin); set('overdue', v.overdue ? 'true' : undefined); set('repeatOfFinal', v.repeatOfFinal ? 'true' : undefined); set('q', v.q?.trim()); set('sort', v.sort);
    if (v.dates) { set('from', v.dates[0].format('YYYY-MM-DD')); set('to', v.dates[1].format('YYYY-MM-DD')); }
    setParams(next);
  };

  const withParam = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) { if (v === null) next.delete(k); else next.set(k, v); }
    setParams(next);
  };

  const sortOrder = (col: 'received' | 'due') => {
    const s = query.sort ?? (query.queue && ['due_soon', 'overdue', 'mine_open'].includes(query.queue) ? 'due_asc' : 'received_desc');
    if (col === 'due') return s === 'due_asc' ? 'ascend' as const : null;
    return s === 'received_desc' ? 'descend' as const : s === 'received_asc' ? 'ascend' as const : null;
  };

  const onTableChange: TableProps<CaseSummary>['onChange'] = (_p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    let sort: string | null = null;
    if (s?.columnKey === 'due' && s.order) sort = 'due_asc';
    if (s?.columnKey === 'received' && s.order) sort = s.order === 'ascend' ? 'received_asc' : 'received_desc';
    withParam({ sort, cursor: null, page: null });
  };

  const i = lang === 'zh' ? 0 : 1;
  const columns: TableProps<CaseSummary>['columns'] = [
    { title: t.caseNo, dataIndex: 'caseNo', key: 'caseNo', width: 185, render: (v: string, r) => <Link to={`/cases/${r.id}`} data-testid={`case-link-${r.id}`}>{v}</Link> },
    {
      title: t.titleCol, dataIndex: 'title', key: 'title', ellipsis: true, render: (v: string, r) => (
        <div style={{ minWidth: 0 }}>
          <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={v}>
            <Link to={`/cases/${r.id}`} tabIndex={-1} style={{ color: 'inherit' }}>{v}</Link>
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {L.kind(r.kind, lang)} · {(lang === 'zh' ? r.categoryName : r.categoryNameEn) ?? ''} · {L.channel(r.channel, lang)}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t.state, dataIndex: 'state', key: 'state', width: 150, render: (v: string, r) => (
        <Space size={[0, 4]} wrap>
          <Tag>{L.state(v, lang)}</Tag>
          {r.urgentReportedAt && <Tag style={urgencyStyle('overdue')} data-testid={`urgent-${r.id}`}>{t.urgent}</Tag>}
          {r.isRepeat && <Tag color="purple">{t.repeat}</Tag>}
          {r.repeatOfFinalPending && <Tag style={urgencyStyle('near')} title={t.repeatOfFinalHint} data-testid={`repeat-of-final-${r.id}`}>{t.repeatOfFinal}</Tag>}
          {r.isCollective && <Tag color="magenta">{t.collective} {r.headcount}</Tag>}
          {r.extensionStatus === 'requested' && <Tag style={PENDING_STYLE}>{t.extension}</Tag>}
        </Space>
      ),
    },
    { title: t.org, dataIndex: 'currentOrgName', key: 'org', width: 140, ellipsis: true },
    {
      title: t.received, dataIndex: 'receivedAt', key: 'received', width: 120, sorter: true, sortOrder: sortOrder('received'), sortDirections: ['descend', 'ascend'],
      render: (v: string, r) => <span title={`${formatDateTime(v)} · ${L.channel(r.channel, lang)}`}>{formatDateTime(v).slice(0, 10)}</span>,
    },
    {
      title: t.due, dataIndex: 'nextDue', key: 'due', width: 175, sorter: true, sortOrder: sortOrder('due'), sortDirections: ['ascend'],
      render: (v: string | null, r) => v ? (
        <Space size={4} wrap={false}><span>{v}</span><Tag style={urgencyStyle(r.urgency)}>{r.daysLeft! < 0 ? `${t.overdueBy} ${-r.daysLeft!}${t.days}` : `${r.daysLeft}${t.days}`}</Tag></Space>
      ) : '—',
    },
  ];

  const queueTitle = query.queue ? (query.queue === 'owned' ? t.owned : QUEUE_LABELS[query.queue]?.[i]) : null;

  return (
    <div data-testid="case-list-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t.title}{queueTitle ? ` · ${queueTitle}` : ''}</Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" onFinish={apply} style={{ rowGap: 8 }}>
          <Form.Item name="queue" label={t.queue}>
            <Select allowClear style={{ width: 170 }} placeholder={t.any} data-testid="filter-queue"
              options={LIST_QUEUES.map((q) => ({ value: q, label: q === 'owned' ? t.owned : QUEUE_LABELS[q]![i] }))} />
          </Form.Item>
          <Form.Item name="state" label={t.state}>
            <Select mode="multiple" allowClear style={{ minWidth: 160, maxWidth: 320 }} placeholder={t.any} maxTagCount="responsive" data-testid="filter-state"
              options={STATES.map((s) => ({ value: s, label: L.state(s, lang) }))} />
          </Form.Item>
          <Form.Item name="kind" label={t.kind}>
            <Select allowClear style={{ width: 140 }} placeholder={t.any} options={KINDS.map((k) => ({ value: k, label: L.kind(k, lang) }))} />
          </Form.Item>
          <Form.Item name="categoryId" label={t.category}>
            <TreeSelect allowClear style={{ width: 180 }} placeholder={t.any} treeData={categoryTree(cats, lang)} showSearch={{ treeNodeFilterProp: 'title' }} />
          </Form.Item>
          <Form.Item name="orgId" label={t.org}>
            <TreeSelect allowClear style={{ width: 200 }} placeholder={t.any} treeData={orgTree(orgs)} showSearch={{ treeNodeFilterProp: 'title' }} treeDefaultExpandAll={false} />
          </Form.Item>
          <Form.Item name="orgOnly" valuePropName="checked"><Checkbox data-testid="filter-org-only">{t.orgOnly}</Checkbox></Form.Item>
          <Form.Item name="channel" label={t.channel}>
            <Select allowClear style={{ width: 110 }} placeholder={t.any} options={CHANNELS.map((c) => ({ value: c, label: L.channel(c, lang) }))} />
          </Form.Item>
          <Form.Item name="dates" label={t.dates}><DatePicker.RangePicker style={{ width: 240 }} /></Form.Item>
          <Form.Item name="dueWithin" label={t.dueWithin}><InputNumber min={0} max={365} style={{ width: 80 }} data-testid="filter-due-within" /></Form.Item>
          <Form.Item name="overdue" valuePropName="checked"><Checkbox data-testid="filter-overdue">{t.overdue}</Checkbox></Form.Item>
          <Form.Item name="repeatOfFinal" valuePropName="checked"><Checkbox data-testid="filter-repeat-of-final">{t.repeatOfFinalOnly}</Checkbox></Form.Item>
          <Form.Item name="q"><Input allowClear placeholder={t.q} aria-label={t.q} style={{ width: 200 }} data-testid="filter-q" /></Form.Item>
          <Form.Item name="sort" label={t.sort}>
            <Select allowClear style={{ width: 190 }} placeholder={t.any} options={[
              { value: 'received_desc', label: t.sortReceivedDesc }, { value: 'received_asc', label: t.sortReceivedAsc }, { value: 'due_asc', label: t.sortDue },
            ]} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" data-testid="filter-submit">{t.search}</Button>
              <Button onClick={() => setParams(new URLSearchParams())}>{t.reset}</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<CaseSummary> rowKey="id" size="middle" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={false}
        onChange={onTableChange} locale={{ emptyText: t.empty }} scroll={{ x: 1000 }} data-testid="case-table"
        onRow={(r) => ({ 'data-testid': `case-row-${r.id}` } as React.HTMLAttributes<HTMLElement>)} />
      <Space style={{ marginTop: 12, width: '100%', justifyContent: 'flex-end' }}>
        <Typography.Text type="secondary">{t.page.replace('{n}', String(pageNo))}</Typography.Text>
        <Button disabled={!query.cursor} onClick={() => withParam({ cursor: null, page: null })} data-testid="page-first">{t.first}</Button>
        <Button disabled={!data?.nextCursor} onClick={() => withParam({ cursor: data!.nextCursor!, page: String(pageNo + 1) })} data-testid="page-next">{t.next}</Button>
      </Space>
    </div>
  );
}
