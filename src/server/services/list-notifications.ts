// A staff member's own notices, newest first, a page at a time, with how many are unread.
import { LIMITS } from '../../shared/enums.ts';
import type { Actor, AppContext } from '../context.ts';
import { listNotifications } from '../repositories/notifications.ts';
import { presentNotification, type NotificationPageT } from '../presenters/notification-presenter.ts';

export async function listNotificationsFor(ctx: AppContext, actor: Actor, q: { before?: number; limit?: number; unread?: boolean }): Promise<NotificationPageT> {
  const limit = Math.min(q.limit ?? 20, LIMITS.pageSizeMax);
  // read on the primary: a notice just marked read is not shown unread again from a lagging replica
  const { rows, unread } = await listNotifications(ctx.db, actor.userId, { beforeId: q.before, limit: limit + 1, unreadOnly: q.unread });
  const page = rows.slice(0, limit);
  return { items: page.map(presentNotification), unread, nextBefore: rows.length > limit ? Number(page[page.length - 1]!.id) : null };
}
