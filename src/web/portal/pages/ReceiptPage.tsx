// The receipt: case number, 查询码 and the date by which the petitioner hears whether the matter
// goes ahead. Kept in sessionStorage (not the URL) so a reload still shows it.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button } from 'antd';
import { useTx } from '../i18n.tsx';
import type { Receipt } from '../portal-api.ts';

const KEY = 'xf.portal.receipt';
type StoredReceipt = Receipt & { failedFiles: string[] };

export function saveReceipt(r: StoredReceipt): void {
  try { sessionStorage.setItem(KEY, JSON.stringify(r)); } catch { /* shown once only */ }
}

function loadReceipt(): StoredReceipt | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as StoredReceipt) : null;
  } catch {
    return null;
  }
}

export default function ReceiptPage() {
  const tx = useTx();
  const [r] = useState(loadReceipt);
  if (!r) return <div><p>{tx('没有可显示的回执。', 'No receipt to show.')}</p><Link to="/">{tx('返回首页', 'Home')}</Link></div>;
  return (
    <div data-testid="portal-receipt">
      <Alert type="success" showIcon title={tx('提交成功，已登记', 'Sent and registered')} style={{ marginBottom: 16 }} />
      <p>{tx('信访事项编号', 'Case number')}</p>
      <div className="xf-big" data-testid="portal-receipt-case-no">{r.caseNo}</div>
      <p style={{ marginTop: 16 }}>{tx('查询码（请截图或抄下，查询和评价时使用）', 'Query code (take a screenshot or write it down; you need it to follow and rate)')}</p>
      <div className="xf-big" data-testid="portal-receipt-query-code" style={{ color: '#b7282e' }}>{r.queryCode}</div>
      {r.declineReason ? (
        <Alert type="warning" showIcon style={{ marginTop: 16 }} title={r.declineReason} />
      ) : r.acceptDueBy && (
        <p style={{ marginTop: 16 }} data-testid="portal-receipt-due">
          {tx(`信访部门将在 ${r.acceptDueBy} 前把您的事项转交有权处理的机关，或书面告知不予受理；有权处理的机关收到后 15 日内告知您是否受理（《信访工作条例》第二十二、二十三条）。`,
            `By ${r.acceptDueBy} the petition bureau passes your matter to the body competent for it, or tells you in writing that it is not accepted; that body then tells you within 15 days whether it accepts it (Art 22, 23).`)}
        </p>
      )}
      {r.failedFiles.length > 0 && (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} title={tx(`以下文件未能上传：${r.failedFiles.join('、')}。可在“查询进度”中补传。`, `These files could not be uploaded: ${r.failedFiles.join(', ')}. You can add them under "Follow".`)} />
      )}
      <Link to="/follow"><Button type="primary" block size="large" style={{ marginTop: 16 }}>{tx('查询进度', 'Follow this matter')}</Button></Link>
    </div>
  );
}
