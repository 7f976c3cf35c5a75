// Who may see and act on a screened dispute: the same scope rule as cases (own body and the bodies
// below it; a petition bureau its government's whole area). Administrators see the figures only.
import { AppError } from '../../shared/errors.ts';
import type { Role } from '../../shared/enums.ts';
import type { Actor } from '../context.ts';
import type { DisputeRow } from '../db/schema-disputes.ts';

export const DISPUTE_RECORD_ROLES: readonly Role[] = ['clerk', 'handler', 'supervisor', 'leader'];
/** Converting registers a case: the roles that register cases. */
export const DISPUTE_CONVERT_ROLES: readonly Role[] = ['clerk', 'handler', 'supervisor'];
export const DISPUTE_FIGURE_ROLES: readonly Role[] = ['clerk', 'handler', 'supervisor', 'leader', 'admin'];

export function canViewDispute(actor: Actor, d: Pick<DisputeRow, 'org_path' | 'responsible_org_path'>): boolean {
  if (actor.role === 'admin') return false;
  return d.org_path.startsWith(actor.scopePath) || d.responsible_org_path.startsWith(actor.scopePath);
}

/** Out of scope reads as not found, so ids outside the user's area reveal nothing. */
export function assertCanViewDispute(actor: Actor, d: DisputeRow | undefined): asserts d is DisputeRow {
  if (!d || !canViewDispute(actor, d)) throw new AppError('DISPUTE_NOT_FOUND');
}

export function assertDisputeRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) throw new AppError('ROLE_NOT_ALLOWED');
}

/** A body the user may name (screening body, responsible body, figures): within their scope. */
export function isOrgInScope(actor: Actor, orgPath: string): boolean {
  return orgPath.startsWith(actor.scopePath);
}
