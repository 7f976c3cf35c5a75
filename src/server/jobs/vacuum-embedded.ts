// Housekeeping the embedded engine needs and a PostgreSQL server does by itself. PGlite runs
// PostgreSQL in one process with no background workers, so no autovacuum: the rows the figures' queue
// and deltas take and drop every second, and every row an update replaces, would stay as dead rows,
// the tables would only grow, and every read that scans them (a figures read sums the unfolded deltas)
// would slow down month by month. So on PGlite the server vacuums the two churned queue tables every
// few minutes (milliseconds: they hold little) and the whole database once a night, with statistics
// for the planner (seconds on a county's data; the engine's one connection waits meanwhile, at night).
// On a PostgreSQL server this does nothing: its autovacuum does it.
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { localHour } from '../../domain/calendar.ts';

/** Tables rows are added to and deleted from all day (the figures' queue and the fold's deltas). */
export const CHURNED_TABLES = ['stats_case_queue', 'stats_rollup_deltas'] as const;

/** Vacuums the churned tables ('churned'), or the whole database with statistics ('all'), on PGlite. */
export async function vacuumEmbedded(ctx: AppContext, scope: 'churned' | 'all'): Promise<boolean> {
  if (ctx.engine !== 'pglite') return false;
  await sql.raw(scope === 'churned' ? `VACUUM ${CHURNED_TABLES.join(', ')}` : 'VACUUM (ANALYZE)').execute(ctx.db);
  return true;
}

/** The nightly window of the whole-database vacuum (China time): from 2 to 5 o'clock. */
export function inNightWindow(now: Date): boolean {
  const h = localHour(now);
  return h >= 2 && h < 5;
}
