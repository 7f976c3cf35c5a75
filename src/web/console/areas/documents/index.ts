// 文书: a case's printable documents (受理告知书 … 督办单) in the official layout; print or PDF.
// Reached from the case page: /console/documents/<caseId>/<type>.
import { lazy } from 'react';
import type { ConsoleArea } from '../../areas.ts';
import { CASEWORK_ROLES } from '../../../../shared/enums.ts';

const area: ConsoleArea = {
  key: 'documents',
  path: 'documents/:caseId/:type',
  roles: CASEWORK_ROLES,
  component: lazy(() => import('./DocumentPage.tsx')),
};
export default area;
