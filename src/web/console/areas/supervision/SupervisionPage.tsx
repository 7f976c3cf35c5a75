// The supervision board (督办, [T22] Art 40): where cases are overdue or about to be, body by body,
// with a notice issued in one step, and every notice issued with its state.
import { useCallback, useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Badge, Button, Card, Col, Collapse, Empty, Popconfirm, Row, Segmented, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../../common/api.ts';
import { useLang, useText } from '../../i18n.tsx';
import { useMe } from '../../session.tsx';
import { L, formatDateTime } from '../../labels.ts';
import { NOTICE_STATE_LABELS, NOTICE_STATES, noticeState, type NoticeState } from '../../../../shared/notice-state.ts';
import type { BoardBody, BoardCase, SupervisionBoard, SupervisionNotice } from './types.ts';

const dict = {
  zh: {
    title: '督办看板', intro: '超期和 {n} 日内到期的在办事项，按当前责任单位汇总；督办单及其反馈情况。',
    overdue: '已超期', dueSoon: '{n}日内到期', notices: '督办单', byBody: '超期和临期事项（按责任单位）', none: '没有超期或临期的事项',
    caseNo: '事项编号', caseTitle: '事项', state: '状态', nextDue: '期限', daysLeft: '剩余', days: '{n} 天', overdueDays: '超期 {n} 天', today: '今日到期',
    issue: '督办', issued: '已督办', issueHint: '发出督办单，要求责任单位在督办期限内反馈', issuedOk: '督办单已发出：{c}', owned: '包案',
    defaultText: '该事项{w}，请责任单位抓紧办理，并于督办期限内书面反馈办理情况。', wOverdue: '已超过办理时限', wNear: '即将到期',
    noticeList: '督办单', all: '全部', target: '责任单位', issuedAt: '督办时间', dueOn: '反馈期限', issuer: '督办人', chases: '催办',
    answer: '反馈', chase: '催办', chaseText: '请抓紧办理，尽快反馈。', chaseConfirm: '记录一次催办？', chasedOk: '已记录催办',
    countsOnly: '管理员只看汇总数，不看事项内容。', reload: '刷新', noNotices: '暂无督办单', more: '仅列出最紧迫的 {n} 件', allOverdue: '查看全部 {n} 件超期事项',
  },
  en: {
    title: 'Supervision board', intro: 'Open cases overdue or due within {n} days, by the body now responsible; notices issued and their answers.',
    overdue: 'Overdue', dueSoon: 'Due in {n} days', notices: 'Notices', byBody: 'Overdue and nearly due, by body', none: 'No case is overdue or nearly due',
    caseNo: 'Case no.', caseTitle: 'Case', state: 'State', nextDue: 'Due', daysLeft: 'Left', days: '{n} days', overdueDays: '{n} days over', today: 'Due today',
    issue: 'Supervise', issued: 'Notice open', issueHint: 'Issue a notice: the body must report back by its due date', issuedOk: 'Notice issued: {c}', owned: 'Owned',
    defaultText: '该事项{w}，请责任单位抓紧办理，并于督办期限内书面反馈办理情况。', wOverdue: '已超过办理时限', wNear: '即将到期',
    noticeList: 'Supervision notices', all: 'All', target: 'Body', issuedAt: 'Issued', dueOn: 'Answer by', issuer: 'Issued by', chases: 'Chases',
    answer: 'Answer', chase: 'Chase', chaseText: '请抓紧办理，尽快反馈。', chaseConfirm: 'Record a chase?', chasedOk: 'Chase recorded',
    countsOnly: 'Administrators see the counts only, not the cases.', reload: 'Reload', noNotices: 'No notices yet', more: 'The {n} most urgent are listed', allOverdue: 'All {n} overdue cases',
  },
};

const NOTICE_COLORS: Record<NoticeState, string> = { open: 'blue', chased: 'orange', overdue: 'red', answered: 'green' };
const rowProps = (id: string) => ({ 'data-testid': id }) as HTMLAttributes<HTMLElement>;

export default function SupervisionPage() {
  const t = useText(dict);
  const { lang } = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const [board, setBoard] = useState<SupervisionBoard | null>(null);
  const [notices, setNotices] = useState<SupervisionNotice[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [filter, setFilter] = useState<NoticeState | 'all'>('all');
  const [open, setOpen] = useState<string[] | null>(null);
  const canIssue = me.role === 'supervisor' || me.role === 'leader';

  const load = useCallback(async () => {
    try {
      const [b, n] = await Promise.all([api<SupervisionBoard>('GET', '/supervision/board'), api<SupervisionNotice[]>('GET', '/supervision')]);
      setBoard(b);
      setNotices(n);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, []);
  useEffect(() => { void load(); }, [load]);

  const issue = async (c: BoardCase) => {
    setBusy(c.id);
    try {
      await api('POST', `/cases/${c.id}/supervise`, { version: c.version, text: t.defaultText.replace('{w}', c.daysLeft < 0 ? t.wOverdue : t.wNear) });
      message.success(t.issuedOk.replace('{c}', c.caseNo));
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
      await load();
    } finally {
      setBusy(null);
    }
  };

  const chase = async (n: SupervisionNotice) => {
    try {
      await api('POST', `/supervision/${n.id}/chase`, { text: t.chaseText });
      message.success(t.chasedOk);
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };

  const today = board?.today ?? '';
  const withState = useMemo(() => notices.map((n) => ({ ...n, shown: noticeState({ status: n.status, dueOn: n.dueOn, chaseCount: n.chases.length }, today) })), [notices, today]);
  const shownNotices = filter === 'all' ? withState : withState.filter((n) => n.shown === filter);

  const daysTag = (d: number) => d < 0
    ? <Tag color="red">{t.overdueDays.replace('{n}', String(-d))}</Tag>
    : d === 0 ? <Tag color="volcano">{t.today}</Tag> : <Tag color="orange">{t.days.replace('{n}', String(d))}</Tag>;

  const caseTable = (b: BoardBody) => (
    <>
      <Table<BoardCase> size="small" rowKey="id" pagination={false} dataSource={b.cases} scroll={{ x: 760 }}
        onRow={(c) => rowProps(`board-case-${c.id}`)}
        columns={[
          { title: t.caseNo, dataIndex: 'caseNo', width: 190, render: (v: string, c) => <Link to={`/cases/${c.id}`}>{v}</Link> },
          { title: t.caseTitle, dataIndex: 'title', ellipsis: true, render: (v: string, c) => <Space size={4}>{c.isOwned && <Tag color="purple">{t.owned}</Tag>}<span>{v}</span></Space> },
          { title: t.state, dataIndex: 'state', width: 150, render: (v: string) => L.state(v, lang) },
          { title: t.nextDue, dataIndex: 'nextDue', width: 110 },
          { title: t.daysLeft, dataIndex: 'daysLeft', width: 120, render: (v: number) => daysTag(v) },
          ...(canIssue ? [{
            title: '', key: 'act', width: 110, fixed: 'right' as const,
            render: (_: unknown, c: BoardCase) => c.openNotices > 0
              ? <Tag color="blue" data-testid={`notice-open-${c.id}`}>{t.issued}</Tag>
              : <Tooltip title={t.issueHint}>
                <Button size="small" type="primary" danger={c.daysLeft < 0} icon={<SendOutlined />} loading={busy === c.id} disabled={busy !== null}
                  onClick={() => void issue(c)} data-testid={`issue-notice-${c.id}`}>{t.issue}</Button>
              </Tooltip>,
          }] : []),
        ]} />
      {b.cases.length < b.overdue + b.dueSoon && (
        <Space size={12}>
          <Typography.Text type="secondary">{t.more.replace('{n}', String(b.cases.length))}</Typography.Text>
          {b.overdue > 0 && <Link to={`/cases?orgId=${b.orgId}&orgOnly=true&overdue=true&sort=due_asc`} data-testid={`board-all-overdue-${b.orgId}`}>{t.allOverdue.replace('{n}', String(b.overdue))}</Link>}
        </Space>
      )}
    </>
  );

  if (error && !board) return <Alert type="error" showIcon title={error} />;
  const expanded = open ?? (board?.bodies[0] ? [String(board.bodies[0].orgId)] : []);

  return (
    <div data-testid="supervision-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t.title}</Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>{t.reload}</Button>
      </Space>
      <Typography.Paragraph type="secondary">{t.intro.replace('{n}', String(board?.nearDays ?? 3))}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={4}><Card size="small"><Statistic title={t.overdue} value={board?.totals.overdue ?? 0} styles={{ content: { color: '#cf1322' } }} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title={t.dueSoon.replace('{n}', String(board?.nearDays ?? 3))} value={board?.totals.dueSoon ?? 0} styles={{ content: { color: '#ad4e00' } }} /></Card></Col>
        {NOTICE_STATES.map((s) => (
          <Col xs={12} md={4} key={s}><Card size="small"><Statistic title={`${t.notices} · ${NOTICE_STATE_LABELS[s][lang === 'zh' ? 0 : 1]}`} value={board?.notices[s] ?? 0} /></Card></Col>
        ))}
      </Row>

      <Card size="small" title={t.byBody} style={{ marginBottom: 16 }} data-testid="supervision-board" loading={!board}>
        {board && !board.casesShown && <Alert type="info" showIcon title={t.countsOnly} style={{ marginBottom: 12 }} />}
        {board && board.bodies.length === 0 ? <Empty description={t.none} /> : board && (
          <Collapse activeKey={expanded} onChange={(k) => setOpen(k as string[])}
            items={board.bodies.map((b) => ({
              key: String(b.orgId),
              label: (
                <Space wrap data-testid={`supervision-body-${b.orgId}`}>
                  <strong>{b.orgName}</strong>
                  {b.overdue > 0 && <Badge color="#cf1322" text={`${t.overdue} ${b.overdue}`} />}
                  {b.dueSoon > 0 && <Badge color="#ad4e00" text={`${t.dueSoon.replace('{n}', String(board.nearDays))} ${b.dueSoon}`} />}
                </Space>
              ),
              children: board.casesShown ? caseTable(b) : null,
              collapsible: board.casesShown ? undefined : 'disabled' as const,
            }))} />
        )}
      </Card>

      <Card size="small" title={t.noticeList} data-testid="notice-list"
        extra={<Segmented<NoticeState | 'all'> size="small" value={filter} onChange={setFilter}
          options={[{ label: t.all, value: 'all' }, ...NOTICE_STATES.map((s) => ({ label: NOTICE_STATE_LABELS[s][lang === 'zh' ? 0 : 1], value: s }))]} />}>
        <Table size="small" rowKey="id" dataSource={shownNotices} pagination={{ pageSize: 10, hideOnSinglePage: true }} scroll={{ x: 980 }}
          locale={{ emptyText: <Empty description={t.noNotices} /> }}
          onRow={(n) => rowProps(`notice-row-${n.id}`)}
          expandable={{
            rowExpandable: (n) => n.chases.length > 0 || !!n.answerText,
            expandedRowRender: (n) => (
              <Space orientation="vertical" size={4}>
                <span>{n.text}</span>
                {n.chases.map((c, i) => <Typography.Text key={i} type="secondary">{t.chase} · {formatDateTime(c.at)} · {c.byName}：{c.note}</Typography.Text>)}
                {n.answerText && <span>{t.answer} · {n.answeredAt ? formatDateTime(n.answeredAt) : ''}：{n.answerText}</span>}
              </Space>
            ),
          }}
          columns={[
            { title: t.caseNo, dataIndex: 'caseNo', width: 172, render: (v: string, n) => <Link to={`/cases/${n.caseId}`}>{v}</Link> },
            { title: t.caseTitle, dataIndex: 'caseTitle', ellipsis: true },
            { title: t.target, dataIndex: 'targetOrgName', width: 140, ellipsis: true },
            { title: t.issuedAt, dataIndex: 'issuedAt', width: 136, render: (v: string) => formatDateTime(v) },
            { title: t.dueOn, dataIndex: 'dueOn', width: 100 },
            { title: t.state, dataIndex: 'shown', width: 104, render: (s: NoticeState) => <Tag color={NOTICE_COLORS[s]} data-testid="notice-state">{NOTICE_STATE_LABELS[s][lang === 'zh' ? 0 : 1]}</Tag> },
            { title: t.chases, key: 'chases', width: 64, render: (_: unknown, n) => n.chases.length },
            ...(canIssue ? [{
              title: '', key: 'act', width: 76,
              render: (_: unknown, n: SupervisionNotice) => n.status === 'open'
                ? <Popconfirm title={t.chaseConfirm} onConfirm={() => void chase(n)}><Button size="small" data-testid={`chase-${n.id}`}>{t.chase}</Button></Popconfirm>
                : null,
            }] : []),
          ]} />
      </Card>
    </div>
  );
}
