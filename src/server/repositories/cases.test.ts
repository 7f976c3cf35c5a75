// The case insert draws another 查询码 when the one drawn is already in use, instead of failing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { buildRegistration } from '../test/factories.ts';
import { findCase, insertNumberedCase } from './cases.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => t.close());

describe('insertNumberedCase', () => {
  it('draws the query code again when it collides with an existing case', async () => {
    const res = await (await t.as('clerk')).post('/api/v1/cases', await buildRegistration(t, {}));
    expect(res.statusCode, res.body).toBe(201);
    const first = (await findCase(t.ctx.db, res.json().caseId))!;
    const { id: _id, case_no: _no, query_code: taken, version: _v, ...rest } = first;
    const draws = [taken, 'ZZ23ZZ23'];
    const row = await t.ctx.db.transaction().execute((trx) => insertNumberedCase(trx, 'XFTEST', rest, () => draws.shift()!));
    expect(row.query_code).toBe('ZZ23ZZ23');
    expect(row.case_no.startsWith('XFTEST')).toBe(true);
    expect(draws).toHaveLength(0);
  });

  it('gives up with an error after five codes in use, writing nothing', async () => {
    const before = (await t.ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const existing = (await t.ctx.db.selectFrom('cases').selectAll().limit(1).executeTakeFirstOrThrow());
    const { id: _id, case_no: _no, query_code: taken, version: _v, ...rest } = existing;
    await expect(t.ctx.db.transaction().execute((trx) => insertNumberedCase(trx, 'XFTEST', rest, () => taken))).rejects.toThrow(/no free query code/);
    const after = (await t.ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    expect(Number(after)).toBe(Number(before));
  });
});
