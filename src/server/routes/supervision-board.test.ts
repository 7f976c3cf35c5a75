// The supervision board (督办) and leaders' instructions through the HTTP API: overdue and nearly
// due cases by responsible body, one-step notices and their states, scope and secrecy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type Client } from '../test/harness.ts';
import { buildRegistration, categoryId, orgId } from '../test/factories.ts';

let t: TestApp;
let clerk: Client;
let supervisor: Client;
let hrss: number;
beforeAll(async () => {
  t = await startTestApp('2026-03-02T10:00:00+08:00');
  clerk = await t.as('clerk');
  supervisor = await t.as('supervisor');
  hrss = await orgId(t, '县人力资源和社会保障局');
});
afterAll(async () => t.close());

const day = (iso: string) => t.clock.set(new Date(`${iso}T10:00:00+08:00`));
const code = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

async function act(who: string, caseId: number, action: string, body: object = {}) {
  const c = await t.as(who);
  const cur = (await c.get(`/api/v1/cases/${caseId}`)).json() as { version: number };
  const res = await c.post(`/api/v1/cases/${caseId}/${action}`, { version: cur.version, ...body });
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json() as Record<string, any>;
}

async function register(body: Record<string, unknown> = {}) {
  const res = await clerk.post('/api/v1/cases', await buildRegistration(t, body));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().caseId as number;
}

interface Board {
  today: string; casesShown: boolean; totals: { overdue: number; dueSoon: number };
  notices: Record<string, number>;
  bodies: { orgId: number; orgName: string; overdue: number; dueSoon: number; cases: { id: number; daysLeft: number; version: number; openNotices: number }[] }[];
}
const board = async (who: Client) => {
  const res = await who.get('/api/v1/supervision/board');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Board;
};

let overdueCase: number;
let nearCase: number;
let farCase: number;
let accusation: number;

describe('the supervision board', () => {
  it('groups overdue and nearly due cases under the body that must act', async () => {
    day('2026-03-02');
    overdueCase = await register();
    await act('clerk', overdueCase, 'forward', { targetOrgId: hrss }); // accept due 03-17
    day('2026-03-05');
    nearCase = await register();
    await act('clerk', nearCase, 'forward', { targetOrgId: hrss }); // accept due 03-20
    farCase = await register(); // at the bureau, route due 03-20 as well
    day('2026-03-12');
    const later = await register(); // route due 03-27: neither overdue nor near on 03-18
    // an accusation against the county government, waiting at the bureau (route due 03-20)
    day('2026-03-05');
    accusation = await register({ kind: 'accusation', categoryId: await categoryId(t, '0401'), accusedOrgId: await orgId(t, '清河县人民政府'), title: '反映某干部作风问题' });

    day('2026-03-18');
    const b = await board(supervisor);
    expect(b.today).toBe('2026-03-18');
    const h = b.bodies.find((x) => x.orgId === hrss)!;
    expect(h).toMatchObject({ orgName: '县人力资源和社会保障局', overdue: 1, dueSoon: 1 });
    expect(h.cases.map((c) => c.id)).toEqual([overdueCase, nearCase]); // most urgent first
    expect(h.cases[0]!.daysLeft).toBe(-1);
    expect(h.cases[1]!.daysLeft).toBe(2);
    const bureau = b.bodies.find((x) => x.orgId === (b.bodies.find((y) => y.orgName === '清河县信访局')?.orgId))!;
    // the bureau belongs to the accused county government: the accusation is not shown to it ([T22] Art 30)
    expect(bureau.cases.map((c) => c.id)).toEqual([farCase]);
    expect(bureau.cases.map((c) => c.id)).not.toContain(later);
    expect(b.totals).toEqual({ overdue: 1, dueSoon: 2 });
  });

  it('one step issues a notice on a case; the board and the notices list show it with its state', async () => {
    const b = await board(supervisor);
    const c = b.bodies.find((x) => x.orgId === hrss)!.cases[0]!;
    const res = await supervisor.post(`/api/v1/cases/${c.id}/supervise`, { version: c.version, text: '该件已超期，请于督办期限内办结并反馈。' });
    expect(res.statusCode, res.body).toBe(200);
    const after = await board(supervisor);
    expect(after.bodies.find((x) => x.orgId === hrss)!.cases[0]!.openNotices).toBe(1);
    expect(after.notices).toEqual({ open: 1, chased: 0, overdue: 0, answered: 0 });
    const list = (await supervisor.get('/api/v1/supervision')).json() as { id: number; caseId: number; dueOn: string; status: string }[];
    expect(list[0]).toMatchObject({ caseId: overdueCase, dueOn: '2026-03-28', status: 'open' });

    // chased, then past its due date, then answered
    const noticeId = list[0]!.id;
    expect((await supervisor.post(`/api/v1/supervision/${noticeId}/chase`, { text: '请加快办理' })).statusCode).toBe(200);
    expect((await board(supervisor)).notices).toMatchObject({ open: 0, chased: 1 });
    day('2026-03-29');
    expect((await board(supervisor)).notices).toMatchObject({ chased: 0, overdue: 1 });
    expect((await (await t.as('hrss.handler')).post(`/api/v1/supervision/${noticeId}/answer`, { text: '已受理，正在办理' })).statusCode).toBe(200);
    expect((await board(supervisor)).notices).toEqual({ open: 0, chased: 0, overdue: 0, answered: 1 });
  });

  it('a stale version issues nothing', async () => {
    const before = (await supervisor.get('/api/v1/supervision')).json().length;
    const res = await supervisor.post(`/api/v1/cases/${nearCase}/supervise`, { version: 1, text: '请抓紧办理' });
    expect([res.statusCode, code(res)]).toEqual([409, 'VERSION_CONFLICT']);
    const bad = await supervisor.post(`/api/v1/cases/${nearCase}/supervise`, { version: 2, text: '' });
    expect(bad.statusCode).toBe(400);
    expect((await supervisor.get('/api/v1/supervision')).json().length).toBe(before);
  });

  it('keeps to scope and secrecy: a department sees its own body only; an accused body never sees the accusation', async () => {
    day('2026-03-18');
    const head = await board(await t.as('hrss.head'));
    expect(head.bodies.map((b) => b.orgId)).toEqual([hrss]);
    const town = await board(await t.as('town.head'));
    expect(town.bodies).toEqual([]);
    // the county leader sits in the accused county government: the accusation is left out for them
    const county = await board(await t.as('leader'));
    const ids = county.bodies.flatMap((b) => b.cases.map((c) => c.id));
    expect(ids).toContain(farCase);
    expect(ids).not.toContain(accusation);
    // the city government above it supervises it
    const cityLeader = (await t.ctx.db.selectFrom('users').select('username').where('org_id', '=', await orgId(t, '邢台市人民政府')).where('role', '=', 'leader').executeTakeFirstOrThrow()).username;
    const city = await board(await t.as(cityLeader));
    expect(city.bodies.flatMap((b) => b.cases.map((c) => c.id))).toContain(accusation);
  });

  it('is refused to clerks and handlers; an administrator sees counts without case matters', async () => {
    expect(code(await clerk.get('/api/v1/supervision/board'))).toBe('ROLE_NOT_ALLOWED');
    expect((await (await t.as('hrss.handler')).get('/api/v1/supervision/board')).statusCode).toBe(403);
    const admin = await board(await t.as('admin'));
    expect(admin.casesShown).toBe(false);
    expect(admin.totals.overdue + admin.totals.dueSoon).toBeGreaterThan(0);
    expect(admin.bodies.every((b) => b.cases.length === 0)).toBe(true);
  });
});

describe("leaders' instructions", () => {
  it('a leader sees the instructions they gave; a supervisor sees those in scope; a clerk may not list them', async () => {
    await act('leader', nearCase, 'instruct', { text: '请人社局主要负责同志亲自督办，月底前答复群众。' });
    await act('hrss.head', nearCase, 'instruct', { text: '已阅，请抓紧。' });
    const mine = (await (await t.as('leader')).get('/api/v1/instructions')).json() as { caseId: number; text: string; leaderName: string }[];
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ caseId: nearCase, leaderName: '陈副县长', text: '请人社局主要负责同志亲自督办，月底前答复群众。' });
    const all = (await supervisor.get('/api/v1/instructions')).json() as unknown[];
    expect(all).toHaveLength(2);
    expect(code(await clerk.get('/api/v1/instructions'))).toBe('ROLE_NOT_ALLOWED');
  });
});
