// Cancels a reception day not yet begun (取消接访): the reason is required and kept with the day, which
// stays on the calendar marked 已取消.
import { useMemo, useState } from 'react';
import { Alert, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { api, ApiError, newIdempotencyKey } from '../../../common/api.ts';
import { LIMITS } from '../../../../shared/enums.ts';
import { useText } from '../../i18n.tsx';
import type { ReceptionDay } from './types.ts';

const dict = {
  zh: {
    title: '取消接访', ok: '确认取消接访', back: '返回', reason: '取消原因', required: '请填写取消原因', reasonHint: '如：领导临时赴市参加会议，接访改期另行通知',
    what: '{d} {from}–{to} {leader} · {place}', note: '取消后该接待日仍保留在日历中并标记为“已取消”，不能再登记接访。',
  },
  en: {
    title: 'Cancel the reception day', ok: 'Cancel the reception', back: 'Back', reason: 'Reason', required: 'Give the reason', reasonHint: 'e.g. the leader is called to a meeting; a new day will be announced',
    what: '{d} {from}–{to} {leader} · {place}', note: 'The day stays on the calendar marked "Cancelled" and takes no visits.',
  },
};

export function CancelModal({ day, onClose, onCancelled }: { day: ReceptionDay; onClose(): void; onCancelled(d: ReceptionDay): void }) {
  const t = useText(dict);
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // one key per form: a retry after a lost answer answers the same
  const key = useMemo(() => newIdempotencyKey(), []);

  const submit = async () => {
    let v: { reason: string };
    try { v = await form.validateFields(); } catch { return; /* the form shows what is missing */ }
    setSaving(true);
    setError(null);
    try {
      onCancelled(await api<ReceptionDay>('POST', `/reception-days/${day.id}/cancel`, { version: day.version, reason: v.reason.trim() }, { 'Idempotency-Key': key }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={t.title} okText={t.ok} cancelText={t.back} onOk={() => void submit()} onCancel={onClose} confirmLoading={saving}
      okButtonProps={{ danger: true, 'data-testid': 'reception-cancel-submit' } as ButtonProps} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="reception-cancel-error" />}
      <Typography.Paragraph strong>
        {t.what.replace('{d}', day.day).replace('{from}', day.startsAt).replace('{to}', day.endsAt).replace('{leader}', day.leaderName).replace('{place}', day.place)}
      </Typography.Paragraph>
      <Typography.Paragraph>{t.note}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="reception_cancel" requiredMark>
        <Form.Item name="reason" label={t.reason} rules={[{ required: true, whitespace: true, message: t.required }, { max: LIMITS.reasonMax }]}>
          <Input.TextArea rows={3} placeholder={t.reasonHint} maxLength={LIMITS.reasonMax} data-testid="reception-cancel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
