// 约访 through the HTTP API: an appointment day names the matters whose petitioners the leader invites;
// each invitation, move and withdrawal is on the case's timeline; the day shows which were received.
// Only an appointment invites, only matters the scheduler may see (never by the accused body), and a
// refusal changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type Client } from '../test/harness.ts';
import { buildRegistration, orgId } from '../test/factories.ts';

let t: TestApp;
let supervisor: Client;
let leaderId: number;
let bureau: number;
beforeAll(async () => {
  t = await startTestApp('2026-03-02T10:00:00+08:00');
  supervisor = await t.as('supervisor');
  leaderId = (await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'leader').executeTakeFirstOrThrow()).id;
  bureau = await orgId(t, '清河县信访局');
});
afterAll(async () => t.close());

const day = (iso: string, time = '10:00') => t.clock.set(new Date(`${iso}T${time}:00+08:00`));
const code = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
async function register(body: Record<string, unknown> = {}) {
  const res = await (await t.as('clerk')).post('/api/v1/cases', await buildRegistration(t, body));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().caseId as number;
}
type Ev = { type: string; data: Record<string, unknown>; isPublic: boolean };
const timeline = async (caseId: number) => ((await supervisor.get(`/api/v1/cases/${caseId}/events`)).json().events as Ev[]);
const invitations = async (caseId: number) => (await timeline(caseId)).filter((e) => e.type.startsWith('reception_invite'));
const snapshot = async () => ({
  days: await t.ctx.db.selectFrom('reception_days').selectAll().orderBy('id').execute(),
  invitations: await t.ctx.db.selectFrom('reception_invitations').selectAll().orderBy('reception_day_id').orderBy('case_id').execute(),
  events: (await t.ctx.db.selectFrom('case_events').select('id').execute()).length,
});
const appointment = { day: '2026-03-05', startsAt: '09:00', endsAt: '11:30', place: '县信访局约访室', kind: 'appointment' };

describe('约访: the matters invited to an appointment day', () => {
  let a = 0;
  let b = 0;
  let c = 0;
  let dayId = 0;

  it('are named when scheduling; each case is told on its timeline, and the petitioner on the portal when and where', async () => {
    day('2026-03-02');
    [a, b, c] = [await register({ title: '征地补偿款分配不公' }), await register({ title: '安置房质量问题' }), await register({ title: '企业拖欠工资' })];
    const res = await supervisor.post('/api/v1/reception-days', { ...appointment, leaderUserId: leaderId, orgId: bureau, caseIds: [a, b] });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    dayId = d.id;
    expect(d.kind).toBe('appointment');
    expect(d.invitedCases.map((x: { caseId: number }) => x.caseId)).toEqual([a, b]);
    expect(d.invitedCases[0]).toMatchObject({ caseTitle: '征地补偿款分配不公', caseState: 'registered', received: false });
    const [ev] = await invitations(a);
    expect(ev).toMatchObject({ type: 'reception_invite', isPublic: true, data: { receptionDayId: dayId, day: '2026-03-05', startsAt: '09:00', place: '县信访局约访室', leader: '陈副县长' } });
    expect(await invitations(c)).toEqual([]);
    // the petitioner reads the time and place, not the leader's name
    const who = await t.ctx.db.selectFrom('cases').innerJoin('petitioners', 'petitioners.id', 'cases.petitioner_id')
      .select(['cases.query_code', 'petitioners.mobile']).where('cases.id', '=', a).executeTakeFirstOrThrow();
    const look = await t.app.inject({ method: 'POST', url: '/api/v1/portal/lookup', payload: { queryCode: who.query_code, last4: who.mobile!.slice(-4) } });
    expect(look.statusCode, look.body).toBe(200);
    const m = (look.json().milestones as { type: string }[]).find((x) => x.type === 'reception_invite');
    expect(m).toMatchObject({ appointment: { day: '2026-03-05', startsAt: '09:00', place: '县信访局约访室', changed: false } });
    expect(JSON.stringify(m)).not.toContain('陈副县长');
  });

  it('are refused on a day that is not an appointment, unknown, or seen from the accused body; nothing changes', async () => {
    const accusation = await register({ kind: 'accusation', accusedOrgId: await orgId(t, '清河县人民政府'), accusedName: '某工作人员', title: '反映县政府工作人员问题' });
    const before = await snapshot();
    const leader = await t.as('leader');
    const cases: [string, Promise<{ statusCode: number; json(): unknown }>, number, string][] = [
      ['a fixed reception day', supervisor.post('/api/v1/reception-days', { ...appointment, leaderUserId: leaderId, orgId: bureau, day: '2026-03-06', kind: 'fixed', caseIds: [c] }), 422, 'RECEPTION_INVITE_NOT_APPOINTMENT'],
      ['no kind (a fixed day)', supervisor.post('/api/v1/reception-days', { ...appointment, leaderUserId: leaderId, orgId: bureau, day: '2026-03-06', kind: undefined, caseIds: [c] }), 422, 'RECEPTION_INVITE_NOT_APPOINTMENT'],
      ['an unknown case', supervisor.post('/api/v1/reception-days', { ...appointment, leaderUserId: leaderId, orgId: bureau, day: '2026-03-06', caseIds: [c, 999_999] }), 422, 'RECEPTION_INVITE_CASE_INVALID'],
      ['the accused body invites its accuser', leader.post('/api/v1/reception-days', { ...appointment, leaderUserId: leaderId, orgId: bureau, day: '2026-03-06', caseIds: [accusation] }), 422, 'RECEPTION_INVITE_CASE_INVALID'],
      ['a case twice', supervisor.post('/api/v1/reception-days', { ...appointment, leaderUserId: leaderId, orgId: bureau, day: '2026-03-06', caseIds: [c, c] }), 400, 'VALIDATION_FAILED'],
      ['more than 20', supervisor.post('/api/v1/reception-days', { ...appointment, leaderUserId: leaderId, orgId: bureau, day: '2026-03-06', caseIds: Array.from({ length: 21 }, (_, i) => i + 1) }), 400, 'VALIDATION_FAILED'],
      ['an edit making the day fixed while matters are invited', supervisor.patch(`/api/v1/reception-days/${dayId}`, { version: 1, kind: 'fixed' }), 422, 'RECEPTION_INVITE_NOT_APPOINTMENT'],
      ['an edit inviting an unknown case', supervisor.patch(`/api/v1/reception-days/${dayId}`, { version: 1, caseIds: [a, 999_999] }), 422, 'RECEPTION_INVITE_CASE_INVALID'],
    ];
    for (const [label, req, status, err] of cases) {
      const res = await req;
      expect(res.statusCode, label).toBe(status);
      expect(code(res), label).toBe(err);
    }
    const after = await snapshot();
    expect(after.days).toEqual(before.days);
    expect(after.invitations).toEqual(before.invitations);
    expect(after.events).toBe(before.events);
  });

  it('change with an edit: those added are invited, those left out withdrawn, and those kept told again when the day moves', async () => {
    const edited = await supervisor.patch(`/api/v1/reception-days/${dayId}`, { version: 1, caseIds: [b, c] });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().version).toBe(2);
    expect(edited.json().invitedCases.map((x: { caseId: number }) => x.caseId)).toEqual([b, c]);
    expect((await invitations(a)).map((e) => e.type)).toEqual(['reception_invite', 'reception_invite_withdrawn']);
    expect((await invitations(b)).map((e) => e.type)).toEqual(['reception_invite']);
    expect((await invitations(c)).map((e) => e.type)).toEqual(['reception_invite']);

    const moved = await supervisor.patch(`/api/v1/reception-days/${dayId}`, { version: 2, place: '县政府一楼接待室', startsAt: '14:00', endsAt: '16:00' });
    expect(moved.statusCode, moved.body).toBe(200);
    for (const id of [b, c]) {
      const last = (await invitations(id)).at(-1)!;
      expect(last).toMatchObject({ type: 'reception_invite', data: { changed: true, place: '县政府一楼接待室', startsAt: '14:00' } });
    }
    // a change to the topic alone tells nobody again
    const topic = await supervisor.patch(`/api/v1/reception-days/${dayId}`, { version: 3, topic: '安置房与工资' });
    expect(topic.statusCode, topic.body).toBe(200);
    expect((await invitations(b))).toHaveLength(2);
  });

  it('show on the day which invited matter was received', async () => {
    day('2026-03-05', '14:30');
    const visit = await supervisor.post(`/api/v1/reception-days/${dayId}/visits`, { caseId: b });
    expect(visit.statusCode, visit.body).toBe(201);
    const d = (await supervisor.get(`/api/v1/reception-days/${dayId}`)).json();
    expect(d.invitedCases.map((x: { caseId: number; received: boolean }) => [x.caseId, x.received])).toEqual([[b, true], [c, false]]);
  });

  it('are withdrawn, with the reason, when the day is cancelled', async () => {
    day('2026-03-06');
    const res = await supervisor.post('/api/v1/reception-days', { ...appointment, leaderUserId: leaderId, orgId: bureau, day: '2026-03-10', caseIds: [a] });
    expect(res.statusCode, res.body).toBe(201);
    const cancelled = await supervisor.post(`/api/v1/reception-days/${res.json().id}/cancel`, { version: 1, reason: '领导临时参加防汛工作' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().invitedCases).toEqual([]);
    expect((await invitations(a)).at(-1)).toMatchObject({ type: 'reception_invite_withdrawn', data: { reason: '领导临时参加防汛工作', day: '2026-03-10' } });
  });
});
