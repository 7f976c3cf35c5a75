// The header's bell: how many notices are unread (checked on each page change and every minute), and a
// drawer listing them newest first. A notice tells a leader that someone else scheduled, changed, handed
// over or cancelled a reception day of theirs (opening it shows the day), or tells a staff member of a
// matter's step that waits on them (opening it shows the case); opening one marks it read.
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { Badge, Button, Drawer, Empty, List, Space, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { api, apiGet } from '../common/api.ts';
import type { Static } from 'typebox';
import type { NotificationPage } from '../../server/presenters/notification-presenter.ts';
import { RECEPTION_KIND_LABELS, type ReceptionKind } from '../../shared/enums.ts';
import { useLang, useText, type Lang } from './i18n.tsx';
import { formatDateTime } from './labels.ts';

type Page = Static<typeof NotificationPage>;

/** Sent on `window` when notices were marked read elsewhere (a case page opened): the bell counts again. */
export const NOTICES_CHANGED = 'xf:notices-changed';
type Notice = Page['items'][number];

const dict = {
  zh: {
    bell: '通知', title: '通知', none: '暂无通知', readAll: '全部标为已读', unread: '未读', more: '加载更多',
    reception_scheduled: '{by} 为您安排了接待日', reception_changed: '{by} 修改了您的接待日', reception_reassigned: '{by} 将您的接待日改由其他领导接待',
    reception_cancelled: '{by} 取消了您的接待日', was: '原为', reason: '原因',
    extension_requested: '{by} 申请延期 {days} 日，待您审批', extension_approved: '{by} 批准了您的延期申请（延长 {days} 日）', extension_rejected: '{by} 未批准您的延期申请',
    answer_sent_back: '{by} 退回了您出具的处理意见，请重新办理', answer_revoked_review: '{org}复查撤销了您出具的处理意见，责令重新办理',
    answer_revoked_re_review: '{org}复核撤销了复查意见和您出具的处理意见，责令重新办理', supervision_issued: '{org}对本单位承办的事项发出督办单',
    co_opinion_given: '协办单位{co}提交了协办意见', co_handling_requested: '{org}请本单位作为协办单位会同办理', lead: '主办单位',
    routing_objected: '{org}对您转交的事项提出异议，已退回待重新转交', instruction_given: '{by}（{org}）对本单位承办的事项作出批示', instruction: '批示内容',
    review_requested_review: '信访人对处理意见不服，向本机关申请复查', review_requested_re_review: '信访人对复查意见不服，向本机关申请复核', decideBy: '决定期限',
    urgent_reported_first: '{by}（{org}）报告重大紧急信访事项', urgent_reported_again: '{by}（{org}）续报重大紧急信访事项', report: '报告内容',
    ownership_taken: '{by}对本单位承办的事项包案', plan: '化解方案', ownDue: '化解期限', dueOn: '报送期限', newDue: '办理期限至', request: '督办要求', grounds: '理由',
    f_day: '日期', f_startsAt: '开始时间', f_endsAt: '结束时间', f_place: '地点', f_topic: '主题', f_kind: '接访方式', f_orgId: '接待单位', f_leaderUserId: '接待领导', changed: '变更：',
  },
  en: {
    bell: 'Notices', title: 'Notices', none: 'No notices', readAll: 'Mark all read', unread: 'Unread', more: 'Load more',
    reception_scheduled: '{by} scheduled a reception day for you', reception_changed: '{by} changed your reception day', reception_reassigned: '{by} handed your reception day to another leader',
    reception_cancelled: '{by} cancelled your reception day', was: 'Was', reason: 'Reason',
    extension_requested: '{by} asks for a {days}-day extension, for your decision', extension_approved: '{by} approved your extension ({days} days)', extension_rejected: '{by} refused your extension',
    answer_sent_back: '{by} sent your answer back to be handled again', answer_revoked_review: '{org} revoked your answer on review and orders a new one',
    answer_revoked_re_review: '{org} revoked the review opinion and your answer on re-review and orders a new one', supervision_issued: '{org} issued a supervision notice to your body',
    co_opinion_given: 'The co-handling body {co} gave its opinion', co_handling_requested: '{org} asks your body to take part as a co-handling body', lead: 'Lead body',
    routing_objected: '{org} objected to the matter you routed to it; it is back to be routed again', instruction_given: '{by} ({org}) gave an instruction on a matter of your body', instruction: 'Instruction',
    review_requested_review: 'The petitioner asks your body to review the answer', review_requested_re_review: 'The petitioner asks your body to re-review the review opinion', decideBy: 'Decide by',
    urgent_reported_first: '{by} ({org}) reports a major or urgent matter', urgent_reported_again: '{by} ({org}) reports again on a major or urgent matter', report: 'Report',
    ownership_taken: '{by} takes ownership of a matter of your body', plan: 'Plan', ownDue: 'Resolve by', dueOn: 'Report by', newDue: 'Now due', request: 'Request', grounds: 'Grounds',
    f_day: 'day', f_startsAt: 'start', f_endsAt: 'end', f_place: 'place', f_topic: 'topic', f_kind: 'how', f_orgId: 'receiving body', f_leaderUserId: 'leader', changed: 'Changed: ',
  },
};
type Text = Record<keyof typeof dict.zh, string>;

const dayText = (d: NonNullable<Notice['day']>, lang: Lang) => {
  const how = RECEPTION_KIND_LABELS[d.receptionKind as ReceptionKind]?.[lang === 'zh' ? 0 : 1] ?? d.receptionKind;
  return `${d.day} ${d.startsAt}–${d.endsAt} · ${d.place} · ${how}`;
};

/** The notice's first line: what happened, by whom. */
function headline(t: Text, n: Notice): string {
  const key = n.kind === 'answer_revoked' ? (n.stage === 're_review' ? 'answer_revoked_re_review' : 'answer_revoked_review')
    : n.kind === 'review_requested' ? (n.stage === 're_review' ? 'review_requested_re_review' : 'review_requested_review')
    : n.kind === 'urgent_reported' ? (n.first ? 'urgent_reported_first' : 'urgent_reported_again') : n.kind;
  return t[key].replace('{by}', n.byName).replace('{org}', n.byOrgName ?? n.byName).replace('{days}', String(n.days ?? '')).replace('{co}', n.coOrgName ?? '');
}

/** What the notice's date and its text are called, by kind. */
const dueLabel = (t: Text, n: Notice) => ({ supervision_issued: t.dueOn, review_requested: t.decideBy, ownership_taken: t.ownDue } as Partial<Record<Notice['kind'], string>>)[n.kind] ?? t.newDue;
const reasonLabel = (t: Text, n: Notice) => ({ supervision_issued: t.request, instruction_given: t.instruction, urgent_reported: t.report, ownership_taken: t.plan } as Partial<Record<Notice['kind'], string>>)[n.kind]
  ?? (n.case ? t.grounds : t.reason);

export function NotificationBell() {
  const t = useText(dict) as Text;
  const { lang } = useLang();
  const loc = useLocation();
  const navigate = useNavigate();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState<Page | null>(null);

  const count = useCallback(() => {
    apiGet<Page>('/notifications', { limit: 1, unread: true }).then((p) => setUnread(p.unread)).catch(() => {});
  }, []);
  useEffect(() => { count(); }, [count, loc.pathname]);
  useEffect(() => { const id = setInterval(count, 60_000); return () => clearInterval(id); }, [count]);
  useEffect(() => { window.addEventListener(NOTICES_CHANGED, count); return () => window.removeEventListener(NOTICES_CHANGED, count); }, [count]);

  const load = useCallback(async (before?: number) => {
    const p = await apiGet<Page>('/notifications', { limit: 20, before });
    setPage((prev) => (before && prev ? { ...p, items: [...prev.items, ...p.items] } : p));
    setUnread(p.unread);
  }, []);
  useEffect(() => { if (open) void load().catch(() => {}); }, [open, load]);

  const markRead = async (body: { ids: number[] } | { all: true }) => {
    await api('POST', '/notifications/read', body);
    const now = new Date().toISOString();
    setPage((p) => (p ? { ...p, items: p.items.map((n) => ('all' in body || body.ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n)) } : p));
    count();
  };

  const show = async (n: Notice) => {
    if (!n.readAt) await markRead({ ids: [n.id] }).catch(() => {});
    setOpen(false);
    // a matter's notice opens the case; a day handed over or cancelled is still on the calendar (the scheduler's), shown by its date
    if (n.case) navigate(`/cases/${n.case.id}`);
    else if (n.day) navigate(`/leader?tab=reception&day=${n.day.day}${n.receptionDayId ? `&open=${n.receptionDayId}` : ''}`);
  };

  return (
    <>
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button size="small" icon={<BellOutlined />} onClick={() => setOpen(true)} aria-label={`${t.bell}${unread ? ` (${unread})` : ''}`} data-testid="notifications-bell" />
      </Badge>
      <Drawer open={open} onClose={() => setOpen(false)} title={t.title} size={480} data-testid="notifications-drawer"
        extra={<Button size="small" disabled={!unread} onClick={() => void markRead({ all: true })} data-testid="notifications-read-all">{t.readAll}</Button>}>
        <List dataSource={page?.items ?? []} loading={!page} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.none} /> }}
          renderItem={(n) => (
            <List.Item data-testid={`notification-${n.id}`} data-kind={n.kind} style={{ cursor: 'pointer', background: n.readAt ? undefined : '#f0f7ff', paddingInline: 8 }}
              onClick={() => void show(n)}>
              <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
                <Space size={6} wrap>
                  {!n.readAt && <Tag color="blue">{t.unread}</Tag>}
                  <strong>{headline(t, n)}</strong>
                </Space>
                {n.day && <span>{dayText(n.day, lang)}</span>}
                {n.case && <span data-testid="notification-case">{n.case.caseNo} · {n.case.title}</span>}
                {n.case && n.leadOrgName && <Typography.Text type="secondary">{t.lead}：{n.leadOrgName}</Typography.Text>}
                {n.case && n.dueOn && <Typography.Text type="secondary">{dueLabel(t, n)}：{n.dueOn}</Typography.Text>}
                {n.was && <Typography.Text type="secondary">{t.was}：{dayText(n.was, lang)}</Typography.Text>}
                {n.fields.length > 0 && <Typography.Text type="secondary">{t.changed}{n.fields.map((f) => (t as Record<string, string>)[`f_${f}`] ?? f).join(lang === 'zh' ? '、' : ', ')}</Typography.Text>}
                {n.reason && <Typography.Text type="secondary" ellipsis={{ tooltip: n.reason }} style={{ maxWidth: 420 }}>{reasonLabel(t, n)}：{n.reason}</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(n.createdAt)}</Typography.Text>
              </Space>
            </List.Item>
          )} />
        {page?.nextBefore && <div style={{ textAlign: 'center', marginTop: 8 }}><Button onClick={() => void load(page.nextBefore!)}>{t.more}</Button></div>}
      </Drawer>
    </>
  );
}
