// 人民建议征集 figures through the real app: what was sent in a period, what was decided in it and how,
// the adoption rate and each topic's, and what waits for a decision now, over the bureaus of the
// user's area only; a bad period is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

let t: TestApp;
let sup: Client;
let ipSeq = 0;
beforeAll(async () => {
  t = await startTestApp('2026-02-20T10:00:00+08:00');
  sup = await t.as('supervisor');
});
afterAll(async () => t.close());

const at = (iso: string) => t.clock.set(new Date(`${iso}T10:00:00+08:00`));
async function send(topic: string, areaCode = '130534') {
  ipSeq++;
  const res = await t.app.inject({
    method: 'POST', url: '/api/v1/portal/suggestions', headers: { 'x-forwarded-for': `10.9.0.${ipSeq}` },
    payload: { topic, title: `关于${topic}的建议`, content: '建议内容。', name: '欧阳建言', mobile: `1390000${String(1000 + ipSeq)}`, areaCode },
  });
  expect(res.statusCode, res.body).toBe(201);
  return (await t.ctx.db.selectFrom('citizen_suggestions').select('id').where('ref_code', '=', res.json().refCode).executeTakeFirstOrThrow()).id;
}
async function decide(id: number, adopted: boolean, partly = false) {
  const res = await sup.post(`/api/v1/suggestions/${id}/decision`, { adopted, ...(partly && { partly }), reply: '已研究，答复如下。' });
  expect(res.statusCode, res.body).toBe(200);
}
const figures = async (query: string) => {
  const res = await sup.get(`/api/v1/suggestions/figures?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('suggestion figures', () => {
  it('count what was sent and decided in the period, the adoption rate, each topic, and what waits now', async () => {
    // February: three sent, one decided (adopted) in February
    at('2026-02-20');
    const feb = [await send('environment'), await send('environment'), await send('elderly_care')];
    await decide(feb[0]!, true);
    // March: two more sent; in March one of February's is adopted in part, one of March's not adopted
    at('2026-03-05');
    const mar = [await send('public_services'), await send('environment')];
    await decide(feb[1]!, true, true);
    await decide(mar[0]!, false);
    // one about the city goes to the city bureau: outside the county's figures
    await send('environment', '130500');

    expect(await figures('period=month&from=2026-02-01')).toMatchObject({
      range: { from: '2026-02-01', to: '2026-02-28' }, received: 3, decided: 1, adopted: 1, partlyAdopted: 0, notAdopted: 0, adoptionRate: 1, pendingNow: 2,
      topics: [{ topic: 'elderly_care', received: 1, adopted: 0 }, { topic: 'environment', received: 2, adopted: 1 }],
    });
    expect(await figures('period=month&from=2026-03-01')).toMatchObject({
      received: 2, decided: 2, adopted: 0, partlyAdopted: 1, notAdopted: 1, adoptionRate: 0.5, pendingNow: 2,
      topics: [{ topic: 'environment', received: 1, adopted: 1 }, { topic: 'public_services', received: 1, adopted: 0 }],
    });
    expect(await figures('period=year&from=2026-01-01')).toMatchObject({ received: 5, decided: 3, adopted: 1, partlyAdopted: 1, notAdopted: 1, pendingNow: 2 });
    expect((await figures('period=year&from=2026-01-01')).adoptionRate).toBeCloseTo(2 / 3, 10);
    // a period with nothing decided has no rate
    expect(await figures('period=month&from=2026-01-01')).toMatchObject({ received: 0, decided: 0, adoptionRate: null, topics: [] });
    // six were sent in all: the one that went to the city bureau is not the county's
    expect((await t.ctx.db.selectFrom('citizen_suggestions').select('org_path').execute()).length).toBe(6);
  });

  it('refuses a bad period and other roles', async () => {
    for (const q of ['period=month', 'period=week&from=2026-03-01', 'period=month&from=2026-13-01', 'period=custom&from=2026-03-01', 'period=custom&from=2026-03-01&to=2026-02-01']) {
      const res = await sup.get(`/api/v1/suggestions/figures?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(['VALIDATION_FAILED', 'STATS_BAD_PERIOD'], q).toContain(res.json().error.code);
    }
    const clerk = await (await t.as('clerk')).get('/api/v1/suggestions/figures?period=month&from=2026-03-01');
    expect(clerk.statusCode).toBe(403);
    expect((await t.anonymous.get('/api/v1/suggestions/figures?period=month&from=2026-03-01')).statusCode).toBe(401);
  });
});
