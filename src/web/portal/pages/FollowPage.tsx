// Follow a matter with the 查询码 and the last four of the mobile or 身份证 number: its stage, the dated
// milestones, the next date; download the notices and opinions issued to them; rate the answer; ask for
// review or re-review within the window.
import { useEffect, useState } from 'react';
import { Alert, Button, Input } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { DOCUMENT_TITLES, type PetitionerDocumentType } from '../../../shared/documents.ts';
import { RATINGS, LIMITS } from '../../../shared/enums.ts';
import { errorMessage } from '../../../shared/errors.ts';
import { isValidLast4, normalizeLast4 } from '../../../shared/validators.ts';
import { useLang, useTx } from '../i18n.tsx';
import { portalApi, type Milestone, type PortalCase } from '../portal-api.ts';
import { clockLabel, kindLabel, milestoneLabel, outcomeLabel, procedureLabel, ratingLabel, stageLabel } from '../labels.ts';
import { ErrorBox } from '../ErrorBox.tsx';
import { FilePicker } from '../FilePicker.tsx';

export default function FollowPage() {
  const tx = useTx();
  const [code, setCode] = useState('');
  const [digits, setDigits] = useState('');
  const [view, setView] = useState<PortalCase | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // a look-up made in the last minutes is still open (HTTP-only cookie)
  useEffect(() => { portalApi.session().then((s) => setView(s.view)).catch(() => {}); }, []);

  async function lookUp() {
    setError(null);
    if (!/^[A-Za-z0-9]{4,20}$/.test(code.trim()) || !isValidLast4(digits)) {
      setError(new Error(tx('请输入查询码和手机号或身份证号后四位', 'Enter the query code and the last 4 of your mobile or ID number')));
      return;
    }
    setBusy(true);
    try {
      setView(await portalApi.lookUp(code.trim(), normalizeLast4(digits)));
      setDigits('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function end() {
    await portalApi.logout().catch(() => {});
    setView(null);
    setCode('');
  }

  if (view) return <CaseView view={view} onChange={setView} onEnd={end} />;
  return (
    <div>
      <h1>{tx('查询办理进度', 'Follow a matter')}</h1>
      <div className="xf-field">
        <label htmlFor="xf-code">{tx('查询码', 'Query code')}</label>
        <Input id="xf-code" data-testid="portal-follow-code" maxLength={20} value={code} autoComplete="off" onChange={(e) => setCode(e.target.value.toUpperCase())} />
        <div className="xf-hint">{tx('提交后回执上的 8 位查询码；来信、来访、来电的查询码由短信或纸质回执告知', 'The 8-character code on your receipt (by SMS or on paper for letters, visits and calls)')}</div>
      </div>
      <div className="xf-field">
        <label htmlFor="xf-digits">{tx('手机号或身份证号后四位', 'Last 4 of your mobile or ID number')}</label>
        <Input id="xf-digits" data-testid="portal-follow-digits" aria-describedby="xf-digits-hint" maxLength={4} value={digits} autoComplete="off"
          onChange={(e) => setDigits(e.target.value.toUpperCase().replace(/[^\dX]/g, ''))} />
        <div className="xf-hint" id="xf-digits-hint">{tx('登记时留的手机号或身份证号，任填其一的后四位；身份证号末位为 X 的请输入 X', 'The last 4 of the mobile or the ID number you gave, either one; an ID number ending in X: type the X')}</div>
      </div>
      <ErrorBox error={error} />
      <Button type="primary" size="large" block data-testid="portal-follow-submit" loading={busy} onClick={lookUp}>{tx('查询', 'Look up')}</Button>
    </div>
  );
}

function MilestoneItem({ m }: { m: Milestone }) {
  const { lang } = useLang();
  const tx = useTx();
  return (
    <li data-testid={`portal-milestone-${m.type}`}>
      <div className="xf-date">{m.on}{m.orgName ? ` · ${m.orgName}` : ''}</div>
      <div><strong>{milestoneLabel(lang, m.type)}</strong>{m.targetOrgName ? `：${m.targetOrgName}` : ''}</div>
      {m.coOrgNames?.length ? <div data-testid="portal-co-handlers">{tx('协办单位', 'Taking part')}：{m.coOrgNames.join(lang === 'zh' ? '、' : ', ')}</div> : null}
      {m.appointment && (
        <div data-testid="portal-appointment">
          {m.appointment.changed ? tx('时间地点已变更：', 'Moved to: ') : ''}{m.appointment.day} {m.appointment.startsAt} · {m.appointment.place}
        </div>
      )}
      {m.procedure && <div>{tx('途径', 'Procedure')}：{procedureLabel(lang, m.procedure)}</div>}
      {m.days ? <div>{tx(`延长 ${m.days} 日`, `Extended by ${m.days} days`)}</div> : null}
      {m.reason && <div>{tx('理由', 'Reason')}：{m.reason}</div>}
      {m.properChannel && <div>{tx('可通过以下途径解决', 'Where to turn')}：{m.properChannel}</div>}
      {m.outcome && <div>{tx('处理结果', 'Outcome')}：{outcomeLabel(lang, m.outcome)}</div>}
      {m.text && <div className="xf-text" data-testid="portal-answer-text">{m.text}</div>}
      {m.bureauRating && <div>{tx('信访部门', 'Petition bureau')}：{ratingLabel(lang, m.bureauRating)}；{tx('办理单位', 'Handling body')}：{ratingLabel(lang, m.bodyRating ?? '')}</div>}
    </li>
  );
}

function CaseView({ view, onChange, onEnd }: { view: PortalCase; onChange: (v: PortalCase) => void; onEnd: () => void }) {
  const { lang } = useLang();
  const tx = useTx();
  const [error, setError] = useState<unknown>(null);
  const [bureau, setBureau] = useState('');
  const [body, setBody] = useState('');
  const [ratedDissatisfied, setRatedDissatisfied] = useState(false);
  const [reason, setReason] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const run = async (f: () => Promise<PortalCase | void>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      const v = await f();
      if (v) onChange(v);
      setDone(message);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const rate = () => run(async () => {
    const v = await portalApi.rate(bureau, body);
    setRatedDissatisfied(bureau === 'dissatisfied' || body === 'dissatisfied');
    return v;
  }, tx('感谢您的评价', 'Thank you for rating'));
  const review = () => run(async () => {
    for (const f of files) await portalApi.upload(f);
    return portalApi.requestReview(reason.trim());
  }, view.review.action === 'request_re_review' ? tx('复核申请已提交', 'Re-review request sent') : tx('复查申请已提交', 'Review request sent'));
  const addFiles = (list: File[]) => run(async () => {
    for (const f of list) await portalApi.upload(f);
    return portalApi.current();
  }, tx('材料已补充', 'Files added'));

  const [downloading, setDownloading] = useState<PetitionerDocumentType | null>(null);
  const download = async (type: PetitionerDocumentType) => {
    setDownloading(type);
    setError(null);
    try {
      await portalApi.downloadOfficial(type, view.caseNo);
    } catch (e) {
      setError(e);
    } finally {
      setDownloading(null);
    }
  };

  const isReReview = view.review.action === 'request_re_review';
  const reviewWord = isReReview ? tx('复核', 're-review') : tx('复查', 'review');
  return (
    <div data-testid="portal-case">
      <h1>{view.title}</h1>
      <div style={{ color: '#666', fontSize: 14 }}>{view.caseNo} · {kindLabel(lang, view.kind)} · {tx('收到于', 'received')} {view.receivedOn}</div>
      <Alert style={{ margin: '12px 0' }} type="info" showIcon data-testid="portal-stage" title={stageLabel(lang, view.stage)}
        description={view.handlingOrgName ? `${tx('办理单位', 'Handling body')}：${view.handlingOrgName}` : undefined} />
      {view.nextDue && (
        <p data-testid="portal-next-due"><strong>{view.nextDue.date}</strong> — {clockLabel(lang, view.nextDue.clock)}</p>
      )}
      {done && <Alert type="success" showIcon title={done} style={{ marginBottom: 12 }} data-testid="portal-done" />}
      <ErrorBox error={error} />

      {view.evaluation.isOpen && (
        <section data-testid="portal-rate">
          <h2>{tx('请评价', 'Rate the answer')}{view.evaluation.lastDay ? tx(`（${view.evaluation.lastDay} 前）`, ` (by ${view.evaluation.lastDay})`) : ''}</h2>
          <div>{tx('对信访部门（登记、转办、督办）', 'The petition bureau (registration, passing on, follow-up)')}</div>
          <div className="xf-rate-row">
            {RATINGS.map((r) => <Button key={r} data-testid={`portal-rate-bureau-${r}`} type={bureau === r ? 'primary' : 'default'} onClick={() => setBureau(r)}>{ratingLabel(lang, r)}</Button>)}
          </div>
          <div>{tx('对办理单位', 'The body that handled it')}{view.handlingOrgName ? `（${view.handlingOrgName}）` : ''}</div>
          <div className="xf-rate-row">
            {RATINGS.map((r) => <Button key={r} data-testid={`portal-rate-handler-${r}`} type={body === r ? 'primary' : 'default'} onClick={() => setBody(r)}>{ratingLabel(lang, r)}</Button>)}
          </div>
          <Button type="primary" block data-testid="portal-rate-submit" disabled={!bureau || !body || busy} onClick={rate}>{tx('提交评价', 'Send rating')}</Button>
        </section>
      )}
      {view.evaluation.isDone && !ratedDissatisfied && <p data-testid="portal-rated">{tx('您已评价本次答复。', 'You have rated this answer.')}</p>}

      {view.review.action && view.review.isOpen && (
        <section data-testid="portal-review">
          <h2>{isReReview ? tx('申请复核', 'Ask for re-review') : tx('申请复查', 'Ask for review')}</h2>
          {ratedDissatisfied && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={tx(`您对答复不满意，可以申请${reviewWord}。`, `You are not satisfied; you can ask for ${reviewWord}.`)} />}
          <p data-testid="portal-review-last-day">{tx(`不服${isReReview ? '复查意见' : '处理意见'}的，可在 ${view.review.lastDay} 前（含当日）向上一级机关申请${reviewWord}。`,
            `If you disagree, you can ask the body one level up for ${reviewWord} until ${view.review.lastDay} (inclusive).`)}</p>
          <Input.TextArea data-testid="portal-review-reason" rows={4} maxLength={LIMITS.textMax} showCount placeholder={tx('请写明不服的理由', 'Say why you disagree')} value={reason} onChange={(e) => setReason(e.target.value)} />
          <div style={{ marginTop: 8 }}><FilePicker testId="portal-review-files" files={files} onChange={setFiles} /></div>
          <Button style={{ marginTop: 8 }} type="primary" block data-testid="portal-review-request" disabled={!reason.trim() || busy} onClick={review}>
            {tx(`提交${reviewWord}申请`, `Ask for ${reviewWord}`)}
          </Button>
        </section>
      )}
      {view.review.closedCode && (
        <Alert style={{ margin: '12px 0' }} type="warning" showIcon data-testid="portal-review-closed"
          title={view.review.lastDay ? tx(`申请${reviewWord}的最后一天是 ${view.review.lastDay}，现已不能申请。`, `The last day to ask for ${reviewWord} was ${view.review.lastDay}; it can no longer be asked.`) : tx('不能再申请复查或复核', 'No further review can be asked')}
          description={errorMessage(view.review.closedCode, lang)} />
      )}

      <h2>{tx('办理经过', 'What has happened')}</h2>
      <ul className="xf-steps" data-testid="portal-milestones">
        {view.milestones.map((m, i) => <MilestoneItem key={i} m={m} />)}
      </ul>

      {view.officialDocuments.length > 0 && (
        <section data-testid="portal-official-documents">
          <h2>{tx('告知书和意见书', 'Notices and opinions')}</h2>
          <p className="xf-hint">{tx('办理机关出具给您的书面文书，可下载 PDF 保存或打印。', 'The written documents the bodies issued to you, as PDF to keep or print.')}</p>
          <ul className="xf-official">
            {view.officialDocuments.map((d) => (
              <li key={d.type}>
                <Button icon={<FilePdfOutlined />} data-testid={`portal-official-${d.type}`} loading={downloading === d.type} onClick={() => void download(d.type)}>
                  {DOCUMENT_TITLES[d.type][lang === 'zh' ? 0 : 1]}
                </Button>
                <span className="xf-date">{d.on}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {view.documents.length > 0 && (
        <>
          <h2>{tx('文书和材料', 'Documents and files')}</h2>
          <ul>
            {view.documents.map((d) => (
              <li key={d.id}><a href={`/api/v1/portal/case/documents/${d.id}`} data-testid={`portal-document-${d.id}`}>{d.filename}</a>{d.mine ? tx('（您提交的）', ' (yours)') : ''}</li>
            ))}
          </ul>
        </>
      )}
      {['registered', 'awaiting_acceptance', 'handling', 'reviewing', 're_reviewing'].includes(view.stage) && (
        <div className="xf-field">
          <label>{tx('补充材料', 'Add files')}</label>
          <FilePicker testId="portal-more-files" files={[]} onChange={(l) => { if (l.length) void addFiles(l); }} />
        </div>
      )}
      <Button block style={{ marginTop: 16 }} data-testid="portal-follow-end" onClick={onEnd}>{tx('退出查询', 'End look-up')}</Button>
    </div>
  );
}
