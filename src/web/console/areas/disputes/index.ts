// 矛盾纠纷排查: the register of disputes found by periodic screening, their resolution and 化解率.
import { lazy } from 'react';
import { ApartmentOutlined } from '@ant-design/icons';
import type { ConsoleArea } from '../../areas.ts';

const area: ConsoleArea = {
  key: 'disputes',
  path: 'disputes',
  menu: { zh: '矛盾纠纷排查', en: 'Dispute screening', order: 40, icon: ApartmentOutlined },
  roles: ['handler', 'supervisor', 'leader', 'admin'],
  component: lazy(() => import('./DisputesPage.tsx')),
};
export default area;
