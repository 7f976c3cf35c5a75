// Reception days (领导接待日) through the HTTP API: scheduling within scope, bad input refused with
// nothing changed, visits recorded by registering or linking a case, the calendar and the figures' link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type Client } from '../test/harness.ts';
import { buildRegistration, orgId } from '../test/factories.ts';

let t: TestApp;
let leader: Client;
let supervisor: Client;
let clerk: Client;
let leaderId: number;
let county: number;
let bureau: number;
beforeAll(async () => {
  t = await startTestApp('2026-03-02T10:00:00+08:00');
  leader = await t.as('leader');
  supervisor = await t.as('supervisor');
  clerk = await t.as('clerk');
  leaderId = (await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'leader').executeTakeFirstOrThrow()).id;
  county = await orgId(t, '清河县人民政府');
  bureau = await orgId(t, '清河县信访局');
});
afterAll(async () => t.close());

const day = (iso: string) => t.clock.set(new Date(`${iso}T10:00:00+08:00`));
const countDays = async () => Number((await t.ctx.db.selectFrom('reception_days').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const countVisits = async () => Number((await t.ctx.db.selectFrom('reception_visits').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const code = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

const countyDay = { day: '2026-03-05', startsAt: '09:00', endsAt: '12:00', place: '县信访局接待大厅', topic: '征地拆迁' };
let countyDayId: number;

describe('scheduling a reception day', () => {
  it('a leader schedules their own day; a retry with the same Idempotency-Key creates nothing new', async () => {
    day('2026-03-02');
    const res = await leader.post('/api/v1/reception-days', { ...countyDay, orgId: bureau }, { 'idempotency-key': 'rd-1' });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json() as Record<string, any>;
    expect(d).toMatchObject({ leaderUserId: leaderId, leaderName: '陈副县长', orgId: bureau, orgName: '清河县信访局', day: '2026-03-05', startsAt: '09:00', endsAt: '12:00', visitCount: 0, headcountTotal: 0 });
    countyDayId = d.id;
    const again = await leader.post('/api/v1/reception-days', { ...countyDay, orgId: bureau }, { 'idempotency-key': 'rd-1' });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(countyDayId);
    expect(await countDays()).toBe(1);
    const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'reception.schedule').execute();
    expect(audit).toHaveLength(1);
  });

  it('a supervisor schedules a leader of the county; the options list the leaders and bodies in scope', async () => {
    const opts = (await supervisor.get('/api/v1/reception-days/options')).json() as { canSchedule: boolean; leaders: { id: number }[]; bodies: { id: number }[] };
    expect(opts.canSchedule).toBe(true);
    expect(opts.leaders.map((l) => l.id)).toContain(leaderId);
    expect(opts.bodies.map((b) => b.id)).toContain(county);
    const res = await supervisor.post('/api/v1/reception-days', { leaderUserId: leaderId, day: '2026-03-12', startsAt: '14:30', endsAt: '17:00', place: '县政府二楼接待室' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ orgId: county, leaderName: '陈副县长' });
    const clerkOpts = (await clerk.get('/api/v1/reception-days/options')).json() as { canSchedule: boolean; leaders: unknown[] };
    expect(clerkOpts).toMatchObject({ canSchedule: false, leaders: [] });
  });

  it("a township's leader schedules for their township but not for another township nor a county leader", async () => {
    const town = await t.as('town.head');
    const ok = await town.post('/api/v1/reception-days', { day: '2026-03-06', startsAt: '09:00', endsAt: '11:30', place: '葛仙庄镇便民服务中心' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().orgName).toBe('葛仙庄镇');
    const before = await countDays();
    const other = await town.post('/api/v1/reception-days', { day: '2026-03-06', startsAt: '14:00', endsAt: '16:00', place: '连庄镇政府', orgId: await orgId(t, '连庄镇') });
    expect(other.statusCode).toBe(403);
    expect(code(other)).toBe('OUT_OF_SCOPE');
    const otherLeader = (await t.ctx.db.selectFrom('users').select('id').where('org_id', '=', await orgId(t, '连庄镇')).where('role', '=', 'leader').executeTakeFirstOrThrow()).id;
    const theirs = await town.post('/api/v1/reception-days', { day: '2026-03-06', startsAt: '14:00', endsAt: '16:00', place: '葛仙庄镇政府', leaderUserId: otherLeader });
    expect(code(theirs)).toBe('OUT_OF_SCOPE');
    const up = await town.post('/api/v1/reception-days', { day: '2026-03-06', startsAt: '14:00', endsAt: '16:00', place: '葛仙庄镇政府', leaderUserId: leaderId });
    expect(code(up)).toBe('OUT_OF_SCOPE');
    expect(await countDays()).toBe(before);
    // and the township does not see the county's days
    const seen = (await town.get('/api/v1/reception-days?from=2026-03-01&to=2026-03-31')).json() as { orgName: string }[];
    expect(seen.map((d) => d.orgName)).toEqual(['葛仙庄镇']);
    expect((await town.get(`/api/v1/reception-days/${countyDayId}`)).statusCode).toBe(404);
  });

  it('refuses bad input with a catalogue code and changes nothing', async () => {
    const before = await countDays();
    const handlerId = (await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'county.handler').executeTakeFirstOrThrow()).id;
    const cases: [object, number, string][] = [
      [{ ...countyDay, day: '2026-03-06', startsAt: '12:00', endsAt: '09:00' }, 400, 'RECEPTION_INVALID_TIME'],
      [{ ...countyDay, day: '2026-03-06', startsAt: '10:00', endsAt: '10:00' }, 400, 'RECEPTION_INVALID_TIME'],
      [{ ...countyDay, day: '2026-03-01' }, 422, 'RECEPTION_DAY_IN_PAST'],
      [{ ...countyDay, day: '2026-02-30' }, 400, 'VALIDATION_FAILED'],
      [{ ...countyDay, day: '2028-03-06' }, 400, 'INVALID_DATE'],
      [{ ...countyDay, startsAt: '25:00' }, 400, 'VALIDATION_FAILED'],
      [{ ...countyDay, place: '' }, 400, 'VALIDATION_FAILED'],
      [{ ...countyDay, place: '   ' }, 400, 'VALIDATION_FAILED'],
      [{ ...countyDay, extra: 1 }, 400, 'VALIDATION_FAILED'],
      [{ ...countyDay, day: '2026-03-06', leaderUserId: handlerId }, 400, 'RECEPTION_NOT_A_LEADER'],
      [{ ...countyDay, day: '2026-03-06', leaderUserId: 999999 }, 400, 'UNKNOWN_USER'],
      [{ ...countyDay, day: '2026-03-06', orgId: 999999 }, 400, 'UNKNOWN_ORG'],
      [{ ...countyDay, startsAt: '11:00', endsAt: '13:00' }, 409, 'RECEPTION_LEADER_BUSY'],
    ];
    for (const [body, status, c] of cases) {
      const res = await leader.post('/api/v1/reception-days', body);
      expect([res.statusCode, code(res)], JSON.stringify(body)).toEqual([status, c]);
    }
    const bySupervisorWithoutLeader = await supervisor.post('/api/v1/reception-days', countyDay);
    expect(code(bySupervisorWithoutLeader)).toBe('VALIDATION_FAILED');
    const byClerk = await clerk.post('/api/v1/reception-days', { ...countyDay, leaderUserId: leaderId, day: '2026-03-07' });
    expect([byClerk.statusCode, code(byClerk)]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    expect((await t.anonymous.post('/api/v1/reception-days', countyDay)).statusCode).toBe(401);
    expect(await countDays()).toBe(before);
  });
});

describe('visits received on a reception day', () => {
  let linkedCaseId: number;

  it('cannot be recorded before the day', async () => {
    const res = await clerk.post(`/api/v1/reception-days/${countyDayId}/visits`, { registration: await regBody() });
    expect([res.statusCode, code(res)]).toEqual([422, 'RECEPTION_DAY_NOT_STARTED']);
    expect(await countVisits()).toBe(0);
  });

  it('a clerk registers a collective visit received by the leader: a visit case, its 查询码, 批次 and 人次 linked', async () => {
    day('2026-03-05');
    const casesBefore = Number((await t.ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const body = { registration: await regBody({ headcount: 8, representatives: [{ name: '张建国' }, { name: '李秀英' }] }), note: '陈副县长当场听取诉求' };
    const res = await clerk.post(`/api/v1/reception-days/${countyDayId}/visits`, body, { 'idempotency-key': 'visit-1' });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json() as Record<string, any>;
    expect(v.queryCode).toMatch(/^[A-Z2-9]{8}$/);
    expect(v.headcount).toBe(8);
    expect(v.submissionId).toBeGreaterThan(0);
    const replay = await clerk.post(`/api/v1/reception-days/${countyDayId}/visits`, body, { 'idempotency-key': 'visit-1' });
    expect(replay.json()).toEqual(v);
    const casesAfter = Number((await t.ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(casesAfter).toBe(casesBefore + 1);
    const c = (await clerk.get(`/api/v1/cases/${v.caseId}`)).json() as Record<string, any>;
    expect(c).toMatchObject({ channel: 'visit', headcount: 8, isCollective: true });
    const events = (await clerk.get(`/api/v1/cases/${v.caseId}/events`)).json() as { events: { type: string }[] };
    expect(events.events.map((e) => e.type)).toContain('reception_visit');
  });

  it('a leader links a visit registered earlier that day; the day is not recorded twice for a case', async () => {
    const reg = await clerk.post('/api/v1/cases', await buildRegistration(t, { channel: 'visit', headcount: 3, coPetitioners: [{ name: '王甲' }, { name: '王乙' }] }));
    expect(reg.statusCode, reg.body).toBe(201);
    linkedCaseId = reg.json().caseId;
    const res = await leader.post(`/api/v1/reception-days/${countyDayId}/visits`, { caseId: linkedCaseId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ caseId: linkedCaseId, headcount: 3, queryCode: null });
    expect(res.json().submissionId).toBeGreaterThan(0);
    const dup = await clerk.post(`/api/v1/reception-days/${countyDayId}/visits`, { caseId: linkedCaseId });
    expect([dup.statusCode, code(dup)]).toEqual([409, 'RECEPTION_VISIT_EXISTS']);
  });

  it('refuses bad visits and changes nothing', async () => {
    const before = await countVisits();
    const checks: [Client, string, object, number, string][] = [
      [clerk, `/api/v1/reception-days/${countyDayId}/visits`, {}, 400, 'RECEPTION_CASE_OR_REGISTRATION'],
      [clerk, `/api/v1/reception-days/${countyDayId}/visits`, { caseId: linkedCaseId, registration: await regBody() }, 400, 'RECEPTION_CASE_OR_REGISTRATION'],
      [clerk, `/api/v1/reception-days/${countyDayId}/visits`, { caseId: 999999 }, 404, 'CASE_NOT_FOUND'],
      [clerk, `/api/v1/reception-days/${countyDayId}/visits`, { registration: { ...(await regBody()), channel: 'letter' } }, 400, 'VALIDATION_FAILED'],
      [clerk, `/api/v1/reception-days/${countyDayId}/visits`, { registration: await regBody({ petitioner: { name: '赵某', idNumber: '110105194912310021' } }) }, 400, 'INVALID_ID_NUMBER'],
      [clerk, '/api/v1/reception-days/999999/visits', { caseId: linkedCaseId }, 404, 'RECEPTION_DAY_NOT_FOUND'],
      [leader, `/api/v1/reception-days/${countyDayId}/visits`, { registration: await regBody() }, 403, 'ROLE_NOT_ALLOWED'],
      [await t.as('town.handler'), `/api/v1/reception-days/${countyDayId}/visits`, { caseId: linkedCaseId }, 404, 'RECEPTION_DAY_NOT_FOUND'],
      [await t.as('admin'), `/api/v1/reception-days/${countyDayId}/visits`, { caseId: linkedCaseId }, 403, 'ROLE_NOT_ALLOWED'],
    ];
    const casesBefore = Number((await t.ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    for (const [who, url, body, status, c] of checks) {
      const res = await who.post(url, body);
      expect([res.statusCode, code(res)], JSON.stringify(body).slice(0, 80)).toEqual([status, c]);
    }
    expect(await countVisits()).toBe(before);
    const casesAfter = Number((await t.ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(casesAfter).toBe(casesBefore);
  });

  it('the calendar shows each day with its visits, and the link gives the leader reception figures', async () => {
    const list = (await leader.get('/api/v1/reception-days?from=2026-03-01&to=2026-03-31')).json() as Record<string, any>[];
    const d = list.find((x) => x.id === countyDayId)!;
    expect(d).toMatchObject({ visitCount: 2, headcountTotal: 11, place: '县信访局接待大厅', topic: '征地拆迁' });
    expect(d.visits.map((v: any) => v.caseId)).toContain(linkedCaseId);
    expect(d.visits[0].recordedByName).toBe('李登记');
    expect(list.some((x) => x.orgName === '葛仙庄镇')).toBe(true); // the county sees its townships' days
    const one = (await supervisor.get(`/api/v1/reception-days/${countyDayId}`)).json();
    expect(one.visitCount).toBe(2);
    // what the figures count: 接访天次, 批次, 人次 per leader
    const fig = await t.ctx.db.selectFrom('reception_visits')
      .select((eb) => [eb.fn.count<number>('reception_day_id').distinct().as('days'), eb.fn.countAll<number>().as('batches'), eb.fn.sum<number>('headcount').as('people')])
      .where('leader_user_id', '=', leaderId).executeTakeFirstOrThrow();
    expect([Number(fig.days), Number(fig.batches), Number(fig.people)]).toEqual([1, 2, 11]);
    const subs = await t.ctx.db.selectFrom('reception_visits').select('submission_id').where('reception_day_id', '=', countyDayId).execute();
    expect(subs.every((s) => s.submission_id !== null)).toBe(true);
  });

  it('refuses a bad calendar range', async () => {
    expect(code(await leader.get('/api/v1/reception-days?from=2026-03-31&to=2026-03-01'))).toBe('VALIDATION_FAILED');
    expect(code(await leader.get('/api/v1/reception-days?from=2026-01-01&to=2026-12-31'))).toBe('VALIDATION_FAILED');
    expect((await leader.get('/api/v1/reception-days?from=2026-03-01')).statusCode).toBe(400);
  });
});

async function regBody(overrides: Record<string, unknown> = {}) {
  const { channel: _c, ...rest } = await buildRegistration(t, overrides);
  return rest;
}
