// One reception day: who received, when and where, the visits received (each linked to its case),
// and, from the day on, recording one more by linking a case or registering the visit. Before it
// begins and while no visit is recorded, a scheduler edits it (编辑) or cancels it (取消接访); a
// cancelled day shows why and takes no visits.
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Descriptions, Divider, Drawer, Empty, Form, Input, InputNumber, List, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import { EditOutlined, LinkOutlined, StopOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, apiGet, ApiError, newIdempotencyKey } from '../../../common/api.ts';
import type { CasePage } from '../../../common/types.ts';
import { useLang, useText } from '../../i18n.tsx';
import { useMe } from '../../session.tsx';
import { L, formatDateTime } from '../../labels.ts';
import { categoryTree, useCategories, useOrgs } from '../../refdata.ts';
import { KINDS, LIMITS } from '../../../../shared/enums.ts';
import type { ReceptionDay, ReceptionOptions, VisitResult } from './types.ts';
import { ScheduleModal } from './ScheduleModal.tsx';
import { CancelModal } from './CancelModal.tsx';

const dict = {
  zh: {
    title: '领导接待日', receptionKind: '接访方式', leader: '接待领导', when: '时间', place: '地点', org: '接待单位', topic: '主题', visits: '接访情况', summary: '{b} 批 {p} 人次',
    none: '尚未登记接访', people: '{n} 人', collective: '集体访', notYet: '接待日尚未到来，当天起可登记接访。', record: '登记接访',
    link: '关联已有事项', caseNo: '事项编号', linkBtn: '关联', notFound: '未找到该编号的事项', register: '登记新来访',
    name: '来访人姓名', idNumber: '身份证号码', mobile: '手机号码', headcount: '来访人数', kind: '事项类别', category: '内容分类', titleF: '事项标题', content: '诉求内容',
    accusedName: '被检举控告的单位或个人', areaCode: '事项发生地区划代码', save: '登记并记入接待日', required: '请填写此项',
    done: '已登记：{c}', queryCode: '查询码（请交给来访人，凭它和手机号或身份证号后四位可在网上查询进度）：{q}', linked: '已记入接待日：{c}', note: '备注（可选）', close: '关闭',
    edit: '编辑', cancelDay: '取消接访', status: '状态', cancelled: '{by} 于 {at} 取消：{reason}', cancelledNoVisits: '该接待日已取消，不能登记接访。',
    invited: '约请的信访事项', received: '已接访', notReceived: '未到', receive: '登记接访',
  },
  en: {
    title: 'Reception day', receptionKind: 'How', leader: 'Leader', when: 'When', place: 'Place', org: 'Receiving body', topic: 'Topic', visits: 'Visits received', summary: 'visits: {b} · people: {p}',
    none: 'No visit recorded yet', people: 'People: {n}', collective: 'Collective', notYet: 'The day has not come yet; visits can be recorded from that day on.', record: 'Record a visit',
    link: 'Link an existing case', caseNo: 'Case no.', linkBtn: 'Link', notFound: 'No case with that number', register: 'Register a new visit',
    name: 'Visitor name', idNumber: 'ID card number', mobile: 'Mobile', headcount: 'People', kind: 'Kind', category: 'Category', titleF: 'Title', content: 'Request',
    accusedName: 'Accused body or person', areaCode: 'Area code of the matter', save: 'Register and record', required: 'Required',
    done: 'Registered: {c}', queryCode: 'Query code (give it to the visitor: with the last 4 of the mobile or ID number it follows the matter online): {q}', linked: 'Recorded on the day: {c}', note: 'Note (optional)', close: 'Close',
    edit: 'Edit', cancelDay: 'Cancel reception', status: 'Status', cancelled: 'Cancelled by {by} at {at}: {reason}', cancelledNoVisits: 'This reception day is cancelled; no visit can be recorded.',
    invited: 'Matters invited', received: 'Received', notReceived: 'Not yet', receive: 'Record the visit',
  },
};

const REGISTRARS = ['clerk', 'handler', 'supervisor'];
const RECORDERS = ['clerk', 'handler', 'supervisor', 'leader'];

interface RegValues {
  name: string; idNumber?: string; mobile?: string; headcount: number; kind: string; categoryId: number; title: string; content: string;
  areaCode: string; accusedName?: string; note?: string;
}

export function DayDrawer({ day, options, onClose, onChanged }: {
  day: ReceptionDay;
  /** What the viewer may schedule (the leaders and bodies an edit may choose). */
  options: ReceptionOptions | null;
  onClose(): void;
  /** After a visit (no argument) or an edit or cancellation (the day as it now stands). */
  onChanged(d?: ReceptionDay): void;
}) {
  const t = useText(dict);
  const { lang } = useLang();
  const me = useMe();
  const cats = useCategories();
  const orgs = useOrgs();
  const [caseNo, setCaseNo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<VisitResult | null>(null);
  const [form] = Form.useForm<RegValues>();
  const [changing, setChanging] = useState<'edit' | 'cancel' | null>(null);
  const isCancelled = day.status === 'cancelled';
  const kind = Form.useWatch('kind', form);
  const regKey = useMemo(() => newIdempotencyKey(), [result]); // a fresh key after each recorded visit
  const begun = day.day <= dayjs().format('YYYY-MM-DD');
  const canRecord = RECORDERS.includes(me.role);
  const canRegister = REGISTRARS.includes(me.role);
  // the matter's area defaults to the receiving body's (known once the organisations have loaded)
  const areaCode = orgs.find((o) => o.id === day.orgId)?.areaCode;
  const showsForm = canRecord && canRegister && begun && !isCancelled;
  useEffect(() => { if (showsForm && areaCode && !form.getFieldValue('areaCode')) form.setFieldValue('areaCode', areaCode); }, [showsForm, areaCode, form]);

  const record = async (body: object, key: string) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api<VisitResult>('POST', `/reception-days/${day.id}/visits`, body, { 'Idempotency-Key': key });
      setResult(r);
      setCaseNo('');
      if (showsForm) {
        form.resetFields();
        if (areaCode) form.setFieldValue('areaCode', areaCode);
      }
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const link = async () => {
    const no = caseNo.trim();
    if (!no) return;
    setError(null);
    try {
      const page = await apiGet<CasePage>('/cases', { q: no, limit: 5 });
      const c = page.items.find((x) => x.caseNo === no);
      if (!c) { setError(t.notFound); return; }
      await record({ caseId: c.id }, newIdempotencyKey());
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  const register = async () => {
    let v: RegValues;
    try { v = await form.validateFields(); } catch { return; /* the form shows what is missing */ }
    await record({
      registration: {
        petitioner: { name: v.name, ...(v.idNumber ? { idNumber: v.idNumber } : {}), ...(v.mobile ? { mobile: v.mobile } : {}) },
        headcount: v.headcount, kind: v.kind, categoryId: v.categoryId, title: v.title, content: v.content, areaCode: v.areaCode,
        ...(v.kind === 'accusation' && v.accusedName ? { accusedName: v.accusedName } : {}),
      },
      ...(v.note ? { note: v.note } : {}),
    }, regKey);
  };

  return (
    <Drawer open onClose={onClose} size={640} title={`${t.title} · ${day.day}`} data-testid="reception-drawer" closable={{ 'aria-label': t.close }}
      extra={day.canChange && (
        <Space>
          {options?.canSchedule && <Button icon={<EditOutlined />} onClick={() => setChanging('edit')} data-testid="reception-edit">{t.edit}</Button>}
          <Button danger icon={<StopOutlined />} onClick={() => setChanging('cancel')} data-testid="reception-cancel">{t.cancelDay}</Button>
        </Space>
      )}>
      {isCancelled && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="reception-cancelled"
          title={L.receptionStatus(day.status, lang)}
          description={t.cancelled.replace('{by}', day.cancelledByName ?? '').replace('{at}', day.cancelledAt ? formatDateTime(day.cancelledAt) : '').replace('{reason}', day.cancelReason ?? '')} />
      )}
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t.status}><Tag data-testid="reception-status">{L.receptionStatus(day.status, lang)}</Tag></Descriptions.Item>
        <Descriptions.Item label={t.leader}><span data-testid="reception-leader">{day.leaderName}</span>（{day.leaderOrgName}）</Descriptions.Item>
        <Descriptions.Item label={t.receptionKind}><span data-testid="reception-kind">{L.receptionKind(day.kind, lang)}</span></Descriptions.Item>
        <Descriptions.Item label={t.when}>{day.day} {day.startsAt}–{day.endsAt}</Descriptions.Item>
        <Descriptions.Item label={t.place}>{day.place}</Descriptions.Item>
        <Descriptions.Item label={t.org}>{day.orgName}</Descriptions.Item>
        {day.topic && <Descriptions.Item label={t.topic}>{day.topic}</Descriptions.Item>}
      </Descriptions>

      {day.invitedCases.length > 0 && (
        <>
          <Divider titlePlacement="start">{t.invited} · {day.invitedCases.length}</Divider>
          <List size="small" dataSource={day.invitedCases} data-testid="reception-invited"
            renderItem={(c) => (
              <List.Item data-testid={`reception-invited-${c.caseId}`}
                extra={canRecord && begun && !isCancelled && !c.received
                  ? <Button size="small" loading={busy} onClick={() => void record({ caseId: c.caseId }, newIdempotencyKey())} data-testid={`reception-invited-receive-${c.caseId}`}>{t.receive}</Button>
                  : undefined}>
                <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                  <Space wrap size={6}>
                    <Link to={`/cases/${c.caseId}`}>{c.caseNo}</Link>
                    <Tag>{L.state(c.caseState, lang)}</Tag>
                    <Tag color={c.received ? 'green' : undefined}>{c.received ? t.received : t.notReceived}</Tag>
                  </Space>
                  <Typography.Text ellipsis style={{ maxWidth: 480 }}>{c.caseTitle}</Typography.Text>
                </Space>
              </List.Item>
            )} />
        </>
      )}

      <Divider titlePlacement="start">{t.visits} · {t.summary.replace('{b}', String(day.visitCount)).replace('{p}', String(day.headcountTotal))}</Divider>
      <List size="small" dataSource={day.visits} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.none} /> }}
        renderItem={(v) => (
          <List.Item data-testid={`reception-visit-${v.caseId}`}>
            <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
              <Space wrap size={6}>
                <Link to={`/cases/${v.caseId}`} data-testid={`reception-visit-link-${v.caseId}`}>{v.caseNo}</Link>
                <Tag>{L.state(v.caseState, lang)}</Tag>
                <Tag color="blue">{t.people.replace('{n}', String(v.headcount))}</Tag>
                {v.isCollective && <Tag color="volcano">{t.collective}</Tag>}
              </Space>
              <Typography.Text ellipsis style={{ maxWidth: 560 }}>{v.caseTitle}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{v.recordedByName} · {formatDateTime(v.recordedAt)}{v.note ? ` · ${v.note}` : ''}</Typography.Text>
            </Space>
          </List.Item>
        )} />

      {canRecord && (
        <>
          <Divider titlePlacement="start">{t.record}</Divider>
          {isCancelled && <Alert type="info" showIcon title={t.cancelledNoVisits} />}
          {!begun && !isCancelled && <Alert type="info" showIcon title={t.notYet} />}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="reception-visit-error" />}
          {result && (
            <Alert type="success" showIcon style={{ marginBottom: 12 }} data-testid="reception-visit-result"
              title={(result.queryCode ? t.done : t.linked).replace('{c}', result.caseNo)}
              description={result.queryCode ? <strong data-testid="reception-visit-query-code">{t.queryCode.replace('{q}', result.queryCode)}</strong> : undefined} />
          )}
          {begun && !isCancelled && (
            <>
              <Typography.Text strong>{t.link}</Typography.Text>
              <Space.Compact style={{ width: '100%', margin: '8px 0 16px' }}>
                <Input aria-label={t.caseNo} placeholder={t.caseNo} value={caseNo} onChange={(e) => setCaseNo(e.target.value)} onPressEnter={() => void link()} data-testid="visit-case-no" />
                <Button type="primary" icon={<LinkOutlined />} loading={busy} onClick={() => void link()} data-testid="visit-link-submit">{t.linkBtn}</Button>
              </Space.Compact>
              {canRegister && (
                <>
                  <Typography.Text strong>{t.register}</Typography.Text>
                  <Form form={form} layout="vertical" name="visit" style={{ marginTop: 8 }} initialValues={{ headcount: 1, kind: 'claim', areaCode }}>
                    <div style={{ display: 'flex', gap: 12 }}>
                      <Form.Item name="name" label={t.name} rules={[{ required: true, whitespace: true, message: t.required }]} style={{ flex: 1 }}><Input maxLength={LIMITS.nameMax} /></Form.Item>
                      <Form.Item name="headcount" label={t.headcount} rules={[{ required: true, message: t.required }]} style={{ width: 120 }}><InputNumber min={1} max={LIMITS.headcountMax} style={{ width: '100%' }} /></Form.Item>
                    </div>
                    <div style={{ display: 'flex', gap: 12 }}>
                      <Form.Item name="idNumber" label={t.idNumber} style={{ flex: 1 }}><Input maxLength={18} /></Form.Item>
                      <Form.Item name="mobile" label={t.mobile} style={{ flex: 1 }}><Input maxLength={11} /></Form.Item>
                    </div>
                    <div style={{ display: 'flex', gap: 12 }}>
                      <Form.Item name="kind" label={t.kind} rules={[{ required: true, message: t.required }]} style={{ flex: 1 }}>
                        <Select options={KINDS.map((k) => ({ value: k, label: L.kind(k, lang) }))} />
                      </Form.Item>
                      <Form.Item name="categoryId" label={t.category} rules={[{ required: true, message: t.required }]} style={{ flex: 1 }}>
                        <TreeSelect treeData={categoryTree(cats, lang)} showSearch={{ treeNodeFilterProp: 'title' }} />
                      </Form.Item>
                    </div>
                    {kind === 'accusation' && (
                      <Form.Item name="accusedName" label={t.accusedName} rules={[{ required: true, whitespace: true, message: t.required }]}><Input maxLength={LIMITS.nameMax * 2} /></Form.Item>
                    )}
                    <Form.Item name="title" label={t.titleF} rules={[{ required: true, whitespace: true, message: t.required }]}><Input maxLength={LIMITS.titleMax} /></Form.Item>
                    <Form.Item name="content" label={t.content} rules={[{ required: true, whitespace: true, message: t.required }]}><Input.TextArea rows={3} maxLength={LIMITS.contentMax} /></Form.Item>
                    <Form.Item name="areaCode" label={t.areaCode} rules={[{ required: true, pattern: /^\d{6}(\d{6})?$/, message: t.required }]}><Input maxLength={12} /></Form.Item>
                    <Form.Item name="note" label={t.note}><Input maxLength={LIMITS.reasonMax} /></Form.Item>
                    <Button type="primary" loading={busy} onClick={() => void register()} data-testid="visit-register-submit">{t.save}</Button>
                  </Form>
                </>
              )}
            </>
          )}
        </>
      )}
      {changing === 'edit' && options && (
        <ScheduleModal options={options} editing={day} onClose={() => setChanging(null)} onScheduled={(d) => { setChanging(null); onChanged(d); }} />
      )}
      {changing === 'cancel' && (
        <CancelModal day={day} onClose={() => setChanging(null)} onCancelled={(d) => { setChanging(null); onChanged(d); }} />
      )}
    </Drawer>
  );
}
