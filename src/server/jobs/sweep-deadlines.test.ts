// The deadline sweep on a real database: reminders raised once per case, clock, due date and kind
// (idempotent), overdue only after the due day, and lapsed evaluation windows (超期未评价) marked
// with one event each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { buildRegistration, orgId } from '../test/factories.ts';
import { sweepDeadlines } from './sweep-deadlines.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp('2026-03-02T10:00:00+08:00'); });
afterAll(async () => t.close());

const at = (iso: string, time = '10:00:00') => t.clock.set(new Date(`${iso}T${time}+08:00`));
async function act(who: string, caseId: number, action: string, body: object = {}) {
  const c = await t.as(who);
  const v = (await c.get(`/api/v1/cases/${caseId}`)).json().version;
  const res = await c.post(`/api/v1/cases/${caseId}/${action}`, { version: v, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const remindersOf = (caseId: number) => t.ctx.db.selectFrom('reminders').select(['clock', 'due', 'kind']).where('case_id', '=', caseId).orderBy('kind').execute();
const eventsOf = (caseId: number, type: string) => t.ctx.db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).where('type', '=', type).execute();

describe('deadline reminders', () => {
  it('raises a near reminder from three days before the due day, once, and overdue only from the day after', async () => {
    at('2026-03-02');
    const reg = await (await t.as('clerk')).post('/api/v1/cases', await buildRegistration(t));
    const id = reg.json().caseId as number;
    const c = await act('clerk', id, 'forward', { targetOrgId: await orgId(t, '县人力资源和社会保障局') });
    const due = c.nextDue as string; // accept within 15 days: 2026-03-17
    expect(due).toBe('2026-03-17');

    at('2026-03-13', '23:59:59'); // four days before: nothing yet
    await sweepDeadlines(t.ctx);
    expect(await remindersOf(id)).toEqual([]);

    at('2026-03-14', '00:00:00'); // three days before, at local midnight
    await sweepDeadlines(t.ctx);
    await sweepDeadlines(t.ctx); // a second node or a second run changes nothing
    expect(await remindersOf(id)).toEqual([{ clock: 'accept', due, kind: 'near' }]);

    at('2026-03-17', '23:59:59'); // the due day itself: still in time
    const r = await sweepDeadlines(t.ctx);
    expect(await remindersOf(id)).toEqual([{ clock: 'accept', due, kind: 'near' }]);
    expect(r.overdue).toBe(0);

    at('2026-03-18', '00:00:00'); // the day after: overdue, once
    expect((await sweepDeadlines(t.ctx)).overdue).toBeGreaterThanOrEqual(1);
    expect((await sweepDeadlines(t.ctx)).overdue).toBe(0);
    expect(await remindersOf(id)).toEqual([{ clock: 'accept', due, kind: 'near' }, { clock: 'accept', due, kind: 'overdue' }]);
    // the sweep reminds; it never moves a due date or the case
    const row = await t.ctx.db.selectFrom('cases').select(['accept_due', 'next_due', 'state', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ accept_due: due, next_due: due, state: 'awaiting_acceptance', version: 2 });
  });
});

describe('one sweep, both kinds', () => {
  it('raises near for one case and overdue for another in the same run, counts each, and adds nothing on the next run', async () => {
    const hrss = await orgId(t, '县人力资源和社会保障局');
    at('2026-05-04');
    const late = (await (await t.as('clerk')).post('/api/v1/cases', await buildRegistration(t))).json().caseId as number;
    expect((await act('clerk', late, 'forward', { targetOrgId: hrss })).nextDue).toBe('2026-05-19');
    at('2026-05-08');
    const soon = (await (await t.as('clerk')).post('/api/v1/cases', await buildRegistration(t))).json().caseId as number;
    expect((await act('clerk', soon, 'forward', { targetOrgId: hrss })).nextDue).toBe('2026-05-23');

    at('2026-05-20', '08:00:00');
    const r = await sweepDeadlines(t.ctx);
    expect(r.overdue).toBeGreaterThanOrEqual(1);
    expect(r.near).toBeGreaterThanOrEqual(1);
    expect(await remindersOf(late)).toEqual([{ clock: 'accept', due: '2026-05-19', kind: 'overdue' }]);
    expect(await remindersOf(soon)).toEqual([{ clock: 'accept', due: '2026-05-23', kind: 'near' }]);
    expect(await sweepDeadlines(t.ctx)).toEqual({ near: 0, overdue: 0, evaluationsExpired: 0 });
  });
});

describe('evaluation window', () => {
  it('marks a window that lapsed unrated as 超期未评价 with one event, and leaves a rated one alone', async () => {
    at('2026-03-02');
    const clerk = await t.as('clerk');
    const hrss = await orgId(t, '县人力资源和社会保障局');
    const ids: number[] = [];
    for (let i = 0; i < 2; i++) {
      const id = (await clerk.post('/api/v1/cases', await buildRegistration(t))).json().caseId as number;
      await act('clerk', id, 'forward', { targetOrgId: hrss });
      await act('hrss.handler', id, 'accept');
      await act('hrss.handler', id, 'answer', { outcome: 'explained', text: '政策解释' });
      const d = await act('hrss.handler', id, 'deliver');
      expect(d.clocks.find((k: any) => k.name === 'evaluation').due).toBe('2026-04-01');
      ids.push(id);
    }
    const [unrated, rated] = ids as [number, number];
    await act('clerk', rated, 'evaluate', { bureauRating: 'satisfied', bodyRating: 'satisfied' });

    at('2026-04-01', '23:59:59'); // the last day of the window
    await sweepDeadlines(t.ctx);
    expect(await eventsOf(unrated, 'evaluation_expired')).toEqual([]);

    at('2026-04-02', '00:00:01');
    const r = await sweepDeadlines(t.ctx);
    expect(r.evaluationsExpired).toBe(1);
    await sweepDeadlines(t.ctx);
    const ev = await eventsOf(unrated, 'evaluation_expired');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.actor_kind).toBe('system');
    const detail = (await clerk.get(`/api/v1/cases/${unrated}`)).json();
    expect(detail.evaluationStatus).toBe('expired');
    expect(detail.state).toBe('concluded');
    expect(await eventsOf(rated, 'evaluation_expired')).toEqual([]);
    expect((await clerk.get(`/api/v1/cases/${rated}`)).json().evaluationStatus).toBe('done');
    // the window is closed for rating too
    const late = await clerk.post(`/api/v1/cases/${unrated}/evaluate`, { version: detail.version, bureauRating: 'satisfied', bodyRating: 'satisfied' });
    expect(late.json().error.code).toBe('DEADLINE_PASSED');
  });
});
