// SQL for what supervisors and leaders oversee: cases overdue or nearly due by responsible body,
// supervision notices by state, and the instructions (批示) leaders gave.
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import { OPEN_STATES } from '../../domain/lifecycle.ts';

export interface DueFilter {
  scopePath: string;
  /** The viewer's own body: accusations against it are left out ([T22] Art 30). */
  viewerOrgPath: string;
  today: string;
  /** Cases due on or before this day are listed (overdue: before today). */
  until: string;
}

const scope = (p: string) => sql`(c.current_org_path LIKE ${`${p}%`} OR c.registered_org_path LIKE ${`${p}%`} OR c.handling_org_path LIKE ${`${p}%`})`;
const notAccused = (viewerOrgPath: string) => sql`NOT (c.kind = 'accusation' AND c.accused_org_path IS NOT NULL AND ${viewerOrgPath} LIKE c.accused_org_path || '%')`;
const openStates = sql.join(OPEN_STATES.map((s) => sql`${s}`));

/** Per current (responsible) body: open cases overdue and due within the window. */
export async function countDueByBody(db: Executor, f: DueFilter) {
  const r = await sql<{ org_id: number; org_name: string; overdue: number; due_soon: number }>`
    SELECT c.current_org_id AS org_id, o.name AS org_name,
      count(*) FILTER (WHERE c.next_due < ${f.today})::int AS overdue,
      count(*) FILTER (WHERE c.next_due >= ${f.today})::int AS due_soon
    FROM cases c JOIN organisations o ON o.id = c.current_org_id
    WHERE c.next_due IS NOT NULL AND c.next_due <= ${f.until} AND c.state IN (${openStates})
      AND ${scope(f.scopePath)} AND ${notAccused(f.viewerOrgPath)}
    GROUP BY c.current_org_id, o.name
    ORDER BY count(*) FILTER (WHERE c.next_due < ${f.today}) DESC, count(*) DESC, c.current_org_id`.execute(db);
  return r.rows.map((x) => ({ ...x, org_id: Number(x.org_id), overdue: Number(x.overdue), due_soon: Number(x.due_soon) }));
}

/** The most urgent `perBody` of those cases for each body, with their open notices. */
export async function listDueCasesByBody(db: Executor, f: DueFilter, perBody: number) {
  const r = await sql<{
    id: number; case_no: string; title: string; state: string; next_due: string; version: number; current_org_id: number;
    is_owned: boolean; open_notices: number; notices: number;
  }>`
    SELECT id, case_no, title, state, next_due, version, current_org_id, is_owned, open_notices, notices FROM (
      SELECT c.id, c.case_no, c.title, c.state, c.next_due, c.version, c.current_org_id, c.is_owned,
        (SELECT count(*) FROM supervision_notices n WHERE n.case_id = c.id AND n.status = 'open')::int AS open_notices,
        (SELECT count(*) FROM supervision_notices n WHERE n.case_id = c.id)::int AS notices,
        row_number() OVER (PARTITION BY c.current_org_id ORDER BY c.next_due, c.id) AS rn
      FROM cases c
      WHERE c.next_due IS NOT NULL AND c.next_due <= ${f.until} AND c.state IN (${openStates})
        AND ${scope(f.scopePath)} AND ${notAccused(f.viewerOrgPath)}
    ) x WHERE rn <= ${perBody}
    ORDER BY current_org_id, next_due, id`.execute(db);
  return r.rows.map((x) => ({ ...x, id: Number(x.id), version: Number(x.version), current_org_id: Number(x.current_org_id), open_notices: Number(x.open_notices), notices: Number(x.notices) }));
}

/** Notices aimed at bodies in the scope, counted by their shown state. */
export async function countNoticesByState(db: Executor, scopePath: string, today: string) {
  const r = await sql<{ state: string; n: number }>`
    SELECT CASE
        WHEN n.status = 'answered' THEN 'answered'
        WHEN n.due_on < ${today} THEN 'overdue'
        WHEN EXISTS (SELECT 1 FROM supervision_chases s WHERE s.notice_id = n.id) THEN 'chased'
        ELSE 'open' END AS state,
      count(*)::int AS n
    FROM supervision_notices n JOIN organisations t ON t.id = n.target_org_id
    WHERE t.path LIKE ${`${scopePath}%`}
    GROUP BY 1`.execute(db);
  return r.rows.map((x) => ({ state: x.state, n: Number(x.n) }));
}

/** Instructions (批示) on cases: a leader's own, or all in a scope; newest first. */
export async function listInstructions(db: Executor, f: { leaderUserId?: number; scopePath: string; viewerOrgPath: string; limit: number }) {
  let q = db.selectFrom('case_events as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .innerJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.id', 'e.case_id', 'e.at', 'e.data', 'u.display_name as leader_name', 'c.case_no', 'c.title as case_title', 'c.state as case_state', 'c.next_due as case_next_due'])
    .where('e.type', '=', 'instruct');
  // a leader's own instructions stay theirs wherever the case went since; others see their scope
  q = f.leaderUserId ? q.where('e.actor_user_id', '=', f.leaderUserId) : q.where(sql<boolean>`${scope(f.scopePath)} AND ${notAccused(f.viewerOrgPath)}`);
  return q.orderBy('e.id', 'desc').limit(f.limit).execute();
}
