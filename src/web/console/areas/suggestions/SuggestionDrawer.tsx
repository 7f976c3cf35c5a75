// One citizen suggestion: what was suggested, by whom (masked; the server logs each view), and the
// decision. While undecided, the form records 采纳, 部分采纳 or 不予采纳 with the reply the citizen reads through
// the portal look-up; once decided it shows the decision, which cannot be changed.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Divider, Drawer, Form, Input, Radio, Skeleton, Tag, Typography } from 'antd';
import { api, ApiError } from '../../../common/api.ts';
import { LIMITS, SUGGESTION_STATUS_LABELS, type SuggestionStatus } from '../../../../shared/enums.ts';
import { useLang, useText } from '../../i18n.tsx';
import { formatDateTime } from '../../labels.ts';
import { statusStyle, type SuggestionDetail } from './types.ts';

/** Both tables keep their labels on one line, in one column width. */
const LABELS = { label: { width: 120, whiteSpace: 'nowrap' } } as const;

const dict = {
  zh: {
    title: '人民建议', close: '关闭', refCode: '建议编号', topic: '征集主题', createdAt: '提交时间', org: '办理单位', submitter: '建议人', mobile: '手机号码', status: '状态',
    subject: '建议标题', content: '建议内容', masked: '建议人信息已脱敏；每次查看均记入日志。',
    decision: '采纳决定', decidedBy: '决定人', decidedAt: '决定时间', reply: '答复', decide: '作出决定',
    adopt: '采纳', partly: '部分采纳', notAdopt: '不予采纳', choose: '请选择是否采纳', replyLabel: '答复建议人', replyHint: '建议人凭建议编号和手机号后四位在网上信访平台查询到此答复',
    replyRequired: '请填写答复', once: '决定提交后不能更改，请核对后提交。', submit: '提交决定',
    decidedNote: '已作出决定并答复建议人，不能再更改。',
  },
  en: {
    title: 'Citizen suggestion', close: 'Close', refCode: 'Number', topic: 'Topic', createdAt: 'Sent', org: 'Petition bureau', submitter: 'Sent by', mobile: 'Mobile', status: 'Status',
    subject: 'Title', content: 'Suggestion', masked: 'The citizen\'s details are masked; each view is logged.',
    decision: 'Decision', decidedBy: 'Decided by', decidedAt: 'Decided', reply: 'Reply', decide: 'Decide',
    adopt: 'Adopt', partly: 'Adopt in part', notAdopt: 'Do not adopt', choose: 'Choose whether to adopt', replyLabel: 'Reply to the citizen', replyHint: 'The citizen reads this reply on the portal with the suggestion number and the last four mobile digits',
    replyRequired: 'Write the reply', once: 'A decision cannot be changed once sent; check it first.', submit: 'Send decision',
    decidedNote: 'Decided and answered; it can no longer change.',
  },
};

interface Values { decision: 'adopt' | 'partly' | 'not_adopt'; reply: string }

export function SuggestionDrawer({ id, topicLabel, onClose, onDecided }: {
  id: number;
  topicLabel(key: string): string;
  onClose(): void;
  onDecided(d: SuggestionDetail): void;
}) {
  const t = useText(dict);
  const { lang } = useLang();
  const i = lang === 'zh' ? 0 : 1;
  const [detail, setDetail] = useState<SuggestionDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();

  const load = useCallback(async () => {
    try {
      setDetail(await api<SuggestionDetail>('GET', `/suggestions/${id}`));
      setLoadError(null);
    } catch (e) {
      setLoadError(e instanceof ApiError ? e.message : String(e));
    }
  }, [id]);
  useEffect(() => { void load(); }, [load]);

  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const d = await api<SuggestionDetail>('POST', `/suggestions/${id}/decision`, { adopted: v.decision !== 'not_adopt', partly: v.decision === 'partly', reply: v.reply.trim() });
      setDetail(d);
      onDecided(d);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      // decided meanwhile by someone else: show what was decided
      if (e instanceof ApiError && e.code === 'SUGGESTION_ALREADY_DECIDED') {
        const d = await api<SuggestionDetail>('GET', `/suggestions/${id}`).catch(() => null);
        if (d) { setDetail(d); onDecided(d); }
      }
    } finally {
      setSaving(false);
    }
  };

  const s = detail;
  const status = s?.status as SuggestionStatus | undefined;
  return (
    <Drawer open onClose={onClose} size={600} title={s ? `${t.title} · ${s.refCode}` : t.title} data-testid="suggestion-drawer" closable={{ 'aria-label': t.close }}>
      {loadError && <Alert type="error" showIcon title={loadError} data-testid="suggestion-load-error" />}
      {!s && !loadError && <Skeleton active />}
      {s && (
        <>
          <Descriptions size="small" column={1} bordered styles={LABELS}>
            <Descriptions.Item label={t.refCode}><span data-testid="suggestion-ref">{s.refCode}</span></Descriptions.Item>
            <Descriptions.Item label={t.topic}>{topicLabel(s.topic)}</Descriptions.Item>
            <Descriptions.Item label={t.createdAt}>{formatDateTime(s.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t.org}>{s.orgName ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t.submitter}><span data-testid="suggestion-submitter">{s.submitter.name}</span></Descriptions.Item>
            <Descriptions.Item label={t.mobile}><span data-testid="suggestion-mobile">{s.submitter.mobile}</span></Descriptions.Item>
            <Descriptions.Item label={t.status}>
              <Tag style={statusStyle(s.status)} data-testid="suggestion-drawer-status" data-status={s.status}>{status ? SUGGESTION_STATUS_LABELS[status]?.[i] ?? s.status : ''}</Tag>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 4 }}>{t.masked}</Typography.Paragraph>

          <Typography.Title level={5} data-testid="suggestion-title">{s.title}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="suggestion-content">{s.content}</Typography.Paragraph>

          {s.status !== 'received' ? (
            <>
              <Divider titlePlacement="start">{t.decision}</Divider>
              <Descriptions size="small" column={1} bordered styles={LABELS} data-testid="suggestion-decision">
                <Descriptions.Item label={t.decision}>{status ? SUGGESTION_STATUS_LABELS[status]?.[i] ?? s.status : ''}</Descriptions.Item>
                <Descriptions.Item label={t.reply}><span style={{ whiteSpace: 'pre-wrap' }} data-testid="suggestion-reply-shown">{s.reply}</span></Descriptions.Item>
                <Descriptions.Item label={t.decidedBy}>{s.decidedByName ?? ''}</Descriptions.Item>
                <Descriptions.Item label={t.decidedAt}>{s.decidedAt ? formatDateTime(s.decidedAt) : ''}</Descriptions.Item>
              </Descriptions>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 4 }}>{t.decidedNote}</Typography.Paragraph>
              {error && <Alert type="warning" showIcon title={error} data-testid="suggestion-decide-error" />}
            </>
          ) : (
            <>
              <Divider titlePlacement="start">{t.decide}</Divider>
              {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="suggestion-decide-error" />}
              <Form form={form} layout="vertical" name="suggestion_decision" requiredMark onFinish={(v) => void submit(v)} data-testid="suggestion-decide-form">
                <Form.Item name="decision" label={t.decision} rules={[{ required: true, message: t.choose }]}>
                  <Radio.Group optionType="button" data-testid="suggestion-decision-choice"
                    options={[
                      { value: 'adopt', label: <span data-testid="suggestion-adopt">{t.adopt}</span> },
                      { value: 'partly', label: <span data-testid="suggestion-partly">{t.partly}</span> },
                      { value: 'not_adopt', label: <span data-testid="suggestion-not-adopt">{t.notAdopt}</span> },
                    ]} />
                </Form.Item>
                <Form.Item name="reply" label={t.replyLabel} extra={t.replyHint}
                  rules={[{ required: true, whitespace: true, message: t.replyRequired }, { max: LIMITS.reasonMax }]}>
                  <Input.TextArea rows={4} maxLength={LIMITS.reasonMax} showCount data-testid="suggestion-reply" />
                </Form.Item>
                <Alert type="info" showIcon title={t.once} style={{ marginBottom: 12 }} />
                <Button type="primary" htmlType="submit" loading={saving} data-testid="suggestion-decide-submit">{t.submit}</Button>
              </Form>
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
