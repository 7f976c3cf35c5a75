// The case page: all facts, running clocks with days left, the timeline of every event, attachments,
// printable documents, and the actions the current user may take now (each in its own form).
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Empty, List, Result, Row, Skeleton, Space, Tag, Timeline, Typography, Upload } from 'antd';
import { EyeOutlined, FileTextOutlined, PaperClipOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { api, ApiError, apiUpload } from '../../common/api.ts';
import type { Attachment, CaseDetail, CaseEvent, CaseTimeline } from '../../common/types.ts';
import { ATTACHMENT_TYPES, LIMITS } from '../../../shared/enums.ts';
import { documentStands, type DocumentType } from '../../../shared/documents.ts';
import { useLang, useText, type Lang } from '../i18n.tsx';
import { formatDateTime, L, urgencyStyle, PENDING_STYLE } from '../labels.ts';
import { categoryName, orgName, useCategories, useOrgs } from '../refdata.ts';
import { ActionModal } from './ActionModal.tsx';
import { NOTICES_CHANGED } from '../NotificationBell.tsx';

const dict = {
  zh: {
    facts: '事项信息', caseNo: '事项编号', queryCode: '查询码', state: '状态', kind: '类别', category: '内容分类', channel: '渠道', received: '收到时间',
    area: '行政区划', address: '事项地址', registeredAt: '登记单位', currentOrg: '当前所在单位', handlingOrg: '承办单位', reviewOrg: '复查/复核机关',
    accused: '被检举控告', headcount: '人数', collective: '集体访', repeat: '重复信访', skipLevel: '越级访', levelReached: '到达层级', owned: '领导包案', urgent: '重大紧急', urgentHint: '已按《信访工作条例》第二十五条报告本级党委和政府（最近一次：{at}）',
    content: '信访内容', people: '信访人', name: '姓名', idNumber: '身份证号码', mobile: '手机', addr: '住址', role: '身份',
    petitioner: '信访人', co_petitioner: '共同信访人', representative: '代表人', reveal: '显示完整信息', revealHint: '查看完整个人信息将被记录',
    revealed: '已显示完整个人信息（本次查看已记录）', clocks: '办理时限', due: '截止', left: '剩余 {n} 天', overdue: '已超期 {n} 天', today: '今日到期', running: '当前',
    noClocks: '当前没有计时中的时限', timeline: '办理过程', actions: '可执行的操作', noActions: '您在当前状态下没有可执行的操作',
    attachments: '附件', noAttachments: '没有附件', upload: '上传附件', documents: '文书', noDocuments: '暂无文书',
    answer: '处理意见', extension: '延期', extRequested: '已申请延期 {n} 天，待批准', extApproved: '已批准延期 {n} 天', extRejected: '延期申请未获批准',
    hearing: '听证中（自 {d} 起，不计入办理时限）', decline: '不予受理理由', properChannel: '告知途径', divert: '导入程序', notFound: '事项不存在或不在您的辖区内',
    hidden: '检举控告内容依法对被检举控告单位保密', done: '操作已完成', actor: '办理人', system: '系统', petitionerActor: '信访人',
    reviewOutcome: '复查结论', reReviewOutcome: '复核结论', evaluation: '评价', back: '返回列表',
    repeatOfFinal: '疑似已复核终结事项（{no}）的重复信访', openEarlier: '查看原事项',
    repeatOfFinalHint: '登记时未作决定。请核查是否以同一事实和理由再次提出：如是，请以“不予受理”办理，理由注明《信访工作条例》第三十六条（复核终结，不再受理）；如否，按正常程序转送交办或受理。',
    d_reason: '理由', d_note: '说明', d_text: '内容', d_summary: '情况', d_days: '天数', d_outcome: '结论', d_targetOrgName: '单位', d_procedure: '程序', d_reportedToOrgName: '报告至', d_handlingOrgName: '重新办理单位',
    d_properChannel: '正确途径', d_agreement: '协议', d_deliveredOn: '送达日期', d_plan: '方案', d_closingStandard: '化解标准', d_dueOn: '期限',
    d_bureauRating: '对信访部门', d_bodyRating: '对承办单位', d_comment: '意见', d_reviewOrgName: '复查机关', d_method: '方式', d_leader: '领导', d_channel: '渠道',
    coOrgs: '协办单位', coGiven: '已提交协办意见 {d}', coPending: '待提交协办意见', designatedBy: '指定受理机关的上级机关',
    disputed: '受理有争议：已有收件单位提出异议（第二十三条）。可重新转送、交办，或由争议各方共同的上一级机关指定受理机关（第二十四条）。',
    d_coOrgNames: '协办单位', d_coOrgName: '协办单位', d_day: '日期', d_startsAt: '时间', d_place: '地点',
    doc_accept: '受理告知书', doc_decline: '不予受理告知书', doc_extension: '延期告知书', doc_opinion: '信访处理意见书', doc_review: '复查意见书', doc_rereview: '复核意见书', doc_supervision: '督办单', doc_forward: '转送单', doc_assign: '交办单', doc_designation: '指定受理通知',
  },
  en: {
    facts: 'Facts', caseNo: 'Case no.', queryCode: 'Query code', state: 'State', kind: 'Kind', category: 'Category', channel: 'Channel', received: 'Received',
    area: 'Area code', address: 'Address of the matter', registeredAt: 'Registered by', currentOrg: 'Now at', handlingOrg: 'Handling body', reviewOrg: 'Review body',
    accused: 'Accused', headcount: 'Headcount', collective: 'Collective', repeat: 'Repeat', skipLevel: 'Skip-level', levelReached: 'Level reached', owned: 'Owned by a leader', urgent: 'Major or urgent', urgentHint: 'Reported to the government of the body under Art 25 (last on {at})',
    content: 'Content', people: 'Petitioners', name: 'Name', idNumber: 'ID card', mobile: 'Mobile', addr: 'Address', role: 'Role',
    petitioner: 'Petitioner', co_petitioner: 'Co-petitioner', representative: 'Representative', reveal: 'Show full details', revealHint: 'Viewing full personal data is logged',
    revealed: 'Full personal data shown (this view was logged)', clocks: 'Time limits', due: 'Due', left: '{n} days left', overdue: '{n} days overdue', today: 'Due today', running: 'Running',
    noClocks: 'No clock is running now', timeline: 'Timeline', actions: 'Actions', noActions: 'You have no action on this case in its current state',
    attachments: 'Attachments', noAttachments: 'No attachments', upload: 'Upload', documents: 'Documents', noDocuments: 'No documents yet',
    answer: 'Answer', extension: 'Extension', extRequested: 'Extension of {n} days requested, awaiting approval', extApproved: 'Extension of {n} days approved', extRejected: 'Extension request rejected',
    hearing: 'Hearing open since {d} (not counted toward the limit)', decline: 'Reason for declining', properChannel: 'Proper channel', divert: 'Procedure', notFound: 'The case does not exist or is outside your area',
    hidden: 'Accusation content is confidential toward the accused body', done: 'Done', actor: 'By', system: 'System', petitionerActor: 'Petitioner',
    reviewOutcome: 'Review outcome', reReviewOutcome: 'Re-review outcome', evaluation: 'Evaluation', back: 'Back to list',
    repeatOfFinal: 'Possibly a repeat of {no}, a matter already final after re-review', openEarlier: 'Open the earlier case',
    repeatOfFinalHint: 'Nothing was decided at registration. Check whether the same facts and reasons are raised again. If so, decline it, citing Article 36 of the Regulations on Letters and Visits (final after re-review, not accepted again); if not, route or accept it as usual.',
    d_reason: 'Reason', d_note: 'Note', d_text: 'Text', d_summary: 'Summary', d_days: 'Days', d_outcome: 'Outcome', d_targetOrgName: 'Body', d_procedure: 'Procedure', d_reportedToOrgName: 'Reported to', d_handlingOrgName: 'Body to answer again',
    d_properChannel: 'Proper channel', d_agreement: 'Agreement', d_deliveredOn: 'Delivered on', d_plan: 'Plan', d_closingStandard: 'Closing standard', d_dueOn: 'Due on',
    d_bureauRating: 'Bureau', d_bodyRating: 'Handling body', d_comment: 'Comment', d_reviewOrgName: 'Review body', d_method: 'Method', d_leader: 'Leader', d_channel: 'Channel',
    coOrgs: 'Co-handling bodies', coGiven: 'Opinion given {d}', coPending: 'Opinion awaited', designatedBy: 'Accepting body designated by',
    disputed: 'Acceptance is disputed: a receiver objected (Art 23). Route it again, or the common superior of the bodies in dispute designates the accepting body (Art 24).',
    d_coOrgNames: 'Co-handling bodies', d_coOrgName: 'Co-handling body', d_day: 'Day', d_startsAt: 'From', d_place: 'Place',
    doc_accept: 'Acceptance notice', doc_decline: 'Notice of non-acceptance', doc_extension: 'Extension notice', doc_opinion: 'Written answer', doc_review: 'Review opinion', doc_rereview: 'Re-review opinion', doc_supervision: 'Supervision notice', doc_forward: 'Forwarding sheet', doc_assign: 'Assignment sheet', doc_designation: 'Notice of designation',
  },
};
type Text = Record<keyof typeof dict.zh, string>;

/** Printable documents; each is relevant while it stands (shared/documents.ts documentStands). */
const DOCUMENTS: { type: DocumentType; key: keyof Text }[] = [
  { type: 'forward-sheet', key: 'doc_forward' },
  { type: 'assign-sheet', key: 'doc_assign' },
  { type: 'designation-notice', key: 'doc_designation' },
  { type: 'accept-notice', key: 'doc_accept' },
  { type: 'decline-notice', key: 'doc_decline' },
  { type: 'extension-notice', key: 'doc_extension' },
  { type: 'opinion', key: 'doc_opinion' },
  { type: 'review-opinion', key: 'doc_review' },
  { type: 'rereview-opinion', key: 'doc_rereview' },
  { type: 'supervision-notice', key: 'doc_supervision' },
];

/** The clocks that matter in each state (running limits and open windows); earlier ones are history. */
const RELEVANT_CLOCKS: Record<string, string[]> = {
  registered: ['route'], awaiting_acceptance: ['accept', 'objection'], handling: ['answer'], answered: ['answer'],
  concluded: ['reviewRequest', 'evaluation'], reviewing: ['review'], reviewed: ['reReviewRequest', 'evaluation'], re_reviewing: ['reReview'], final: ['evaluation'],
};

/** Actions that move the case forward get the primary style. */
const MAIN_ACTIONS = ['forward', 'accept', 'answer', 'deliver', 'approve_extension', 'decide_review', 'redo', 'decide_re_review', 'redo_re_review', 'designate', 'contribute'];

const EVENT_FIELDS = ['targetOrgName', 'procedure', 'outcome', 'days', 'reason', 'note', 'text', 'summary', 'agreement', 'properChannel', 'deliveredOn', 'method',
  'plan', 'closingStandard', 'dueOn', 'leader', 'bureauRating', 'bodyRating', 'comment', 'reviewOrgName', 'reportedToOrgName', 'handlingOrgName', 'coOrgNames', 'coOrgName', 'day', 'startsAt', 'place'] as const;

function eventValue(k: string, v: unknown, lang: Lang): string {
  if (k === 'outcome') return L.outcome(String(v), lang);
  if (k === 'procedure') return L.procedure(String(v), lang);
  if (k === 'bureauRating' || k === 'bodyRating') return L.rating(String(v), lang);
  if (Array.isArray(v)) return v.join(lang === 'zh' ? '、' : ', ');
  return String(v);
}

function clockTag(t: Text, daysLeft: number, urgency: string) {
  const text = daysLeft < 0 ? t.overdue.replace('{n}', String(-daysLeft)) : daysLeft === 0 ? t.today : t.left.replace('{n}', String(daysLeft));
  return <Tag style={{ ...urgencyStyle(urgency), fontWeight: 600 }}>{text}</Tag>;
}

export function CasePage() {
  const { id } = useParams();
  const caseId = Number(id);
  const t = useText(dict);
  const { lang } = useLang();
  const { message } = AntApp.useApp();
  const cats = useCategories();
  const orgs = useOrgs();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [timeline, setTimeline] = useState<CaseTimeline | null>(null);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [revealed, setRevealed] = useState(false);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [d, tl, at] = await Promise.all([
        api<CaseDetail>('GET', `/cases/${caseId}`), api<CaseTimeline>('GET', `/cases/${caseId}/events`), api<Attachment[]>('GET', `/cases/${caseId}/attachments`),
      ]);
      setDetail(d); setTimeline(tl); setAttachments(at); setRevealed(false);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, [caseId]);

  useEffect(() => { void load(); }, [load]);
  // the user's notices about this case are read once its page is open
  const noticesRead = useRef<number | null>(null);
  useEffect(() => {
    if (!detail || detail.id !== caseId || noticesRead.current === caseId) return;
    noticesRead.current = caseId;
    api<{ marked: number }>('POST', '/notifications/read', { caseId })
      .then((r) => { if (r.marked > 0) window.dispatchEvent(new Event(NOTICES_CHANGED)); })
      .catch(() => { /* the notices stay unread; the bell still opens them */ });
  }, [detail, caseId]);

  const reveal = async () => {
    try {
      setDetail(await api<CaseDetail>('POST', `/cases/${caseId}/reveal`));
      setRevealed(true);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };

  if (!Number.isInteger(caseId) || caseId < 1) return <Result status="404" title={t.notFound} />;
  if (error && !detail) return <Result status="warning" title={error} extra={<Link to="/cases">{t.back}</Link>} />;
  if (!detail || !timeline) return <Skeleton active />;

  const d = detail;
  const events = [...timeline.events].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  // a document withdrawn since (an answer revoked, a review opinion revoked on re-review) is not offered
  const docs = DOCUMENTS.filter((x) => documentStands(x.type, events.map((e) => e.type)));
  const clocks = d.clocks.filter((c) => (RELEVANT_CLOCKS[d.state] ?? []).includes(c.name)).sort((a, b) => Number(b.running) - Number(a.running));
  const people = [...(d.petitioner ? [{ ...d.petitioner, role: 'petitioner' }] : []), ...d.people];
  // a possible repeat of a final matter (Art 36), marked at registration for staff to decide on
  const earlierNo = String(events.find((e) => e.type === 'register')?.data.repeatOfCaseNo ?? `#${d.repeatOfCaseId}`);
  const undecided = d.state === 'registered' || d.state === 'awaiting_acceptance';
  // Art 24: each co-handling body's latest opinion, from the timeline
  const coGiven = new Map(events.filter((e) => e.type === 'contribute').map((e) => [Number(e.data.coOrgId), e.at]));
  const coText = new Map(events.filter((e) => e.type === 'contribute').map((e) => [Number(e.data.coOrgId), String(e.data.text ?? '')]));

  return (
    <div data-testid="case-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap', marginBottom: 12 }}>
        <Space wrap align="center">
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-title">{d.title}</Typography.Title>
          <Tag color="blue" style={{ fontSize: 14, padding: '2px 8px' }} data-testid="case-state">{L.state(d.state, lang)}</Tag>
          {d.isRepeat && <Tag color="purple">{t.repeat}</Tag>}
          {d.isCollective && <Tag color="magenta">{t.collective} {d.headcount}</Tag>}
          {d.isSkipLevel && <Tag style={urgencyStyle('near')}>{t.skipLevel}</Tag>}
          {d.isOwned && <Tag style={PENDING_STYLE}>{t.owned}</Tag>}
          {d.urgentReportedAt && <Tag style={urgencyStyle('overdue')} title={t.urgentHint.replace('{at}', formatDateTime(d.urgentReportedAt))} data-testid="case-urgent">{t.urgent}</Tag>}
        </Space>
        <Button icon={<ReloadOutlined />} onClick={() => void load()} aria-label="reload" />
      </Space>

      <Card size="small" title={t.actions} style={{ marginBottom: 16 }} data-testid="case-actions">
        {d.availableActions.length === 0 ? <Typography.Text type="secondary">{t.noActions}</Typography.Text> : (
          <Space wrap>
            {d.availableActions.map((a) => (
              <Button key={a} type={MAIN_ACTIONS.includes(a) ? 'primary' : 'default'} onClick={() => setAction(a)} data-testid={`action-${a}`}>{L.action(a, lang)}</Button>
            ))}
          </Space>
        )}
        {d.repeatOfFinal && d.repeatOfCaseId && (
          <Alert type={undecided ? 'warning' : 'info'} showIcon style={{ marginTop: 12 }} data-testid="repeat-of-final"
            title={t.repeatOfFinal.replace('{no}', earlierNo)} description={undecided ? t.repeatOfFinalHint : undefined}
            action={<Link to={`/cases/${d.repeatOfCaseId}`}>{t.openEarlier}</Link>} />
        )}
        {d.extensionStatus === 'requested' && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={`${t.extRequested.replace('{n}', String(d.extensionDays ?? ''))}${d.extensionReason ? `：${d.extensionReason}` : ''}`} data-testid="extension-pending" />}
        {d.hearingStartedOn && <Alert type="info" showIcon style={{ marginTop: 12 }} title={t.hearing.replace('{d}', d.hearingStartedOn)} />}
        {d.acceptanceDisputed && d.state === 'registered' && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t.disputed} data-testid="acceptance-disputed" />}
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t.facts} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 2 }} bordered>
              <Descriptions.Item label={t.caseNo}><span data-testid="case-no">{d.caseNo}</span></Descriptions.Item>
              <Descriptions.Item label={t.queryCode}>{d.queryCode ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t.kind}>{L.kind(d.kind, lang)}</Descriptions.Item>
              <Descriptions.Item label={t.category}>{categoryName(cats, d.categoryId, lang)}</Descriptions.Item>
              <Descriptions.Item label={t.channel}>{L.channel(d.channel, lang)}</Descriptions.Item>
              <Descriptions.Item label={t.received}>{formatDateTime(d.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label={t.registeredAt}>{orgName(orgs, d.registeredOrgId)}</Descriptions.Item>
              <Descriptions.Item label={t.currentOrg}><span data-testid="case-current-org">{orgName(orgs, d.currentOrgId)}</span></Descriptions.Item>
              {d.handlingOrgId && <Descriptions.Item label={t.handlingOrg}>{orgName(orgs, d.handlingOrgId)}</Descriptions.Item>}
              {d.coOrgIds.length > 0 && (
                <Descriptions.Item label={t.coOrgs} span={2}>
                  <Space wrap data-testid="case-co-orgs">
                    {d.coOrgIds.map((o) => {
                      const at = coGiven.get(o);
                      return (
                        <span key={o} data-testid={`co-org-${o}`}>
                          {orgName(orgs, o)} <Tag style={at ? undefined : PENDING_STYLE}>{at ? t.coGiven.replace('{d}', formatDateTime(at)) : t.coPending}</Tag>
                        </span>
                      );
                    })}
                  </Space>
                </Descriptions.Item>
              )}
              {d.designatedByOrgId && <Descriptions.Item label={t.designatedBy} span={2}><span data-testid="case-designated-by">{orgName(orgs, d.designatedByOrgId)}</span></Descriptions.Item>}
              {d.reviewOrgId && <Descriptions.Item label={t.reviewOrg}>{orgName(orgs, d.reviewOrgId)}</Descriptions.Item>}
              <Descriptions.Item label={t.area}>{d.areaCode}</Descriptions.Item>
              {d.matterAddress && <Descriptions.Item label={t.address}>{d.matterAddress}</Descriptions.Item>}
              {d.levelReached && <Descriptions.Item label={t.levelReached}>{L.level(d.levelReached, lang)}</Descriptions.Item>}
              <Descriptions.Item label={t.headcount}>{d.headcount}</Descriptions.Item>
              {d.kind === 'accusation' && (d.accusedOrgId || d.accusedName) && (
                <Descriptions.Item label={t.accused} span={2}>{[d.accusedOrgId ? orgName(orgs, d.accusedOrgId) : null, d.accusedName].filter(Boolean).join(' · ')}</Descriptions.Item>
              )}
              {d.extensionStatus !== 'none' && (
                <Descriptions.Item label={t.extension} span={2}>
                  {d.extensionStatus === 'approved' ? t.extApproved.replace('{n}', String(d.extensionDays ?? '')) : d.extensionStatus === 'rejected' ? t.extRejected : t.extRequested.replace('{n}', String(d.extensionDays ?? ''))}
                </Descriptions.Item>
              )}
              {d.declineReason && <Descriptions.Item label={t.decline} span={2}>{d.declineReason}</Descriptions.Item>}
              {d.properChannel && <Descriptions.Item label={t.properChannel} span={2}>{d.properChannel}</Descriptions.Item>}
              {d.divertProcedure && <Descriptions.Item label={t.divert} span={2}>{L.procedure(d.divertProcedure, lang)}</Descriptions.Item>}
              {d.outcome && <Descriptions.Item label={t.answer} span={2}><Tag>{L.outcome(d.outcome, lang)}</Tag> {d.answeredOn}<div className="xf-prewrap">{d.answerText}</div></Descriptions.Item>}
              {d.reviewOutcome && <Descriptions.Item label={t.reviewOutcome}>{L.outcome(d.reviewOutcome, lang)}</Descriptions.Item>}
              {d.reReviewOutcome && <Descriptions.Item label={t.reReviewOutcome}>{L.outcome(d.reReviewOutcome, lang)}</Descriptions.Item>}
            </Descriptions>
            <Typography.Title level={5} style={{ marginTop: 16 }}>{t.content}</Typography.Title>
            {d.isContentHidden && <Alert type="info" showIcon title={t.hidden} style={{ marginBottom: 8 }} />}
            <Typography.Paragraph className="xf-prewrap" data-testid="case-content">{d.content}</Typography.Paragraph>
          </Card>

          <Card size="small" title={t.people} style={{ marginBottom: 16 }}
            extra={people.length > 0 && !revealed ? <Button size="small" icon={<EyeOutlined />} onClick={() => void reveal()} title={t.revealHint} data-testid="reveal-personal">{t.reveal}</Button> : null}>
            {revealed && <Alert type="warning" showIcon title={t.revealed} style={{ marginBottom: 8 }} data-testid="revealed-note" />}
            <List size="small" dataSource={people} locale={{ emptyText: '—' }} renderItem={(p) => (
              <List.Item data-testid="person">
                <Space wrap>
                  <Tag>{(t as Record<string, string>)[p.role ?? 'petitioner'] ?? p.role}</Tag>
                  <strong data-testid="person-name">{p.name}</strong>
                  {p.idNumber && <span>{t.idNumber}: <span data-testid="person-id">{p.idNumber}</span></span>}
                  {p.mobile && <span>{t.mobile}: {p.mobile}</span>}
                  {p.address && <span>{t.addr}: {p.address}</span>}
                </Space>
              </List.Item>
            )} />
          </Card>

          <Card size="small" title={t.timeline} style={{ marginBottom: 16 }} data-testid="timeline">
            <Timeline items={events.map((e) => ({
              key: e.id,
              color: e.type === 'decline' || e.type === 'send_back' || e.type === 'supervise' ? 'red' : e.toState && e.toState !== e.fromState ? 'blue' : 'gray',
              content: <EventItem e={e} t={t} lang={lang} />,
            }))} />
          </Card>
        </Col>

        <Col xs={24} xl={9}>
          <Card size="small" title={t.clocks} style={{ marginBottom: 16 }} data-testid="clocks">
            {clocks.length === 0 ? <Typography.Text type="secondary">{t.noClocks}</Typography.Text> : (
              <List size="small" dataSource={clocks} renderItem={(c) => (
                <List.Item data-testid={`clock-${c.name}`}>
                  <Space orientation="vertical" size={0}>
                    <span>{L.clock(c.name, lang)} {c.running && <Tag color="blue">{t.running}</Tag>}</span>
                    <Typography.Text type="secondary">{t.due} {c.due}</Typography.Text>
                  </Space>
                  {clockTag(t, c.daysLeft, c.urgency)}
                </List.Item>
              )} />
            )}
          </Card>

          <Card size="small" title={t.documents} style={{ marginBottom: 16 }} data-testid="documents">
            {docs.length === 0 ? <Typography.Text type="secondary">{t.noDocuments}</Typography.Text> : (
              <List size="small" dataSource={docs} renderItem={(x) => (
                <List.Item><Link to={`/documents/${d.id}/${x.type}`} data-testid={`doc-${x.type}`}><FileTextOutlined /> {t[x.key]}</Link></List.Item>
              )} />
            )}
          </Card>

          <Card size="small" title={t.attachments} style={{ marginBottom: 16 }} data-testid="attachments"
            extra={d.isContentHidden ? null : (
              <Upload showUploadList={false} accept={Object.keys(ATTACHMENT_TYPES).join(',')} beforeUpload={(file) => {
                if (!ATTACHMENT_TYPES[file.type] || file.size > LIMITS.attachmentMaxBytes) { message.error(file.name); return Upload.LIST_IGNORE; }
                apiUpload<Attachment>(`/cases/${d.id}/attachments`, file, file.name)
                  .then((a) => setAttachments((xs) => [...xs, a]))
                  .catch((e: unknown) => message.error(e instanceof ApiError ? e.message : String(e)));
                return false;
              }}>
                <Button size="small" icon={<UploadOutlined />}>{t.upload}</Button>
              </Upload>
            )}>
            {attachments.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.noAttachments} /> : (
              <List size="small" dataSource={attachments} renderItem={(a) => (
                <List.Item><a href={`/api/v1/attachments/${a.id}`} target="_blank" rel="noreferrer"><PaperClipOutlined /> {a.filename}</a><Typography.Text type="secondary">{Math.ceil(a.size / 1024)} KB</Typography.Text></List.Item>
              )} />
            )}
          </Card>
        </Col>
      </Row>

      {action && (
        <ActionModal action={action} detail={d} onClose={() => setAction(null)}
          coOpinions={d.coOrgIds.map((o) => ({ orgName: orgName(orgs, o), text: coText.get(o) ?? null }))}
          onConflict={() => { setAction(null); void load(); }}
          onDone={(updated) => { setAction(null); setDetail(updated); message.success(t.done); void load(); }} />
      )}
    </div>
  );
}

function EventItem({ e, t, lang }: { e: CaseEvent; t: Text; lang: Lang }) {
  const who = e.actorKind === 'system' ? t.system : e.actorKind === 'petitioner' ? t.petitionerActor : [e.actorName, e.actorOrgName].filter(Boolean).join(' · ');
  const facts = EVENT_FIELDS.filter((k) => e.data[k] !== undefined && e.data[k] !== null && e.data[k] !== '');
  return (
    <div data-testid={`timeline-${e.type}`}>
      <Space wrap size={6}>
        <strong>{L.event(e.type, lang)}</strong>
        {e.toState && e.toState !== e.fromState && <Tag>{L.state(e.toState, lang)}</Tag>}
        <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
      </Space>
      {who && <div><Typography.Text type="secondary">{t.actor}: </Typography.Text>{who}</div>}
      {facts.map((k) => (
        <div key={k} className="xf-prewrap"><Typography.Text type="secondary">{(t as Record<string, string>)[`d_${k}`] ?? k}: </Typography.Text>{eventValue(k, e.data[k], lang)}</div>
      ))}
    </div>
  );
}
