// One citizen suggestion for the staff who decide it, with the citizen's name and mobile masked. Each
// view is written to the audit log, as every view of a case's parties is.
import { AppError } from '../../shared/errors.ts';
import type { Actor, AppContext } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { findSuggestion } from '../repositories/portal.ts';
import { assertCanSeeSuggestion } from '../policies/suggestion-policy.ts';
import { insertAudit, type AuditEntry } from '../repositories/audit.ts';
import { presentSuggestionDetail, type SuggestionDetailT } from '../presenters/suggestion-presenter.ts';

/** The audit entry of a staff member's view of a suggestion's submitter (masked). */
export function suggestionViewAudit(ctx: AppContext, actor: Actor, id: number, ip?: string): AuditEntry {
  return { at: ctx.clock.now(), actorUserId: actor.userId, actorKind: 'staff', action: 'suggestion.view', ip: ip ?? null, detail: { id, masked: true } };
}

export async function viewSuggestion(ctx: AppContext, db: Executor, actor: Actor, id: number, ip?: string): Promise<SuggestionDetailT> {
  const row = await findSuggestion(db, id);
  if (!row) throw new AppError('SUGGESTION_NOT_FOUND');
  assertCanSeeSuggestion(actor, row);
  await insertAudit(db, [suggestionViewAudit(ctx, actor, id, ip)]);
  return presentSuggestionDetail(row);
}
