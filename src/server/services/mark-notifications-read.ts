// Marks a staff member's own notices read: those named, those about one case (its page was opened), or
// all. Another user's notice is never touched.
import type { Actor, AppContext } from '../context.ts';
import { markNotificationsRead } from '../repositories/notifications.ts';

export async function markNotificationsReadFor(ctx: AppContext, actor: Actor, which: { ids?: number[]; all?: boolean; caseId?: number }): Promise<{ marked: number }> {
  const marked = await markNotificationsRead(ctx.db, actor.userId, which.all ? 'all' : which.caseId !== undefined ? { caseId: which.caseId } : which.ids ?? [], ctx.clock.now());
  return { marked };
}
