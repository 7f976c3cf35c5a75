// Open figures: this year's volume, on-time answer rate and satisfaction rate by month, from
// GET /api/v1/public/figures (computed from the real data by the statistics module).
import { useEffect, useState } from 'react';
import { Spin } from 'antd';
import { useTx } from '../i18n.tsx';
import { portalApi, type Figures } from '../portal-api.ts';
import { ErrorBox } from '../ErrorBox.tsx';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

export default function FiguresPage() {
  const tx = useTx();
  const year = new Date().getFullYear();
  const [data, setData] = useState<Figures | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => { portalApi.figures(year).then(setData).catch(setError); }, [year]);
  if (error) return <div><h1>{tx('信访数据公开', 'Open figures')}</h1><ErrorBox error={error} /></div>;
  if (!data) return <Spin />;
  const max = Math.max(1, ...data.months.map((m) => m.submissions));
  return (
    <div data-testid="portal-figures">
      <h1>{tx(`${data.year} 年信访数据公开`, `Open figures ${data.year}`)}</h1>
      <div data-testid="portal-figures-totals" style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', marginBottom: 12 }}>
        <span>{tx('信访量', 'Submissions')} <strong>{data.totals.submissions}</strong></span>
        <span>{tx('按期答复率', 'Answered on time')} <strong>{pct(data.totals.onTimeRate)}</strong></span>
        <span>{tx('满意率', 'Satisfied')} <strong>{pct(data.totals.satisfactionRate)}</strong></span>
      </div>
      <table className="xf-table">
        <thead><tr><th>{tx('月份', 'Month')}</th><th>{tx('信访量', 'Volume')}</th><th>{tx('按期答复', 'On time')}</th><th>{tx('满意率', 'Satisfied')}</th></tr></thead>
        <tbody>
          {data.months.map((m) => (
            <tr key={m.month} data-testid={`portal-figures-${m.month}`}>
              <td>{m.month.slice(5)}{tx('月', '')}</td>
              <td style={{ width: '40%' }}>
                <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
                  <div className="xf-bar" style={{ width: `${(m.submissions / max) * 70}%` }} />
                  <span>{m.submissions}</span>
                </div>
              </td>
              <td>{pct(m.onTimeRate)}</td>
              <td>{pct(m.satisfactionRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ color: '#666', fontSize: 13, marginTop: 12 }}>
        {tx('按期答复率 = 期限内答复件数 ÷（按期 + 超期 + 逾期未答复）；满意率 =（满意 + 基本满意）÷ 已评价件数。', 'On time = answered within the limit ÷ (on time + late + unanswered past the limit); satisfied = (satisfied + basically satisfied) ÷ rated.')}
      </p>
    </div>
  );
}
