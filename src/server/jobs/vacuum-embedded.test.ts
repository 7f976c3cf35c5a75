// The embedded engine's housekeeping: dead rows of the churned tables are cleared (the emptied table
// gives its space back), and on a PostgreSQL server, whose autovacuum does it, nothing is done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { analyzeGrownEmbedded, inNightWindow, vacuumEmbedded } from './vacuum-embedded.ts';
import { completeIdempotencyKey } from '../repositories/idempotency.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => t.close());

const size = async (table: string) => Number((await sql<{ n: string }>`SELECT pg_relation_size(${table}) AS n`.execute(t.ctx.db)).rows[0]!.n);

describe('vacuuming the embedded engine', () => {
  it('clears the dead rows of the figures queue and the deltas on PGlite; leaves a PostgreSQL server to its autovacuum', async () => {
    await sql`INSERT INTO stats_case_queue (case_id) SELECT g FROM generate_series(1, 20000) g`.execute(t.ctx.db);
    await sql`INSERT INTO stats_rollup_deltas (org_id, org_path, day, metric, dim, n, w) SELECT 1, '/1/', '2026-03-02', 'sub', '', 1, 1 FROM generate_series(1, 20000)`.execute(t.ctx.db);
    await sql`DELETE FROM stats_case_queue`.execute(t.ctx.db);
    await sql`DELETE FROM stats_rollup_deltas`.execute(t.ctx.db);
    expect(await size('stats_case_queue')).toBeGreaterThan(0); // the deleted rows still take their pages
    const ran = await vacuumEmbedded(t.ctx, 'churned');
    if (t.ctx.engine === 'pglite') {
      expect(ran).toEqual(['stats_case_queue', 'stats_rollup_deltas']);
      expect(await size('stats_case_queue')).toBe(0);
      expect(await size('stats_rollup_deltas')).toBe(0);
    } else {
      expect(ran).toEqual([]);
      expect(await size('stats_case_queue')).toBeGreaterThan(0);
    }
    // the figures still read (the tables work after the vacuum)
    const res = await (await t.as('supervisor')).get('/api/v1/stats/figures?period=month');
    expect(res.statusCode, res.body).toBe(200);
  });

  it('vacuums every table once a night on PGlite, one at a time, serving what waits in between', async () => {
    if (t.ctx.engine !== 'pglite') {
      expect(await vacuumEmbedded(t.ctx, 'all')).toEqual([]);
      return;
    }
    const order: string[] = [];
    const nightly = vacuumEmbedded(t.ctx, 'all').then((tables) => { order.push('vacuum'); return tables; });
    await new Promise((r) => setImmediate(r)); // as a request arriving while the vacuum runs
    const read = sql`SELECT count(*) FROM cases`.execute(t.ctx.db).then(() => { order.push('read'); });
    const [tables] = await Promise.all([nightly, read]);
    // the read did not wait for the whole database
    expect(order).toEqual(['read', 'vacuum']);
    expect(tables).toEqual(expect.arrayContaining(['cases', 'case_events', 'audit_log', 'stats_case_queue']));
    expect(new Set(tables).size).toBe(tables.length);
    // with statistics for the planner
    const analysed = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_user_tables WHERE relname = 'cases' AND last_analyze IS NOT NULL`.execute(t.ctx.db);
    expect(analysed.rows[0]!.n).toBe(1);
  });

  it('analyses a table that has grown on PGlite, so a prepared statement planned while it was small is planned again', async () => {
    if (t.ctx.engine !== 'pglite') {
      await sql`INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response, created_at) SELECT 'grow', 'k' || g, 'h', 0, '{}', now() FROM generate_series(1, 2000) g`.execute(t.ctx.db);
      expect(await analyzeGrownEmbedded(t.ctx)).toEqual([]);
      return;
    }
    const scans = async () => {
      await sql`SELECT pg_stat_force_next_flush()`.execute(t.ctx.db);
      const r = (await sql<{ seq: string; idx: string }>`SELECT seq_scan AS seq, idx_scan AS idx FROM pg_stat_user_tables WHERE relname = 'idempotency_keys'`.execute(t.ctx.db)).rows[0]!;
      return { seq: Number(r.seq), idx: Number(r.idx) };
    };
    const complete = () => completeIdempotencyKey(t.ctx.db, 'grow', 'absent', 201, {});
    await sql`ANALYZE idempotency_keys`.execute(t.ctx.db);
    expect(await analyzeGrownEmbedded(t.ctx)).not.toContain('idempotency_keys');
    // the server's completion of a key, prepared and run while the table is small: planned as a scan
    for (let i = 0; i < 8; i++) await complete();
    await sql`INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response, created_at) SELECT 'grow', 'k' || g, 'h', 0, '{}', now() FROM generate_series(1, 5000) g`.execute(t.ctx.db);
    let before = await scans();
    await complete();
    // the plan made for the small table reads all 5,000 rows
    expect((await scans()).seq).toBe(before.seq + 1);

    expect(await analyzeGrownEmbedded(t.ctx)).toContain('idempotency_keys');
    before = await scans();
    await complete();
    const after = await scans();
    expect(after.seq).toBe(before.seq);
    expect(after.idx).toBe(before.idx + 1);
    // analysed, it has not grown since
    expect(await analyzeGrownEmbedded(t.ctx)).not.toContain('idempotency_keys');
  });

  it('runs the whole-database vacuum between 2 and 5 o\'clock China time only', () => {
    expect(inNightWindow(new Date('2026-03-02T02:00:00+08:00'))).toBe(true);
    expect(inNightWindow(new Date('2026-03-02T04:59:00+08:00'))).toBe(true);
    expect(inNightWindow(new Date('2026-03-02T05:00:00+08:00'))).toBe(false);
    expect(inNightWindow(new Date('2026-03-02T01:59:00+08:00'))).toBe(false);
    expect(inNightWindow(new Date('2026-03-01T19:00:00Z'))).toBe(true); // 03:00 in China
  });
});
