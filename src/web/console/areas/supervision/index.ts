// 督办看板: overdue and nearly due cases by responsible body, notices and their state, one-step notices.
import { lazy } from 'react';
import { AlertOutlined } from '@ant-design/icons';
import type { ConsoleArea } from '../../areas.ts';

const area: ConsoleArea = {
  key: 'supervision',
  path: 'supervision',
  menu: { zh: '督办看板', en: 'Supervision', order: 30, icon: AlertOutlined },
  roles: ['supervisor', 'leader', 'admin'],
  component: lazy(() => import('./SupervisionPage.tsx')),
};
export default area;
