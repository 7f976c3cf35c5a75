// Lists cases in the user's scope with filters and keyset paging; named work queues are filter presets.
import { AppError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/enums.ts';
import { addCalendarDays, localDate } from '../../domain/calendar.ts';
import { OPEN_STATES } from '../../domain/lifecycle.ts';
import type { Actor, AppContext } from '../context.ts';
import { listCases, type CaseFilter, type CaseSort, type Cursor } from '../repositories/cases.ts';
import { findOrg } from '../repositories/organisations.ts';
import { listCategories } from '../repositories/categories.ts';
import { presentCaseSummary, type CaseSummaryView } from '../presenters/case-presenter.ts';

export const QUEUES = ['to_register', 'to_route', 'to_accept', 'in_handling', 'to_deliver', 'due_soon', 'overdue', 'extension_approval', 'awaiting_evaluation', 'in_review', 'mine_open', 'owned', 'urgent', 'co_handling'] as const;
export type Queue = (typeof QUEUES)[number];

export interface ListQuery {
  queue?: Queue;
  state?: string;
  kind?: string;
  categoryId?: number;
  orgId?: number;
  /** With orgId: that body alone (its current cases), not the bodies below it. */
  orgOnly?: boolean;
  channel?: string;
  from?: string;
  to?: string;
  dueWithin?: number;
  overdue?: boolean;
  repeat?: boolean;
  collective?: boolean;
  /** Marked as a possible repeat of a final matter (Art 36) and not decided yet. */
  repeatOfFinal?: boolean;
  q?: string;
  sort?: CaseSort;
  limit?: number;
  cursor?: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.v, c.id])).toString('base64url');
}

export function decodeCursor(s: string): Cursor {
  try {
    const [v, id] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as [unknown, unknown];
    if ((v !== null && typeof v !== 'string') || typeof id !== 'number' || !Number.isInteger(id)) throw new Error('shape');
    if (typeof v === 'string' && Number.isNaN(new Date(v).getTime())) throw new Error('value');
    return { v, id };
  } catch {
    throw new AppError('INVALID_CURSOR');
  }
}

/** One page of the cases the user may see, newest or most urgent first. */
export async function listCasesFor(ctx: AppContext, actor: Actor, q: ListQuery): Promise<{ items: CaseSummaryView[]; nextCursor: string | null }> {
  const today = localDate(ctx.clock.now());
  const f: CaseFilter = { scopePath: actor.scopePath };
  let sort: CaseSort = q.sort ?? 'received_desc';
  switch (q.queue) {
    case 'to_register': f.states = ['registered']; f.channel = 'online'; break;
    case 'to_route': f.states = ['registered']; break;
    case 'to_accept': f.states = ['awaiting_acceptance']; break;
    case 'in_handling': f.states = ['handling']; break;
    case 'to_deliver': f.states = ['answered']; break;
    case 'due_soon': f.dueFrom = today; f.dueBefore = addCalendarDays(today, 3); sort = q.sort ?? 'due_asc'; break;
    case 'overdue': f.dueBefore = addCalendarDays(today, -1); sort = q.sort ?? 'due_asc'; break;
    case 'extension_approval': f.states = ['handling']; f.extensionPending = true; break;
    case 'awaiting_evaluation': f.evaluationPending = true; break;
    case 'in_review': f.states = ['reviewing', 're_reviewing']; break;
    case 'mine_open': f.currentOrgId = actor.orgId; f.currentOrgPath = actor.orgPath; f.states = [...OPEN_STATES]; sort = q.sort ?? 'due_asc'; break;
    case 'owned': f.ownedBy = actor.userId; break;
    // [T22] Art 25: open matters reported as major or urgent to a government of the user's area
    case 'urgent': f.urgentUnder = actor.scopePath; f.states = [...OPEN_STATES]; break;
    // [T22] Art 24: open matters the user's own body takes part in as a co-handling body
    case 'co_handling': f.coOrgId = actor.orgId; f.states = [...OPEN_STATES]; sort = q.sort ?? 'due_asc'; break;
    default: break;
  }
  if (q.state) f.states = q.state.split(',').filter(Boolean);
  if (q.kind) f.kind = q.kind;
  if (q.channel) f.channel = q.channel;
  if (q.categoryId) {
    const cats = await listCategories(ctx.reader);
    f.categoryIds = [q.categoryId, ...cats.filter((c) => c.parent_id === q.categoryId).map((c) => c.id)];
  }
  if (q.orgId) {
    const org = await findOrg(ctx.reader, q.orgId);
    if (!org) throw new AppError('UNKNOWN_ORG');
    if (q.orgOnly) { f.currentOrgId = org.id; f.currentOrgPath = org.path; } else f.orgPath = org.path;
  }
  const parseDay = (s: string, field: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(new Date(`${s}T00:00:00+08:00`).getTime())) throw new AppError('INVALID_DATE', { field });
    return new Date(`${s}T00:00:00+08:00`);
  };
  if (q.from) f.receivedFrom = parseDay(q.from, 'from');
  if (q.to) f.receivedTo = new Date(parseDay(q.to, 'to').getTime() + 86_400_000);
  if (q.dueWithin !== undefined) { f.dueFrom = today; f.dueBefore = addCalendarDays(today, q.dueWithin); }
  if (q.overdue) f.dueBefore = addCalendarDays(today, -1);
  if (q.repeat !== undefined) f.isRepeat = q.repeat;
  if (q.collective !== undefined) f.isCollective = q.collective;
  if (q.repeatOfFinal !== undefined) f.repeatOfFinalUndecided = q.repeatOfFinal;
  if (q.q) f.text = q.q.trim().slice(0, 100);
  const limit = Math.min(q.limit ?? 20, LIMITS.pageSizeMax);
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  // a due-date cursor holds a date (or null); a received cursor a timestamp
  if (cursor?.v != null && sort === 'due_asc' && !/^\d{4}-\d{2}-\d{2}$/.test(cursor.v)) throw new AppError('INVALID_CURSOR');
  const rows = await listCases(ctx.reader, f, sort, limit + 1, cursor);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last
    ? encodeCursor({ v: sort === 'due_asc' ? last.next_due : new Date(last.received_at).toISOString(), id: last.id })
    : null;
  return { items: page.map((r) => presentCaseSummary(r, today)), nextCursor };
}
