// The demo reception days: scheduled through the real services, past days carrying the visits
// registered on them, and idempotent in shape (no overlapping days for a leader).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { buildRegistration } from '../test/factories.ts';
import { seedReceptionDays } from './seed-reception.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp('2026-03-02T10:00:00+08:00'); });
afterAll(async () => t.close());

it('schedules Wednesdays for the county leader and first Mondays for the township, with the visits of past days', async () => {
  const clerk = await t.as('clerk');
  // a visit registered at the bureau on Wednesday 2026-02-25 and a letter the same day
  t.clock.set(new Date('2026-02-25T09:30:00+08:00'));
  const visit = (await clerk.post('/api/v1/cases', await buildRegistration(t, { channel: 'visit', headcount: 2, coPetitioners: [{ name: '王甲' }] }))).json().caseId as number;
  await clerk.post('/api/v1/cases', await buildRegistration(t, { channel: 'letter' }));
  t.clock.set(new Date('2026-03-02T10:00:00+08:00'));

  const r = await seedReceptionDays(t.ctx, { weeksBack: 2, weeksAhead: 2 });
  const days = await t.ctx.db.selectFrom('reception_days').selectAll().orderBy('day').execute();
  expect(r.days).toBe(days.length);
  // Wednesdays 02-18, 02-25, 03-04, 03-11 and the first Monday 03-02
  expect(days.map((d) => d.day)).toEqual(['2026-02-18', '2026-02-25', '2026-03-02', '2026-03-04', '2026-03-11']);
  const visits = await t.ctx.db.selectFrom('reception_visits').selectAll().execute();
  expect(r.visits).toBe(1);
  expect(visits).toHaveLength(1);
  expect(visits[0]).toMatchObject({ case_id: visit, day: '2026-02-25', headcount: 2 });
  expect(visits[0]!.submission_id).not.toBeNull();
  const list = (await (await t.as('leader')).get('/api/v1/reception-days?from=2026-02-01&to=2026-03-31')).json() as { visitCount: number }[];
  expect(list.reduce((s, d) => s + d.visitCount, 0)).toBe(1);
});
