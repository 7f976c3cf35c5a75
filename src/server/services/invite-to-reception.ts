// 约访: sets the matters whose petitioners a leader invites to an appointment day. Each case invited is
// one the scheduler may see, not archived, never an accusation seen from the accused body ([T22] Art
// 30); each invitation, change of time or place, and withdrawal is an event on the case, so its timeline
// says when and where the petitioner was asked to come, and the petitioner reads the time and place (not
// the leader's name, nor why it was withdrawn) on the portal.
import { AppError } from '../../shared/errors.ts';
import type { Actor, AppContext } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { canViewCase, isAccusedViewer } from '../policies/case-policy.ts';
import { findCase, insertEventsAndAudit, type NewEvent } from '../repositories/cases.ts';
import { deleteInvitations, insertInvitations, listInvitedCaseIds } from '../repositories/reception.ts';

/** The day as the invitation tells it. */
export interface InvitedDay {
  id: number; kind: string; day: string; startsAt: string; place: string; leaderName: string;
}

/** A reception day row (repositories/reception.ts findReceptionDay) as its invitations tell it. */
export const invitedDay = (d: { id: number; kind: string; day: string; starts_at: string; place: string; leader_name: string }): InvitedDay =>
  ({ id: d.id, kind: d.kind, day: d.day, startsAt: d.starts_at, place: d.place, leaderName: d.leader_name });

/**
 * Makes `caseIds` the day's invited matters (undefined: keep them, if the day is still an appointment).
 * `moved`: the day's time, place or leader changed, so those still invited are told again. `withdrawn`:
 * the day was called off (every invitation is withdrawn, with this reason).
 */
export async function inviteToReception(ctx: AppContext, trx: Tx, actor: Actor, day: InvitedDay, caseIds: number[] | undefined, opts: { moved?: boolean; withdrawn?: string } = {}): Promise<void> {
  const was = await listInvitedCaseIds(trx, day.id);
  const next = opts.withdrawn !== undefined ? [] : caseIds ?? was;
  if (next.length && day.kind !== 'appointment') throw new AppError('RECEPTION_INVITE_NOT_APPOINTMENT', { field: 'caseIds' });
  const added = next.filter((id) => !was.includes(id));
  const removed = was.filter((id) => !next.includes(id));
  for (const id of added) {
    const c = await findCase(trx, id);
    if (!c || c.state === 'archived' || !canViewCase(actor, c) || isAccusedViewer(actor, c)) throw new AppError('RECEPTION_INVITE_CASE_INVALID', { field: 'caseIds', caseId: id });
  }
  const told = opts.moved ? next.filter((id) => was.includes(id)) : [];
  if (!added.length && !removed.length && !told.length) return;

  const now = ctx.clock.now();
  await deleteInvitations(trx, day.id, removed);
  await insertInvitations(trx, day.id, added, actor.userId, now);
  const facts = { receptionDayId: day.id, day: day.day, startsAt: day.startsAt, place: day.place, leader: day.leaderName };
  const event = (caseId: number, type: string, data: Record<string, unknown>): NewEvent => ({
    caseId, type, fromState: null, toState: null, actorUserId: actor.userId, actorOrgId: actor.orgId, actorKind: 'staff', at: now, data, isPublic: true,
  });
  const events = [
    ...added.map((id) => event(id, 'reception_invite', facts)),
    ...told.map((id) => event(id, 'reception_invite', { ...facts, changed: true })),
    ...removed.map((id) => event(id, 'reception_invite_withdrawn', { ...facts, reason: opts.withdrawn ?? null })),
  ];
  await insertEventsAndAudit(trx, events, [{
    at: now, actorUserId: actor.userId, actorKind: 'staff', action: 'reception.invite', detail: { receptionDayId: day.id, added, removed, told },
  }]);
}
