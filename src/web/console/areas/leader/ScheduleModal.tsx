// Schedules a reception day, or edits one not yet begun: how (定点接访, 下访, 约访), which leader, for
// which body, on which day, from when to when, where. An edit sends only what changed, with the version it was made on.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Radio, Select, Spin, TimePicker, Typography, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, apiGet, ApiError, newIdempotencyKey } from '../../../common/api.ts';
import type { CasePage } from '../../../common/types.ts';
import { LIMITS, RECEPTION_KINDS, RECEPTION_KIND_LABELS, type ReceptionKind } from '../../../../shared/enums.ts';
import { useLang, useText } from '../../i18n.tsx';
import { useMe } from '../../session.tsx';
import type { ReceptionDay, ReceptionOptions } from './types.ts';

const dict = {
  zh: {
    title: '安排领导接待日', editTitle: '编辑接待安排', kind: '接访方式', leader: '接待领导', org: '接待单位', day: '接待日期', from: '开始时间', to: '结束时间', place: '接待地点',
    topic: '接待主题（可选）', ok: '保存', cancel: '取消', required: '请填写此项', placeHint: '如：县信访局一楼接待大厅', topicHint: '如：征地拆迁、拖欠工资',
    invited: '约请的信访事项（输入事项编号或标题中的词查找，至多 20 件）', noMatch: '没有找到相符的事项', invitedHint: '约访时间、地点记入各事项的办理过程；改期或取消时一并记录。', unknownCases: '未找到这些编号的事项：{n}',
  },
  en: {
    title: 'Schedule a reception day', editTitle: 'Edit the reception day', kind: 'How', leader: 'Leader', org: 'Receiving body', day: 'Day', from: 'From', to: 'To', place: 'Place',
    topic: 'Topic (optional)', ok: 'Save', cancel: 'Cancel', required: 'Required', placeHint: 'e.g. reception hall, county petition bureau', topicHint: 'e.g. land acquisition, unpaid wages',
    invited: 'Matters invited (search by case number or words of the title; at most 20)', noMatch: 'No matching matter', invitedHint: 'The time and place go on each matter\'s timeline; a move or a cancellation too.', unknownCases: 'No case with these numbers: {n}',
  },
};

interface Values { kind: ReceptionKind; leaderUserId: number; orgId: number; day: Dayjs; startsAt: Dayjs; endsAt: Dayjs; place: string; topic?: string; caseNos?: string[] }

/** The invited matters by case number, picked from a search as the user types (the case list's q: words
 * of the title, or a whole case number, among the matters the user may see): only a matter found can be chosen. */
function CaseNoSelect({ value, onChange, label, noMatch }: { value?: string[]; onChange?: (v: string[]) => void; label: string; noMatch: string }) {
  const [found, setFound] = useState<{ caseNo: string; title: string }[]>([]);
  const [searching, setSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef('');
  useEffect(() => () => clearTimeout(timer.current), []);
  const search = (text: string) => {
    clearTimeout(timer.current);
    const q = text.trim();
    latest.current = q;
    if (!q) { setFound([]); setSearching(false); return; }
    setSearching(true);
    timer.current = setTimeout(() => {
      apiGet<CasePage>('/cases', { q, limit: 8 })
        .then((p) => { if (latest.current === q) setFound(p.items.map((c) => ({ caseNo: c.caseNo, title: c.title }))); })
        .catch(() => { if (latest.current === q) setFound([]); })
        .finally(() => { if (latest.current === q) setSearching(false); });
    }, 250);
  };
  return (
    <Select mode="multiple" value={value} onChange={(v: string[]) => { onChange?.(v); setFound([]); latest.current = ''; }} onSearch={search} filterOption={false}
      showSearch aria-label={label} data-testid="reception-form-cases" suffixIcon={null}
      notFoundContent={searching ? <Spin size="small" /> : latest.current ? noMatch : null}
      options={found.map((c) => ({ value: c.caseNo, label: c.caseNo, title: c.title }))}
      optionRender={(o) => (
        <div data-testid={`reception-case-option-${o.value}`}>
          <div>{o.value}</div>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>{String(o.data.title ?? '')}</Typography.Text>
        </div>
      )} />
  );
}

/** The request body of the form's values, as scheduling takes it. */
function bodyOf(v: Values) {
  return {
    leaderUserId: v.leaderUserId, orgId: v.orgId, day: v.day.format('YYYY-MM-DD'), startsAt: v.startsAt.format('HH:mm'), endsAt: v.endsAt.format('HH:mm'),
    place: v.place.trim(), topic: v.topic?.trim() || null, kind: v.kind,
  };
}

export function ScheduleModal({ options, editing, onClose, onScheduled }: {
  options: ReceptionOptions;
  /** The day to edit; without it the form schedules a new one. */
  editing?: ReceptionDay;
  onClose(): void;
  onScheduled(d: ReceptionDay): void;
}) {
  const t = useText(dict);
  const { lang } = useLang();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // one key per form: a retry after a lost answer does not schedule twice
  const key = useMemo(() => newIdempotencyKey(), []);
  const self = options.leaders.find((l) => l.id === me.id);
  const initial = editing
    ? {
      leaderUserId: editing.leaderUserId, orgId: editing.orgId, day: dayjs(editing.day), startsAt: dayjs(editing.startsAt, 'HH:mm'), endsAt: dayjs(editing.endsAt, 'HH:mm'),
      place: editing.place, topic: editing.topic ?? undefined, kind: editing.kind, caseNos: editing.invitedCases.map((c) => c.caseNo),
    }
    : {
      leaderUserId: self?.id ?? options.leaders[0]?.id, orgId: self?.orgId ?? options.leaders[0]?.orgId,
      startsAt: dayjs('09:00', 'HH:mm'), endsAt: dayjs('11:30', 'HH:mm'), kind: 'fixed' as ReceptionKind,
    };
  // the day's own leader and body stay choosable even when the lists no longer hold them
  const leaders = editing && !options.leaders.some((l) => l.id === editing.leaderUserId)
    ? [{ id: editing.leaderUserId, name: editing.leaderName, orgId: editing.orgId, orgName: editing.leaderOrgName }, ...options.leaders]
    : options.leaders;
  const bodies = editing && !options.bodies.some((b) => b.id === editing.orgId)
    ? [{ id: editing.orgId, name: editing.orgName, level: '' }, ...options.bodies]
    : options.bodies;

  const submit = async () => {
    let v: Values;
    try { v = await form.validateFields(); } catch { return; /* the form shows what is missing */ }
    setSaving(true);
    setError(null);
    try {
      const body = bodyOf(v);
      // 约访: the case numbers typed, as the cases they name
      const nos = v.kind === 'appointment' ? [...new Set((v.caseNos ?? []).map((n) => n.trim()).filter(Boolean))] : [];
      const found = await Promise.all(nos.map(async (no) => (await apiGet<CasePage>('/cases', { q: no, limit: 5 })).items.find((x) => x.caseNo === no)));
      const unknown = nos.filter((_, i) => !found[i]);
      if (unknown.length) { setError(t.unknownCases.replace('{n}', unknown.join('、'))); return; }
      const caseIds = found.map((c) => c!.id);
      const wasIds = editing ? editing.invitedCases.map((c) => c.caseId) : [];
      const invitesChanged = caseIds.length !== wasIds.length || caseIds.some((id, i) => id !== wasIds[i]);
      let d: ReceptionDay;
      if (editing) {
        const was: Record<string, unknown> = {
          leaderUserId: editing.leaderUserId, orgId: editing.orgId, day: editing.day, startsAt: editing.startsAt, endsAt: editing.endsAt, place: editing.place, topic: editing.topic, kind: editing.kind,
        };
        const changed = Object.fromEntries(Object.entries(body).filter(([k, x]) => x !== was[k]));
        d = await api<ReceptionDay>('PATCH', `/reception-days/${editing.id}`, { version: editing.version, ...changed, ...(invitesChanged && { caseIds }) });
      } else {
        const { topic, ...rest } = body;
        d = await api<ReceptionDay>('POST', '/reception-days', { ...rest, ...(topic ? { topic } : {}), ...(caseIds.length && { caseIds }) }, { 'Idempotency-Key': key });
      }
      onScheduled(d);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={editing ? t.editTitle : t.title} okText={t.ok} cancelText={t.cancel} onOk={() => void submit()} onCancel={onClose} confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'reception-form-submit' } as ButtonProps} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="reception-form-error" />}
      <Form form={form} layout="vertical" name={editing ? 'reception_edit' : 'reception'} initialValues={initial} requiredMark data-testid={editing ? 'reception-edit-form' : 'reception-form'}>
        <Form.Item name="kind" label={t.kind} rules={[{ required: true, message: t.required }]}>
          <Radio.Group optionType="button" data-testid="reception-form-kind"
            options={RECEPTION_KINDS.map((k) => ({ value: k, label: <span data-testid={`reception-kind-${k}`}>{RECEPTION_KIND_LABELS[k][lang === 'zh' ? 0 : 1]}</span> }))} />
        </Form.Item>
        <Form.Item name="leaderUserId" label={t.leader} rules={[{ required: true, message: t.required }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} data-testid="reception-form-leader"
            options={leaders.map((l) => ({ value: l.id, label: `${l.name}（${l.orgName}）` }))}
            onChange={(id: number) => { const l = leaders.find((x) => x.id === id); if (l && !editing) form.setFieldValue('orgId', l.orgId); }} />
        </Form.Item>
        <Form.Item name="orgId" label={t.org} rules={[{ required: true, message: t.required }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={bodies.map((b) => ({ value: b.id, label: b.name }))} data-testid="reception-form-org" />
        </Form.Item>
        <Form.Item name="day" label={t.day} rules={[{ required: true, message: t.required }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="reception-form-day" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="startsAt" label={t.from} rules={[{ required: true, message: t.required }]} style={{ flex: 1 }}>
            <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} needConfirm={false} data-testid="reception-form-from" />
          </Form.Item>
          <Form.Item name="endsAt" label={t.to} rules={[{ required: true, message: t.required }]} style={{ flex: 1 }}>
            <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} needConfirm={false} data-testid="reception-form-to" />
          </Form.Item>
        </div>
        <Form.Item name="place" label={t.place} rules={[{ required: true, whitespace: true, message: t.required }, { max: LIMITS.addressMax }]}>
          <Input placeholder={t.placeHint} maxLength={LIMITS.addressMax} data-testid="reception-form-place" />
        </Form.Item>
        <Form.Item name="topic" label={t.topic} rules={[{ max: LIMITS.titleMax }]}>
          <Input placeholder={t.topicHint} maxLength={LIMITS.titleMax} data-testid="reception-form-topic" />
        </Form.Item>
        {kind === 'appointment' && (
          <Form.Item name="caseNos" label={t.invited} extra={t.invitedHint} rules={[{ type: 'array', max: 20 }]}>
            <CaseNoSelect label={t.invited} noMatch={t.noMatch} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
