// The reminders raised for the user's bodies (临期 and 超期 by the deadline sweep), newest first.
import { AppError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/enums.ts';
import type { Actor, AppContext } from '../context.ts';
import { listReminders, type ReminderCursor } from '../repositories/reminders.ts';

export interface ReminderView {
  caseId: number; caseNo: string; title: string; state: string; kind: string; clock: string; due: string;
  raisedAt: string; orgName: string; currentOrgName: string | null; nextDue: string | null;
}

function decode(s: string): ReminderCursor {
  try {
    const [at, caseId, kind, clock] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown[];
    if (typeof at !== 'string' || Number.isNaN(new Date(at).getTime()) || typeof caseId !== 'number' || !Number.isInteger(caseId)
      || typeof kind !== 'string' || typeof clock !== 'string') throw new Error('shape');
    return { at, caseId, kind, clock };
  } catch {
    throw new AppError('INVALID_CURSOR');
  }
}

export async function listRemindersFor(ctx: AppContext, actor: Actor, q: { kind?: 'near' | 'overdue'; limit?: number; cursor?: string }): Promise<{ items: ReminderView[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(q.limit ?? 50, 1), LIMITS.pageSizeMax);
  const rows = await listReminders(ctx.reader, { scopePath: actor.scopePath, kind: q.kind, after: q.cursor ? decode(q.cursor) : undefined, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const iso = (d: Date | string) => new Date(d).toISOString();
  return {
    items: page.map((r) => ({
      caseId: r.case_id, caseNo: r.case_no, title: r.title, state: r.state, kind: r.kind, clock: r.clock, due: String(r.due),
      raisedAt: iso(r.created_at), orgName: r.org_name, currentOrgName: r.current_org_name ?? null, nextDue: r.next_due ? String(r.next_due) : null,
    })),
    nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify([iso(last.created_at), last.case_id, last.kind, last.clock])).toString('base64url') : null,
  };
}
