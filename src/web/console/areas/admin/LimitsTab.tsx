// Time-limit profile (办理时限) and the evaluation window (评价期限): each limit in days, counted in
// calendar or working days. Checked here with the same validateProfile the server uses.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, InputNumber, Popconfirm, Select, Space, Spin, Typography } from 'antd';
import { DEFAULT_PROFILE, validateProfile } from '../../../../domain/deadlines.ts';
import { useText } from '../../i18n.tsx';
import { dict, type AdminText } from './texts.ts';
import { adminApi, messageOf, type Profile } from './api.ts';

type LimitKey = 'route' | 'accept' | 'objection' | 'answer' | 'reviewRequest' | 'reviewDecision' | 'reReviewRequest' | 'reReviewDecision' | 'evaluation';
const LIMIT_ROWS: Record<'limits' | 'evaluation', [LimitKey, AdminText][]> = {
  limits: [
    ['route', 'lRoute'], ['accept', 'lAccept'], ['objection', 'lObjection'], ['answer', 'lAnswer'], ['reviewRequest', 'lReviewRequest'],
    ['reviewDecision', 'lReviewDecision'], ['reReviewRequest', 'lReReviewRequest'], ['reReviewDecision', 'lReReviewDecision'],
  ],
  evaluation: [['evaluation', 'lEvaluation']],
};

export function LimitsTab({ mode }: { mode: 'limits' | 'evaluation' }) {
  const t = useText(dict);
  const { message } = App.useApp();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Profile>();
  const formId = mode === 'limits' ? 'limits' : 'evaluation';

  useEffect(() => {
    adminApi.limits().then((p) => { setProfile(p); form.setFieldsValue(p); }).catch((e) => void message.error(messageOf(e)));
  }, [form, message]);

  async function save(values: Partial<Profile>) {
    if (!profile) return;
    setError(null);
    let next: Profile;
    try {
      next = validateProfile({ ...profile, ...values }) as Profile;
    } catch (e) {
      setError(`${t.invalid}: ${(e as Error).message}`);
      return;
    }
    setSaving(true);
    try {
      const saved = await adminApi.setLimits(next);
      setProfile(saved);
      form.setFieldsValue(saved);
      void message.success(t.saved);
    } catch (e) { setError(messageOf(e)); } finally { setSaving(false); }
  }

  function restoreDefaults() {
    const keys = LIMIT_ROWS[mode].map(([k]) => k);
    const defaults = Object.fromEntries(keys.map((k) => [k, DEFAULT_PROFILE[k]])) as Partial<Profile>;
    if (mode === 'limits') Object.assign(defaults, { extensionMaxDays: DEFAULT_PROFILE.extensionMaxDays, supervisionDefaultDays: DEFAULT_PROFILE.supervisionDefaultDays });
    form.setFieldsValue(defaults);
  }

  if (!profile) return <Spin />;
  const unitOptions = [{ value: 'calendar', label: t.calendarDays }, { value: 'working', label: t.workingDays }];
  return (
    <div style={{ maxWidth: 760 }}>
      <Typography.Paragraph type="secondary">{mode === 'limits' ? t.limitsHelp : t.evaluationHelp}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid={`${formId}-error`} />}
      <Form form={form} layout="horizontal" labelCol={{ flex: '300px' }} labelWrap onFinish={(v) => void save(v)} data-testid={`${formId}-form`}>
        {LIMIT_ROWS[mode].map(([key, label]) => (
          <Form.Item key={key} label={t[label]} style={{ marginBottom: 12 }}>
            <Space.Compact>
              <Form.Item name={[key, 'days']} noStyle rules={[{ required: true, type: 'integer', min: 1, max: 365 }]}>
                <InputNumber min={1} max={365} precision={0} style={{ width: 110 }} aria-label={`${t[label]} ${t.days}`} data-testid={`limit-${key}-days`} />
              </Form.Item>
              <Form.Item name={[key, 'unit']} noStyle rules={[{ required: true }]}>
                <Select options={unitOptions} style={{ width: 130 }} aria-label={`${t[label]} ${t.unit}`} data-testid={`limit-${key}-unit`} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        ))}
        {mode === 'limits' && (
          <>
            <Form.Item name="extensionMaxDays" label={t.extensionMaxDays} style={{ marginBottom: 12 }} rules={[{ required: true, type: 'integer', min: 0, max: 90 }]}>
              <InputNumber min={0} max={90} precision={0} style={{ width: 110 }} data-testid="limit-extensionMaxDays" />
            </Form.Item>
            <Form.Item name="supervisionDefaultDays" label={t.supervisionDefaultDays} style={{ marginBottom: 16 }} rules={[{ required: true, type: 'integer', min: 1, max: 365 }]}>
              <InputNumber min={1} max={365} precision={0} style={{ width: 110 }} data-testid="limit-supervisionDefaultDays" />
            </Form.Item>
          </>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid={`save-${formId}`}>{t.save}</Button>
          <Popconfirm title={t.resetDefaults} onConfirm={restoreDefaults} okText={t.resetDefaults} cancelText={t.cancel}>
            <Button data-testid={`${formId}-defaults`}>{t.resetDefaults}</Button>
          </Popconfirm>
        </Space>
      </Form>
    </div>
  );
}
