// Every API route module, registered under /api/v1 in this order.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import authRoutes from './auth.ts';
import caseRoutes from './cases.ts';
import caseActionRoutes from './case-actions.ts';
import referenceRoutes from './reference.ts';
import petitionerRoutes from './petitioners.ts';
import attachmentRoutes from './attachments.ts';
import supervisionRoutes from './supervision.ts';
import statsRoutes from './stats.ts';
import portalRoutes from './portal.ts';
import receptionRoutes from './reception.ts';
import disputeRoutes from './disputes.ts';
import exportRoutes from './exports.ts';
import documentRoutes from './documents.ts';
import reminderRoutes from './reminders.ts';
import suggestionRoutes from './suggestions.ts';
import notificationRoutes from './notifications.ts';

export type RouteModule = (app: FastifyInstance, opts: { ctx: AppContext }) => Promise<void>;

export const API_ROUTES: RouteModule[] = [
  authRoutes,
  caseRoutes,
  caseActionRoutes,
  referenceRoutes,
  petitionerRoutes,
  attachmentRoutes,
  supervisionRoutes,
  statsRoutes,
  portalRoutes,
  receptionRoutes,
  disputeRoutes,
  exportRoutes,
  documentRoutes,
  reminderRoutes,
  suggestionRoutes,
  notificationRoutes,
];
