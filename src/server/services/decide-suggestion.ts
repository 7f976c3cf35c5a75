// Staff record whether a citizen suggestion is adopted, with the reply the citizen reads through the
// portal look-up ([T22] Art 29). The decision is made once: a second one is refused with
// SUGGESTION_ALREADY_DECIDED and changes nothing, also when two staff members decide at the same time
// (the write applies only to a suggestion still undecided).
import { AppError } from '../../shared/errors.ts';
import type { Actor, AppContext } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { decideSuggestion as recordDecision, findSuggestion } from '../repositories/portal.ts';
import { insertAudit } from '../repositories/audit.ts';
import { assertCanSeeSuggestion } from '../policies/suggestion-policy.ts';
import { presentSuggestionDetail, type SuggestionDetailT } from '../presenters/suggestion-presenter.ts';
import { suggestionViewAudit } from './view-suggestion.ts';

/** Marks a suggestion adopted or not adopted; `db` is the caller's transaction. Answers the suggestion as it now stands. */
export async function decideSuggestion(ctx: AppContext, db: Executor, actor: Actor, id: number, input: { adopted: boolean; partly?: boolean; reply: string }, ip?: string): Promise<SuggestionDetailT> {
  const now = ctx.clock.now();
  // [T22] Art 29: adopted in full or in part, or not; 'in part' only of an adoption
  if (input.partly && !input.adopted) throw new AppError('VALIDATION_FAILED', { field: 'partly', reason: 'only with adopted' });
  const status = !input.adopted ? 'not_adopted' : input.partly ? 'partly_adopted' : 'adopted';
  const before = await findSuggestion(db, id);
  if (!before) throw new AppError('SUGGESTION_NOT_FOUND');
  assertCanSeeSuggestion(actor, before);
  const decided = await recordDecision(db, id, { status, reply: input.reply.trim(), by: actor.userId, at: now });
  if (!decided) throw new AppError('SUGGESTION_ALREADY_DECIDED');
  await insertAudit(db, [
    { at: now, actorUserId: actor.userId, actorKind: 'staff', action: 'suggestion.decide', ip: ip ?? null, detail: { id, status } },
    suggestionViewAudit(ctx, actor, id, ip),
  ]);
  return presentSuggestionDetail((await findSuggestion(db, id))!);
}
