// Submit a petition online: kind, category, area, title, content, files, identity, optional agent.
// Every change is kept as a draft; one idempotency key per draft makes a double tap or a retry
// create one case.
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Input } from 'antd';
import { LIMITS, KINDS } from '../../../shared/enums.ts';
import { isValidIdCardNumber, isValidMobile } from '../../../shared/validators.ts';
import { useLang, useTx } from '../i18n.tsx';
import { portalApi, type Area, type Category } from '../portal-api.ts';
import { clearDraft, hasContent, loadDraft, saveDraft, type Draft } from '../draft.ts';
import { properChannelHint } from '../proper-channel.ts';
import { ErrorBox } from '../ErrorBox.tsx';
import { FilePicker } from '../FilePicker.tsx';
import { saveReceipt } from './ReceiptPage.tsx';

const KIND_TEXT: Record<string, [string, string, string, string]> = {
  suggestion: ['建议意见', '对政府工作、公共事务提出建议或意见', 'Suggestion', 'Ideas or opinions on government work and public affairs'],
  accusation: ['检举控告', '检举、控告公职人员或单位的违法违纪行为', 'Accusation', 'Report wrongdoing by officials or public bodies'],
  claim: ['申诉求决', '反映自身权益问题，请求解决', 'Claim', 'Ask for a problem affecting you to be solved'],
};
const MAX_FILES = 5;

export default function SubmitPage() {
  const tx = useTx();
  const { lang } = useLang();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(loadDraft);
  const [restored] = useState(() => hasContent(loadDraft()));
  const [idNumber, setIdNumber] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [areas, setAreas] = useState<Area[]>([]);
  const [touched, setTouched] = useState(false);
  const [sending, setSending] = useState(false);
  const sendingRef = useRef(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    portalApi.categories().then((c) => setCategories(c.filter((x) => x.isActive))).catch(setError);
    portalApi.areas().then(setAreas).catch(setError);
  }, []);
  useEffect(() => saveDraft(draft), [draft]);

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const onText = (k: keyof Draft) => (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(k, e.target.value as never);

  const categoryOptions = useMemo(() => {
    const byId = new Map(categories.map((c) => [c.id, c]));
    return categories.map((c) => {
      const parent = c.parentId ? byId.get(c.parentId) : undefined;
      const name = (x: Category) => (lang === 'zh' ? x.nameZh : x.nameEn);
      return { id: c.id, code: c.code, label: parent ? `${name(parent)} › ${name(c)}` : name(c) };
    }).sort((a, b) => a.code.localeCompare(b.code));
  }, [categories, lang]);
  const categoryCode = categoryOptions.find((c) => c.id === draft.categoryId)?.code ?? null;
  const hint = properChannelHint(`${draft.title} ${draft.content}`, categoryCode);

  const problems: Partial<Record<string, string>> = {};
  if (!draft.kind) problems.kind = tx('请选择类型', 'Choose a kind');
  if (!draft.categoryId) problems.category = tx('请选择内容分类', 'Choose a category');
  if (!draft.areaCode) problems.area = tx('请选择事项所在地', 'Choose where the matter is');
  if (!draft.title.trim()) problems.title = tx('请填写标题', 'Enter a title');
  if (!draft.content.trim()) problems.content = tx('请写明事项内容', 'Describe the matter');
  if (!draft.name.trim()) problems.name = tx('请填写姓名', 'Enter your name');
  if (!isValidIdCardNumber(idNumber)) problems.idNumber = tx('身份证号码无效（18 位，末位可为 X）', 'Not a valid identity card number (18 characters)');
  if (!isValidMobile(draft.mobile)) problems.mobile = tx('手机号码无效（11 位）', 'Not a valid mobile number (11 digits)');
  if (draft.kind === 'accusation' && !draft.accusedName.trim()) problems.accused = tx('请写明被检举控告的单位或个人', 'Name the body or person accused');
  const show = (k: string) => touched && problems[k] ? <div className="xf-invalid">{problems[k]}</div> : null;

  async function send() {
    setTouched(true);
    if (Object.keys(problems).length || sendingRef.current) return;
    sendingRef.current = true;
    setSending(true);
    setError(null);
    try {
      const receipt = await portalApi.submit({
        kind: draft.kind, categoryId: draft.categoryId!, areaCode: draft.areaCode, matterAddress: draft.matterAddress.trim() || null,
        title: draft.title.trim(), content: draft.content, petitioner: { name: draft.name.trim(), idNumber: idNumber.trim(), mobile: draft.mobile },
        agentName: draft.agentName.trim() || null, accusedName: draft.kind === 'accusation' ? draft.accusedName.trim() : null,
      }, draft.key);
      const failed: string[] = [];
      for (const f of files) {
        try { await portalApi.upload(f); } catch { failed.push(f.name); }
      }
      saveReceipt({ ...receipt, failedFiles: failed });
      clearDraft();
      navigate('/receipt');
    } catch (e) {
      setError(e);
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  }

  return (
    <div>
      <h1>{tx('网上信访', 'Submit a petition')}</h1>
      {restored && <Alert type="success" showIcon data-testid="portal-draft-restored" style={{ marginBottom: 12 }}
        title={tx('已恢复您上次未提交的草稿（身份证号需重新填写）', 'Your unsent draft was restored (enter your ID number again)')} />}

      <div className="xf-field">
        <label>{tx('1. 您要反映哪类事项？', '1. What kind of matter is it?')}</label>
        <div className="xf-kinds">
          {KINDS.map((k) => {
            const [zh, zhLine, en, enLine] = KIND_TEXT[k]!;
            return (
              <button key={k} type="button" data-testid={`portal-kind-${k}`} className={`xf-kind${draft.kind === k ? ' selected' : ''}`} aria-pressed={draft.kind === k} onClick={() => set('kind', k)}>
                <strong>{tx(zh, en)}</strong><span>{tx(zhLine, enLine)}</span>
              </button>
            );
          })}
        </div>
        {show('kind')}
      </div>
      {draft.kind === 'accusation' && (
        <Alert type="info" showIcon data-testid="portal-accusation-note" style={{ marginBottom: 12 }}
          title={tx('您的检举控告材料和个人信息不会转给、也不会出示给被检举控告的单位或个人（《信访工作条例》第三十条），打击报复依法追究。',
            'Your material and identity are never passed or shown to the person or body you accuse (Art 30); retaliation is punished by law.')} />
      )}

      <div className="xf-field">
        <label htmlFor="xf-category">{tx('2. 内容分类', '2. Category')}</label>
        <select id="xf-category" data-testid="portal-category" className="xf-select" value={draft.categoryId ?? ''} onChange={(e) => set('categoryId', e.target.value ? Number(e.target.value) : null)}>
          <option value="">{tx('请选择', 'Choose')}</option>
          {categoryOptions.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
        </select>
        {show('category')}
      </div>
      <div className="xf-field">
        <label htmlFor="xf-area">{tx('3. 事项发生在哪里', '3. Where is the matter')}</label>
        <select id="xf-area" data-testid="portal-area" className="xf-select" value={draft.areaCode} onChange={(e) => set('areaCode', e.target.value)}>
          <option value="">{tx('请选择', 'Choose')}</option>
          {areas.map((a) => <option key={`${a.code}-${a.name}`} value={a.code}>{a.name}</option>)}
        </select>
        <Input style={{ marginTop: 8 }} data-testid="portal-address" placeholder={tx('详细地点（可不填）', 'Exact place (optional)')} maxLength={LIMITS.addressMax} value={draft.matterAddress} onChange={onText('matterAddress')} />
        {show('area')}
      </div>
      <div className="xf-field">
        <label htmlFor="xf-title">{tx('4. 标题（一句话说明事项）', '4. Title (the matter in one line)')}</label>
        <Input id="xf-title" data-testid="portal-title" maxLength={LIMITS.titleMax} showCount value={draft.title} onChange={onText('title')} />
        {show('title')}
      </div>
      <div className="xf-field">
        <label htmlFor="xf-content">{tx('5. 具体内容（时间、地点、经过、诉求）', '5. Details (when, where, what happened, what you ask)')}</label>
        <Input.TextArea id="xf-content" data-testid="portal-content" rows={6} maxLength={LIMITS.contentMax} showCount value={draft.content} onChange={onText('content')} />
        {show('content')}
      </div>
      {draft.kind === 'accusation' && (
        <div className="xf-field">
          <label htmlFor="xf-accused">{tx('被检举控告的单位或个人', 'The body or person accused')}</label>
          <Input id="xf-accused" data-testid="portal-accused" maxLength={LIMITS.nameMax * 2} value={draft.accusedName} onChange={onText('accusedName')} />
          {show('accused')}
        </div>
      )}
      {hint && (
        <Alert type="warning" showIcon data-testid="portal-channel-hint" style={{ marginBottom: 12 }}
          title={tx('这类事项可能应通过其他法定途径解决', 'This matter may belong to another legal procedure')}
          description={tx(hint.zh, hint.en) + tx('（《信访工作条例》第三十一条）您仍可提交，信访部门会告知您正确的途径。', ' (Art 31) You may still submit; the bureau will tell you the right channel.')} />
      )}
      <div className="xf-field">
        <label>{tx('6. 材料照片或文件（可不传，最多 5 个，每个不超过 10MB）', '6. Photos or files (optional, up to 5, 10 MB each)')}</label>
        <FilePicker testId="portal-files" files={files} onChange={setFiles} max={MAX_FILES} />
        {restored && <div className="xf-hint">{tx('刷新后需重新选择文件', 'Choose files again after a reload')}</div>}
      </div>

      <h2>{tx('7. 您的身份信息（依法保密）', '7. Who you are (kept confidential)')}</h2>
      <div className="xf-field">
        <label htmlFor="xf-name">{tx('姓名', 'Name')}</label>
        <Input id="xf-name" data-testid="portal-name" maxLength={LIMITS.nameMax} value={draft.name} onChange={onText('name')} autoComplete="name" />
        {show('name')}
      </div>
      <div className="xf-field">
        <label htmlFor="xf-id">{tx('身份证号码', 'Identity card number')}</label>
        <Input id="xf-id" data-testid="portal-id-number" maxLength={18} value={idNumber} onChange={(e) => setIdNumber(e.target.value.toUpperCase())} autoComplete="off" inputMode="text" />
        <div className="xf-hint">{tx('为保护隐私，身份证号不会保存在草稿中', 'For your privacy the ID number is not kept in the draft')}</div>
        {show('idNumber')}
      </div>
      <div className="xf-field">
        <label htmlFor="xf-mobile">{tx('手机号码（用于查询和接收告知）', 'Mobile (for look-ups and notices)')}</label>
        <Input id="xf-mobile" data-testid="portal-mobile" maxLength={11} inputMode="numeric" value={draft.mobile} onChange={(e) => set('mobile', e.target.value.replace(/\D/g, ''))} autoComplete="tel" />
        {show('mobile')}
      </div>
      <div className="xf-field">
        <label htmlFor="xf-agent">{tx('信访代理人（由他人代为反映时填写，可不填）', 'Agent (if someone submits for you; optional)')}</label>
        <Input id="xf-agent" data-testid="portal-agent" maxLength={LIMITS.nameMax} value={draft.agentName} onChange={onText('agentName')} />
      </div>

      <ErrorBox error={error} />
      {touched && Object.keys(problems).length > 0 && (
        <Alert type="warning" showIcon data-testid="portal-form-invalid" style={{ marginBottom: 12 }} title={tx('请先补全上面标红的内容', 'Please complete the fields marked in red')} />
      )}
      <Button type="primary" size="large" block data-testid="portal-submit" loading={sending} disabled={sending} onClick={send}>
        {sending ? tx('正在提交…', 'Sending…') : tx('提交', 'Submit')}
      </Button>
      <div className="xf-hint" style={{ marginTop: 8, color: '#666', fontSize: 13 }}>
        {tx('网络不好时可放心重试，同一份材料只会登记一次。', 'On a bad connection you can safely retry: the same petition is registered once.')}
      </div>
    </div>
  );
}
