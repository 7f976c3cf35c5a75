// SQL for the reminders the deadline sweep raises (jobs/sweep-deadlines.ts): read per body subtree.
import type { Executor } from '../db/database.ts';

export interface ReminderCursor { at: string; caseId: number; kind: string; clock: string }

/** Reminders raised for bodies in a subtree, newest first, keyset-paged; with the case's number,
 * title, state and current body. */
export async function listReminders(db: Executor, f: { scopePath: string; kind?: 'near' | 'overdue'; after?: ReminderCursor; limit: number }) {
  let q = db.selectFrom('reminders as r')
    .innerJoin('organisations as o', 'o.id', 'r.org_id')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .leftJoin('organisations as co', 'co.id', 'c.current_org_id')
    .select(['r.case_id', 'r.clock', 'r.due', 'r.kind', 'r.created_at', 'o.name as org_name', 'c.case_no', 'c.title', 'c.state', 'c.next_due', 'co.name as current_org_name'])
    .where('o.path', 'like', `${f.scopePath}%`);
  if (f.kind) q = q.where('r.kind', '=', f.kind);
  if (f.after) {
    const a = f.after;
    q = q.where((eb) => eb(eb.refTuple('r.created_at', 'r.case_id', 'r.kind', 'r.clock'), '<', eb.tuple(new Date(a.at), a.caseId, a.kind, a.clock)));
  }
  return q.orderBy('r.created_at', 'desc').orderBy('r.case_id', 'desc').orderBy('r.kind', 'desc').orderBy('r.clock', 'desc').limit(f.limit).execute();
}
