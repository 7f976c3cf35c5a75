// Work queues sorted by due date page through every matching case once, in due order, whether the
// query can read them in index order (every state asked for runs a clock) or not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type Client } from '../test/harness.ts';
import { buildRegistration, orgId, scenario } from '../test/factories.ts';
import { OPEN_STATES } from '../../domain/lifecycle.ts';

let t: TestApp;
let clerk: Client;
beforeAll(async () => {
  t = await startTestApp('2026-03-02T10:00:00+08:00');
  clerk = await t.as('clerk');
});
afterAll(async () => t.close());
const { day, ok } = scenario(() => t);

interface Item { id: number; nextDue: string | null; state: string }

/** Every item of a list, page by page (limit 3). */
async function pageThrough(query: string): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const res = await clerk.get(`/api/v1/cases?${query}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: Item[]; nextCursor: string | null };
    items.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('more than 100 pages');
}

const byDue = (a: Item, b: Item) => (a.nextDue ?? '9999') < (b.nextDue ?? '9999') ? -1 : (a.nextDue ?? '9999') > (b.nextDue ?? '9999') ? 1 : a.id - b.id;

describe('queues by due date', () => {
  it('pages through the body’s open matters and a state’s matters in due order, each once', async () => {
    const bureau = await orgId(t, '清河县信访局');
    const hrss = await orgId(t, '县人力资源和社会保障局');
    // matters received on different days (so different due dates), some moved on, one closed
    for (const [i, d] of ['2026-03-02', '2026-03-05', '2026-03-03', '2026-03-09', '2026-03-04', '2026-03-06', '2026-03-02', '2026-03-10'].entries()) {
      day(d);
      const res = await clerk.post('/api/v1/cases', await buildRegistration(t, { title: `排序测试事项${i}` }));
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().caseId as number;
      if (i % 3 === 1) await ok('clerk', id, 'forward', { targetOrgId: hrss });
      if (i === 5) await ok('clerk', id, 'decline', { reason: '不属于信访事项', properChannel: '向人民法院起诉' });
    }
    day('2026-03-10');

    const open = await t.ctx.db.selectFrom('cases').select(['id', 'next_due', 'state']).where('current_org_id', '=', bureau)
      .where('state', 'in', [...OPEN_STATES]).execute();
    const mine = await pageThrough('queue=mine_open');
    expect(mine.length).toBe(open.length);
    expect(new Set(mine.map((m) => m.id)).size).toBe(mine.length);
    expect(mine.map((m) => m.id)).toEqual([...mine].sort(byDue).map((m) => m.id));
    expect(new Set(mine.map((m) => m.id))).toEqual(new Set(open.map((o) => o.id)));

    // a state in the whole scope (the scope condition stays), and a closed state (no due date: not in index order)
    for (const state of ['registered', 'awaiting_acceptance', 'declined']) {
      const listed = await pageThrough(`state=${state}&sort=due_asc`);
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.every((x) => x.state === state)).toBe(true);
      expect(new Set(listed.map((x) => x.id)).size).toBe(listed.length);
      expect(listed.map((x) => x.id)).toEqual([...listed].sort(byDue).map((x) => x.id));
      const all = (await clerk.get(`/api/v1/cases?state=${state}&limit=100`)).json().items as Item[];
      expect(new Set(listed.map((x) => x.id))).toEqual(new Set(all.map((x) => x.id)));
    }
  });

  it('lists a body with the bodies below it, or that body alone', async () => {
    const county = await orgId(t, '清河县人民政府');
    const current = await t.ctx.db.selectFrom('cases').select(['id', 'current_org_id']).where('current_org_path', 'like', `%/${county}/%`).execute();
    const own = current.filter((c) => c.current_org_id === county).map((c) => c.id);
    const below = current.filter((c) => c.current_org_id !== county).map((c) => c.id);
    expect(below.length).toBeGreaterThan(0);
    const ids = async (q: string) => new Set((await pageThrough(q)).map((x) => x.id));
    expect(await ids(`orgId=${county}`)).toEqual(new Set([...own, ...below]));
    expect(await ids(`orgId=${county}&orgOnly=true`)).toEqual(new Set(own));
    const bureau = await orgId(t, '清河县信访局');
    const bureauOwn = current.filter((c) => c.current_org_id === bureau).map((c) => c.id);
    expect(bureauOwn.length).toBeGreaterThan(0);
    expect(await ids(`orgId=${bureau}&orgOnly=true&sort=due_asc`)).toEqual(new Set(bureauOwn));
  });

  it('refuses a due-date cursor that holds no date', async () => {
    const cursor = Buffer.from(JSON.stringify(['2026', 5])).toString('base64url');
    const res = await clerk.get(`/api/v1/cases?queue=mine_open&cursor=${cursor}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_CURSOR');
    const res2 = await clerk.get(`/api/v1/cases?state=declined&sort=due_asc&cursor=${cursor}`);
    expect(res2.json().error.code).toBe('INVALID_CURSOR');
  });
});
