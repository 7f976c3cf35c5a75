// 人民建议: the suggestions citizens sent on the portal (人民建议征集), by status and topic, each one in
// a drawer with the decision (采纳 / 不予采纳) and the reply the citizen reads on the portal.
import { lazy } from 'react';
import { BulbOutlined } from '@ant-design/icons';
import type { ConsoleArea } from '../../areas.ts';
import { SUGGESTION_ROLES } from '../../../../server/policies/suggestion-policy.ts';

const area: ConsoleArea = {
  key: 'suggestions',
  path: 'suggestions',
  menu: { zh: '人民建议', en: 'Citizen suggestions', order: 45, icon: BulbOutlined },
  roles: SUGGESTION_ROLES,
  component: lazy(() => import('./SuggestionsPage.tsx')),
};
export default area;
