// Who may see and act on a case. A user works on the cases of their own body and the bodies below
// it (a petition bureau on its government's whole area); an accused body never sees who accused it.
import { AppError, type ErrorCode } from '../../shared/errors.ts';
import { isRoleAllowed, type Action } from '../../domain/lifecycle.ts';
import type { Actor } from '../context.ts';
import type { CaseRow } from '../db/schema.ts';

const under = (path: string | null | undefined, scope: string) => !!path && path.startsWith(scope);

type ScopeFacts = Pick<CaseRow, 'current_org_path' | 'registered_org_path' | 'handling_org_path'>;

/** Whether the case is in the user's own line of work: current, registering or handling body below them. */
function isInScope(actor: Actor, c: ScopeFacts): boolean {
  return under(c.current_org_path, actor.scopePath) || under(c.registered_org_path, actor.scopePath) || under(c.handling_org_path, actor.scopePath);
}

/** [T22] Art 24: whether the user's body (or one below it) takes part in the matter as a co-handling body. */
export function isCoHandler(actor: Actor, c: Partial<Pick<CaseRow, 'co_org_paths'>>): boolean {
  return !!c.co_org_paths?.some((p) => under(p, actor.scopePath));
}

/** Art 24: the co-handling body the user works in (their body or one above it), whose opinion they give; -1 if none. */
export function coBodyIndex(actor: Actor, c: Pick<CaseRow, 'co_org_paths'>): number {
  return c.co_org_paths.findIndex((p) => actor.orgPath.startsWith(p));
}

/** Whether the user may see the case: it is in their scope, or their body co-handles it. */
export function canViewCase(actor: Actor, c: ScopeFacts & Partial<Pick<CaseRow, 'co_org_paths'>>): boolean {
  if (actor.role === 'admin') return false;
  return isInScope(actor, c) || isCoHandler(actor, c);
}

/** [T22] Art 30: whether a body (by its path) is the accused body of an accusation or inside it. Such a
 * body never receives the matter: not by forwarding or assignment, nor for review or re-review. */
export function isInsideAccused(c: Pick<CaseRow, 'kind' | 'accused_org_path'>, orgPath: string): boolean {
  return c.kind === 'accusation' && !!c.accused_org_path && orgPath.startsWith(c.accused_org_path);
}

/** [T22] Art 30: the accused body and its staff never see who accused them nor the material. */
export function isAccusedViewer(actor: Actor, c: Pick<CaseRow, 'kind' | 'accused_org_path'>): boolean {
  return isInsideAccused(c, actor.orgPath);
}

/** The body that must act in the current state is the case's current body; staff above it may act too. */
export function isActingBody(actor: Actor, c: Pick<CaseRow, 'current_org_path'>): boolean {
  return under(c.current_org_path, actor.scopePath);
}

/** Why the user may not fire the action on this case from where they sit (the error to answer with),
 * or null when they may. */
export function actionRefusal(actor: Actor, c: CaseRow, action: Action): { code: ErrorCode; details?: unknown } | null {
  if (!canViewCase(actor, c)) return { code: 'OUT_OF_SCOPE' };
  if (!isRoleAllowed(action, actor.role)) return { code: 'ROLE_NOT_ALLOWED', details: { action } };
  // a co-handling body gives its opinion and does nothing else on the matter (Art 24)
  if (action === 'contribute') {
    if (coBodyIndex(actor, c) < 0) return { code: 'NOT_CO_HANDLER' };
    if (isAccusedViewer(actor, c)) return { code: 'FORBIDDEN' };
    return null;
  }
  if (!isInScope(actor, c)) return { code: 'OUT_OF_SCOPE' };
  // Art 24: the accepting body is designated by the common superior of every body that objected
  if (action === 'designate' && !c.objected_org_paths.every((p) => under(p, actor.scopePath))) return { code: 'NOT_COMMON_SUPERIOR' };
  // the petitioner's own acts (rating, asking for review) are also recorded where the matter was
  // registered, after review or re-review took it one level up
  const isPetitionerAct = isRoleAllowed(action, 'petitioner') && under(c.registered_org_path, actor.scopePath);
  if (!SCOPE_WIDE.has(action) && !isActingBody(actor, c) && !isPetitionerAct) return { code: 'OUT_OF_SCOPE' };
  if (isAccusedViewer(actor, c)) return { code: 'FORBIDDEN' };
  return null;
}

/** Leaders instruct and own, supervisors supervise, anywhere in their scope; everything else is the current body's work. */
const SCOPE_WIDE: ReadonlySet<Action> = new Set<Action>(['instruct', 'own', 'supervise', 'follow_up', 'send_back', 'archive']);

/** Throws unless the user's role may fire the action on this case from where they sit. */
export function assertCanAct(actor: Actor, c: CaseRow, action: Action): void {
  const refusal = actionRefusal(actor, c, action);
  if (refusal) throw new AppError(refusal.code, refusal.details);
}

/** Whether the user may fire the action on this case (the actions a case page offers). */
export function mayAct(actor: Actor, c: CaseRow, action: Action): boolean {
  return actionRefusal(actor, c, action) === null;
}

export function assertCanViewCase(actor: Actor, c: CaseRow): void {
  if (!canViewCase(actor, c)) throw new AppError('OUT_OF_SCOPE');
}

export function assertRole(actor: Actor, roles: Actor['role'][]): void {
  if (!roles.includes(actor.role)) throw new AppError('ROLE_NOT_ALLOWED');
}
