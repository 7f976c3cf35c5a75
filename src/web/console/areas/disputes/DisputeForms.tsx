// The dispute forms: record or correct an entry, record its resolution, convert it into a case.
import { useMemo, useState, type ReactNode } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, TreeSelect, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError, newIdempotencyKey } from '../../../common/api.ts';
import { CHANNELS, KINDS } from '../../../../shared/enums.ts';
import { DISPUTE_LIMITS, DISPUTE_TYPE_LABELS, DISPUTE_TYPES, RISK_LEVEL_LABELS, RISK_LEVELS } from '../../../../shared/disputes.ts';
import type { RegisterResult } from '../../../common/types.ts';
import { useLang, useText } from '../../i18n.tsx';
import { useMe } from '../../session.tsx';
import { L } from '../../labels.ts';
import { categoryTree, orgTree, useCategories, useOrgs } from '../../refdata.ts';
import type { Dispute } from './types.ts';

const dict = {
  zh: {
    newTitle: '登记矛盾纠纷', editTitle: '更正台账', period: '排查期次', foundOn: '发现日期', org: '排查单位', areaCode: '行政区划代码', location: '发生地点',
    parties: '当事人数', summary: '简要情况', type: '纠纷类型', risk: '风险等级', responsibleOrg: '责任单位', responsiblePerson: '责任人',
    required: '必填', areaHint: '6 位或 12 位数字', save: '保存', saved: '已保存', resolveTitle: '化解情况', resolution: '结果', resolved: '已化解', unresolved: '未化解',
    note: '化解情况说明', resolvedOn: '日期', convertTitle: '转入信访（登记为信访事项）', channel: '渠道', kind: '类别', category: '内容分类',
    petitioner: '信访人姓名', idNumber: '身份证号码', mobile: '手机号码', caseTitle: '事项标题（默认取简要情况）', convert: '转入信访', converted: '已登记为信访事项 {n}',
    convertHint: '按信访事项登记程序登记，台账与事项相互关联。',
  },
  en: {
    newTitle: 'Record a dispute', editTitle: 'Correct the entry', period: 'Screening round', foundOn: 'Found on', org: 'Screening body', areaCode: 'Area code', location: 'Location',
    parties: 'Parties', summary: 'Summary', type: 'Type', risk: 'Risk', responsibleOrg: 'Responsible body', responsiblePerson: 'Responsible person',
    required: 'Required', areaHint: '6 or 12 digits', save: 'Save', saved: 'Saved', resolveTitle: 'Resolution', resolution: 'Result', resolved: 'Resolved', unresolved: 'Not resolved',
    note: 'What was done', resolvedOn: 'Date', convertTitle: 'Convert into a case', channel: 'Channel', kind: 'Kind', category: 'Category',
    petitioner: 'Petitioner name', idNumber: 'ID card number', mobile: 'Mobile', caseTitle: 'Case title (default: the summary)', convert: 'Convert', converted: 'Registered as case {n}',
    convertHint: 'Registered as a case by the usual rules; the entry and the case link to each other.',
  },
};

const req = (msg: string) => [{ required: true, message: msg }];
// antd's ButtonProps has no data-* keys; the DOM button receives them
const testId = (id: string) => ({ 'data-testid': id }) as unknown as ButtonProps;

/** A modal's save: busy while it runs; on success a toast and `onDone`, on failure the API's message. */
function useSave(onDone: () => void) {
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const run = async (call: () => Promise<ReactNode>) => {
    setSaving(true);
    setError(null);
    try {
      message.success(await call());
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  return { error, saving, run };
}

function useScopeOrgs() {
  const me = useMe();
  const orgs = useOrgs();
  return useMemo(() => orgTree(orgs, (o) => o.path.startsWith(me.scopePath)), [orgs, me.scopePath]);
}

export function DisputeFormModal({ dispute, onClose, onDone }: { dispute: Dispute | null | 'new'; onClose: () => void; onDone: () => void }) {
  const t = useText(dict);
  const { lang } = useLang();
  const me = useMe();
  const [form] = Form.useForm();
  const { error, saving, run } = useSave(onDone);
  const [key] = useState(newIdempotencyKey);
  const tree = useScopeOrgs();
  const editing = dispute && dispute !== 'new' ? dispute : null;
  const pick = (p: readonly [string, string]) => p[lang === 'zh' ? 0 : 1];
  const initial = editing
    ? { ...editing, period: dayjs(`${editing.period}-01`), foundOn: dayjs(editing.foundOn) }
    : { period: dayjs(), foundOn: dayjs(), partiesCount: 2, riskLevel: 'low', type: 'neighbour', orgId: me.orgId, responsibleOrgId: me.orgId };

  const submit = (v: Record<string, unknown>) => {
    const body: Record<string, unknown> = {
      period: (v.period as Dayjs).format('YYYY-MM'), foundOn: (v.foundOn as Dayjs).format('YYYY-MM-DD'), areaCode: v.areaCode, location: v.location || null,
      partiesCount: v.partiesCount, summary: v.summary, type: v.type, riskLevel: v.riskLevel, responsibleOrgId: v.responsibleOrgId ?? null, responsiblePerson: v.responsiblePerson,
    };
    return run(async () => {
      if (editing) await api('PATCH', `/disputes/${editing.id}`, { version: editing.version, ...body });
      else await api('POST', '/disputes', { orgId: v.orgId ?? null, ...body }, { 'Idempotency-Key': key });
      return t.saved;
    });
  };

  return (
    <Modal open={!!dispute} title={editing ? t.editTitle : t.newTitle} onCancel={onClose} onOk={() => form.submit()} okText={t.save} confirmLoading={saving} width={680} destroyOnHidden
      okButtonProps={testId('dispute-save')}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} data-testid="dispute-form">
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 12 }}>
          <Form.Item name="period" label={t.period} rules={req(t.required)}><DatePicker picker="month" style={{ width: '100%' }} allowClear={false} /></Form.Item>
          <Form.Item name="foundOn" label={t.foundOn} rules={req(t.required)}><DatePicker style={{ width: '100%' }} allowClear={false} /></Form.Item>
          {!editing && <Form.Item name="orgId" label={t.org}><TreeSelect treeData={tree} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} /></Form.Item>}
          <Form.Item name="areaCode" label={t.areaCode} rules={[...req(t.required), { pattern: /^\d{6}(\d{6})?$/, message: t.areaHint }]}><Input maxLength={12} data-testid="dispute-area" /></Form.Item>
          <Form.Item name="location" label={t.location}><Input maxLength={200} /></Form.Item>
          <Form.Item name="partiesCount" label={t.parties} rules={req(t.required)}><InputNumber min={1} max={DISPUTE_LIMITS.partiesMax} style={{ width: '100%' }} data-testid="dispute-parties" /></Form.Item>
          <Form.Item name="type" label={t.type} rules={req(t.required)}>
            <Select options={DISPUTE_TYPES.map((k) => ({ value: k, label: pick(DISPUTE_TYPE_LABELS[k]) }))} data-testid="dispute-type" />
          </Form.Item>
          <Form.Item name="riskLevel" label={t.risk} rules={req(t.required)}>
            <Radio.Group optionType="button" options={RISK_LEVELS.map((k) => ({ value: k, label: pick(RISK_LEVEL_LABELS[k]) }))} />
          </Form.Item>
          <Form.Item name="responsibleOrgId" label={t.responsibleOrg}><TreeSelect treeData={tree} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} /></Form.Item>
          <Form.Item name="responsiblePerson" label={t.responsiblePerson} rules={req(t.required)}><Input maxLength={DISPUTE_LIMITS.personMax} data-testid="dispute-person" /></Form.Item>
        </div>
        <Form.Item name="summary" label={t.summary} rules={req(t.required)}>
          <Input.TextArea rows={3} maxLength={DISPUTE_LIMITS.summaryMax} showCount data-testid="dispute-summary" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ResolveModal({ dispute, onClose, onDone }: { dispute: Dispute | null; onClose: () => void; onDone: () => void }) {
  const t = useText(dict);
  const [form] = Form.useForm();
  const { error, saving, run } = useSave(onDone);
  const submit = (v: { resolution: string; note: string; resolvedOn: Dayjs }) => dispute && run(async () => {
    await api('POST', `/disputes/${dispute.id}/resolution`, { version: dispute.version, resolution: v.resolution, note: v.note, resolvedOn: v.resolvedOn.format('YYYY-MM-DD') });
    return t.saved;
  });
  return (
    <Modal open={!!dispute} title={t.resolveTitle} onCancel={onClose} onOk={() => form.submit()} okText={t.save} confirmLoading={saving} destroyOnHidden
      okButtonProps={testId('resolve-save')}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ resolution: 'resolved', resolvedOn: dayjs() }} onFinish={(v) => void submit(v)}>
        <Form.Item name="resolution" label={t.resolution}><Radio.Group optionType="button" options={[{ value: 'resolved', label: t.resolved }, { value: 'unresolved', label: t.unresolved }]} /></Form.Item>
        <Form.Item name="resolvedOn" label={t.resolvedOn} rules={req(t.required)}><DatePicker allowClear={false} /></Form.Item>
        <Form.Item name="note" label={t.note} rules={req(t.required)}><Input.TextArea rows={3} maxLength={DISPUTE_LIMITS.noteMax} data-testid="resolve-note" /></Form.Item>
      </Form>
    </Modal>
  );
}

export function ConvertModal({ dispute, onClose, onDone }: { dispute: Dispute | null; onClose: () => void; onDone: () => void }) {
  const t = useText(dict);
  const { lang } = useLang();
  const cats = useCategories();
  const [form] = Form.useForm();
  const { error, saving, run } = useSave(onDone);
  const [key] = useState(newIdempotencyKey);
  const submit = (v: Record<string, string | number | undefined>) => dispute && run(async () => {
    const r = await api<{ case: RegisterResult }>('POST', `/disputes/${dispute.id}/convert`, {
      version: dispute.version, channel: v.channel, kind: v.kind, categoryId: v.categoryId, title: v.title || null,
      petitioner: { name: v.name, idNumber: v.idNumber || null, mobile: v.mobile || null },
    }, { 'Idempotency-Key': key });
    return <span data-testid="convert-done">{t.converted.replace('{n}', r.case.caseNo)}</span>;
  });
  return (
    <Modal open={!!dispute} title={t.convertTitle} onCancel={onClose} onOk={() => form.submit()} okText={t.convert} confirmLoading={saving} width={620} destroyOnHidden
      okButtonProps={testId('convert-save')}>
      <Alert type="info" showIcon title={t.convertHint} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ channel: 'visit', kind: 'claim' }} onFinish={(v) => void submit(v)}>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 12 }}>
          <Form.Item name="channel" label={t.channel} rules={req(t.required)}><Select options={CHANNELS.map((c) => ({ value: c, label: L.channel(c, lang) }))} /></Form.Item>
          <Form.Item name="kind" label={t.kind} rules={req(t.required)}><Select options={KINDS.filter((k) => k !== 'accusation').map((k) => ({ value: k, label: L.kind(k, lang) }))} /></Form.Item>
          <Form.Item name="categoryId" label={t.category} rules={req(t.required)}>
            <TreeSelect treeData={categoryTree(cats, lang)} showSearch={{ treeNodeFilterProp: 'title' }} data-testid="convert-category" />
          </Form.Item>
          <Form.Item name="name" label={t.petitioner} rules={req(t.required)}><Input maxLength={50} data-testid="convert-name" /></Form.Item>
          <Form.Item name="idNumber" label={t.idNumber}><Input maxLength={18} /></Form.Item>
          <Form.Item name="mobile" label={t.mobile}><Input maxLength={11} /></Form.Item>
        </div>
        <Form.Item name="title" label={t.caseTitle}><Input maxLength={100} /></Form.Item>
      </Form>
    </Modal>
  );
}
