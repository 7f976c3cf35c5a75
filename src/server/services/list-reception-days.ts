// Reads the reception-day calendar: the days a user may see (cancelled ones marked), with the visits received on each.
import { AppError } from '../../shared/errors.ts';
import { daysBetween, isValidLocalDate } from '../../domain/calendar.ts';
import type { Actor, AppContext } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { canSeeReceptionDay } from '../policies/reception-policy.ts';
import { findReceptionDay, listInvitationsOfDays, listReceptionDays as selectDays, listVisitsOfDays } from '../repositories/reception.ts';
import { presentReceptionDay, type ReceptionDayViewT } from '../presenters/reception-presenter.ts';

/** The longest span one calendar request may cover. */
export const MAX_SPAN_DAYS = 92;

/** Days in [from, to] of the actor's subtree and the actor's own reception days. */
export async function listReceptionDays(ctx: AppContext, actor: Actor, q: { from: string; to: string; leaderUserId?: number }): Promise<ReceptionDayViewT[]> {
  if (!isValidLocalDate(q.from) || !isValidLocalDate(q.to)) throw new AppError('INVALID_DATE');
  const span = daysBetween(q.from, q.to);
  if (span < 0 || span > MAX_SPAN_DAYS) throw new AppError('VALIDATION_FAILED', { field: 'to', reason: `from <= to, at most ${MAX_SPAN_DAYS} days` });
  const days = await selectDays(ctx.reader, { from: q.from, to: q.to, scopePath: actor.scopePath, viewerUserId: actor.userId, leaderUserId: q.leaderUserId });
  const ids = days.map((d) => d.id);
  const [visits, invitations] = await Promise.all([listVisitsOfDays(ctx.reader, ids), listInvitationsOfDays(ctx.reader, ids)]);
  const now = ctx.clock.now();
  return days.map((d) => presentReceptionDay(actor, d, visits, invitations, now));
}

/** One reception day, if the actor may see it (`now`: what the viewer may still change depends on it). */
export async function viewReceptionDay(db: Executor, actor: Actor, id: number, now: Date): Promise<ReceptionDayViewT> {
  const d = await findReceptionDay(db, id);
  if (!d || !canSeeReceptionDay(actor, d)) throw new AppError('RECEPTION_DAY_NOT_FOUND');
  const [visits, invitations] = await Promise.all([listVisitsOfDays(db, [d.id]), listInvitationsOfDays(db, [d.id])]);
  return presentReceptionDay(actor, d, visits, invitations, now);
}
