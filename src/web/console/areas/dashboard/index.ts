// 信访形势: the leader's one-page dashboard and the supervisor's view by body.
import { lazy } from 'react';
import { DashboardOutlined } from '@ant-design/icons';
import type { ConsoleArea } from '../../areas.ts';

const area: ConsoleArea = {
  key: 'dashboard',
  path: 'dashboard',
  menu: { zh: '信访形势', en: 'Dashboard', order: 20, icon: DashboardOutlined },
  roles: ['leader', 'supervisor', 'admin'],
  component: lazy(() => import('./DashboardPage.tsx')),
};
export default area;
