// A prepared query binds each call's values into the SQL compiled once, keeps the values fixed in the
// query, and refuses a parameter it does not use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { prepare } from './prepared.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => t.close());

describe('prepare', () => {
  const byKindAndLevel = prepare<{ kind: string; level: string }, { name: string; kind: string; level: string }>(['kind', 'level'], (db, p) =>
    db.selectFrom('organisations').select(['name', 'kind', 'level']).where('kind', '=', p.kind).where('level', '=', p.level)
      .where('is_active', '=', true).orderBy('id').limit(5));

  it('compiles once and binds each call’s values', async () => {
    const a = await byKindAndLevel.run(t.ctx.db, { kind: 'petition_bureau', level: 'county' });
    const b = await byKindAndLevel.run(t.ctx.db, { kind: 'government', level: 'city' });
    expect(a.length).toBeGreaterThan(0);
    expect(a.every((r) => r.kind === 'petition_bureau' && r.level === 'county')).toBe(true);
    expect(b.length).toBeGreaterThan(0);
    expect(b.every((r) => r.kind === 'government' && r.level === 'city')).toBe(true);
    // the fixed values (is_active, limit) stay in place
    expect(byKindAndLevel.sql).toMatch(/limit \$\d/);
    const direct = await t.ctx.db.selectFrom('organisations').select(['name', 'kind', 'level']).where('kind', '=', 'petition_bureau')
      .where('level', '=', 'county').where('is_active', '=', true).orderBy('id').limit(5).execute();
    expect(a).toEqual(direct);
  });

  it('runs inside a transaction and binds values in raw SQL fragments', async () => {
    const q = prepare<{ n: number }, { m: number }>(['n'], (db, p) => db.selectNoFrom(sql<number>`${p.n}::int * 2`.as('m')));
    const r = await t.ctx.db.transaction().execute((trx) => q.run(trx, { n: 21 }));
    expect(r[0]!.m).toBe(42);
  });

  it('refuses a parameter the query does not use', () => {
    expect(() => prepare<{ id: number; other: string }, unknown>(['id', 'other'], (db, p) => db.selectFrom('cases').select('id').where('id', '=', p.id)))
      .toThrow(/other is not used/);
  });
});
