// The dispute register through the HTTP API: record, scope, bad input, resolution, 化解率, and a
// dispute becoming a case with the link kept both ways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type Client } from '../test/harness.ts';
import { buildPerson, categoryId, orgId } from '../test/factories.ts';

let t: TestApp;
let town: Client;
let townshipId: number;
let villageId: number;
beforeAll(async () => {
  t = await startTestApp('2026-03-10T10:00:00+08:00');
  town = await t.as('town.handler');
  townshipId = await orgId(t, '葛仙庄镇');
  villageId = await orgId(t, '葛仙庄村');
});
afterAll(async () => t.close());

const dispute = (over: Record<string, unknown> = {}) => ({
  period: '2026-03', areaCode: '130534100201', location: '葛仙庄村东头', partiesCount: 2,
  summary: '两户村民因宅基地边界发生争执，双方各执一词。', type: 'homestead', riskLevel: 'medium', responsiblePerson: '村调解主任',
  ...over,
});

async function record(c: Client, over: Record<string, unknown> = {}, headers?: Record<string, string>) {
  const res = await c.post('/api/v1/disputes', dispute(over), headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Record<string, any>;
}

describe('recording a screened dispute', () => {
  it('records it at the township, open, with a number, responsible body defaulting to the township', async () => {
    const d = await record(town);
    expect(d.disputeNo).toMatch(/^JF202603\d{6}$/);
    expect(d.status).toBe('open');
    expect(d.orgId).toBe(townshipId);
    expect(d.orgName).toBe('葛仙庄镇');
    expect(d.responsibleOrgId).toBe(townshipId);
    expect(d.foundOn).toBe('2026-03-10');
    expect(d.version).toBe(1);
    const again = await town.get(`/api/v1/disputes/${d.id}`);
    expect(again.json().summary).toBe(dispute().summary);
  });

  it('assigns a village below the township as responsible body', async () => {
    const d = await record(town, { responsibleOrgId: villageId });
    expect(d.responsibleOrgName).toBe('葛仙庄村');
  });

  it('replays the same create for the same Idempotency-Key and creates it once', async () => {
    const a = await record(town, { summary: '幂等测试纠纷' }, { 'idempotency-key': 'k-dispute-1' });
    const b = await record(town, { summary: '幂等测试纠纷' }, { 'idempotency-key': 'k-dispute-1' });
    expect(b.id).toBe(a.id);
    const list = (await town.get('/api/v1/disputes?q=幂等测试')).json();
    expect(list.total).toBe(1);
  });

  it('refuses bad input with catalogue codes and records nothing', async () => {
    const before = (await town.get('/api/v1/disputes')).json().total;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ period: '2026-13' }, 400, 'VALIDATION_FAILED'],
      [{ period: '2026-04' }, 400, 'DISPUTE_BAD_PERIOD'], // a round not yet begun
      [{ foundOn: '2026-03-11' }, 400, 'INVALID_DATE'], // tomorrow
      [{ foundOn: '2026-02-30' }, 400, 'VALIDATION_FAILED'],
      [{ areaCode: '13053' }, 400, 'INVALID_AREA_CODE'],
      [{ partiesCount: 0 }, 400, 'VALIDATION_FAILED'],
      [{ partiesCount: '2' }, 400, 'VALIDATION_FAILED'],
      [{ type: 'gossip' }, 400, 'VALIDATION_FAILED'],
      [{ riskLevel: 'extreme' }, 400, 'VALIDATION_FAILED'],
      [{ summary: '   ' }, 400, 'VALIDATION_FAILED'],
      [{ summary: 'x'.repeat(2001) }, 400, 'VALIDATION_FAILED'],
      [{ extra: 1 }, 400, 'VALIDATION_FAILED'],
      [{ responsibleOrgId: 999999 }, 400, 'UNKNOWN_ORG'],
    ];
    for (const [over, status, code] of cases) {
      const res = await town.post('/api/v1/disputes', dispute(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(status);
      expect(res.json().error.code, JSON.stringify(over)).toBe(code);
    }
    const hrssOrg = await orgId(t, '县人力资源和社会保障局');
    const out = await town.post('/api/v1/disputes', dispute({ responsibleOrgId: hrssOrg }));
    expect(out.json().error.code).toBe('DISPUTE_RESPONSIBLE_OUT_OF_SCOPE');
    const otherTown = await town.post('/api/v1/disputes', dispute({ orgId: await orgId(t, '连庄镇') }));
    expect(otherTown.json().error.code).toBe('OUT_OF_SCOPE');
    const malformed = await town.raw({ method: 'POST', url: '/api/v1/disputes', payload: '{"period":', headers: { 'content-type': 'application/json' } });
    expect(malformed.json().error.code).toBe('MALFORMED_JSON');
    expect((await town.get('/api/v1/disputes')).json().total).toBe(before);
    expect((await t.anonymous.get('/api/v1/disputes')).statusCode).toBe(401);
  });
});

describe('scope', () => {
  it('shows the township its own disputes, the county bureau all of them, another body none', async () => {
    const d = await record(town, { summary: '范围测试：邻里排水纠纷', type: 'neighbour' });
    const bureau = await t.as('supervisor');
    expect((await bureau.get('/api/v1/disputes?q=范围测试')).json().total).toBe(1);
    expect((await bureau.get(`/api/v1/disputes/${d.id}`)).statusCode).toBe(200);
    const hrss = await t.as('hrss.handler');
    expect((await hrss.get('/api/v1/disputes?q=范围测试')).json().total).toBe(0);
    const denied = await hrss.get(`/api/v1/disputes/${d.id}`);
    expect(denied.statusCode).toBe(404);
    expect(denied.json().error.code).toBe('DISPUTE_NOT_FOUND');
    const edit = await hrss.patch(`/api/v1/disputes/${d.id}`, { version: 1, summary: '改' });
    expect(edit.json().error.code).toBe('DISPUTE_NOT_FOUND');
    const resolve = await hrss.post(`/api/v1/disputes/${d.id}/resolution`, { version: 1, resolution: 'resolved', note: '越权' });
    expect(resolve.json().error.code).toBe('DISPUTE_NOT_FOUND');
    // the administrator sees figures, not the matters
    const admin = await t.as('admin');
    expect((await admin.get('/api/v1/disputes')).json().error.code).toBe('ROLE_NOT_ALLOWED');
    expect((await admin.get(`/api/v1/disputes/${d.id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/v1/disputes/rates')).statusCode).toBe(200);
    // a body in the user's scope only
    expect((await town.get(`/api/v1/disputes/rates?orgId=${await orgId(t, '连庄镇')}`)).json().error.code).toBe('OUT_OF_SCOPE');
  });
});

describe('editing and resolving', () => {
  it('corrects an open entry with its version, refuses a stale version, resolves it and then refuses changes', async () => {
    const d = await record(town, { summary: '土地承包合同到期续签纠纷', type: 'land_contract' });
    const edited = await town.patch(`/api/v1/disputes/${d.id}`, { version: 1, riskLevel: 'high', partiesCount: 12 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ riskLevel: 'high', partiesCount: 12, version: 2 });
    const stale = await town.patch(`/api/v1/disputes/${d.id}`, { version: 1, riskLevel: 'low' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    const early = await town.post(`/api/v1/disputes/${d.id}/resolution`, { version: 2, resolution: 'resolved', note: '调解成功', resolvedOn: '2026-03-01' });
    expect(early.json().error.code).toBe('INVALID_DATE'); // before it was found
    const not = await town.post(`/api/v1/disputes/${d.id}/resolution`, { version: 2, resolution: 'unresolved', note: '一方拒绝调解' });
    expect(not.json()).toMatchObject({ status: 'unresolved', version: 3 });
    t.clock.advanceDays(3);
    const ok = await town.post(`/api/v1/disputes/${d.id}/resolution`, { version: 3, resolution: 'resolved', note: '经镇村两级调解，双方签订协议' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'resolved', resolvedOn: '2026-03-13', resolutionNote: '经镇村两级调解，双方签订协议' });
    const after = await town.patch(`/api/v1/disputes/${d.id}`, { version: 4, summary: '再改' });
    expect(after.json().error.code).toBe('DISPUTE_NOT_OPEN');
    const bad = await town.post(`/api/v1/disputes/${d.id}/resolution`, { version: 4, resolution: 'converted', note: 'x' });
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('becoming a case', () => {
  it('registers a case at the township, links both ways and refuses a second conversion', async () => {
    const d = await record(town, { summary: '村民反映企业拖欠工资三个月。涉及十二人', type: 'wages', partiesCount: 12 });
    const body = {
      version: 1, channel: 'visit', kind: 'claim', categoryId: await categoryId(t, '0601'), petitioner: buildPerson(),
    };
    const res = await town.post(`/api/v1/disputes/${d.id}/convert`, body, { 'idempotency-key': 'convert-1' });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.dispute.status).toBe('converted');
    expect(r.dispute.caseId).toBe(r.case.caseId);
    expect(r.dispute.caseNo).toBe(r.case.caseNo);
    expect(r.case.state).toBe('awaiting_acceptance'); // a direct petition to the township
    const replay = await town.post(`/api/v1/disputes/${d.id}/convert`, body, { 'idempotency-key': 'convert-1' });
    expect(replay.json().case.caseId).toBe(r.case.caseId);

    const c = (await town.get(`/api/v1/cases/${r.case.caseId}`)).json();
    expect(c.title).toBe('【矛盾纠纷转入】村民反映企业拖欠工资三个月');
    expect(c.headcount).toBe(1);
    const back = (await town.get(`/api/v1/disputes/by-case/${r.case.caseId}`)).json();
    expect(back.dispute.id).toBe(d.id);
    const events = (await town.get(`/api/v1/cases/${r.case.caseId}/events`)).json();
    expect(events.events.map((e: any) => e.type)).toContain('from_dispute');

    const twice = await town.post(`/api/v1/disputes/${d.id}/convert`, { ...body, version: 2 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('DISPUTE_NOT_OPEN');
    const leader = await t.as('town.head');
    const byLeader = await leader.post(`/api/v1/disputes/${d.id}/convert`, body);
    expect(byLeader.json().error.code).toBe('ROLE_NOT_ALLOWED');
  });

  it('rolls back the case when the registration is refused', async () => {
    const d = await record(town, { summary: '回滚测试纠纷' });
    const casesBefore = await t.ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await town.post(`/api/v1/disputes/${d.id}/convert`, {
      version: 1, channel: 'visit', kind: 'claim', categoryId: 999999, petitioner: buildPerson(),
    });
    expect(res.json().error.code).toBe('UNKNOWN_CATEGORY');
    const casesAfter = await t.ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(casesAfter.n)).toBe(Number(casesBefore.n));
    expect((await town.get(`/api/v1/disputes/${d.id}`)).json().status).toBe('open');
  });
});

describe('化解率', () => {
  it('is resolved / screened per body and per period, counted over the chosen subtree', async () => {
    // a fresh body and periods so earlier tests do not count: the second township's own register
    const lian = await t.as(`h${await orgId(t, '连庄镇')}`);
    const feb = await record(lian, { period: '2026-02', areaCode: '130534101000' });
    const feb2 = await record(lian, { period: '2026-02', areaCode: '130534101000' });
    const feb3 = await record(lian, { period: '2026-02', areaCode: '130534101000' });
    await record(lian, { period: '2026-03', areaCode: '130534101000' });
    await lian.post(`/api/v1/disputes/${feb.id}/resolution`, { version: 1, resolution: 'resolved', note: '已调解' });
    await lian.post(`/api/v1/disputes/${feb2.id}/resolution`, { version: 1, resolution: 'resolved', note: '已调解' });
    await lian.post(`/api/v1/disputes/${feb3.id}/resolution`, { version: 1, resolution: 'unresolved', note: '未达成' });
    const lianId = await orgId(t, '连庄镇');
    const byPeriod = (await lian.get(`/api/v1/disputes/rates?groupBy=period`)).json();
    expect(byPeriod.rows).toEqual([
      { orgId: null, orgName: null, period: '2026-02', screened: 3, resolved: 2, unresolved: 1, converted: 0, open: 0, rate: 2 / 3 },
      { orgId: null, orgName: null, period: '2026-03', screened: 1, resolved: 0, unresolved: 0, converted: 0, open: 1, rate: 0 },
    ]);
    expect(byPeriod.total).toMatchObject({ screened: 4, resolved: 2, rate: 0.5 });
    const bureau = await t.as('supervisor');
    const byOrg = (await bureau.get('/api/v1/disputes/rates?periodFrom=2026-02&periodTo=2026-02')).json();
    expect(byOrg.rows.find((r: any) => r.orgId === lianId)).toMatchObject({ orgName: '连庄镇', screened: 3, resolved: 2, rate: 2 / 3 });
    expect(byOrg.rows.find((r: any) => r.orgId === townshipId)).toBeUndefined();
    const both = (await bureau.get(`/api/v1/disputes/rates?groupBy=org_period&orgId=${lianId}`)).json();
    expect(both.rows.map((r: any) => [r.orgId, r.period, r.screened])).toEqual([[lianId, '2026-02', 3], [lianId, '2026-03', 1]]);
    expect((await bureau.get('/api/v1/disputes/rates?periodFrom=2026-2')).json().error.code).toBe('VALIDATION_FAILED');
  });
});
