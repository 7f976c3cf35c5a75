// Citizen suggestions for the staff who decide them (those sent to the bureaus of their area and below): newest first, by status and topic, a page at a
// time (the cursor is the last id shown). A list row shows nothing about the citizen.
import { AppError } from '../../shared/errors.ts';
import { LIMITS, type SuggestionStatus } from '../../shared/enums.ts';
import type { Actor, AppContext } from '../context.ts';
import { listSuggestions } from '../repositories/portal.ts';
import { presentSuggestionSummary, type SuggestionPageT } from '../presenters/suggestion-presenter.ts';

function decode(s: string): number {
  try {
    const [id] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown[];
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) throw new Error('shape');
    return id;
  } catch {
    throw new AppError('INVALID_CURSOR');
  }
}
const encode = (id: number) => Buffer.from(JSON.stringify([id])).toString('base64url');

export async function listSuggestionsFor(ctx: AppContext, actor: Actor, q: { status?: SuggestionStatus; topic?: string; limit?: number; cursor?: string }): Promise<SuggestionPageT> {
  const limit = Math.min(Math.max(q.limit ?? 50, 1), LIMITS.pageSizeMax);
  const rows = await listSuggestions(ctx.reader, { scopePath: actor.scopePath, status: q.status, topic: q.topic, beforeId: q.cursor ? decode(q.cursor) : undefined, limit: limit + 1 });
  const page = rows.slice(0, limit);
  return { items: page.map(presentSuggestionSummary), nextCursor: rows.length > limit ? encode(page[page.length - 1]!.id) : null };
}
