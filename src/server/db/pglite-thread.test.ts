// The embedded engine in a thread of its own (how the server runs it): the same answers as PGlite in
// the caller's thread, statements sent one behind the other outside transactions, and transactions
// that stay whole.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databaseFromPglite, deferWrite, openPglite, openPgliteThread, type DatabaseHandle } from './database.ts';
import { PgliteThread } from './pglite-thread.ts';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

type Row = Record<string, unknown>;
/** The same statements on a handle: what each answers, or the error's code and constraint. */
async function answers(h: DatabaseHandle): Promise<unknown[]> {
  const out: unknown[] = [];
  const run = async (f: () => Promise<unknown>) => {
    try {
      out.push(await f());
    } catch (e) {
      const err = e as { code?: string; constraint?: string; message: string };
      out.push({ error: err.code, constraint: err.constraint, message: err.message });
    }
  };
  await sql`CREATE TABLE v (id int PRIMARY KEY, at timestamptz, day date, doc jsonb, ids int[], tags text[], big int8, note text)`.execute(h.db);
  const at = new Date('2026-03-02T01:02:03.456Z');
  const insert = (id: number, ids: number[], tags: string[], note: string | null) =>
    h.db.insertInto('v' as never).values({ id, at, day: '2026-03-02', doc: JSON.stringify({ k: '值', ids }), ids, tags, big: 2 ** 40, note } as never).execute();
  await run(() => insert(1, [1, 2], ['甲', 'b,c', '"q"'], "it's"));
  await run(() => insert(2, [], [], null));
  await run(() => insert(1, [3], [], 'duplicate')); // prepared: the error from the protocol's answer
  await run(async () => (await sql`SELECT * FROM v WHERE note LIKE ${'it%'}`.execute(h.db)).rows); // unnamed: PGlite's query()
  await run(async () => (await sql`SELECT * FROM v WHERE ids = ${[1, 2]} OR tags = ${[]}::text[] ORDER BY id`.execute(h.db)).rows);
  await run(async () => (await sql`SELECT 1 / ${0}::int AS x`.execute(h.db)).rows);
  await run(async () => (await sql`SELECT x FROM v WHERE note LIKE ${'%'}`.execute(h.db)).rows); // an unnamed error
  await run(async () => (await sql.raw('CREATE TABLE w (n int); INSERT INTO w VALUES (1), (2)').execute(h.db)).rows);
  await run(async () => (await sql<Row>`SELECT count(*)::int8 AS n, array_agg(n ORDER BY n) AS ns FROM w`.execute(h.db)).rows);
  return out;
}

describe('the embedded engine in its own thread', () => {
  it('answers as PGlite does in the calling thread: values, arrays, JSON, errors with their code and constraint', async () => {
    const here = databaseFromPglite(await openPglite(undefined));
    const there = await openPgliteThread({});
    const [a, b] = [await answers(here), await answers(there)];
    expect(b).toEqual(a);
    expect(b[2]).toMatchObject({ error: '23505', constraint: 'v_pkey' });
    expect(b[5]).toMatchObject({ error: '22012' });
    expect(b[6]).toMatchObject({ error: '42703' });
    expect((b[4] as Row[]).map((r) => r.id)).toEqual([1, 2]);
    await here.close();
    await there.close();
  });

  it('sends a statement outside a transaction behind the last one, without waiting for its answer', async () => {
    const engine = await PgliteThread.start({});
    const h = databaseFromPglite(engine as never);
    await sql`SELECT ${1}::int AS n`.execute(h.db); // prepared once
    let inFlight = 0;
    let most = 0;
    const send = engine.execProtocol.bind(engine);
    engine.execProtocol = async (bytes, o) => {
      most = Math.max(most, ++inFlight);
      try {
        return await send(bytes, o);
      } finally {
        inFlight--;
      }
    };
    const got = await Promise.all(Array.from({ length: 40 }, (_, i) => sql<{ n: number }>`SELECT ${i}::int AS n`.execute(h.db)));
    expect(got.map((r) => r.rows[0]!.n)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(most).toBeGreaterThan(1);
    await h.close();
  });

  it('keeps a transaction whole while other statements are sent one behind the other: none runs inside it', async () => {
    const h = await openPgliteThread({});
    await sql`CREATE TABLE t (tag text)`.execute(h.db);
    // transactions that write, read their own write, then roll back; between them, reads from outside
    const tx = (i: number) => h.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO t VALUES (${`tx${i}`})`.execute(trx);
      await new Promise((r) => setTimeout(r, 1));
      const mine = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM t WHERE tag = ${`tx${i}`}`.execute(trx)).rows[0]!.n;
      if (mine !== 1) throw new Error(`transaction ${i} saw ${mine} of its rows`);
      throw new Error('roll back');
    }).catch((e: Error) => e.message);
    const outside = (i: number) => (i % 2 ? sql<{ n: number }>`SELECT count(*)::int AS n FROM t` : sql<{ n: number }>`SELECT count(*)::int AS n FROM t WHERE tag LIKE ${'%'}`)
      .execute(h.db).then((r) => r.rows[0]!.n);
    const work = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? tx(i) : outside(i)));
    const results = await Promise.all(work);
    // every transaction saw its own row and rolled back; no read outside saw an uncommitted row
    expect(results.filter((r) => typeof r === 'string')).toEqual(Array(10).fill('roll back'));
    expect(results.filter((r) => typeof r === 'number')).toEqual(Array(20).fill(0));
    await h.close();
  });

  it('after a COMMIT that fails, sends no ROLLBACK into the transaction of the use that came next', async () => {
    const h = await openPgliteThread({});
    await sql`CREATE TABLE u (n int PRIMARY KEY)`.execute(h.db);
    const insert = (n: number) => sql`INSERT INTO u VALUES (${n})`.compile(h.db);
    await deferWrite(h.db, insert(1)); // outside a transaction: at once (and the text prepared)
    // the duplicate fails the COMMIT it travels with; the next transaction already has the session
    const failing = h.db.transaction().execute(async (trx) => {
      await sql`SELECT n FROM u WHERE n = ${1}`.execute(trx);
      await deferWrite(trx, insert(1));
    });
    const next = h.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO u VALUES (${10})`.execute(trx);
      await new Promise((r) => setTimeout(r, 20));
      await sql`INSERT INTO u VALUES (${11})`.execute(trx);
    });
    await expect(failing).rejects.toMatchObject({ code: '23505' });
    await next;
    expect((await sql<{ n: number }>`SELECT n FROM u ORDER BY n`.execute(h.db)).rows.map((r) => r.n)).toEqual([1, 10, 11]);
    await h.close();
  });

  it('keeps what it wrote in its data folder when closed, and fails at once after', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xf-thread-'));
    dirs.push(dir);
    const first = await openPgliteThread({ dataDir: path.join(dir, 'db') });
    await sql`CREATE TABLE k (n int)`.execute(first.db);
    await first.db.transaction().execute(async (trx) => { await sql`INSERT INTO k VALUES (${7})`.execute(trx); });
    await first.close();
    await expect(sql`SELECT ${1}::int`.execute(first.db)).rejects.toThrow();
    const again = await openPgliteThread({ dataDir: path.join(dir, 'db') });
    expect((await sql<{ n: number }>`SELECT n FROM k`.execute(again.db)).rows).toEqual([{ n: 7 }]);
    await again.close();
  });

  it('reports an engine that cannot open, instead of waiting', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xf-thread-'));
    dirs.push(dir);
    const file = path.join(dir, 'not-a-dump.tar');
    (await import('node:fs')).writeFileSync(file, 'not a dump');
    await expect(PgliteThread.start({ loadFile: file })).rejects.toThrow();
  });
});
