// Staff notices through the HTTP API: a leader is told when someone else schedules, changes, hands over
// or cancels a reception day of theirs, and staff of a matter's step that waits on them (never of their
// own acts); each user reads and marks only their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';
import { buildRegistration, orgId, scenario } from '../test/factories.ts';
import { loadActor } from '../policies/scope.ts';
import { notifyCaseChange } from '../services/notify-case-change.ts';

let t: TestApp;
let supervisor: Client;
let leader: Client;
let head: Client;
let leaderId: number;
let headId: number;
let bureau: number;
beforeAll(async () => {
  t = await startTestApp('2026-03-02T10:00:00+08:00');
  supervisor = await t.as('supervisor');
  leader = await t.as('leader');
  head = await t.as('bureau.head');
  const id = async (u: string) => (await t.ctx.db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
  leaderId = await id('leader');
  headId = await id('bureau.head');
  bureau = await orgId(t, '清河县信访局');
});
afterAll(async () => t.close());

type Notice = { id: number; kind: string; readAt: string | null; day: Record<string, string> | null; case: Record<string, unknown> | null; was: Record<string, string> | null; fields: string[]; byName: string; reason: string | null; receptionDayId: number };
const inbox = async (c: Client, q = '') => {
  const res = await c.get(`/api/v1/notifications${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Notice[]; unread: number; nextBefore: number | null };
};

describe('a leader is told of changes to their reception days made by others', () => {
  let dayId = 0;

  it('when another schedules a day for them, not when they schedule their own', async () => {
    const own = await leader.post('/api/v1/reception-days', { orgId: bureau, day: '2026-03-04', startsAt: '09:00', endsAt: '11:00', place: '县信访局接待大厅' });
    expect(own.statusCode, own.body).toBe(201);
    expect((await inbox(leader)).items).toEqual([]);

    const res = await supervisor.post('/api/v1/reception-days', { leaderUserId: leaderId, orgId: bureau, day: '2026-03-09', startsAt: '14:30', endsAt: '17:00', place: '县信访局接待大厅', kind: 'field' });
    expect(res.statusCode, res.body).toBe(201);
    dayId = res.json().id;
    const box = await inbox(leader);
    expect(box.unread).toBe(1);
    expect(box.items[0]).toMatchObject({
      kind: 'reception_scheduled', readAt: null, receptionDayId: dayId, byName: '王督办',
      day: { day: '2026-03-09', startsAt: '14:30', endsAt: '17:00', place: '县信访局接待大厅', receptionKind: 'field' },
    });
    // nobody else is told
    expect((await inbox(supervisor)).items).toEqual([]);
    expect((await inbox(head)).items).toEqual([]);
  });

  it('when another changes it: what changed and what it was', async () => {
    const res = await supervisor.patch(`/api/v1/reception-days/${dayId}`, { version: 1, place: '葛仙庄镇政府会议室', startsAt: '15:00' });
    expect(res.statusCode, res.body).toBe(200);
    const [n] = (await inbox(leader)).items;
    expect(n).toMatchObject({ kind: 'reception_changed', day: { place: '葛仙庄镇政府会议室', startsAt: '15:00' }, was: { place: '县信访局接待大厅', startsAt: '14:30' } });
    expect(n!.fields.sort()).toEqual(['place', 'startsAt']);
  });

  it('when it is handed to another leader: both are told', async () => {
    const res = await supervisor.patch(`/api/v1/reception-days/${dayId}`, { version: 2, leaderUserId: headId });
    expect(res.statusCode, res.body).toBe(200);
    expect((await inbox(leader)).items[0]).toMatchObject({ kind: 'reception_reassigned', receptionDayId: dayId, was: { place: '葛仙庄镇政府会议室' } });
    expect((await inbox(head)).items[0]).toMatchObject({ kind: 'reception_scheduled', receptionDayId: dayId, day: { day: '2026-03-09' } });
  });

  it('when it is cancelled, with the reason', async () => {
    const res = await supervisor.post(`/api/v1/reception-days/${dayId}/cancel`, { version: 3, reason: '与全县防汛会议冲突，另行安排' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await inbox(head)).items[0]).toMatchObject({ kind: 'reception_cancelled', reason: '与全县防汛会议冲突，另行安排', byName: '王督办' });
    expect((await inbox(leader)).unread).toBe(3);
  });
});

describe('reading notices', () => {
  it("marks one's own read, by id or all; another user's notice is untouched", async () => {
    const mine = await inbox(leader);
    const headsFirst = (await inbox(head)).items[0]!;
    // the leader names the head's notice: nothing is marked
    const other = await leader.post('/api/v1/notifications/read', { ids: [headsFirst.id] });
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json().marked).toBe(0);
    expect((await inbox(head)).items[0]!.readAt).toBeNull();

    const one = await leader.post('/api/v1/notifications/read', { ids: [mine.items[0]!.id] });
    expect(one.json().marked).toBe(1);
    expect((await inbox(leader)).unread).toBe(mine.unread - 1);
    expect((await inbox(leader, '?unread=true')).items.map((n) => n.id)).not.toContain(mine.items[0]!.id);
    const all = await leader.post('/api/v1/notifications/read', { all: true });
    expect(all.json().marked).toBe(mine.unread - 1);
    expect((await inbox(leader)).unread).toBe(0);
  });

  it('pages newest first', async () => {
    const first = await inbox(leader, '?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextBefore).toBe(first.items[1]!.id);
    const rest = await inbox(leader, `?limit=2&before=${first.nextBefore}`);
    expect(rest.items.map((n) => n.id)).toEqual([...rest.items.map((n) => n.id)].sort((a, b) => b - a));
    expect(rest.items.every((n) => n.id < first.items[1]!.id)).toBe(true);
  });

  it('refuses a request naming neither or both, and anonymous callers', async () => {
    for (const body of [{}, { ids: [1], all: true }, { ids: [] }, { all: false }, { ids: [1], caseId: 1 }, { caseId: 0 }]) {
      const res = await leader.post('/api/v1/notifications/read', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await t.anonymous.get('/api/v1/notifications')).statusCode).toBe(401);
  });
});

describe("a staff member is told of a matter's step that waits on them", () => {
  const { day, ok } = scenario(() => t);
  const caseNotices = async (who: string) => (await inbox(await t.as(who))).items.filter((n) => n.case) as (Notice & { case: { id: number; caseNo: string; title: string }; [k: string]: unknown })[];
  const register = async (title: string) => {
    const res = await (await t.as('clerk')).post('/api/v1/cases', await buildRegistration(t, { title }));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { caseId: number; caseNo: string };
  };

  it('an extension asked goes to the leaders of the handling body; the decision to whoever asked', async () => {
    day('2026-03-10');
    const hrss = await orgId(t, '县人力资源和社会保障局');
    const c = await register('反映养老保险补缴年限计算有误');
    await ok('clerk', c.caseId, 'forward', { targetOrgId: hrss });
    await ok('hrss.handler', c.caseId, 'accept');
    await ok('hrss.handler', c.caseId, 'request-extension', { days: 20, reason: '需调取历年缴费档案' });
    const [asked, ...more] = await caseNotices('hrss.head');
    expect(more).toEqual([]);
    expect(asked).toMatchObject({
      kind: 'extension_requested', readAt: null, byName: '周承办', byOrgName: '县人力资源和社会保障局', days: 20, reason: '需调取历年缴费档案', day: null,
      case: { id: c.caseId, caseNo: c.caseNo, title: '反映养老保险补缴年限计算有误' },
    });
    // not the one who asked, nor anyone outside the body
    for (const who of ['hrss.handler', 'housing.handler', 'leader', 'supervisor']) expect(await caseNotices(who), who).toEqual([]);

    const approved = await ok('hrss.head', c.caseId, 'approve-extension');
    const [told] = await caseNotices('hrss.handler');
    expect(told).toMatchObject({ kind: 'extension_approved', byName: '吴局长', days: 20, dueOn: approved.nextDue, case: { id: c.caseId } });
    expect(await caseNotices('hrss.head')).toHaveLength(1);

    // a supervision notice goes to the body addressed: its handlers, supervisors and leaders
    await ok('supervisor', c.caseId, 'supervise', { text: '请于期限内书面报告办理进展', dueOn: '2026-03-20' });
    for (const who of ['hrss.handler', 'hrss.head']) {
      expect((await caseNotices(who))[0], who).toMatchObject({ kind: 'supervision_issued', byOrgName: '清河县信访局', reason: '请于期限内书面报告办理进展', dueOn: '2026-03-20' });
    }
    expect(await caseNotices('supervisor')).toEqual([]);

    // a leader's instruction goes to the body that has the matter
    await ok('leader', c.caseId, 'instruct', { text: '请核实历年缴费记录，依法妥善处理' });
    for (const who of ['hrss.handler', 'hrss.head']) {
      expect((await caseNotices(who))[0], who).toMatchObject({ kind: 'instruction_given', byName: '陈副县长', byOrgName: '清河县人民政府', reason: '请核实历年缴费记录，依法妥善处理' });
    }
    expect(await caseNotices('leader')).toEqual([]);

    // an answer sent back goes to whoever gave it
    await ok('hrss.handler', c.caseId, 'answer', { outcome: 'explained', text: '已作解释' });
    await ok('supervisor', c.caseId, 'send-back', { reason: '未回应补缴年限的计算依据' });
    expect((await caseNotices('hrss.handler'))[0]).toMatchObject({ kind: 'answer_sent_back', byName: '王督办', reason: '未回应补缴年限的计算依据' });
    expect(await caseNotices('hrss.head')).toHaveLength(3);

    // so does an answer revoked on review, with the new last day
    await ok('hrss.handler', c.caseId, 'answer', { outcome: 'not_upheld', text: '经核实，不符合补缴条件。' });
    await ok('hrss.handler', c.caseId, 'deliver');
    day('2026-03-15');
    const reviewing = await ok('clerk', c.caseId, 'request-review', { reason: '不服' });
    expect((await caseNotices('county.handler'))[0]).toMatchObject({ kind: 'review_requested', stage: 'review', byPetitioner: false, byOrgName: '清河县信访局', dueOn: reviewing.nextDue, reason: null });
    await ok('county.handler', c.caseId, 'redo', { text: '认定事实不清', dueOn: '2026-04-15' });
    expect((await caseNotices('hrss.handler'))[0]).toMatchObject({ kind: 'answer_revoked', stage: 'review', byOrgName: '清河县人民政府', reason: '认定事实不清', dueOn: '2026-04-15' });

    // a major or urgent matter goes at once to the government reported to: its leaders, its bureau's supervisors and leaders (Art 25)
    await ok('hrss.handler', c.caseId, 'report-urgent', { text: '数十名退休职工聚集，情绪激动' });
    for (const who of ['leader', 'supervisor', 'bureau.head']) {
      expect((await caseNotices(who))[0], who).toMatchObject({ kind: 'urgent_reported', first: true, byName: '周承办', byOrgName: '县人力资源和社会保障局', reason: '数十名退休职工聚集，情绪激动' });
    }
    for (const who of ['clerk', 'hrss.head', 'city.handler']) expect((await caseNotices(who)).some((n) => n.kind === 'urgent_reported'), who).toBe(false);
    await ok('hrss.handler', c.caseId, 'report-urgent', { text: '人员已劝返，正在逐一登记诉求' });
    expect((await caseNotices('leader'))[0]).toMatchObject({ kind: 'urgent_reported', first: false });

    // a leader owning the matter (包案) is told to the body that has it
    await ok('leader', c.caseId, 'own', { plan: '会同人社部门逐年核对缴费记录', closingStandard: '补缴年限核定清楚', dueOn: '2026-04-30' });
    expect((await caseNotices('hrss.head'))[0]).toMatchObject({ kind: 'ownership_taken', byName: '陈副县长', reason: '会同人社部门逐年核对缴费记录', dueOn: '2026-04-30' });
  });

  it('an objection to a matter routed goes to whoever routed it', async () => {
    day('2026-03-12');
    const c = await register('反映小区供暖不达标');
    await ok('clerk', c.caseId, 'forward', { targetOrgId: await orgId(t, '县人力资源和社会保障局') });
    const before = (await caseNotices('clerk')).length;
    await ok('hrss.handler', c.caseId, 'object', { reason: '供暖属于住建部门职责' });
    const notices = await caseNotices('clerk');
    expect(notices).toHaveLength(before + 1);
    expect(notices[0]).toMatchObject({ kind: 'routing_objected', byOrgName: '县人力资源和社会保障局', reason: '供暖属于住建部门职责', case: { id: c.caseId } });
    expect((await caseNotices('supervisor')).some((n) => n.case.id === c.caseId)).toBe(false);
  });

  it("a co-handling body's opinion goes to whoever accepted the matter; an extension refused, with the reason", async () => {
    day('2026-03-20');
    const c = await register('反映企业改制职工安置费未兑现');
    await ok('clerk', c.caseId, 'forward', { targetOrgId: await orgId(t, '县人力资源和社会保障局'), coOrgIds: [await orgId(t, '县住房和城乡建设局')] });
    // the body named co-handling is told it is asked to take part, and by whom, with the lead
    const asked = await caseNotices('housing.handler');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ kind: 'co_handling_requested', byOrgName: '清河县信访局', leadOrgName: '县人力资源和社会保障局', coOrgName: '县住房和城乡建设局', case: { id: c.caseId } });
    await ok('hrss.handler', c.caseId, 'accept');
    const before = (await caseNotices('hrss.handler')).length;
    await ok('housing.handler', c.caseId, 'contribute', { text: '安置房分配情况已核实，附清单' });
    const notices = await caseNotices('hrss.handler');
    expect(notices).toHaveLength(before + 1);
    expect(notices[0]).toMatchObject({ kind: 'co_opinion_given', coOrgName: '县住房和城乡建设局', byName: '郑承办', case: { id: c.caseId } });

    await ok('hrss.handler', c.caseId, 'request-extension', { days: 10, reason: '需会同住建部门核对' });
    await ok('hrss.head', c.caseId, 'reject-extension', { reason: '事实清楚，可在期限内办结' });
    expect((await caseNotices('hrss.handler'))[0]).toMatchObject({ kind: 'extension_rejected', reason: '事实清楚，可在期限内办结', days: null });

    // a body added during handling is told too, with the lead
    const township = await orgId(t, '葛仙庄镇');
    await ok('hrss.handler', c.caseId, 'add-co-handlers', { coOrgIds: [township] });
    expect((await caseNotices('town.handler'))[0]).toMatchObject({ kind: 'co_handling_requested', byName: '周承办', leadOrgName: '县人力资源和社会保障局', coOrgName: '葛仙庄镇' });
    expect(await caseNotices('housing.handler')).toHaveLength(1);
  });

  it("opening a case reads one's own notices about it, and no other", async () => {
    const hrssClient = await t.as('hrss.handler');
    const box = (await inbox(hrssClient)).items.filter((n) => n.case && !n.readAt) as (Notice & { case: { id: number } })[];
    const caseIds = [...new Set(box.map((n) => n.case.id))];
    expect(caseIds.length).toBeGreaterThanOrEqual(2);
    const [opened] = caseIds;
    const headBefore = (await inbox(await t.as('hrss.head'))).items.filter((n) => n.case?.id === opened && !n.readAt).length;
    expect(headBefore).toBeGreaterThan(0);
    const res = await hrssClient.post('/api/v1/notifications/read', { caseId: opened });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().marked).toBe(box.filter((n) => n.case.id === opened).length);
    const after = (await inbox(hrssClient)).items.filter((n) => n.case);
    expect(after.filter((n) => n.case!.id === opened).every((n) => n.readAt)).toBe(true);
    expect(after.filter((n) => n.case!.id !== opened && !n.readAt).length).toBe(box.filter((n) => n.case.id !== opened).length);
    // another user's notices about the same case stay unread
    expect((await inbox(await t.as('hrss.head'))).items.filter((n) => n.case?.id === opened && !n.readAt).length).toBe(headBefore);
  });

  it('never tells anyone in the accused body of an accusation, even where their place would ([T22] Art 30)', async () => {
    day('2026-03-25');
    const hrss = await orgId(t, '县人力资源和社会保障局');
    const res = await (await t.as('clerk')).post('/api/v1/cases', await buildRegistration(t, {
      kind: 'accusation', accusedOrgId: hrss, accusedName: '某工作人员', title: '反映人社局工作人员违规办理退休',
    }));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().caseId as number;
    await ok('clerk', id, 'forward', { targetOrgId: await orgId(t, '县纪委监委') });
    const row = await t.ctx.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const leader = await loadActor(t.ctx.db, { username: 'leader' });
    // a step whose notice would go to the body that has the matter, were that the accused body (the routing never lets it)
    const asIfThere = { ...row, current_org_id: hrss };
    await notifyCaseChange(t.ctx.db, { kind: 'staff', actor: leader }, t.clock.now(), { action: 'instruct', before: asIfThere, after: row, data: { text: '请依纪依法查处' } });
    for (const who of ['hrss.handler', 'hrss.head']) expect((await caseNotices(who)).some((n) => n.case.id === id), who).toBe(false);
    // the same step on a matter that is no accusation does tell them
    await notifyCaseChange(t.ctx.db, { kind: 'staff', actor: leader }, t.clock.now(), { action: 'instruct', before: { ...asIfThere, kind: 'claim' }, after: row, data: { text: '请依纪依法查处' } });
    expect((await caseNotices('hrss.handler')).some((n) => n.case.id === id)).toBe(true);
  });
});
