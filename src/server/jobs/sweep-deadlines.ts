// The deadline sweep: raises one reminder per case, clock and due date for every case whose running
// clock is due within 3 days ("near") or past ("overdue"), and marks evaluation windows that lapsed
// (超期未评价). Set-based SQL, so it stays fast on a million open cases.
import { sql } from 'kysely';
import { addCalendarDays, localDate } from '../../domain/calendar.ts';
import type { AppContext } from '../context.ts';
import { RUNNING_CLOCK } from '../../domain/lifecycle.ts';
import { queueCaseFacts } from '../services/queue-case-facts.ts';

// the name of the clock running in each state, as SQL
const CLOCK_OF_STATE = sql.raw(`CASE state ${Object.entries(RUNNING_CLOCK).filter(([, c]) => c).map(([s, c]) => `WHEN '${s}' THEN '${c}'`).join(' ')} END`);

export interface SweepResult { near: number; overdue: number; evaluationsExpired: number }

export async function sweepDeadlines(ctx: AppContext): Promise<SweepResult> {
  const now = ctx.clock.now();
  const today = localDate(now);
  const soon = addCalendarDays(today, 3);
  return ctx.db.transaction().execute(async (trx) => {
    // memory for the sort, and no JIT (compiling costs more than it saves here), in this transaction only
    await sql`SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`.execute(trx);
    // one range scan of cases by next_due (index-only: the index carries state and body, migration 0009)
    // and one INSERT for both kinds, in case_id order so the primary key and reminders_recent are
    // written in order; ON CONFLICT keeps a reminder raised once, also across app nodes
    const raised = await sql<{ kind: string; n: number }>`
      WITH ins AS (
        INSERT INTO reminders (case_id, clock, due, kind, org_id, created_at)
        SELECT id, ${CLOCK_OF_STATE}, next_due, CASE WHEN next_due < ${today} THEN 'overdue' ELSE 'near' END, current_org_id, ${now}
        FROM cases WHERE next_due <= ${soon} ORDER BY id
        ON CONFLICT DO NOTHING RETURNING kind)
      SELECT kind, count(*)::int AS n FROM ins GROUP BY kind`.execute(trx);
    const count = (kind: string) => raised.rows.find((r) => r.kind === kind)?.n ?? 0;
    // 超期未评价: the window closed unrated; recorded as an event on each case
    const expired = await sql<{ case_id: number }>`
      WITH lapsed AS (
        UPDATE cases SET evaluation_status = 'expired', updated_at = ${now}
        WHERE evaluation_status = 'pending' AND evaluation_due < ${today}
        RETURNING id, state, evaluation_due)
      INSERT INTO case_events (case_id, type, from_state, to_state, actor_kind, at, data, is_public)
      SELECT id, 'evaluation_expired', state, state, 'system', ${now}, jsonb_build_object('evaluationDue', evaluation_due), true FROM lapsed RETURNING case_id`.execute(trx);
    await queueCaseFacts(trx, expired.rows.map((r) => r.case_id));
    return {
      near: count('near'),
      overdue: count('overdue'),
      evaluationsExpired: expired.rows.length,
    };
  });
}
