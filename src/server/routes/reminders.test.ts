// The reminders list: what the deadline sweep raised for the caller's bodies, newest first, paged,
// and nothing from bodies outside their scope.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { buildRegistration, orgId, scenario } from '../test/factories.ts';
import { sweepDeadlines } from '../jobs/sweep-deadlines.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp('2026-03-02T10:00:00+08:00'); });
afterAll(async () => t.close());
const { day, ok } = scenario(() => t);

it('lists the reminders of the caller\'s bodies, newest first, page by page, and no others', async () => {
  day('2026-03-02');
  const clerk = await t.as('clerk');
  const hrss = await orgId(t, '县人力资源和社会保障局');
  const ids: number[] = [];
  for (let i = 0; i < 5; i++) {
    const res = await clerk.post('/api/v1/cases', await buildRegistration(t));
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().caseId);
  }
  // three go to the department (accept within 15 days: 2026-03-17), two stay at the bureau (route by 2026-03-17)
  for (const id of ids.slice(0, 3)) await ok('clerk', id, 'forward', { targetOrgId: hrss });
  day('2026-03-15');
  await sweepDeadlines(t.ctx);
  day('2026-03-18');
  await sweepDeadlines(t.ctx);

  // the department's handler: near and overdue for its three cases only
  const handler = await t.as('hrss.handler');
  const all = (await handler.get('/api/v1/reminders')).json() as { items: { caseId: number; kind: string; raisedAt: string; orgName: string }[]; nextCursor: string | null };
  expect(new Set(all.items.map((r) => r.caseId))).toEqual(new Set(ids.slice(0, 3)));
  expect(all.items.filter((r) => r.kind === 'overdue')).toHaveLength(3);
  expect(all.items.filter((r) => r.kind === 'near')).toHaveLength(3);
  expect(all.items.every((r) => r.orgName === '县人力资源和社会保障局')).toBe(true);
  // newest first: the overdue ones (raised on the 18th) before the near ones (the 15th)
  expect(all.items.map((r) => r.kind)).toEqual(['overdue', 'overdue', 'overdue', 'near', 'near', 'near']);
  const overdue = (await handler.get('/api/v1/reminders?kind=overdue')).json() as { items: unknown[] };
  expect(overdue.items).toHaveLength(3);

  // two at a time: the same six, none twice
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await handler.get(`/api/v1/reminders?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: { caseId: number; kind: string }[]; nextCursor: string | null };
    expect(page.items.length).toBeLessThanOrEqual(2);
    seen.push(...page.items.map((r) => `${r.caseId}:${r.kind}`));
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen).toHaveLength(6);
  expect(new Set(seen).size).toBe(6);

  // the county bureau's supervisor sees the whole county: all five cases
  const sup = (await (await t.as('supervisor')).get('/api/v1/reminders?limit=100')).json() as { items: { caseId: number }[] };
  for (const id of ids) expect(sup.items.map((r) => r.caseId)).toContain(id);
  // a township sees none of them
  const town = (await (await t.as('town.handler')).get('/api/v1/reminders?limit=100')).json() as { items: { caseId: number }[] };
  for (const id of ids) expect(town.items.map((r) => r.caseId)).not.toContain(id);

  const bad = await handler.get('/api/v1/reminders?cursor=notacursor');
  expect(bad.statusCode).toBe(400);
  expect(bad.json().error.code).toBe('INVALID_CURSOR');
  expect((await handler.get('/api/v1/reminders?kind=soon')).statusCode).toBe(400);
});
