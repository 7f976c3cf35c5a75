// A staff member's notices (通知): the list with the unread count, and marking them read.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { LIMITS } from '../../shared/enums.ts';
import { AppError } from '../../shared/errors.ts';
import type { AppContext } from '../context.ts';
import { requireStaff } from '../http/auth.ts';
import { NotificationPage } from '../presenters/notification-presenter.ts';
import { listNotificationsFor } from '../services/list-notifications.ts';
import { markNotificationsReadFor } from '../services/mark-notifications-read.ts';

const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

export default async function notificationRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get('/notifications', {
    schema: {
      tags: ['notifications'], summary: '我的通知（最新在前，含未读数） My notices, newest first, with the unread count',
      querystring: Type.Object({
        before: Type.Optional(Id),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
        unread: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false }),
      response: { 200: NotificationPage },
    },
  }, async (req) => listNotificationsFor(ctx, requireStaff(req), req.query as { before?: number; limit?: number; unread?: boolean }));

  app.post('/notifications/read', {
    schema: {
      tags: ['notifications'], summary: '标为已读（指定的、某一事项的或全部） Mark notices read (those named, those about a case, or all)',
      body: Type.Object({
        ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 100, uniqueItems: true })),
        caseId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, description: 'the notices about this case (its page was opened)' })),
        all: Type.Optional(Type.Literal(true)),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ marked: Type.Integer() }) },
    },
  }, async (req) => {
    const actor = requireStaff(req);
    const body = req.body as { ids?: number[]; caseId?: number; all?: true };
    if ([body.ids, body.caseId, body.all].filter((x) => x !== undefined).length !== 1) throw new AppError('VALIDATION_FAILED', { field: 'ids', reason: 'give one of ids, caseId or all' });
    return markNotificationsReadFor(ctx, actor, body);
  });
}
