// 临期超期提醒: the reminders the deadline sweep raised for the user's bodies (near = due within
// 3 days, overdue), newest first, filtered by kind, paged with the API cursor.
import { lazy } from 'react';
import { BellOutlined } from '@ant-design/icons';
import type { ConsoleArea } from '../../areas.ts';
import { CASEWORK_ROLES } from '../../../../shared/enums.ts';

const area: ConsoleArea = {
  key: 'reminders',
  path: 'reminders',
  menu: { zh: '临期超期提醒', en: 'Deadline reminders', order: 25, icon: BellOutlined },
  roles: CASEWORK_ROLES,
  component: lazy(() => import('./RemindersPage.tsx')),
};
export default area;
