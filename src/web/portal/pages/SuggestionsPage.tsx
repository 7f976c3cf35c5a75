// 人民建议征集: send a suggestion on a topic; later check whether it was adopted.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Input } from 'antd';
import { LIMITS } from '../../../shared/enums.ts';
import { isValidMobile } from '../../../shared/validators.ts';
import { newIdempotencyKey } from '../../common/api.ts';
import { useLang, useTx } from '../i18n.tsx';
import { portalApi, type Area, type SuggestionStatus, type Topic } from '../portal-api.ts';
import { ErrorBox } from '../ErrorBox.tsx';

const STATUS: Record<string, [string, string]> = {
  received: ['已收到，研究中', 'Received, being studied'],
  adopted: ['已采纳', 'Adopted'],
  partly_adopted: ['部分采纳', 'Partly adopted'],
  not_adopted: ['未采纳', 'Not adopted'],
};

export default function SuggestionsPage() {
  const tx = useTx();
  const { lang } = useLang();
  const [topics, setTopics] = useState<Topic[]>([]);
  const [areas, setAreas] = useState<Area[]>([]);
  const [form, setForm] = useState({ topic: '', areaCode: '', title: '', content: '', name: '', mobile: '' });
  const key = useRef(newIdempotencyKey());
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [ref, setRef] = useState('');
  const [digits, setDigits] = useState('');
  const [status, setStatus] = useState<SuggestionStatus | null>(null);
  const [lookError, setLookError] = useState<unknown>(null);

  useEffect(() => {
    portalApi.topics().then(setTopics).catch(setError);
    portalApi.areas().then(setAreas).catch(setError);
  }, []);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const valid = form.topic && form.areaCode && form.title.trim() && form.content.trim() && form.name.trim() && isValidMobile(form.mobile);

  async function send() {
    if (!valid || busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await portalApi.suggest({ ...form, title: form.title.trim(), name: form.name.trim() }, key.current);
      setSent(r.refCode);
      key.current = newIdempotencyKey();
      setForm({ topic: '', areaCode: '', title: '', content: '', name: '', mobile: '' });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function check() {
    setLookError(null);
    try {
      setStatus(await portalApi.suggestionStatus(ref.trim(), digits));
    } catch (e) {
      setLookError(e);
    }
  }

  return (
    <div>
      <h1>{tx('人民建议征集', 'Citizen suggestions')}</h1>
      {sent && <Alert type="success" showIcon data-testid="portal-suggestion-sent" style={{ marginBottom: 12 }} title={tx(`已收到您的建议，建议编号 ${sent}（请记下，用于查询是否采纳）`, `Received. Your suggestion number is ${sent} (keep it to check the decision)`)} />}
      <div className="xf-field">
        <label htmlFor="xf-topic">{tx('征集主题', 'Topic')}</label>
        <select id="xf-topic" data-testid="portal-suggestion-topic" className="xf-select" value={form.topic} onChange={set('topic')}>
          <option value="">{tx('请选择', 'Choose')}</option>
          {topics.map((t) => <option key={t.key} value={t.key}>{lang === 'zh' ? t.zh : t.en}</option>)}
        </select>
      </div>
      <div className="xf-field">
        <label htmlFor="xf-s-area">{tx('建议涉及的地区', 'The area it concerns')}</label>
        <select id="xf-s-area" data-testid="portal-suggestion-area" className="xf-select" aria-describedby="xf-s-area-hint" value={form.areaCode} onChange={set('areaCode')}>
          <option value="">{tx('请选择', 'Choose')}</option>
          {areas.map((a) => <option key={`${a.code}-${a.name}`} value={a.code}>{a.name}</option>)}
        </select>
        <div className="xf-hint" id="xf-s-area-hint">{tx('建议交由该地的信访部门研究办理', 'The petition bureau of that area studies it')}</div>
      </div>
      <div className="xf-field">
        <label htmlFor="xf-s-title">{tx('建议标题', 'Title')}</label>
        <Input id="xf-s-title" data-testid="portal-suggestion-title" maxLength={LIMITS.titleMax} showCount value={form.title} onChange={set('title')} />
      </div>
      <div className="xf-field">
        <label htmlFor="xf-s-content">{tx('建议内容', 'Your suggestion')}</label>
        <Input.TextArea id="xf-s-content" data-testid="portal-suggestion-content" rows={5} maxLength={LIMITS.contentMax} showCount value={form.content} onChange={set('content')} />
      </div>
      <div className="xf-field">
        <label htmlFor="xf-s-name">{tx('姓名', 'Name')}</label>
        <Input id="xf-s-name" data-testid="portal-suggestion-name" maxLength={LIMITS.nameMax} value={form.name} onChange={set('name')} />
      </div>
      <div className="xf-field">
        <label htmlFor="xf-s-mobile">{tx('手机号码', 'Mobile')}</label>
        <Input id="xf-s-mobile" data-testid="portal-suggestion-mobile" maxLength={11} inputMode="numeric" value={form.mobile} onChange={(e) => setForm((f) => ({ ...f, mobile: e.target.value.replace(/\D/g, '') }))} />
      </div>
      <ErrorBox error={error} />
      <Button type="primary" block size="large" data-testid="portal-suggestion-submit" disabled={!valid || busy} loading={busy} onClick={send}>{tx('提交建议', 'Send suggestion')}</Button>

      <h2>{tx('查询建议是否采纳', 'Was my suggestion adopted?')}</h2>
      <div className="xf-field">
        <Input data-testid="portal-suggestion-ref" placeholder={tx('建议编号', 'Suggestion number')} maxLength={20} value={ref} onChange={(e) => setRef(e.target.value.toUpperCase())} />
      </div>
      <div className="xf-field">
        <Input data-testid="portal-suggestion-digits" placeholder={tx('手机号后四位', 'Last 4 digits of the mobile')} maxLength={4} inputMode="numeric" value={digits} onChange={(e) => setDigits(e.target.value.replace(/\D/g, ''))} />
      </div>
      <ErrorBox error={lookError} />
      <Button block data-testid="portal-suggestion-check" disabled={!ref || digits.length !== 4} onClick={check}>{tx('查询', 'Check')}</Button>
      {status && (
        <Alert style={{ marginTop: 12 }} type={status.status === 'adopted' || status.status === 'partly_adopted' ? 'success' : 'info'} showIcon data-testid="portal-suggestion-status"
          title={`${status.title}：${lang === 'zh' ? STATUS[status.status]?.[0] : STATUS[status.status]?.[1]}`} description={status.reply ?? undefined} />
      )}
    </div>
  );
}
