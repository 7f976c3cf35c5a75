// One form per lifecycle action, fitting the action's body (routes/case-actions.ts ACTION_BODIES);
// submits POST /cases/:id/<action> with the version the user saw.
import { useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, ApiError, apiGet } from '../../common/api.ts';
import type { CaseDetail, RoutingSuggestion } from '../../common/types.ts';
import { DECLINE_BASES, DECLINE_BASIS_LABELS, LIMITS, OUTCOMES, PROCEDURES, RATINGS, REVIEW_OUTCOMES } from '../../../shared/enums.ts';
import { useLang, useText, type Lang } from '../i18n.tsx';
import { L } from '../labels.ts';
import { orgTree, useOrgs } from '../refdata.ts';

type FieldKind = 'text' | 'textarea' | 'org' | 'orgs' | 'date' | 'days' | 'choice';
interface Field {
  name: string; kind: FieldKind; required?: boolean; max?: number; options?: (lang: Lang) => { value: string; label: string }[];
  /** Offered only on such a case (and then preselected with `initial`). */
  when?: (d: CaseDetail) => boolean; initial?: string;
}

const opts = (list: readonly string[], label: (k: string, lang: Lang) => string) => (lang: Lang) => list.map((v) => ({ value: v, label: label(v, lang) }));
const DELIVERY = { in_person: ['当面送达', 'In person'], post: ['邮寄送达', 'By post'], sms: ['短信告知', 'By SMS'], online: ['网上送达', 'Online'] } as Record<string, [string, string]>;
const FOLLOW_UP = { phone: ['电话回访', 'Phone'], visit: ['上门回访', 'Visit'], sms: ['短信回访', 'SMS'], letter: ['书面回访', 'Letter'] } as Record<string, [string, string]>;
const pair = (table: Record<string, [string, string]>) => (k: string, lang: Lang) => table[k]?.[lang === 'zh' ? 0 : 1] ?? k;
// the general ground (Art 23) is sent as no basis
const GENERAL_DECLINE: [string, string] = ['其他不予受理情形（第二十三条）', 'Another ground for declining (Art 23)'];
const declineBases = (lang: Lang) => [...opts(DECLINE_BASES, pair(DECLINE_BASIS_LABELS))(lang), { value: '', label: GENERAL_DECLINE[lang === 'zh' ? 0 : 1] }];

const R = LIMITS.reasonMax;
const T = LIMITS.textMax;
export const ACTION_FIELDS: Record<string, Field[]> = {
  // other bodies concerned take part as co-handling bodies (协办单位, Art 24)
  forward: [{ name: 'targetOrgId', kind: 'org', required: true }, { name: 'coOrgIds', kind: 'orgs' }, { name: 'note', kind: 'textarea', max: R }],
  assign: [{ name: 'targetOrgId', kind: 'org', required: true }, { name: 'coOrgIds', kind: 'orgs' }, { name: 'note', kind: 'textarea', max: R }],
  designate: [{ name: 'targetOrgId', kind: 'org', required: true }, { name: 'coOrgIds', kind: 'orgs' }, { name: 'reason', kind: 'textarea', required: true, max: R }],
  contribute: [{ name: 'text', kind: 'textarea', required: true, max: T }],
  add_co_handlers: [{ name: 'coOrgIds', kind: 'orgs', required: true }, { name: 'reason', kind: 'textarea', max: R }],
  divert: [{ name: 'procedure', kind: 'choice', required: true, options: opts(PROCEDURES, L.procedure) }, { name: 'reason', kind: 'textarea', required: true, max: R }, { name: 'properChannel', kind: 'text', max: R }],
  decline: [
    // a case marked at registration as a possible repeat of a final matter may be declined on Art 36
    { name: 'basis', kind: 'choice', options: declineBases, when: (d) => d.repeatOfFinal, initial: 'final_repeat' },
    { name: 'reason', kind: 'textarea', required: true, max: R }, { name: 'properChannel', kind: 'text', required: true, max: R },
  ],
  object: [{ name: 'reason', kind: 'textarea', required: true, max: R }],
  accept: [{ name: 'note', kind: 'textarea', max: R }],
  request_extension: [{ name: 'days', kind: 'days', required: true }, { name: 'reason', kind: 'textarea', required: true, max: R }],
  approve_extension: [{ name: 'note', kind: 'textarea', max: R }],
  reject_extension: [{ name: 'reason', kind: 'textarea', required: true, max: R }],
  start_hearing: [{ name: 'note', kind: 'textarea', max: R }],
  end_hearing: [{ name: 'summary', kind: 'textarea', required: true, max: T }],
  answer: [{ name: 'outcome', kind: 'choice', required: true, options: opts(OUTCOMES, L.outcome) }, { name: 'text', kind: 'textarea', required: true, max: T }],
  send_back: [{ name: 'reason', kind: 'textarea', required: true, max: R }],
  deliver: [{ name: 'deliveredOn', kind: 'date' }, { name: 'method', kind: 'choice', options: opts(Object.keys(DELIVERY), pair(DELIVERY)) }],
  mediate: [{ name: 'agreement', kind: 'textarea', required: true, max: T }, { name: 'deliveredOn', kind: 'date' }],
  evaluate: [{ name: 'bureauRating', kind: 'choice', required: true, options: opts(RATINGS, L.rating) }, { name: 'bodyRating', kind: 'choice', required: true, options: opts(RATINGS, L.rating) }, { name: 'comment', kind: 'textarea', max: R }],
  // the body is the competent one above (left empty, the server finds it); naming another is refused
  request_review: [{ name: 'reason', kind: 'textarea', required: true, max: T }, { name: 'reviewOrgId', kind: 'org' }],
  // a review that revokes the answer orders a new one: that is the action redo (撤销重办), not an outcome here
  decide_review: [{ name: 'outcome', kind: 'choice', required: true, options: opts(REVIEW_OUTCOMES.filter((o) => o !== 'revoked'), L.outcome) }, { name: 'text', kind: 'textarea', required: true, max: T }, { name: 'deliveredOn', kind: 'date' }],
  redo: [{ name: 'text', kind: 'textarea', required: true, max: T }, { name: 'dueOn', kind: 'date' }, { name: 'deliveredOn', kind: 'date' }],
  request_re_review: [{ name: 'reason', kind: 'textarea', required: true, max: T }, { name: 'reviewOrgId', kind: 'org' }],
  // likewise a re-review that revokes: redo_re_review (复核撤销重办)
  decide_re_review: [{ name: 'outcome', kind: 'choice', required: true, options: opts(REVIEW_OUTCOMES.filter((o) => o !== 'revoked'), L.outcome) }, { name: 'text', kind: 'textarea', required: true, max: T }, { name: 'deliveredOn', kind: 'date' }],
  redo_re_review: [{ name: 'text', kind: 'textarea', required: true, max: T }, { name: 'dueOn', kind: 'date' }, { name: 'deliveredOn', kind: 'date' }],
  archive: [],
  supervise: [{ name: 'text', kind: 'textarea', required: true, max: T }, { name: 'dueOn', kind: 'date' }],
  instruct: [{ name: 'text', kind: 'textarea', required: true, max: T }],
  own: [{ name: 'plan', kind: 'textarea', required: true, max: T }, { name: 'closingStandard', kind: 'textarea', required: true, max: T }, { name: 'dueOn', kind: 'date', required: true }],
  report_urgent: [{ name: 'text', kind: 'textarea', required: true, max: T }],
  follow_up: [{ name: 'method', kind: 'choice', options: opts(Object.keys(FOLLOW_UP), pair(FOLLOW_UP)) }, { name: 'summary', kind: 'textarea', required: true, max: T }],
};

const dict = {
  zh: {
    submit: '提交', cancel: '取消', required: '请填写此项', tooLong: '不能超过 {n} 个字', conflict: '该事项已被他人处理（版本已变化），请刷新后重新操作。', reload: '刷新事项',
    suggested: '建议单位', confirm: '确认执行此操作？', opinionTitle: '信访处理意见书',
    opinionHint: '依据《信访工作条例》第三十二条，对信访事项作出支持、解释说明或不予支持的处理意见，并书面答复信访人。', days: '天',
    f_targetOrgId: '转送/交办至', f_reviewOrgId: '复查/复核机关（不填则由系统确定上一级有权机关）', f_note: '说明', f_procedure: '导入的法定途径', f_basis: '不予受理依据', f_reason: '理由', f_properChannel: '告知的正确途径', f_days: '延期天数（最多 {n} 天）',
    f_summary: '听证情况', f_outcome: '处理意见', f_text: '意见内容', f_deliveredOn: '送达日期', f_method: '方式', f_agreement: '调解/和解协议内容',
    f_bureauRating: '对信访部门的评价', f_bodyRating: '对承办单位的评价', f_comment: '评价意见', f_dueOn: '期限', f_plan: '包案方案', f_closingStandard: '化解标准',
    t_supervise: '督办意见', t_instruct: '批示内容', t_decide: '决定内容', t_redoText: '撤销理由（复查认定的事实及依据）', t_reRedoText: '撤销理由（复核认定的事实及依据）', t_urgent: '报告内容（事项情况、可能造成的影响、已采取的措施）',
    urgentHint: '依据《信访工作条例》第二十五条，对可能造成社会影响的重大、紧急信访事项，及时报告本级党委和政府；情况变化时可续报。', t_redoDue: '重新答复期限（不填为自今日起 60 日）',
    redoHint: '撤销原处理意见，由原办理机关重新办理并在期限内重新作出处理意见；信访人对新的处理意见不服的，可以再申请复查。',
    reRedoHint: '撤销复查意见和原处理意见，由原办理机关重新办理并在期限内重新作出处理意见；事项不作终结，信访人对新的处理意见不服的，可以再申请复查。如复核机关直接作出处理，请选择“复核决定”中的“变更”。',
    f_coOrgIds: '协办单位（可不填，至多 5 个）', t_designateTarget: '指定受理机关', t_designateReason: '指定理由（协调情况）', t_contribute: '协办意见',
    designateHint: '依据《信访工作条例》第二十四条，涉及多个单位的信访事项受理有争议的，由其共同的上一级机关决定受理机关。被指定的单位应当受理，不能再提出异议；可同时指定协办单位。',
    contributeHint: '本单位为该事项的协办单位（第二十四条）。协办意见供主办单位出具处理意见书时采用，不直接告知信访人。',
    addCoHint: '办理中发现该事项还涉及其他机关、单位的，可请其作为协办单位会同办理（第二十四条）：协办单位可查看该事项并提交协办意见，处理意见书写明“经会同……调查核实”。', t_addCo: '增加的协办单位（连同已有的至多 5 个）', t_addCoReason: '说明（可不填）',
    coMax: '协办单位至多 5 个', coOpinions: '协办单位意见（请在处理意见中一并考虑）', coNone: '尚未提交',
  },
  en: {
    submit: 'Submit', cancel: 'Cancel', required: 'Required', tooLong: 'At most {n} characters', conflict: 'Someone else changed this case (its version moved on). Reload it and act again.', reload: 'Reload case',
    suggested: 'Suggested', confirm: 'Carry out this action?', opinionTitle: 'Written answer (信访处理意见书)',
    opinionHint: 'Under [T22] Art 32 the answer upholds, explains or does not uphold the request, in writing to the petitioner.', days: 'days',
    f_targetOrgId: 'Forward / assign to', f_reviewOrgId: 'Reviewing body (empty: the competent body one level up)', f_note: 'Note', f_procedure: 'Statutory procedure', f_basis: 'Ground', f_reason: 'Reason', f_properChannel: 'Proper channel told', f_days: 'Days (at most {n})',
    f_summary: 'Hearing summary', f_outcome: 'Outcome', f_text: 'Text', f_deliveredOn: 'Delivered on', f_method: 'Method', f_agreement: 'Agreement reached',
    f_bureauRating: 'Rating of the bureau', f_bodyRating: 'Rating of the handling body', f_comment: 'Comment', f_dueOn: 'Due on', f_plan: 'Plan', f_closingStandard: 'Closing standard',
    t_supervise: 'Supervision notice', t_instruct: 'Instruction', t_decide: 'Decision', t_redoText: 'Why the answer is revoked (facts and grounds found on review)', t_reRedoText: 'Why the review and the answer are revoked (facts and grounds found on re-review)', t_urgent: 'Report (the matter, its possible impact, what has been done)',
    urgentHint: 'Under Art 25, a major or urgent matter that may have social impact is reported at once to the government of your body; report again when it changes.', t_redoDue: 'New answer due (empty: 60 days from today)',
    redoHint: 'The answer is revoked; the body that gave it handles the matter again and answers anew by the day set. The petitioner may ask for review of the new answer.',
    reRedoHint: 'The review opinion and the answer are revoked; the body that answered handles the matter again and answers anew by the day set. The matter is not final: the petitioner may ask for review of the new answer. To decide the matter yourself, use "Re-review decision" with "Changed".',
    f_coOrgIds: 'Co-handling bodies (optional, at most 5)', t_designateTarget: 'Body designated to accept', t_designateReason: 'Why (how it was coordinated)', t_contribute: 'Co-handling opinion',
    designateHint: 'Under Art 24, when bodies concerned dispute who accepts a matter, their common superior decides. The body designated accepts it and may not object again; co-handling bodies may be named with it.',
    contributeHint: 'Your body co-handles this matter (Art 24). The opinion is for the lead body\'s written answer and is not shown to the petitioner.',
    addCoHint: 'When other bodies turn out to be concerned too, ask them to take part (Art 24): they see the matter and give their opinion, and the written answer says it was investigated together with them.', t_addCo: 'Bodies to add (at most 5 with those taking part)', t_addCoReason: 'Note (optional)',
    coMax: 'At most 5 co-handling bodies', coOpinions: 'The co-handling bodies\' opinions (take them into the answer)', coNone: 'not given yet',
  },
};

export function ActionModal({ action, detail, onClose, onDone, onConflict, coOpinions }: {
  action: string; detail: CaseDetail; onClose: () => void; onDone: (c: CaseDetail) => void; onConflict: () => void;
  /** Answer: the co-handling bodies' opinions to take into it (Art 24), each body with its latest text or none yet. */
  coOpinions?: { orgName: string; text: string | null }[];
}) {
  const t = useText(dict);
  const { lang } = useLang();
  const orgs = useOrgs();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [error, setError] = useState<{ message: string; conflict: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [suggestions, setSuggestions] = useState<RoutingSuggestion[]>([]);
  // the longest extension is the time-limit profile's (Art 34: at most 30 days unless set stricter)
  const [extensionMax, setExtensionMax] = useState(30);
  const fields = (ACTION_FIELDS[action] ?? []).filter((f) => !f.when || f.when(detail));
  const initial: Record<string, unknown> = Object.fromEntries(fields.filter((f) => f.initial !== undefined).map((f) => [f.name, f.initial]));
  if (action === 'request_extension') initial.days = 30;
  const label = (f: Field) => {
    if (f.name === 'text' && action === 'supervise') return t.t_supervise;
    if (f.name === 'text' && action === 'instruct') return t.t_instruct;
    if (f.name === 'text' && action.startsWith('decide_')) return t.t_decide;
    if (f.name === 'text' && action === 'redo') return t.t_redoText;
    if (f.name === 'text' && action === 'redo_re_review') return t.t_reRedoText;
    if (f.name === 'text' && action === 'report_urgent') return t.t_urgent;
    if (f.name === 'dueOn' && (action === 'redo' || action === 'redo_re_review')) return t.t_redoDue;
    if (f.name === 'targetOrgId' && action === 'designate') return t.t_designateTarget;
    if (f.name === 'reason' && action === 'designate') return t.t_designateReason;
    if (f.name === 'text' && action === 'contribute') return t.t_contribute;
    if (f.name === 'coOrgIds' && action === 'add_co_handlers') return t.t_addCo;
    if (f.name === 'reason' && action === 'add_co_handlers') return t.t_addCoReason;
    if (f.name === 'days') return t.f_days.replace('{n}', String(extensionMax));
    return (t as Record<string, string>)[`f_${f.name}`] ?? f.name;
  };

  useEffect(() => {
    if (action !== 'request_extension') return;
    apiGet<{ extensionMaxDays: number }>('/settings/time-limits').then((p) => {
      setExtensionMax(p.extensionMaxDays);
      if (Number(form.getFieldValue('days')) > p.extensionMaxDays) form.setFieldValue('days', p.extensionMaxDays);
    }).catch(() => {});
  }, [action, form]);

  useEffect(() => {
    if (action === 'forward' || action === 'assign' || action === 'designate') apiGet<RoutingSuggestion[]>(`/cases/${detail.id}/routing-suggestions`)
      .then((list) => setSuggestions(list.filter((s, i) => list.findIndex((x) => x.id === s.id) === i))).catch(() => setSuggestions([]));
  }, [action, detail.id]);

  const submit = async (v: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    const body: Record<string, unknown> = { version: detail.version };
    for (const f of fields) {
      let val = v[f.name];
      if (val === undefined || val === null || (typeof val === 'string' && !val.trim())) continue;
      if (f.kind === 'date') val = (val as Dayjs).format('YYYY-MM-DD');
      if (typeof val === 'string') val = val.trim();
      if (Array.isArray(val) && val.length === 0) continue;
      body[f.name] = val;
    }
    try {
      const updated = await api<CaseDetail>('POST', `/cases/${detail.id}/${action.replace(/_/g, '-')}`, body);
      onDone(updated);
    } catch (e) {
      if (e instanceof ApiError) setError({ message: e.message, conflict: e.code === 'VERSION_CONFLICT' });
      else setError({ message: String(e), conflict: false });
    } finally {
      setBusy(false);
    }
  };

  const isAnswer = action === 'answer';
  return (
    <Modal open title={isAnswer ? t.opinionTitle : L.action(action, lang)} onCancel={onClose} width={isAnswer ? 760 : 560} destroyOnHidden
      footer={null}>
      <div data-testid={`action-modal-${action}`}>
      {isAnswer && <Typography.Paragraph type="secondary">{t.opinionHint}</Typography.Paragraph>}
      {isAnswer && coOpinions && coOpinions.length > 0 && (
        <Alert type={coOpinions.some((o) => o.text === null) ? 'warning' : 'info'} showIcon style={{ marginBottom: 12 }} data-testid="answer-co-opinions"
          title={t.coOpinions}
          description={coOpinions.map((o) => <div key={o.orgName} className="xf-prewrap"><strong>{o.orgName}</strong>：{o.text ?? t.coNone}</div>)} />
      )}
      {action === 'redo' && <Typography.Paragraph type="secondary" data-testid="redo-hint">{t.redoHint}</Typography.Paragraph>}
      {action === 'redo_re_review' && <Typography.Paragraph type="secondary" data-testid="redo-hint">{t.reRedoHint}</Typography.Paragraph>}
      {action === 'report_urgent' && <Typography.Paragraph type="secondary" data-testid="urgent-hint">{t.urgentHint}</Typography.Paragraph>}
      {action === 'designate' && <Typography.Paragraph type="secondary" data-testid="designate-hint">{t.designateHint}</Typography.Paragraph>}
      {action === 'contribute' && <Typography.Paragraph type="secondary" data-testid="contribute-hint">{t.contributeHint}</Typography.Paragraph>}
      {action === 'add_co_handlers' && <Typography.Paragraph type="secondary" data-testid="add-co-hint">{t.addCoHint}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        {fields.length === 0 && <Typography.Paragraph>{t.confirm}</Typography.Paragraph>}
        {fields.map((f, idx) => (
          <Form.Item key={f.name} name={f.name} label={label(f)}
            rules={[...(f.required ? [f.kind === 'text' || f.kind === 'textarea' ? { required: true, whitespace: true, message: t.required } : { required: true, message: t.required }] : []),
              ...(f.max ? [{ max: f.max, message: t.tooLong.replace('{n}', String(f.max)) }] : []),
              ...(f.kind === 'orgs' ? [{ type: 'array' as const, max: 5, message: t.coMax }] : [])]}
            extra={f.kind === 'org' && suggestions.length > 0 ? (
              <Space wrap style={{ marginTop: 6 }}>
                <span>{t.suggested}:</span>
                {suggestions.map((s) => (
                  <Tag.CheckableTag key={s.id} checked={form.getFieldValue('targetOrgId') === s.id} data-testid={`suggest-${s.id}`}
                    onChange={() => form.setFieldValue('targetOrgId', s.id)} style={{ border: '1px solid #91caff' }}>{s.name}</Tag.CheckableTag>
                ))}
              </Space>
            ) : undefined}>
            {f.kind === 'text' ? <Input autoFocus={idx === 0} data-testid={`field-${f.name}`} />
              : f.kind === 'textarea' ? <Input.TextArea rows={isAnswer && f.name === 'text' ? 10 : 4} showCount={!!f.max} maxLength={f.max} autoFocus={idx === 0} data-testid={`field-${f.name}`} />
              : f.kind === 'org' ? <TreeSelect treeData={orgTree(orgs)} showSearch={{ treeNodeFilterProp: 'title' }} treeDefaultExpandAll data-testid={`field-${f.name}`} />
              : f.kind === 'orgs' ? <TreeSelect multiple treeData={orgTree(orgs)} showSearch={{ treeNodeFilterProp: 'title' }} treeDefaultExpandAll allowClear data-testid={`field-${f.name}`} />
              : f.kind === 'date' ? <DatePicker style={{ width: '100%' }} data-testid={`field-${f.name}`} />
              : f.kind === 'days' ? <InputNumber min={1} max={extensionMax} suffix={t.days} style={{ width: 140 }} data-testid={`field-${f.name}`} />
              : f.options && f.options(lang).length <= 4
                ? <Radio.Group data-testid={`field-${f.name}`}>{f.options(lang).map((o) => <Radio key={o.value} value={o.value} data-testid={`option-${f.name}-${o.value}`}>{o.label}</Radio>)}</Radio.Group>
                : <Select options={f.options?.(lang)} data-testid={`field-${f.name}`} />}
          </Form.Item>
        ))}
        {error && (
          <Alert type={error.conflict ? 'warning' : 'error'} showIcon role="alert" style={{ marginBottom: 16 }} data-testid={error.conflict ? 'action-conflict' : 'action-error'}
            title={error.conflict ? t.conflict : error.message}
            action={error.conflict ? <Button size="small" onClick={onConflict} data-testid="action-reload">{t.reload}</Button> : undefined} />
        )}
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose} data-testid="action-cancel">{t.cancel}</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="action-submit">{t.submit}</Button>
        </Space>
      </Form>
      </div>
    </Modal>
  );
}
