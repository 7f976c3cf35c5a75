import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databaseFromPglite, openPglite, preparedNameOf } from './database.ts';
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
