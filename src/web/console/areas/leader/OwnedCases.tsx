// 包案 ("五个一"): the cases a leader owns, with the plan, the closing standard, the deadline and
// how far the case has come.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Empty, Progress, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, ApiError } from '../../../common/api.ts';
import { useLang, useText } from '../../i18n.tsx';
import { useMe } from '../../session.tsx';
import { L } from '../../labels.ts';
import type { Ownership } from './types.ts';

const dict = {
  zh: {
    caseNo: '事项编号', caseTitle: '事项', state: '状态', progress: '进展', nextDue: '办理期限', ownDue: '包案期限', plan: '化解方案',
    standard: '办结标准', leader: '包案领导', done: '已办结', none: '暂无包案事项', left: '剩 {n} 天', over: '超 {n} 天', hint: '在事项页点击“包案”即可认领包案。',
  },
  en: {
    caseNo: 'Case no.', caseTitle: 'Case', state: 'State', progress: 'Progress', nextDue: 'Due', ownDue: 'Owner deadline', plan: 'Plan',
    standard: 'Closing standard', leader: 'Leader', done: 'Concluded', none: 'No owned cases', left: '{n} days left', over: '{n} days over', hint: 'Take ownership from a case page ("Take ownership").',
  },
};

/** How far a case has come: registered, routed, in handling, answered, concluded. */
const STAGE: Record<string, number> = {
  registered: 1, awaiting_acceptance: 2, handling: 3, answered: 4, concluded: 5, reviewing: 5, reviewed: 5, re_reviewing: 5, final: 5, declined: 5, diverted: 5, archived: 5,
};

export function OwnedCases() {
  const t = useText(dict);
  const { lang } = useLang();
  const me = useMe();
  const [rows, setRows] = useState<Ownership[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<Ownership[]>('GET', '/ownerships').then(setRows).catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, []);
  const today = dayjs().format('YYYY-MM-DD');
  const left = (due: string | null) => {
    if (!due) return null;
    const d = dayjs(due).diff(dayjs(today), 'day');
    return <Tag color={d < 0 ? 'red' : d <= 3 ? 'orange' : 'green'}>{due} · {d < 0 ? t.over.replace('{n}', String(-d)) : t.left.replace('{n}', String(d))}</Tag>;
  };
  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <div data-testid="leader-owned">
      <Typography.Paragraph type="secondary">{t.hint}</Typography.Paragraph>
      <Table<Ownership> size="small" rowKey="id" loading={!rows} dataSource={rows ?? []} pagination={{ pageSize: 10, hideOnSinglePage: true }} scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t.none} /> }}
        expandable={{ expandedRowRender: (o) => <Space orientation="vertical" size={4}><span><strong>{t.plan}：</strong>{o.plan}</span><span><strong>{t.standard}：</strong>{o.closingStandard}</span></Space> }}
        columns={[
          { title: t.caseNo, dataIndex: 'caseNo', width: 190, render: (v: string, o) => <Link to={`/cases/${o.caseId}`}>{v}</Link> },
          { title: t.caseTitle, dataIndex: 'caseTitle', ellipsis: true },
          ...(me.role !== 'leader' ? [{ title: t.leader, dataIndex: 'leaderName', width: 110 }] : []),
          { title: t.state, dataIndex: 'caseState', width: 130, render: (v: string) => <Tag>{L.state(v, lang)}</Tag> },
          { title: t.progress, key: 'progress', width: 130, render: (_: unknown, o) => <Progress steps={5} size={[16, 8]} percent={(STAGE[o.caseState] ?? 1) * 20} showInfo={false} aria-label={`${t.progress} ${STAGE[o.caseState] ?? 1}/5`} /> },
          { title: t.nextDue, dataIndex: 'caseNextDue', width: 170, render: (v: string | null) => left(v) ?? '—' },
          { title: t.ownDue, dataIndex: 'dueOn', width: 170, render: (v: string, o) => o.concludedAt ? <Tag color="green">{t.done}</Tag> : left(v) },
        ]} />
    </div>
  );
}
