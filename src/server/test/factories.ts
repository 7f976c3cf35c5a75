// Test data builders. Each registration gets a new petitioner unless one is given, so tests do not
// turn into repeats of each other by accident.
import { generateIdCardNumber } from '../../shared/validators.ts';
import type { TestApp } from './harness.ts';

let seq = 0;

export function buildPerson(overrides: Record<string, unknown> = {}) {
  seq++;
  return {
    name: `测试人${seq}`,
    idNumber: generateIdCardNumber('130534', `19${String(50 + (seq % 50)).padStart(2, '0')}0${1 + (seq % 9)}1${seq % 10}`, seq % 1000),
    mobile: `139${String(10_000_000 + seq * 7919).slice(-8)}`,
    address: `清河县测试街${seq}号`,
    ...overrides,
  };
}

export async function orgId(t: TestApp, name: string): Promise<number> {
  const r = await t.ctx.db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return r.id;
}

export async function categoryId(t: TestApp, code: string): Promise<number> {
  const r = await t.ctx.db.selectFrom('categories').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return r.id;
}

/** A valid registration body (a letter about unpaid wages in the county), with overrides. */
export async function buildRegistration(t: TestApp, overrides: Record<string, unknown> = {}) {
  return {
    channel: 'letter',
    petitioner: buildPerson(),
    kind: 'claim',
    categoryId: await categoryId(t, '0601'),
    title: '反映建筑工地拖欠农民工工资问题',
    content: '本人在县城开发区某工地务工，工资三万元至今未付，请求协调解决。',
    areaCode: '130534',
    ...overrides,
  };
}

/** Scenario steps on one test app (read lazily: the app starts in beforeAll): set the local day,
 *  and act on a case as a demo user at the case's current version (`ok` expects 200). */
export function scenario(app: () => TestApp) {
  const day = (iso: string) => app().clock.set(new Date(`${iso}T10:00:00+08:00`));
  async function act(who: string, caseId: number, action: string, body: object = {}) {
    const c = await app().as(who);
    const cur = (await c.get(`/api/v1/cases/${caseId}`)).json() as { version: number };
    return c.post(`/api/v1/cases/${caseId}/${action}`, { version: cur.version, ...body });
  }
  async function ok(who: string, caseId: number, action: string, body: object = {}) {
    const res = await act(who, caseId, action, body);
    if (res.statusCode !== 200) throw new Error(`${action}: expected 200, got ${res.statusCode} ${res.body}`);
    return res.json() as Record<string, any>;
  }
  return { day, act, ok };
}

/** What the petitioner of a case reads on the portal: a look-up with its 查询码 and the last four digits of the mobile on file. */
export async function petitionerView(t: TestApp, caseId: number): Promise<Record<string, any>> {
  const who = await t.ctx.db.selectFrom('cases').innerJoin('petitioners', 'petitioners.id', 'cases.petitioner_id')
    .select(['cases.query_code', 'petitioners.mobile']).where('cases.id', '=', caseId).executeTakeFirstOrThrow();
  const look = await t.app.inject({ method: 'POST', url: '/api/v1/portal/lookup', payload: { queryCode: who.query_code, last4: who.mobile!.slice(-4) } });
  if (look.statusCode !== 200) throw new Error(`portal look-up: ${look.statusCode} ${look.body}`);
  return look.json() as Record<string, any>;
}
