// The case insert draws another 查询码 when the one drawn is already in use, instead of failing; the
// versioned update writes all of its rows or, on a stale version, none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { buildRegistration } from '../test/factories.ts';
import { findCase, insertNumberedCase, updateCaseWithEvent } from './cases.ts';

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

describe('updateCaseWithEvent', () => {
  const count = async (table: 'case_events' | 'audit_log' | 'stats_case_queue', caseId: number) =>
    Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow()).n);
  const counts = async (caseId: number) => [await count('case_events', caseId), await count('audit_log', caseId), await count('stats_case_queue', caseId)];

  it('writes the case, its event, every audit entry and the queue entry at the version, and nothing at another', async () => {
    const res = await (await t.as('clerk')).post('/api/v1/cases', await buildRegistration(t, {}));
    const c = (await findCase(t.ctx.db, res.json().caseId))!;
    const at = new Date();
    const event = { caseId: c.id, type: 'instruct', fromState: c.state, toState: c.state, actorUserId: null, actorOrgId: null, actorKind: 'system' as const, at, data: { n: 1 }, isPublic: false };
    const audit = [{ at, actorUserId: null, actorKind: 'system' as const, action: 'case.instruct', caseId: c.id, detail: { a: 1 } },
      { at, actorUserId: null, actorKind: 'system' as const, action: 'case.view', caseId: c.id, petitionerId: c.petitioner_id, ip: '127.0.0.1' }];
    const before = await counts(c.id);
    // a stale version: nothing at all
    expect(await updateCaseWithEvent(t.ctx.db, c.id, c.version + 1, { title: '不应写入' }, event, audit)).toBeUndefined();
    expect(await counts(c.id)).toEqual(before);
    expect((await findCase(t.ctx.db, c.id))!.title).toBe(c.title);
    // the version read: everything, in one statement
    const w = await updateCaseWithEvent(t.ctx.db, c.id, c.version, { title: '已更新标题' }, event, audit);
    expect(w?.version).toBe(c.version + 1);
    expect(w?.title).toBe('已更新标题');
    expect(typeof w?.event_id).toBe('number');
    expect(await counts(c.id)).toEqual([before[0]! + 1, before[1]! + 2, before[2]! + 1]);
    const ev = await t.ctx.db.selectFrom('case_events').selectAll().where('id', '=', w!.event_id).executeTakeFirstOrThrow();
    expect(ev.data).toEqual({ n: 1 });
    const entries = await t.ctx.db.selectFrom('audit_log').selectAll().where('case_id', '=', c.id).orderBy('id', 'desc').limit(2).execute();
    expect(entries.map((e) => e.action).sort()).toEqual(['case.instruct', 'case.view']);
    expect(entries.find((e) => e.action === 'case.view')!.petitioner_id).toBe(c.petitioner_id);
  });
});
