// Who may read citizen suggestions (人民建议征集) and record whether one is adopted: supervisors and
// administrators, each for the suggestions sent to the petition bureaus of their own area and below
// (a suggestion goes to the bureau of the area the citizen chose, migration 0018). (Free of
// server-only imports: the console's menu entry reads the roles from here.)
import { AppError } from '../../shared/errors.ts';
import type { Role } from '../../shared/enums.ts';

export const SUGGESTION_ROLES: readonly Role[] = ['supervisor', 'admin'];

/** Whether a suggestion sent to the body at `orgPath` is within the staff member's scope. */
export function canSeeSuggestion(actor: { scopePath: string }, s: { org_path: string | null }): boolean {
  return !!s.org_path && s.org_path.startsWith(actor.scopePath);
}

export function assertCanSeeSuggestion(actor: { scopePath: string }, s: { org_path: string | null }): void {
  if (!canSeeSuggestion(actor, s)) throw new AppError('SUGGESTION_OUT_OF_SCOPE');
}
