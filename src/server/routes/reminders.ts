// Reminders raised by the deadline sweep, for the bodies of the signed-in staff member.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { CASEWORK_ROLES, LIMITS } from '../../shared/enums.ts';
import type { AppContext } from '../context.ts';
import { requireStaff } from '../http/auth.ts';
import { listRemindersFor } from '../services/list-reminders.ts';

const Reminder = Type.Object({
  caseId: Type.Integer(), caseNo: Type.String(), title: Type.String(), state: Type.String(), kind: Type.String(), clock: Type.String(), due: Type.String(),
  raisedAt: Type.String(), orgName: Type.String(), currentOrgName: Type.Union([Type.String(), Type.Null()]), nextDue: Type.Union([Type.String(), Type.Null()]),
});

export default async function reminderRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get('/reminders', {
    schema: {
      tags: ['supervision'], summary: '临期、超期提醒 Reminders raised for my bodies (newest first)',
      querystring: Type.Object({
        kind: Type.Optional(Type.Enum(['near', 'overdue'])),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
        cursor: Type.Optional(Type.String({ maxLength: 200 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Reminder), nextCursor: Type.Union([Type.String(), Type.Null()]) }) },
    },
  }, async (req) => listRemindersFor(ctx, requireStaff(req, CASEWORK_ROLES), req.query as { kind?: 'near' | 'overdue'; limit?: number; cursor?: string }));
}
