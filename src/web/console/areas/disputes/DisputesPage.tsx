// The dispute register (矛盾纠纷排查台账): what each body's screening found, who is responsible, how
// each was resolved, the 化解率 by body, and conversion into a case.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Col, DatePicker, Input, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { apiGet, ApiError } from '../../../common/api.ts';
import { DISPUTE_STATUS_LABELS, DISPUTE_STATUSES, DISPUTE_TYPE_LABELS, RISK_LEVEL_LABELS, type DisputeStatus, type DisputeType, type RiskLevel } from '../../../../shared/disputes.ts';
import { formatPercent } from '../../../../shared/figure-text.ts';
import { useLang, useText } from '../../i18n.tsx';
import { useMe } from '../../session.tsx';
import { ConvertModal, DisputeFormModal, ResolveModal } from './DisputeForms.tsx';
import type { Dispute, DisputePage, DisputeRates } from './types.ts';

const dict = {
  zh: {
    title: '矛盾纠纷排查', intro: '乡镇、部门定期排查出的矛盾纠纷台账：责任单位、责任人和化解情况；化解率 = 已化解 ÷ 排查总数。',
    add: '登记矛盾纠纷', reload: '刷新', rate: '化解率', screened: '排查总数', resolved: '已化解', unresolved: '未化解', converted: '转入信访', open: '化解中',
    byBody: '化解率（按排查单位）', body: '单位', no: '编号', period: '期次', org: '排查单位', type: '类型', risk: '风险', summary: '简要情况', parties: '人数',
    responsible: '责任单位 / 责任人', status: '状态', case: '信访事项', actions: '操作', edit: '更正', resolve: '化解情况', convert: '转入信访',
    allStatus: '全部状态', search: '搜索简要情况、编号、地点', from: '起', to: '止', figuresOnly: '管理员只看化解率，不看台账内容。',
  },
  en: {
    title: 'Dispute screening', intro: 'Disputes found by periodic screening: responsible body and person, resolution; resolution rate = resolved ÷ screened.',
    add: 'Record a dispute', reload: 'Reload', rate: 'Resolution rate', screened: 'Screened', resolved: 'Resolved', unresolved: 'Not resolved', converted: 'Became cases', open: 'In progress',
    byBody: 'Resolution rate by screening body', body: 'Body', no: 'No.', period: 'Round', org: 'Screened by', type: 'Type', risk: 'Risk', summary: 'Summary', parties: 'Parties',
    responsible: 'Responsible', status: 'Status', case: 'Case', actions: 'Actions', edit: 'Correct', resolve: 'Resolution', convert: 'To case',
    allStatus: 'All', search: 'Search summary, number, place', from: 'From', to: 'To', figuresOnly: 'Administrators see the rates only, not the entries.',
  },
};

const STATUS_COLORS: Record<DisputeStatus, string> = { open: 'blue', resolved: 'green', unresolved: 'orange', converted: 'purple' };
const RISK_COLORS: Record<RiskLevel, string> = { low: 'default', medium: 'orange', high: 'red' };

export default function DisputesPage() {
  const t = useText(dict);
  // the wide register scrolls sideways: its scroll area takes keyboard focus so it can be scrolled
  // without a mouse (WCAG 2.1.1)
  const tableWrap = useRef<HTMLDivElement>(null);
  useEffect(() => {
    tableWrap.current?.querySelectorAll('.ant-table-content').forEach((e) => {
      e.setAttribute('tabindex', '0');
      e.setAttribute('role', 'region');
      e.setAttribute('aria-label', t.title);
    });
  });
  const { lang } = useLang();
  const me = useMe();
  const i = lang === 'zh' ? 0 : 1;
  const [page, setPage] = useState<DisputePage | null>(null);
  const [rates, setRates] = useState<DisputeRates | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<DisputeStatus | undefined>();
  const [q, setQ] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<Dispute | 'new' | null>(null);
  const [resolving, setResolving] = useState<Dispute | null>(null);
  const [converting, setConverting] = useState<Dispute | null>(null);
  const canList = me.role !== 'admin';
  const canRecord = ['clerk', 'handler', 'supervisor', 'leader'].includes(me.role);
  const canConvert = ['clerk', 'handler', 'supervisor'].includes(me.role);
  const periodFrom = range?.[0]?.format('YYYY-MM');
  const periodTo = range?.[1]?.format('YYYY-MM');

  const load = useCallback(async () => {
    try {
      const [r, p] = await Promise.all([
        apiGet<DisputeRates>('/disputes/rates', { groupBy: 'org', periodFrom, periodTo }),
        canList ? apiGet<DisputePage>('/disputes', { status, q: q.trim() || undefined, periodFrom, periodTo, limit: 20, offset }) : Promise.resolve(null),
      ]);
      setRates(r);
      setPage(p);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, [canList, status, q, periodFrom, periodTo, offset]);
  useEffect(() => { void load(); }, [load]);

  const done = () => { setEditing(null); setResolving(null); setConverting(null); void load(); };
  const total = rates?.total;
  const stat = (title: string, value: number | string, testId: string, color?: string) => (
    <Col xs={12} md={4}><Card size="small" data-testid={testId}><Statistic title={title} value={value} styles={color ? { content: { color } } : undefined} /></Card></Col>
  );

  return (
    <div data-testid="disputes-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t.title}</Typography.Title>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>{t.reload}</Button>
          {canRecord && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="dispute-new">{t.add}</Button>}
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {stat(t.rate, formatPercent(total?.rate), 'dispute-rate', '#237804')}
        {stat(t.screened, total?.screened ?? 0, 'dispute-screened')}
        {stat(t.resolved, total?.resolved ?? 0, 'dispute-resolved')}
        {stat(t.unresolved, total?.unresolved ?? 0, 'dispute-unresolved')}
        {stat(t.converted, total?.converted ?? 0, 'dispute-converted')}
        {stat(t.open, total?.open ?? 0, 'dispute-open')}
      </Row>
      <Card size="small" title={t.byBody} style={{ marginBottom: 12 }}>
        <Table size="small" rowKey={(r) => String(r.orgId)} pagination={false} dataSource={rates?.rows ?? []} data-testid="dispute-rates"
          columns={[
            { title: t.body, dataIndex: 'orgName' },
            { title: t.screened, dataIndex: 'screened', align: 'right' },
            { title: t.resolved, dataIndex: 'resolved', align: 'right' },
            { title: t.unresolved, dataIndex: 'unresolved', align: 'right' },
            { title: t.converted, dataIndex: 'converted', align: 'right' },
            { title: t.open, dataIndex: 'open', align: 'right' },
            { title: t.rate, dataIndex: 'rate', align: 'right', render: (v: number | null) => formatPercent(v) },
          ]} />
      </Card>
      {!canList ? <Alert type="info" showIcon title={t.figuresOnly} /> : (
        <Card size="small">
          <Space wrap style={{ marginBottom: 12 }}>
            <Select allowClear placeholder={t.allStatus} aria-label={t.allStatus} style={{ width: 130 }} value={status} onChange={(s) => { setStatus(s); setOffset(0); }}
              options={DISPUTE_STATUSES.map((s) => ({ value: s, label: DISPUTE_STATUS_LABELS[s][i] }))} data-testid="dispute-status-filter" />
            <DatePicker.RangePicker picker="month" value={range} onChange={(r) => { setRange(r as [Dayjs | null, Dayjs | null] | null); setOffset(0); }} placeholder={[t.from, t.to]} />
            <Input.Search allowClear placeholder={t.search} style={{ width: 260 }} onSearch={(s) => { setQ(s); setOffset(0); }} data-testid="dispute-search" />
          </Space>
          <div ref={tableWrap}>
          <Table<Dispute> size="small" rowKey="id" dataSource={page?.items ?? []} loading={!page} data-testid="disputes-table" scroll={{ x: 1560 }}
            onRow={(d) => ({ 'data-testid': `dispute-row-${d.id}` }) as React.HTMLAttributes<HTMLElement>}
            pagination={{ current: offset / 20 + 1, pageSize: 20, total: page?.total ?? 0, showSizeChanger: false, onChange: (p) => setOffset((p - 1) * 20) }}
            columns={[
              { title: t.no, dataIndex: 'disputeNo', width: 150 },
              { title: t.period, dataIndex: 'period', width: 80 },
              { title: t.org, dataIndex: 'orgName', width: 110, ellipsis: true },
              { title: t.type, dataIndex: 'type', width: 100, render: (v: string) => DISPUTE_TYPE_LABELS[v as DisputeType]?.[i] ?? v },
              { title: t.risk, dataIndex: 'riskLevel', width: 70, render: (v: RiskLevel) => <Tag color={RISK_COLORS[v]}>{RISK_LEVEL_LABELS[v]?.[i] ?? v}</Tag> },
              { title: t.summary, dataIndex: 'summary', width: 260, ellipsis: true },
              { title: t.parties, dataIndex: 'partiesCount', width: 70, align: 'right' },
              { title: t.responsible, key: 'resp', width: 170, ellipsis: true, render: (_: unknown, d) => `${d.responsibleOrgName} / ${d.responsiblePerson}` },
              { title: t.status, dataIndex: 'status', width: 120, render: (v: DisputeStatus) => <Tag color={STATUS_COLORS[v]} data-testid="dispute-status">{DISPUTE_STATUS_LABELS[v]?.[i] ?? v}</Tag> },
              { title: t.case, dataIndex: 'caseNo', width: 190, render: (v: string | null, d) => (v ? <Link to={`/cases/${d.caseId}`} data-testid={`dispute-case-${d.id}`}>{v}</Link> : '') },
              {
                title: t.actions, key: 'act', width: 230, fixed: 'right',
                render: (_: unknown, d) => (d.status === 'open' || d.status === 'unresolved') && canRecord ? (
                  <Space size={4}>
                    <Button size="small" onClick={() => setEditing(d)} data-testid={`dispute-edit-${d.id}`}>{t.edit}</Button>
                    <Button size="small" onClick={() => setResolving(d)} data-testid={`dispute-resolve-${d.id}`}>{t.resolve}</Button>
                    {canConvert && <Button size="small" onClick={() => setConverting(d)} data-testid={`dispute-convert-${d.id}`}>{t.convert}</Button>}
                  </Space>
                ) : null,
              },
            ]} />
          </div>
        </Card>
      )}
      <DisputeFormModal dispute={editing} onClose={() => setEditing(null)} onDone={done} />
      <ResolveModal dispute={resolving} onClose={() => setResolving(null)} onDone={done} />
      <ConvertModal dispute={converting} onClose={() => setConverting(null)} onDone={done} />
    </div>
  );
}
