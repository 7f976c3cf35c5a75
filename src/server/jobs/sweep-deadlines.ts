// The deadline sweep: raises one reminder per case, clock and due date for every case whose running
// clock is due within 3 days ("near") or past ("overdue"), and marks evaluation windows that lapsed
// (超期未评价). Set-based SQL, so it stays fast on a million open cases.
import { sql } from 'kysely';
import { addCalendarDays, localDate } from '../../domain/calendar.ts';
import type { AppContext } from '../context.ts';
import { RUNNING_CLOCK } from '../../domain/lifecycle.ts';
import { applyCaseFacts } from '../services/apply-case-facts.ts';

// the name of the clock running in each state, as SQL
const CLOCK_OF_STATE = sql.raw(`CASE state ${Object.entries(RUNNING_CLOCK).filter(([, c]) => c).map(([s, c]) => `WHEN '${s}' THEN '${c}'`).join(' ')} END`);

export interface SweepResult { near: number; overdue: number; evaluationsExpired: number }

export async function sweepDeadlines(ctx: AppContext): Promise<SweepResult> {
  const now = ctx.clock.now();
  const today = localDate(now);
  const soon = addCalendarDays(today, 3);
  return ctx.db.transaction().execute(async (trx) => {
    const near = await sql`
      INSERT INTO reminders (case_id, clock, due, kind, org_id, created_at)
      SELECT id, ${CLOCK_OF_STATE}, next_due, 'near', current_org_id, ${now} FROM cases
      WHERE next_due >= ${today} AND next_due <= ${soon}
      ON CONFLICT DO NOTHING`.execute(trx);
    const overdue = await sql`
      INSERT INTO reminders (case_id, clock, due, kind, org_id, created_at)
      SELECT id, ${CLOCK_OF_STATE}, next_due, 'overdue', current_org_id, ${now} FROM cases
      WHERE next_due < ${today}
      ON CONFLICT DO NOTHING`.execute(trx);
    // 超期未评价: the window closed unrated; recorded as an event on each case
    const expired = await sql<{ case_id: number }>`
      WITH lapsed AS (
        UPDATE cases SET evaluation_status = 'expired', updated_at = ${now}
        WHERE evaluation_status = 'pending' AND evaluation_due < ${today}
        RETURNING id, state, evaluation_due)
      INSERT INTO case_events (case_id, type, from_state, to_state, actor_kind, at, data, is_public)
      SELECT id, 'evaluation_expired', state, state, 'system', ${now}, jsonb_build_object('evaluationDue', evaluation_due), true FROM lapsed RETURNING case_id`.execute(trx);
    await applyCaseFacts(trx, expired.rows.map((r) => r.case_id));
    return {
      near: Number(near.numAffectedRows ?? 0),
      overdue: Number(overdue.numAffectedRows ?? 0),
      evaluationsExpired: expired.rows.length,
    };
  });
}
