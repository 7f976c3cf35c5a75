// 批示: the instructions a leader gave on cases (a supervisor sees those in their scope).
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Empty, List, Space, Tag, Typography } from 'antd';
import { api, ApiError } from '../../../common/api.ts';
import { useLang, useText } from '../../i18n.tsx';
import { L, formatDateTime } from '../../labels.ts';
import type { Instruction } from './types.ts';

const dict = {
  zh: { none: '暂无批示', hint: '在事项页点击“批示”即可作出批示。' },
  en: { none: 'No instructions yet', hint: 'Give an instruction from a case page ("Instruct").' },
};

export function Instructions() {
  const t = useText(dict);
  const { lang } = useLang();
  const [rows, setRows] = useState<Instruction[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<Instruction[]>('GET', '/instructions').then(setRows).catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, []);
  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <div data-testid="leader-instructions">
      <Typography.Paragraph type="secondary">{t.hint}</Typography.Paragraph>
      <List<Instruction> loading={!rows} dataSource={rows ?? []} locale={{ emptyText: <Empty description={t.none} /> }} pagination={{ pageSize: 10, hideOnSinglePage: true }}
        renderItem={(i) => (
          <List.Item data-testid={`instruction-${i.id}`}>
            <List.Item.Meta
              title={<Space wrap><Link to={`/cases/${i.caseId}`}>{i.caseNo}</Link><span>{i.caseTitle}</span><Tag>{L.state(i.caseState, lang)}</Tag></Space>}
              description={<Space wrap size={12}><span>{i.leaderName}</span><span>{formatDateTime(i.at)}</span></Space>} />
            <Typography.Paragraph style={{ margin: 0, maxWidth: 520 }} className="xf-prewrap">{i.text}</Typography.Paragraph>
          </List.Item>
        )} />
    </div>
  );
}
