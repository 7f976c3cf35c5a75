import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import fc from 'fast-check';
import { protocol } from '@electric-sql/pglite';
import { bindExecuteSync, databaseFromPglite, deferWrite, openPglite, preparedNameOf } from './database.ts';
import { migrate, listMigrations } from './migrate.ts';

describe('embedded database', () => {
  it('serialises transactions on its single connection, so concurrent work never interleaves', async () => {
    const h = databaseFromPglite(await openPglite(undefined));
    await sql`CREATE TABLE t (n int)`.execute(h.db);
    const seen: string[] = [];
    const work = (id: string) => h.db.transaction().execute(async (trx) => {
      seen.push(`${id}:begin`);
      await sql`INSERT INTO t VALUES (1)`.execute(trx);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(`${id}:end`);
      if (id === 'b') throw new Error('roll back b');
    });
    const results = await Promise.allSettled([work('a'), work('b'), work('c'), h.db.selectFrom('t' as never).selectAll().execute()]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(seen).toEqual(['a:begin', 'a:end', 'b:begin', 'b:end', 'c:begin', 'c:end']);
    const n = await sql<{ n: number }>`SELECT count(*)::int8 AS n FROM t`.execute(h.db);
    expect(n.rows[0]!.n).toBe(2); // b rolled back
    await h.close();
  });

  it('applies every migration once, in order', async () => {
    const h = databaseFromPglite(await openPglite(undefined));
    const first = await migrate(h.db);
    expect(first).toEqual(listMigrations().map((m) => m.name));
    expect(await migrate(h.db)).toEqual([]);
    const audit = sql`UPDATE audit_log SET action = 'x'`;
    await sql`INSERT INTO audit_log (at, actor_kind, action) VALUES (now(), 'system', 'test')`.execute(h.db);
    await expect(audit.execute(h.db)).rejects.toThrow(/append-only/);
    await h.close();
  });
});

describe('prepared statements on the embedded engine', () => {
  it('binds every kind of value, reports errors with their code, and is shared by every handle on the engine', async () => {
    const pglite = await openPglite(undefined);
    const a = databaseFromPglite(pglite);
    const b = databaseFromPglite(pglite); // a second Kysely handle on the same session (the bench does this)
    await sql`CREATE TABLE v (id int PRIMARY KEY, at timestamptz, day date, doc jsonb, ids int[], note text, flag boolean)`.execute(a.db);
    const insert = (db: typeof a.db, row: { id: number; at: Date; day: string; doc: unknown; ids: number[]; note: string | null; flag: boolean }) =>
      db.insertInto('v' as never).values({ ...row, doc: JSON.stringify(row.doc) } as never).execute();
    const at = new Date('2026-03-02T01:02:03.456Z');
    await insert(a.db, { id: 1, at, day: '2026-03-02', doc: { k: '值' }, ids: [1, 2], note: "it's", flag: true });
    await insert(b.db, { id: 2, at, day: '2026-03-03', doc: [1], ids: [], note: null, flag: false }); // same text, other handle
    const rows = await b.db.selectFrom('v' as never).selectAll().where('id' as never, 'in', [1, 2] as never).orderBy('id' as never).execute() as Record<string, unknown>[];
    expect(rows).toEqual([
      { id: 1, at, day: '2026-03-02', doc: { k: '值' }, ids: [1, 2], note: "it's", flag: true },
      { id: 2, at, day: '2026-03-03', doc: [1], ids: [], note: null, flag: false },
    ]);
    // an error inside a prepared statement keeps its code, and the connection goes on working
    await expect(insert(a.db, { id: 1, at, day: '2026-03-04', doc: {}, ids: [], note: null, flag: true })).rejects.toMatchObject({ code: '23505' });
    const updated = await a.db.updateTable('v' as never).set({ note: 'x' } as never).where('id' as never, '=', 2 as never).executeTakeFirst();
    expect(Number(updated.numUpdatedRows)).toBe(1);
    await a.db.transaction().execute(async (trx) => { await insert(trx, { id: 3, at, day: '2026-03-05', doc: {}, ids: [3], note: null, flag: true }); });
    expect((await sql<{ n: number }>`SELECT count(*)::int8 AS n FROM v`.execute(b.db)).rows[0]!.n).toBe(3);
    // the statements above were prepared once in the engine's session, under the server's names
    const prepared = await pglite.query<{ name: string; statement: string }>(`SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'xf\\_%'`);
    expect(prepared.rows.filter((r) => r.statement.startsWith('insert into "v"'))).toHaveLength(1);
    await a.close();
  });
});

describe('transactions on the embedded engine (BEGIN sent with the first statement)', () => {
  it('opens the transaction before its first statement, whichever way that statement is sent, and ends it', async () => {
    const pglite = await openPglite(undefined);
    const h = databaseFromPglite(pglite);
    await sql`CREATE TABLE w (n int PRIMARY KEY, p text)`.execute(h.db);
    const inTx = () => pglite.isInTransaction();
    // a prepared first statement carries BEGIN: rolled back with the rest
    await expect(h.db.transaction().execute(async (trx) => {
      expect(inTx()).toBe(false); // nothing sent yet
      await sql`INSERT INTO w VALUES (${1}, 'a')`.execute(trx);
      expect(inTx()).toBe(true);
      await sql`INSERT INTO w VALUES (${2}, 'b')`.execute(trx);
      throw new Error('undo');
    })).rejects.toThrow('undo');
    expect(inTx()).toBe(false);
    // an unnamed first statement (LIKE) sends BEGIN first: rolled back as well
    await expect(h.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO w SELECT 3, 'c' WHERE 'c' LIKE ${'c%'}`.execute(trx);
      expect(inTx()).toBe(true);
      throw new Error('undo');
    })).rejects.toThrow('undo');
    // a first statement that fails: the transaction is rolled back and the connection goes on
    await sql`INSERT INTO w VALUES (${9}, 'kept')`.execute(h.db);
    await expect(h.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO w VALUES (${9}, 'dup')`.execute(trx);
    })).rejects.toMatchObject({ code: '23505' });
    expect(inTx()).toBe(false);
    // a transaction with no statement sends nothing; one that commits keeps its rows
    await h.db.transaction().execute(async () => {});
    await h.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO w VALUES (${4}, 'd')`.execute(trx);
      await sql`INSERT INTO w VALUES (${5}, 'e')`.execute(trx);
    });
    const rows = await sql<{ n: number; p: string }>`SELECT n, p FROM w ORDER BY n`.execute(h.db);
    expect(rows.rows).toEqual([{ n: 4, p: 'd' }, { n: 5, p: 'e' }, { n: 9, p: 'kept' }]);
    expect(inTx()).toBe(false);
    await h.close();
  });
});

describe('the bind message written for the embedded engine', () => {
  it('is byte for byte what the protocol serializer writes, for any text values and nulls', () => {
    const { serialize } = protocol;
    fc.assert(fc.property(fc.string({ maxLength: 30 }), fc.array(fc.option(fc.string({ unit: 'binary' }), { nil: null }), { maxLength: 50 }), (name, values) => {
      const expected = Buffer.concat([serialize.bind({ statement: name.replace(/\0/g, ''), values }), serialize.execute({}), serialize.sync()]);
      expect(Buffer.from(bindExecuteSync(name.replace(/\0/g, ''), values)).equals(expected)).toBe(true);
    }));
  });
});

describe('deferred writes on the embedded engine', () => {
  it('go with the next statement or the COMMIT, fail the transaction there, and are dropped by a rollback', async () => {
    const pglite = await openPglite(undefined);
    const h = databaseFromPglite(pglite);
    await sql`CREATE TABLE d (n int PRIMARY KEY CHECK (n > 0), p text)`.execute(h.db);
    const insert = (n: number, p: string) => sql`INSERT INTO d VALUES (${n}, ${p})`.compile(h.db);
    const rows = async () => (await sql<{ n: number; p: string }>`SELECT n, p FROM d ORDER BY n`.execute(h.db)).rows;
    const exchanges: string[] = [];
    const real = pglite.execProtocol.bind(pglite);
    pglite.execProtocol = (async (bytes: Uint8Array, o?: object) => { exchanges.push(String.fromCharCode(bytes[0]!)); return real(bytes, o); }) as typeof pglite.execProtocol;
    // prepared once outside a transaction (a deferred write needs its statement prepared)
    await deferWrite(h.db, insert(1, 'outside: at once'));
    expect(await rows()).toEqual([{ n: 1, p: 'outside: at once' }]);
    // in a transaction: nothing is sent until the COMMIT, which carries BEGIN, the write and COMMIT
    exchanges.length = 0;
    await h.db.transaction().execute(async (trx) => {
      await deferWrite(trx, insert(2, 'b'));
      expect(exchanges).toEqual([]);
      expect(pglite.isInTransaction()).toBe(false);
    });
    expect(exchanges).toEqual(['Q']);
    // a write deferred ahead of a statement is seen by it
    const seen = await h.db.transaction().execute(async (trx) => {
      await deferWrite(trx, insert(3, 'c'));
      return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM d WHERE n = ${3}`.execute(trx)).rows[0]!.n;
    });
    expect(seen).toBe(1);
    // a deferred write that fails fails the COMMIT with its error, and nothing of the transaction stays
    await expect(h.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO d VALUES (${4}, 'd')`.execute(trx);
      await deferWrite(trx, insert(1, 'duplicate'));
    })).rejects.toMatchObject({ code: '23505' });
    expect(pglite.isInTransaction()).toBe(false);
    // ... or the next statement, which then does not run
    await expect(h.db.transaction().execute(async (trx) => {
      await deferWrite(trx, insert(-5, 'breaks the check'));
      await sql`INSERT INTO d VALUES (${5}, 'e')`.execute(trx);
    })).rejects.toMatchObject({ code: '23514' });
    // a rollback drops what was deferred
    await expect(h.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO d VALUES (${6}, 'f')`.execute(trx);
      await deferWrite(trx, insert(7, 'g'));
      throw new Error('undo');
    })).rejects.toThrow('undo');
    expect(pglite.isInTransaction()).toBe(false);
    expect(await rows()).toEqual([{ n: 1, p: 'outside: at once' }, { n: 2, p: 'b' }, { n: 3, p: 'c' }]);
    await h.close();
  });
});

describe('prepared statements on PostgreSQL', () => {
  it('names a parameterised text once and keeps LIKE, several statements and transaction control unnamed', () => {
    const text = 'select "id" from "cases" where "id" = $1';
    const name = preparedNameOf(text);
    expect(name).toMatch(/^xf_[\w-]{20}$/);
    expect(preparedNameOf(text)).toBe(name);
    expect(preparedNameOf('select 1 where $1 = 2')).not.toBe(name);
    // a generic plan could not use the prefix index of `path LIKE $1`
    expect(preparedNameOf('select "id" from "cases" where "current_org_path" like $1')).toBeUndefined();
    expect(preparedNameOf('CREATE TABLE a (n int); CREATE TABLE b (n int)')).toBeUndefined();
    expect(preparedNameOf('commit')).toBeUndefined();
    expect(preparedNameOf('  BEGIN')).toBeUndefined();
  });
});
