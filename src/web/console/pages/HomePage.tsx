// Home per role: the work queues that role works from, with their counts (GET /cases/queues);
// each card opens the case list filtered to that queue.
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Col, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../common/api.ts';
import { useText } from '../i18n.tsx';
import { useMe } from '../session.tsx';
import { L } from '../labels.ts';
import { useLang } from '../i18n.tsx';
import { findArea, REGISTER_ROLES } from '../registry.ts';
import type { Role } from '../../../shared/enums.ts';

export const QUEUE_LABELS: Record<string, [string, string, string, string]> = {
  // name: [中文, English, 中文说明, English hint]
  to_register: ['待登记（网上信访）', 'To register (online)', '网上提交、尚未分流', 'Submitted online, not yet routed'],
  to_route: ['待转送交办', 'To route', '已登记，15日内转送或交办', 'Registered; forward or assign within 15 days'],
  to_accept: ['待受理', 'To accept', '15日内决定是否受理并书面告知', 'Decide within 15 days and notify in writing'],
  in_handling: ['办理中', 'In handling', '60日内出具处理意见书', 'Answer within 60 days'],
  to_deliver: ['待送达', 'To deliver', '意见书已出具，待送达信访人', 'Answer issued, to deliver'],
  due_soon: ['3日内到期', 'Due within 3 days', '时限即将届满', 'Limits about to run out'],
  overdue: ['已超期', 'Overdue', '已超过办理时限', 'Past the time limit'],
  extension_approval: ['延期待审批', 'Extensions to approve', '承办单位申请延期，待负责人批准', 'Extension requested, awaiting approval'],
  awaiting_evaluation: ['待评价', 'Awaiting evaluation', '已送达，等待信访人评价', 'Delivered, awaiting the rating'],
  in_review: ['复查复核中', 'In review', '复查、复核办理中', 'Review or re-review in progress'],
  supervision_open: ['督办未反馈', 'Supervision notices open', '已发督办单，尚未反馈', 'Notices issued, not yet answered'],
  mine_open: ['本单位在办', 'Open at my body', '当前在本单位的事项', 'Open cases at my body'],
  urgent: ['重大紧急', 'Major or urgent', '已报告本级党委政府的重大紧急事项（第二十五条）', 'Reported as major or urgent to the government (Art 25)'],
  co_handling: ['协办事项', 'Co-handled', '本单位作为协办单位参与、由其他单位主办的事项（第二十四条）', 'Matters another body leads, with my body taking part (Art 24)'],
};

const ROLE_QUEUES: Record<Role, string[]> = {
  clerk: ['to_register', 'to_route', 'due_soon', 'overdue', 'to_deliver', 'awaiting_evaluation', 'in_review', 'mine_open'],
  handler: ['to_accept', 'in_handling', 'co_handling', 'to_deliver', 'due_soon', 'overdue', 'in_review', 'mine_open'],
  supervisor: ['urgent', 'overdue', 'due_soon', 'supervision_open', 'to_route', 'to_accept', 'in_handling', 'co_handling', 'extension_approval', 'awaiting_evaluation', 'in_review'],
  leader: ['urgent', 'extension_approval', 'overdue', 'due_soon', 'supervision_open', 'in_handling', 'to_accept', 'in_review', 'mine_open'],
  admin: [],
};

const dict = {
  zh: { hello: '您好', queues: '我的工作队列', register: '登记信访件', allCases: '全部事项', owned: '我包案的事项', unit: '件', open: '查看' },
  en: { hello: 'Hello', queues: 'My work queues', register: 'Register a submission', allCases: 'All cases', owned: 'Cases I own', unit: '', open: 'Open' },
};

export function HomePage() {
  const t = useText(dict);
  const { lang } = useLang();
  const me = useMe();
  const navigate = useNavigate();
  const role = me.role as Role;
  const [counts, setCounts] = useState<Record<string, number> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<Record<string, number>>('GET', '/cases/queues').then(setCounts).catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [lang]);

  const supervisionArea = findArea('supervision', role);
  const queues = ROLE_QUEUES[role] ?? [];
  const i = lang === 'zh' ? 0 : 1;

  return (
    <div data-testid="home-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{lang === 'zh' ? `${t.hello}，${me.displayName}（${L.role(me.role, lang)}）` : `${t.hello}, ${me.displayName} (${L.role(me.role, lang)})`}</Typography.Title>
        <Space wrap>
          {REGISTER_ROLES.includes(role) && <Button type="primary" icon={<FileAddOutlined />} onClick={() => navigate('/register')} data-testid="home-register">{t.register}</Button>}
          {role === 'leader' && <Button onClick={() => navigate('/cases?queue=owned')}>{t.owned}</Button>}
          <Button onClick={() => navigate('/cases')}>{t.allCases}</Button>
        </Space>
      </Space>
      <Typography.Title level={4} style={{ marginTop: 24 }}>{t.queues}</Typography.Title>
      {error && <Alert type="error" showIcon title={error} />}
      {!counts && !error && <Skeleton active />}
      {counts && (
        <Row gutter={[16, 16]}>
          {queues.map((q) => {
            const label = QUEUE_LABELS[q]!;
            const count = counts[q] ?? 0;
            const danger = (q === 'overdue' && count > 0);
            const warn = (q === 'due_soon' || q === 'extension_approval') && count > 0;
            const card = (
              <Card className="xf-queue-card" size="small" hoverable data-testid={`queue-${q}`}>
                <Statistic title={<span style={{ color: 'rgba(0,0,0,0.78)', fontWeight: 500 }}>{label[i]}</span>} value={count} suffix={t.unit}
                  styles={{ content: { color: danger ? '#cf1322' : warn ? '#ad4e00' : '#1f1f1f' } }} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{label[i + 2]}</Typography.Text>
              </Card>
            );
            const to = q === 'supervision_open' ? (supervisionArea ? `/${supervisionArea.path.split('/:')[0]}` : null) : `/cases?queue=${q}`;
            return (
              <Col key={q} xs={24} sm={12} md={8} xl={6}>
                {to ? <Link to={to} className="xf-queue-link">{card}</Link> : card}
              </Col>
            );
          })}
        </Row>
      )}
    </div>
  );
}
