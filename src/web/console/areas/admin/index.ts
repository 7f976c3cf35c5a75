// 系统管理: organisations, users and roles, categories, the working-day calendar, the time-limit
// profile and the evaluation window. Administrators only (the API decides as well).
import { lazy } from 'react';
import { SettingOutlined } from '@ant-design/icons';
import type { ConsoleArea } from '../../areas.ts';

const area: ConsoleArea = {
  key: 'admin',
  path: 'admin/:tab?',
  menu: { zh: '系统管理', en: 'Administration', order: 90, icon: SettingOutlined },
  roles: ['admin'],
  component: lazy(() => import('./AdminPage.tsx')),
};
export default area;
