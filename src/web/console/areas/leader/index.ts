// 领导工作: cases a leader owns (包案), instructions given (批示) and the reception-day calendar (领导接待日).
import { lazy } from 'react';
import { CrownOutlined } from '@ant-design/icons';
import type { ConsoleArea } from '../../areas.ts';

const area: ConsoleArea = {
  key: 'leader',
  path: 'leader',
  menu: { zh: '领导工作', en: 'Leaders', order: 31, icon: CrownOutlined },
  // clerks record the visits received on a reception day (they see the calendar only)
  roles: ['leader', 'supervisor', 'admin', 'clerk'],
  component: lazy(() => import('./LeaderPage.tsx')),
};
export default area;
