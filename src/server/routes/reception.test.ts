// Reception days (领导接待日) through the HTTP API: scheduling within scope, bad input refused with
// nothing changed, visits recorded by registering or linking a case, the calendar and the figures' link,
// and editing or cancelling a day before it begins (refused once it has begun or has visits).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type Client } from '../test/harness.ts';
import { buildRegistration, orgId } from '../test/factories.ts';
import { receptionCounts } from '../repositories/stats.ts';

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
    expect(d).toMatchObject({ leaderUserId: leaderId, leaderName: '陈副县长', orgId: bureau, orgName: '清河县信访局', day: '2026-03-05', startsAt: '09:00', endsAt: '12:00', kind: 'fixed', visitCount: 0, headcountTotal: 0 });
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

describe('editing and cancelling a reception day', () => {
  type Day = Record<string, any>;
  let town: Client;
  let townHeadId: number;
  let hrssHeadId: number;
  let countyPath: string;
  beforeAll(async () => {
    day('2026-03-05');
    town = await t.as('town.head');
    await t.as('admin');
    await t.as('town.handler');
    const user = async (username: string) => (await t.ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
    townHeadId = await user('town.head');
    hrssHeadId = await user('hrss.head');
    countyPath = (await t.ctx.db.selectFrom('organisations').select('path').where('id', '=', county).executeTakeFirstOrThrow()).path;
  });

  const schedule = async (who: Client, body: object): Promise<Day> => {
    const res = await who.post('/api/v1/reception-days', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const auditOf = (action: string) => t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
  /** Everything a refused change must leave alone. */
  const snapshot = async () => ({
    days: await t.ctx.db.selectFrom('reception_days').selectAll().orderBy('id').execute(),
    visits: await countVisits(),
    audit: Number((await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  });
  /** Sends each request, expects its status and catalogue code (with both messages), and no change at all. */
  async function refusedAll(checks: [string, () => Promise<{ statusCode: number; body: string }>, number, string][]) {
    const before = await snapshot();
    for (const [label, send, status, c] of checks) {
      const res = await send();
      const err = JSON.parse(res.body).error;
      expect([res.statusCode, err?.code], `${label}: ${res.body.slice(0, 200)}`).toEqual([status, c]);
      expect(err.message.length * err.messageZh.length, label).toBeGreaterThan(0);
    }
    expect(await snapshot()).toEqual(before);
  }

  it('a supervisor moves an upcoming day to another day, hours, place and topic; the change is audited and the version moves on', async () => {
    const d = await schedule(supervisor, { leaderUserId: leaderId, day: '2026-03-19', startsAt: '09:00', endsAt: '11:30', place: '县信访局一楼接待大厅', topic: '征地拆迁' });
    expect(d).toMatchObject({ status: 'scheduled', version: 1, canChange: true, cancelledAt: null, cancelReason: null });
    const res = await supervisor.patch(`/api/v1/reception-days/${d.id}`, { version: 1, day: '2026-03-20', startsAt: '14:00', endsAt: '16:30', place: ' 县信访局二楼会议室 ', topic: '拖欠工资' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: d.id, day: '2026-03-20', startsAt: '14:00', endsAt: '16:30', place: '县信访局二楼会议室', topic: '拖欠工资', leaderUserId: leaderId, orgId: county,
      status: 'scheduled', version: 2, canChange: true,
    });
    const audit = await auditOf('reception.edit');
    expect(audit).toHaveLength(1);
    const detail = typeof audit[0]!.detail === 'string' ? JSON.parse(audit[0]!.detail) : audit[0]!.detail;
    expect(detail).toMatchObject({ receptionDayId: d.id, changes: { day: { from: '2026-03-19', to: '2026-03-20' }, place: { from: '县信访局一楼接待大厅', to: '县信访局二楼会议室' } } });
    expect(Object.keys(detail.changes).sort()).toEqual(['day', 'endsAt', 'place', 'startsAt', 'topic']);
    expect(audit[0]!.actor_user_id).not.toBeNull();
    // the day keeps its hours while they are changed (it does not overlap itself); the old slot is free
    const longer = await supervisor.patch(`/api/v1/reception-days/${d.id}`, { version: 2, endsAt: '17:00', topic: null });
    expect(longer.statusCode, longer.body).toBe(200);
    expect(longer.json()).toMatchObject({ startsAt: '14:00', endsAt: '17:00', topic: null, version: 3 });
    await schedule(supervisor, { leaderUserId: leaderId, day: '2026-03-19', startsAt: '09:00', endsAt: '11:30', place: '县信访局一楼接待大厅' });
    // the calendar and the day itself show the change
    expect((await leader.get(`/api/v1/reception-days/${d.id}`)).json()).toMatchObject({ day: '2026-03-20', endsAt: '17:00', version: 3 });
    expect(((await clerk.get('/api/v1/reception-days?from=2026-03-20&to=2026-03-20')).json() as Day[]).map((x) => [x.id, x.canChange])).toEqual([[d.id, false]]);
  });

  it('a leader goes down to a township (下访) or meets invited petitioners (约访); the kind is kept, changed like any field, and checked', async () => {
    const field = await schedule(leader, { day: '2026-03-27', startsAt: '14:00', endsAt: '16:00', place: '葛仙庄镇政府会议室', kind: 'field' });
    expect(field).toMatchObject({ kind: 'field', place: '葛仙庄镇政府会议室' });
    const res = await leader.patch(`/api/v1/reception-days/${field.id}`, { version: field.version, kind: 'appointment', place: '县信访局约访室' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'appointment', place: '县信访局约访室' });
    const detail = (await auditOf('reception.edit')).map((a) => (typeof a.detail === 'string' ? JSON.parse(a.detail) : a.detail)).find((x) => x.receptionDayId === field.id);
    expect(detail.changes.kind).toEqual({ from: 'field', to: 'appointment' });
    await refusedAll([
      ['unknown kind on scheduling', () => leader.post('/api/v1/reception-days', { day: '2026-03-30', startsAt: '09:00', endsAt: '11:00', place: '某地', kind: 'online' }), 400, 'VALIDATION_FAILED'],
      ['unknown kind on editing', () => leader.patch(`/api/v1/reception-days/${field.id}`, { version: 2, kind: 'visit' }), 400, 'VALIDATION_FAILED'],
    ]);
  });

  it('another leader of the county takes the day over; a change to nothing writes nothing', async () => {
    const d = await schedule(leader, { day: '2026-03-26', startsAt: '09:00', endsAt: '11:00', place: '县政府二楼接待室' });
    const res = await leader.patch(`/api/v1/reception-days/${d.id}`, { version: 1, leaderUserId: hrssHeadId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ leaderUserId: hrssHeadId, leaderName: '吴局长', orgId: d.orgId, version: 2 });
    const audits = (await auditOf('reception.edit')).length;
    const same = await leader.patch(`/api/v1/reception-days/${d.id}`, { version: 2, place: '县政府二楼接待室', startsAt: '09:00' });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json().version).toBe(2);
    expect(await auditOf('reception.edit')).toHaveLength(audits);
  });

  it("a township's head edits the township's own day", async () => {
    const d = await schedule(town, { day: '2026-03-16', startsAt: '09:00', endsAt: '11:30', place: '葛仙庄镇便民服务中心' });
    const res = await town.patch(`/api/v1/reception-days/${d.id}`, { version: 1, place: '葛仙庄镇政府一楼' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().place).toBe('葛仙庄镇政府一楼');
  });

  it('refuses bad edits with a catalogue code and changes nothing', async () => {
    const d = await schedule(supervisor, { leaderUserId: leaderId, day: '2026-04-02', startsAt: '09:00', endsAt: '11:30', place: '县信访局一楼接待大厅' });
    const url = `/api/v1/reception-days/${d.id}`;
    const handlerId = (await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'county.handler').executeTakeFirstOrThrow()).id;
    const cityOrg = await orgId(t, '邢台市人民政府');
    // the leader's other day on 2026-03-12 14:30-17:00 (scheduled above)
    const edit = (body: object, who: Client = supervisor) => () => who.patch(url, body);
    await refusedAll([
      ['ends before it starts', edit({ version: 1, startsAt: '12:00', endsAt: '09:00' }), 400, 'RECEPTION_INVALID_TIME'],
      ['end moved before the kept start', edit({ version: 1, endsAt: '08:00' }), 400, 'RECEPTION_INVALID_TIME'],
      ['in the past', edit({ version: 1, day: '2026-03-04' }), 422, 'RECEPTION_DAY_IN_PAST'],
      ['beyond the horizon', edit({ version: 1, day: '2028-03-06' }), 400, 'INVALID_DATE'],
      ['not a date', edit({ version: 1, day: '2026-02-30' }), 400, 'VALIDATION_FAILED'],
      ['not a time', edit({ version: 1, startsAt: '25:00' }), 400, 'VALIDATION_FAILED'],
      ['empty place', edit({ version: 1, place: '' }), 400, 'VALIDATION_FAILED'],
      ['blank place', edit({ version: 1, place: '   ' }), 400, 'VALIDATION_FAILED'],
      ['place too long', edit({ version: 1, place: '厅'.repeat(201) }), 400, 'VALIDATION_FAILED'],
      ['unknown field', edit({ version: 1, extra: 1 }), 400, 'VALIDATION_FAILED'],
      ['no version', edit({ place: '县政府' }), 400, 'VALIDATION_FAILED'],
      ['version as text', edit({ version: '1', place: '县政府' }), 400, 'VALIDATION_FAILED'],
      ['not a leader', edit({ version: 1, leaderUserId: handlerId }), 400, 'RECEPTION_NOT_A_LEADER'],
      ['unknown leader', edit({ version: 1, leaderUserId: 999999 }), 400, 'UNKNOWN_USER'],
      ['unknown body', edit({ version: 1, orgId: 999999 }), 400, 'UNKNOWN_ORG'],
      ['a body above the scope', edit({ version: 1, orgId: cityOrg }), 403, 'OUT_OF_SCOPE'],
      ["overlaps the leader's other day", edit({ version: 1, day: '2026-03-12', startsAt: '16:00', endsAt: '18:00' }), 409, 'RECEPTION_LEADER_BUSY'],
      ['a stale version', edit({ version: 2, place: '县政府' }), 409, 'RECEPTION_DAY_CHANGED'],
      ['no such day', () => supervisor.patch('/api/v1/reception-days/999999', { version: 1, place: '县政府' }), 404, 'RECEPTION_DAY_NOT_FOUND'],
      ['id not a number', () => supervisor.patch('/api/v1/reception-days/abc', { version: 1, place: '县政府' }), 400, 'VALIDATION_FAILED'],
      ['a clerk', edit({ version: 1, place: '县政府' }, clerk), 403, 'ROLE_NOT_ALLOWED'],
      ['a handler', edit({ version: 1, place: '县政府' }, await t.as('town.handler')), 403, 'ROLE_NOT_ALLOWED'],
      ['a township that cannot see it', edit({ version: 1, place: '县政府' }, town), 404, 'RECEPTION_DAY_NOT_FOUND'],
      ['anonymous', edit({ version: 1, place: '县政府' }, t.anonymous), 401, 'UNAUTHENTICATED'],
    ]);
  });

  it('a leader received at a body above them sees the day but may not change it', async () => {
    const d = await schedule(supervisor, { leaderUserId: townHeadId, orgId: bureau, day: '2026-03-18', startsAt: '09:00', endsAt: '11:00', place: '县信访局一楼接待大厅' });
    const seen = (await town.get(`/api/v1/reception-days/${d.id}`)).json() as Day;
    expect(seen).toMatchObject({ id: d.id, canChange: false });
    await refusedAll([
      ['edit', () => town.patch(`/api/v1/reception-days/${d.id}`, { version: 1, place: '葛仙庄镇' }), 403, 'OUT_OF_SCOPE'],
      ['cancel', () => town.post(`/api/v1/reception-days/${d.id}/cancel`, { version: 1, reason: '镇里有会' }), 403, 'OUT_OF_SCOPE'],
    ]);
  });

  it('a day with visits recorded, or one that has begun or passed, can be neither edited nor cancelled', async () => {
    // today (2026-03-05, 10:00): one this afternoon with a visit linked already, one that began at 08:00
    const afternoon = await schedule(leader, { day: '2026-03-05', startsAt: '14:00', endsAt: '16:00', place: '县信访局接待大厅' });
    const reg = await clerk.post('/api/v1/cases', await buildRegistration(t, { channel: 'visit' }));
    expect((await clerk.post(`/api/v1/reception-days/${afternoon.id}/visits`, { caseId: reg.json().caseId })).statusCode).toBe(201);
    const early = await schedule(leader, { day: '2026-03-05', startsAt: '08:00', endsAt: '09:00', place: '县信访局接待大厅' });
    expect(early.canChange).toBe(false);
    // one next Monday, looked at once it has passed
    const monday = await schedule(leader, { day: '2026-03-09', startsAt: '09:00', endsAt: '11:00', place: '县信访局接待大厅' });
    const withVisits = (await leader.get(`/api/v1/reception-days/${afternoon.id}`)).json() as Day;
    expect(withVisits).toMatchObject({ visitCount: 1, canChange: false });
    const checks = (id: number, version: number, c: string, status: number): [string, () => Promise<{ statusCode: number; body: string }>, number, string][] => [
      [`edit ${id}`, () => supervisor.patch(`/api/v1/reception-days/${id}`, { version, place: '县政府' }), status, c],
      [`cancel ${id}`, () => supervisor.post(`/api/v1/reception-days/${id}/cancel`, { version, reason: '领导外出' }), status, c],
    ];
    await refusedAll([
      ...checks(afternoon.id, 1, 'RECEPTION_DAY_HAS_VISITS', 409),
      ...checks(countyDayId, 1, 'RECEPTION_DAY_HAS_VISITS', 409),
      ...checks(early.id, 1, 'RECEPTION_DAY_BEGUN', 422),
    ]);
    day('2026-03-10');
    await refusedAll(checks(monday.id, 1, 'RECEPTION_DAY_BEGUN', 422));
    day('2026-03-05');
  });

  it('a supervisor cancels a day with a reason: it stays on the calendar marked cancelled, takes no visit, frees the slot and is not counted as held', async () => {
    const d = await schedule(supervisor, { leaderUserId: leaderId, day: '2026-03-11', startsAt: '09:00', endsAt: '11:30', place: '县信访局一楼接待大厅' });
    const countOn = async () => (await receptionCounts(t.ctx.db, countyPath, true, '2026-03-11', '2026-03-11')).days.find((x) => x.leader_user_id === leaderId)?.days ?? 0;
    expect(await countOn()).toBe(1);
    const res = await supervisor.post(`/api/v1/reception-days/${d.id}/cancel`, { version: 1, reason: ' 领导临时赴市参加会议 ' }, { 'idempotency-key': 'cancel-1' });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as Day;
    expect(c).toMatchObject({ id: d.id, status: 'cancelled', cancelReason: '领导临时赴市参加会议', cancelledByName: '王督办', version: 2, canChange: false, day: '2026-03-11' });
    expect(c.cancelledAt).toBe(new Date('2026-03-05T10:00:00+08:00').toISOString());
    // a retry with the same key answers the same and cancels nothing more
    const again = await supervisor.post(`/api/v1/reception-days/${d.id}/cancel`, { version: 1, reason: ' 领导临时赴市参加会议 ' }, { 'idempotency-key': 'cancel-1' });
    expect([again.statusCode, again.json()]).toEqual([200, c]);
    const audit = await auditOf('reception.cancel');
    expect(audit).toHaveLength(1);
    const detail = typeof audit[0]!.detail === 'string' ? JSON.parse(audit[0]!.detail) : audit[0]!.detail;
    expect(detail).toMatchObject({ receptionDayId: d.id, reason: '领导临时赴市参加会议', day: '2026-03-11', leaderUserId: leaderId });
    // still listed, marked; still one row
    const list = (await leader.get('/api/v1/reception-days?from=2026-03-11&to=2026-03-11')).json() as Day[];
    expect(list.map((x) => [x.id, x.status])).toEqual([[d.id, 'cancelled']]);
    expect(await t.ctx.db.selectFrom('reception_days').select('id').where('id', '=', d.id).executeTakeFirst()).toBeDefined();
    // not a day held; its leader's hours are free again
    expect(await countOn()).toBe(0);
    const again2 = await schedule(supervisor, { leaderUserId: leaderId, day: '2026-03-11', startsAt: '09:00', endsAt: '11:30', place: '县政府二楼接待室' });
    expect(again2.status).toBe('scheduled');
    expect(await countOn()).toBe(1);
    // it takes no visit, even once the day has come
    day('2026-03-11');
    const reg = await clerk.post('/api/v1/cases', await buildRegistration(t, { channel: 'visit' }));
    await refusedAll([
      ['link a visit', () => clerk.post(`/api/v1/reception-days/${d.id}/visits`, { caseId: reg.json().caseId }), 409, 'RECEPTION_DAY_CANCELLED'],
      ['register a visit', async () => clerk.post(`/api/v1/reception-days/${d.id}/visits`, { registration: await regBody() }), 409, 'RECEPTION_DAY_CANCELLED'],
    ]);
    day('2026-03-05');
    await refusedAll([
      ['cancel again', () => supervisor.post(`/api/v1/reception-days/${d.id}/cancel`, { version: 2, reason: '重复' }), 409, 'RECEPTION_DAY_CANCELLED'],
      ['edit it', () => supervisor.patch(`/api/v1/reception-days/${d.id}`, { version: 2, day: '2026-03-13' }), 409, 'RECEPTION_DAY_CANCELLED'],
    ]);
  });

  it('a visit and a cancellation of the same day sent at once: one of them goes through, never both', async () => {
    for (let i = 0; i < 4; i++) {
      const d = await schedule(leader, { day: '2026-03-05', startsAt: `${17 + i}:00`, endsAt: `${17 + i}:30`, place: '县信访局接待大厅' });
      const reg = await clerk.post('/api/v1/cases', await buildRegistration(t, { channel: 'visit' }));
      const [visit, cancel] = await Promise.all([
        clerk.post(`/api/v1/reception-days/${d.id}/visits`, { caseId: reg.json().caseId }),
        supervisor.post(`/api/v1/reception-days/${d.id}/cancel`, { version: 1, reason: '领导外出' }),
      ]);
      expect([visit.statusCode, cancel.statusCode].filter((x) => x < 300), `${visit.body} ${cancel.body}`).toHaveLength(1);
      expect(visit.statusCode === 201 ? code(cancel) : code(visit)).toBe(visit.statusCode === 201 ? 'RECEPTION_DAY_HAS_VISITS' : 'RECEPTION_DAY_CANCELLED');
      const row = await t.ctx.db.selectFrom('reception_days').select('cancelled_at').where('id', '=', d.id).executeTakeFirstOrThrow();
      const visits = await t.ctx.db.selectFrom('reception_visits').select('id').where('reception_day_id', '=', d.id).execute();
      expect(row.cancelled_at !== null && visits.length > 0).toBe(false);
    }
  });

  it('refuses bad cancellations with a catalogue code and changes nothing', async () => {
    const d = await schedule(supervisor, { leaderUserId: leaderId, day: '2026-04-09', startsAt: '09:00', endsAt: '11:30', place: '县信访局一楼接待大厅' });
    const url = `/api/v1/reception-days/${d.id}/cancel`;
    const cancel = (body: object, who: Client = supervisor) => () => who.post(url, body);
    await refusedAll([
      ['empty reason', cancel({ version: 1, reason: '' }), 400, 'RECEPTION_CANCEL_REASON_REQUIRED'],
      ['blank reason', cancel({ version: 1, reason: ' \n ' }), 400, 'RECEPTION_CANCEL_REASON_REQUIRED'],
      ['no reason', cancel({ version: 1 }), 400, 'VALIDATION_FAILED'],
      ['reason too long', cancel({ version: 1, reason: '因'.repeat(1001) }), 400, 'VALIDATION_FAILED'],
      ['no version', cancel({ reason: '领导外出' }), 400, 'VALIDATION_FAILED'],
      ['unknown field', cancel({ version: 1, reason: '领导外出', day: '2026-04-10' }), 400, 'VALIDATION_FAILED'],
      ['no body', () => supervisor.post(url), 400, 'VALIDATION_FAILED'],
      ['a stale version', cancel({ version: 3, reason: '领导外出' }), 409, 'RECEPTION_DAY_CHANGED'],
      ['no such day', () => supervisor.post('/api/v1/reception-days/999999/cancel', { version: 1, reason: '领导外出' }), 404, 'RECEPTION_DAY_NOT_FOUND'],
      ['a clerk', cancel({ version: 1, reason: '领导外出' }, clerk), 403, 'ROLE_NOT_ALLOWED'],
      ['a township that cannot see it', cancel({ version: 1, reason: '领导外出' }, town), 404, 'RECEPTION_DAY_NOT_FOUND'],
      ['anonymous', cancel({ version: 1, reason: '领导外出' }, t.anonymous), 401, 'UNAUTHENTICATED'],
    ]);
    // the administrator may schedule, so may cancel
    const byAdmin = await (await t.as('admin')).post(url, { version: 1, reason: '接待场所维修' });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect(byAdmin.json().status).toBe('cancelled');
  });
});

async function regBody(overrides: Record<string, unknown> = {}) {
  const { channel: _c, ...rest } = await buildRegistration(t, overrides);
  return rest;
}

describe('the reception figures by how the leaders received', () => {
  it('counts 坐班接访 and 下访 in days and 约访 in people, leaves cancelled days out, and drills to the cases of that kind', async () => {
    const leaderRow = await t.ctx.db.selectFrom('users').select(['id', 'org_id']).where('username', '=', 'leader').executeTakeFirstOrThrow();
    const org = await t.ctx.db.selectFrom('organisations').select(['id', 'path']).where('id', '=', leaderRow.org_id).executeTakeFirstOrThrow();
    const cases = await t.ctx.db.selectFrom('cases').select('id').orderBy('id').limit(2).execute();
    expect(cases).toHaveLength(2);
    const addDay = async (d: string, kind: string, cancelled = false) => (await t.ctx.db.insertInto('reception_days').values({
      org_id: org.id, org_path: org.path, leader_user_id: leaderRow.id, day: d, starts_at: '09:00', ends_at: '11:00', place: '某地', topic: null, kind,
      created_by: leaderRow.id, created_at: new Date(`${d}T08:00:00+08:00`),
      ...(cancelled && { cancelled_at: new Date(`${d}T07:00:00+08:00`), cancelled_by: leaderRow.id, cancel_reason: '改期' }),
    }).returning('id').executeTakeFirstOrThrow()).id;
    const visit = async (dayId: number, d: string, caseId: number, headcount: number) => t.ctx.db.insertInto('reception_visits').values({
      reception_day_id: dayId, case_id: caseId, submission_id: null, leader_user_id: leaderRow.id, day: d, headcount, is_collective: false,
      note: null, recorded_by: leaderRow.id, recorded_at: new Date(`${d}T10:00:00+08:00`),
    }).execute();
    await addDay('2026-01-10', 'fixed');
    await visit(await addDay('2026-01-12', 'field'), '2026-01-12', cases[0]!.id, 2);
    await visit(await addDay('2026-01-15', 'appointment'), '2026-01-15', cases[1]!.id, 3);
    await addDay('2026-01-16', 'appointment', true);

    const f = (await leader.get(`/api/v1/stats/figures?org=${org.id}&period=month&from=2026-01-01`)).json();
    const v = Object.fromEntries(Object.entries(f.figures as Record<string, { value: number }>).map(([k, x]) => [k, x.value]));
    expect(v).toMatchObject({ receptionDays: 3, receptionVisits: 2, receptionHeadcount: 5, fixedReceptionDays: 1, fieldVisitDays: 1, appointmentHeadcount: 3 });
    const drill = (await leader.get(`/api/v1/stats/drilldown?org=${org.id}&period=month&from=2026-01-01&figure=appointmentHeadcount`)).json();
    expect(drill.items.map((x: { id: number }) => x.id)).toEqual([cases[1]!.id]);
    const all = (await leader.get(`/api/v1/stats/drilldown?org=${org.id}&period=month&from=2026-01-01&figure=receptionVisits`)).json();
    expect(all.items.map((x: { id: number }) => x.id).sort()).toEqual([cases[0]!.id, cases[1]!.id].sort());
  });
});
