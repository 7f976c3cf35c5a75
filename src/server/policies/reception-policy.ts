// Who may schedule reception days (领导接待日), see them and record the visits received on them.
// A body schedules for itself and the bodies below it, with leaders from that same subtree: a
// township cannot put a day on another township's calendar nor on a county leader's. Whoever may
// schedule a day as it stands may also edit or cancel it.
import { AppError } from '../../shared/errors.ts';
import type { Role } from '../../shared/enums.ts';
import type { Actor } from '../context.ts';

export const RECEPTION_SCHEDULERS: Role[] = ['leader', 'supervisor', 'admin'];
export const RECEPTION_RECORDERS: Role[] = ['clerk', 'handler', 'supervisor', 'leader'];
/** Roles that may register a new case while recording a visit (as for POST /cases). */
export const RECEPTION_REGISTRARS: Role[] = ['clerk', 'handler', 'supervisor'];

const under = (path: string, scope: string) => path.startsWith(scope);

/** Throws unless the actor may schedule `leader` to receive for the body at `orgPath`. */
export function assertCanSchedule(actor: Actor, orgPath: string, leaderOrgPath: string): void {
  if (!RECEPTION_SCHEDULERS.includes(actor.role)) throw new AppError('ROLE_NOT_ALLOWED');
  if (!under(orgPath, actor.scopePath) || !under(leaderOrgPath, actor.scopePath)) throw new AppError('OUT_OF_SCOPE');
}

/** A day is seen by its body's subtree (and above it) and by the leader who receives. */
export function canSeeReceptionDay(actor: Actor, day: { org_path: string; leader_user_id: number }): boolean {
  return under(day.org_path, actor.scopePath) || day.leader_user_id === actor.userId;
}

/** Throws unless the actor may edit or cancel the day: who may schedule it as it stands (404 when they cannot even see it). */
export function assertCanChangeReceptionDay(actor: Actor, day: { org_path: string; leader_user_id: number; leader_org_path: string }): void {
  if (!RECEPTION_SCHEDULERS.includes(actor.role)) throw new AppError('ROLE_NOT_ALLOWED');
  if (!canSeeReceptionDay(actor, day)) throw new AppError('RECEPTION_DAY_NOT_FOUND');
  assertCanSchedule(actor, day.org_path, day.leader_org_path);
}

/** The instant a reception begins (its day and start time, China time). */
export function receptionBeginsAt(day: { day: string; starts_at: string }): Date {
  return new Date(`${day.day}T${day.starts_at}:00+08:00`);
}

/**
 * Whether the actor may edit or cancel the day now: a scheduler of its scope, the day still on, not
 * yet begun, with no visit recorded. (What the console offers; the services check each part.)
 */
export function canChangeReceptionDay(actor: Actor, day: { org_path: string; leader_user_id: number; leader_org_path: string; day: string; starts_at: string; cancelled_at: unknown }, visitCount: number, now: Date): boolean {
  return RECEPTION_SCHEDULERS.includes(actor.role) && under(day.org_path, actor.scopePath) && under(day.leader_org_path, actor.scopePath)
    && day.cancelled_at === null && visitCount === 0 && now < receptionBeginsAt(day);
}

/** Throws unless the actor may record a visit on the day (registering a case needs a registrar's role). */
export function assertCanRecordVisit(actor: Actor, day: { org_path: string; leader_user_id: number }, registers: boolean): void {
  if (!RECEPTION_RECORDERS.includes(actor.role)) throw new AppError('ROLE_NOT_ALLOWED');
  if (registers && !RECEPTION_REGISTRARS.includes(actor.role)) throw new AppError('ROLE_NOT_ALLOWED');
  if (!canSeeReceptionDay(actor, day)) throw new AppError('RECEPTION_DAY_NOT_FOUND');
}
