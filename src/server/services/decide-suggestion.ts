// Staff record whether a citizen suggestion is adopted, with the reply the citizen will read.
import { AppError } from '../../shared/errors.ts';
import type { Actor, AppContext } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { decideSuggestion as updateDecision } from '../repositories/portal.ts';
import { insertAudit } from '../repositories/audit.ts';

/** Marks a suggestion adopted or not adopted ([T22] Art 29: adopt fully or partly, and reply). */
export async function decideSuggestion(ctx: AppContext, db: Executor, actor: Actor, id: number, input: { adopted: boolean; reply: string }, ip?: string) {
  const now = ctx.clock.now();
  const row = await updateDecision(db, id, { status: input.adopted ? 'adopted' : 'not_adopted', reply: input.reply, by: actor.userId, at: now });
  if (!row) throw new AppError('NOT_FOUND');
  await insertAudit(db, [{ at: now, actorUserId: actor.userId, actorKind: 'staff', action: 'suggestion.decide', ip: ip ?? null, detail: { id, status: row.status } }]);
  return row;
}
