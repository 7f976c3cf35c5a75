// Housekeeping the embedded engine needs and a PostgreSQL server does by itself. PGlite runs
// PostgreSQL in one process with no background workers, so no autovacuum: the rows the figures' queue
// and deltas take and drop every second, and every row an update replaces, would stay as dead rows,
// the tables would only grow, and every read that scans them (a figures read sums the unfolded deltas)
// would slow down month by month. So on PGlite the server vacuums the two churned queue tables every
// few minutes (milliseconds: they hold little) and the whole database once a night, with statistics
// for the planner, one table at a time: the engine's one connection serves the requests that waited
// between two tables, so a request waits at most for the largest table, not for the whole database
// (on the bench's 100,000 cases: 2.0 s for the cases table, 6.5 s for the 33 tables in all).
//
// Without autovacuum nothing analyses a table either, and a statement the server prepared keeps the
// plan it chose when the table was small: the idempotency keys, empty after a new install or a load,
// were completed by a sequential scan of the whole table by every submission until the night's vacuum
// (on the bench, 12,000 submissions read 70 million rows and W1 fell from 420 to 220/s). So every few
// seconds the server analyses each table written about as much as the planner last counted of it
// (analyzeGrownEmbedded): a table that fills from empty is analysed at 500 rows, then each time it has
// about doubled, a few milliseconds each while it is small, and the new statistics make the engine plan
// its prepared statements again. On a PostgreSQL server this all does nothing: its autovacuum does it.
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { localHour } from '../../domain/calendar.ts';

/** Tables rows are added to and deleted from all day (the figures' queue and the fold's deltas). */
export const CHURNED_TABLES = ['stats_case_queue', 'stats_rollup_deltas'] as const;

/** Vacuums the churned tables ('churned'), or every table with statistics ('all'), on PGlite; returns
 * the tables vacuumed (none on a PostgreSQL server). */
export async function vacuumEmbedded(ctx: AppContext, scope: 'churned' | 'all'): Promise<string[]> {
  if (ctx.engine !== 'pglite') return [];
  if (scope === 'churned') {
    await sql.raw(`VACUUM ${CHURNED_TABLES.join(', ')}`).execute(ctx.db);
    return [...CHURNED_TABLES];
  }
  // the tables of the application's schema, largest first; each VACUUM is a statement of its own
  const tables = (await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'm') ORDER BY pg_total_relation_size(c.oid) DESC, c.relname`.execute(ctx.db)).rows.map((r) => r.name);
  for (const table of tables) {
    // the engine runs in this thread and a statement never waits on input or output: without a turn of
    // the event loop between two tables, requests that arrived meanwhile would not even be read
    await new Promise((resolve) => setImmediate(resolve));
    await sql`VACUUM (ANALYZE) ${sql.id(table)}`.execute(ctx.db);
  }
  return tables;
}

/** Rows written since the last analysis beyond the rows then counted that make a table worth analysing
 * again: a table filling from empty is analysed at 500 rows written, then each time it has about doubled. */
const GROWN_MIN_ROWS = 500;

/** Analyses, on PGlite, each table of the application (but the churned ones, vacuumed on their own)
 * whose rows written (inserted, updated or deleted) since its last analysis exceed the rows that
 * analysis counted by GROWN_MIN_ROWS; returns the tables analysed (none on a PostgreSQL server). The
 * check reads the statistics counters in memory (about a millisecond); one table a statement, with a
 * turn of the event loop before each, as the nightly vacuum. */
export async function analyzeGrownEmbedded(ctx: AppContext): Promise<string[]> {
  if (ctx.engine !== 'pglite') return [];
  const tables = (await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname NOT IN (${sql.join(CHURNED_TABLES)})
      AND pg_stat_get_mod_since_analyze(c.oid) >= greatest(c.reltuples, 0) + ${GROWN_MIN_ROWS}
    ORDER BY c.relname`.execute(ctx.db)).rows.map((r) => r.name);
  for (const table of tables) {
    await new Promise((resolve) => setImmediate(resolve));
    await sql`ANALYZE ${sql.id(table)}`.execute(ctx.db);
  }
  return tables;
}

/** The nightly window of the whole-database vacuum (China time): from 2 to 5 o'clock. */
export function inNightWindow(now: Date): boolean {
  const h = localHour(now);
  return h >= 2 && h < 5;
}
