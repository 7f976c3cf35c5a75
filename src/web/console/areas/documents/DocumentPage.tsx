// One printable document of a case, composed by the server (GET /cases/:id/documents/:type) and laid
// out as an official letter on an A4 sheet: red issuing body, number, rule, title, addressee, body,
// signature with the seal's place. Print sends the sheet alone; PDF downloads the server's A4 PDF.
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { App, Button, Result, Select, Space, Spin } from 'antd';
import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { api, apiDownload, ApiError } from '../../../common/api.ts';
import { DOCUMENT_TITLES, DOCUMENT_TYPES, type DocumentType } from '../../../../shared/documents.ts';
import type { DocumentViewType } from '../../../../server/presenters/document-presenter.ts';
import { useLang, useText } from '../../i18n.tsx';
import './documents.css';

const dict = {
  zh: {
    back: '返回事项', print: '打印', pdf: '下载 PDF', loading: '正在生成文书…', unknownType: '没有这种文书', choose: '文书类型',
    pdfFailed: 'PDF 下载失败', seal: '（盖章）', caseNo: '事项编号', notReady: '暂不能出具此文书',
  },
  en: {
    back: 'Back to the case', print: 'Print', pdf: 'Download PDF', loading: 'Composing the document…', unknownType: 'No such document', choose: 'Document',
    pdfFailed: 'The PDF download failed', seal: '（盖章）', caseNo: 'Case no.', notReady: 'This document cannot be issued yet',
  },
};

const isDocumentType = (s: string | undefined): s is DocumentType => !!s && (DOCUMENT_TYPES as readonly string[]).includes(s);

export default function DocumentPage() {
  const { caseId, type } = useParams();
  const [search] = useSearchParams();
  const noticeId = search.get('noticeId');
  const navigate = useNavigate();
  const { lang } = useLang();
  const t = useText(dict);
  const { message } = App.useApp();
  const [doc, setDoc] = useState<DocumentViewType | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [downloading, setDownloading] = useState(false);
  const query = noticeId ? `?noticeId=${encodeURIComponent(noticeId)}` : '';
  const valid = isDocumentType(type) && /^\d+$/.test(caseId ?? '');

  useEffect(() => {
    if (!valid) return;
    let live = true;
    setDoc(null);
    setError(null);
    api<DocumentViewType>('GET', `/cases/${caseId}/documents/${type}${query}`)
      .then((d) => { if (live) setDoc(d); })
      .catch((e: unknown) => { if (live) setError(e instanceof ApiError ? e : new ApiError('INTERNAL', 500, String(e))); });
    return () => { live = false; };
  }, [caseId, type, query, valid]);

  async function downloadPdf() {
    setDownloading(true);
    try {
      await apiDownload('GET', `/cases/${caseId}/documents/${type}/pdf${query}`, `${DOCUMENT_TITLES[type as DocumentType][0]}-${doc?.caseNo ?? caseId}.pdf`);
    } catch (e) {
      void message.error(`${t.pdfFailed}: ${(e as Error).message}`);
    } finally {
      setDownloading(false);
    }
  }

  if (!valid) return <Result status="404" title={t.unknownType} extra={<Link to="/">{t.back}</Link>} />;

  return (
    <div className="xf-doc-page" data-testid="document-page">
      <div className="xf-doc-toolbar">
        <Link to={`/cases/${caseId}`} data-testid="doc-back"><ArrowLeftOutlined /> {t.back}</Link>
        <span style={{ flex: '1 1 auto' }} />
        <Select aria-label={t.choose} value={type} style={{ width: 220 }} data-testid="doc-type"
          onChange={(v) => navigate(`/documents/${caseId}/${v}`)}
          options={DOCUMENT_TYPES.map((d) => ({ value: d, label: DOCUMENT_TITLES[d][lang === 'zh' ? 0 : 1] }))} />
        <Space>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!doc} data-testid="doc-print">{t.print}</Button>
          <Button type="primary" icon={<FilePdfOutlined />} onClick={() => void downloadPdf()} loading={downloading} disabled={!doc} data-testid="doc-pdf">{t.pdf}</Button>
        </Space>
      </div>
      {error && (
        <Result status={error.status === 403 ? '403' : error.status === 404 ? '404' : 'warning'} title={error.code === 'DOCUMENT_NOT_AVAILABLE' ? t.notReady : error.message}
          subTitle={error.code === 'DOCUMENT_NOT_AVAILABLE' ? error.message : undefined} data-testid="doc-error"
          extra={<Link to={`/cases/${caseId}`}>{t.back}</Link>} />
      )}
      {!doc && !error && <div style={{ textAlign: 'center', padding: 48 }}><Spin description={t.loading}><div style={{ height: 40 }} /></Spin></div>}
      {doc && <DocumentSheet doc={doc} seal={t.seal} />}
    </div>
  );
}

/** The sheet itself: always in Chinese, as the document is issued. */
function DocumentSheet({ doc, seal }: { doc: DocumentViewType; seal: string }) {
  return (
    <article className="xf-doc-sheet" lang="zh-CN" data-testid="doc-sheet" aria-label={doc.title}>
      <div className="xf-doc-issuer" data-testid="doc-issuer">{doc.issuer}</div>
      <div className="xf-doc-number" data-testid="doc-number">{doc.number}</div>
      <hr className="xf-doc-rule" />
      <h1 className="xf-doc-title" data-testid="doc-title">{doc.title}</h1>
      <p className="xf-doc-addressee" data-testid="doc-addressee">{doc.addressee}</p>
      {doc.fields.length > 0 && (
        <table className="xf-doc-fields">
          <tbody>{doc.fields.map((f) => <tr key={f.label}><th scope="row">{f.label}</th><td>{f.value}</td></tr>)}</tbody>
        </table>
      )}
      {doc.paragraphs.map((p, i) => <p className="xf-doc-para" key={i} data-testid="doc-para">{p}</p>)}
      {doc.closing && <p className="xf-doc-para">{doc.closing}</p>}
      <div className="xf-doc-signature" data-testid="doc-signature">
        <div>{doc.issuer}</div>
        <div>{doc.dateText}</div>
        <div className="xf-doc-seal" aria-hidden="true">{seal}</div>
      </div>
      <div className="xf-doc-foot">事项编号：{doc.caseNo}</div>
    </article>
  );
}
