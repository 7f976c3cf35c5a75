// 人民建议征集, the staff side, through the real app: suggestions sent on the portal are listed newest
// first a page at a time (past the old cap of 100), filtered by status and topic; one suggestion shows
// the citizen masked and each view is audited; a decision with its reply reaches the citizen's look-up;
// a second decision is refused and changes nothing; other roles are refused; each suggestion goes to the
// petition bureau of its area and only staff of that area and above see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

let t: TestApp;
let sup: Client;
let admin: Client;
let ipSeq = 0;

const TOPICS = ['public_services', 'rural_revitalisation', 'environment', 'elderly_care', 'other'] as const;
const TOTAL = 123;
interface Sent { id: number; refCode: string; topic: string; mobile: string; name: string }
const sent: Sent[] = [];

/** Each call from its own address, so the portal's per-address limit is not what is tested here. */
function portal(url: string, body: object) {
  ipSeq++;
  return t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { 'x-forwarded-for': `10.7.${Math.floor(ipSeq / 250)}.${ipSeq % 250}` }, payload: body });
}

async function submit(i: number): Promise<Sent> {
  const topic = TOPICS[i % TOPICS.length]!;
  const mobile = `139${String(20000000 + i)}`;
  const name = `欧阳建言${i}`;
  const res = await portal('/portal/suggestions', { topic, title: `建议第${i}条`, content: `关于${topic}的第${i}条建议内容。`, name, mobile, areaCode: i % 2 ? '130534' : '130534100000' });
  expect(res.statusCode, res.body).toBe(201);
  const refCode = res.json().refCode as string;
  const { id } = await t.ctx.db.selectFrom('citizen_suggestions').select('id').where('ref_code', '=', refCode).executeTakeFirstOrThrow();
  return { id, refCode, topic, mobile, name };
}

const lookUp = (s: Sent) => portal('/portal/suggestions/lookup', { refCode: s.refCode, mobileLast4: s.mobile.slice(-4) });
const row = (id: number) => t.ctx.db.selectFrom('citizen_suggestions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const audits = (action: string, id: number) => t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute()
  .then((rows) => rows.filter((r) => (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail).id === id));

/** Every page of a list, following the cursor. */
async function walk(query: string, limit: number, as: Client = sup) {
  const items: { id: number; refCode: string; topic: string; status: string; orgName: string | null }[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await as.get(`/api/v1/suggestions?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: typeof items; nextCursor: string | null };
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return { items, pages };
}

beforeAll(async () => {
  t = await startTestApp('2026-03-02T10:00:00+08:00');
  for (let i = 0; i < TOTAL; i++) sent.push(await submit(i));
  sup = await t.as('supervisor');
  admin = await t.as('admin');
});
afterAll(async () => t.close());

describe('the list', () => {
  it('pages through every suggestion newest first, past the first 100, with no repeat and no gap', async () => {
    const first = (await sup.get('/api/v1/suggestions')).json();
    expect(first.items).toHaveLength(50); // the default page
    expect(first.nextCursor).toEqual(expect.any(String));
    const { items, pages } = await walk('', 40);
    expect(pages).toBe(Math.ceil(TOTAL / 40));
    expect(items.map((s) => s.id)).toEqual(sent.map((s) => s.id).sort((a, b) => b - a));
    const full = (await sup.get('/api/v1/suggestions?limit=100')).json();
    expect(full.items).toHaveLength(100);
    const rest = (await sup.get(`/api/v1/suggestions?limit=100&cursor=${full.nextCursor}`)).json();
    expect(rest.items).toHaveLength(TOTAL - 100);
    expect(rest.nextCursor).toBeNull();
  });

  it('filters by topic and by status, each filter paged on its own', async () => {
    for (const topic of TOPICS) {
      const { items } = await walk(`&topic=${topic}`, 7);
      expect(items.map((s) => s.id), topic).toEqual(sent.filter((s) => s.topic === topic).map((s) => s.id).sort((a, b) => b - a));
      expect(items.every((s) => s.topic === topic)).toBe(true);
    }
    const received = await walk('&status=received', 30);
    expect(received.items.length).toBe(await t.ctx.db.selectFrom('citizen_suggestions').select('id').where('status', '=', 'received').execute().then((r) => r.length));
    expect(received.items.every((s) => s.status === 'received')).toBe(true);
  });

  it('shows nothing about the citizen in a row, and writes no view to the log', async () => {
    const before = await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'suggestion.view').execute();
    const res = await sup.get('/api/v1/suggestions?limit=100');
    const item = res.json().items[0];
    expect(Object.keys(item).sort()).toEqual(['createdAt', 'decidedAt', 'id', 'orgName', 'refCode', 'status', 'title', 'topic']);
    for (const s of sent.slice(-100)) {
      expect(res.body).not.toContain(s.mobile);
      expect(res.body).not.toContain(s.name);
    }
    expect(await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'suggestion.view').execute()).toHaveLength(before.length);
  });

  it('refuses an unknown status or topic, a bad cursor and a page over the maximum', async () => {
    for (const q of ['status=archived', 'topic=nope', 'limit=101', 'limit=0', 'extra=1']) {
      const res = await sup.get(`/api/v1/suggestions?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code, q).toBe('VALIDATION_FAILED');
    }
    for (const c of ['nope', Buffer.from('[0]').toString('base64url'), Buffer.from('["x"]').toString('base64url'), Buffer.from('{}').toString('base64url')]) {
      const res = await sup.get(`/api/v1/suggestions?cursor=${c}`);
      expect(res.statusCode, c).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'INVALID_CURSOR', messageZh: '分页游标无效' });
    }
  });
});

describe('one suggestion', () => {
  it('shows the content with the citizen masked, and logs each view with who viewed it', async () => {
    const s = sent[5]!;
    const res = await sup.get(`/api/v1/suggestions/${s.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ id: s.id, refCode: s.refCode, topic: s.topic, status: 'received', reply: null, decidedAt: null, decidedByName: null, content: expect.stringContaining('第5条') });
    expect(d.submitter).toEqual({ name: '欧***5', mobile: `139****${s.mobile.slice(-4)}`, masked: true });
    expect(res.body).not.toContain(s.mobile);
    expect(res.body).not.toContain(s.name);
    await sup.get(`/api/v1/suggestions/${s.id}`);
    const views = await audits('suggestion.view', s.id);
    expect(views).toHaveLength(2);
    const supId = (await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'supervisor').executeTakeFirstOrThrow()).id;
    expect(views.every((v) => v.actor_user_id === supId && v.actor_kind === 'staff')).toBe(true);
  });

  it('answers an unknown id with SUGGESTION_NOT_FOUND and a bad id with VALIDATION_FAILED', async () => {
    const missing = await sup.get('/api/v1/suggestions/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'SUGGESTION_NOT_FOUND', messageZh: '人民建议不存在', message: 'Suggestion not found' });
    expect((await sup.get('/api/v1/suggestions/0')).json().error.code).toBe('VALIDATION_FAILED');
    expect((await sup.get('/api/v1/suggestions/abc')).json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('the decision', () => {
  it('records adoption with the reply, which the citizen then reads through the look-up', async () => {
    const s = sent[10]!;
    expect((await lookUp(s)).json()).toMatchObject({ status: 'received', reply: null, decidedAt: null });
    t.clock.set(new Date('2026-03-05T15:30:00+08:00'));
    const res = await sup.post(`/api/v1/suggestions/${s.id}/decision`, { adopted: true, reply: '  已采纳，列入明年民生实事项目。  ' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: s.id, status: 'adopted', reply: '已采纳，列入明年民生实事项目。', decidedAt: '2026-03-05T07:30:00.000Z', decidedByName: expect.any(String),
      submitter: { masked: true },
    });
    expect(res.body).not.toContain(s.mobile);
    expect((await lookUp(s)).json()).toMatchObject({ status: 'adopted', reply: '已采纳，列入明年民生实事项目。', decidedAt: '2026-03-05T07:30:00.000Z' });
    expect(await audits('suggestion.decide', s.id)).toHaveLength(1);
    expect(await audits('suggestion.view', s.id)).toHaveLength(1); // the answer shows the citizen (masked): a view
    const listed = (await sup.get(`/api/v1/suggestions?status=adopted&topic=${s.topic}`)).json();
    expect(listed.items.map((x: { id: number }) => x.id)).toContain(s.id);
    expect((await sup.get(`/api/v1/suggestions?status=received&limit=100`)).json().items.map((x: { id: number }) => x.id)).not.toContain(s.id);
  });

  it('lets an administrator record that a suggestion is not adopted', async () => {
    const s = sent[11]!;
    const res = await admin.post(`/api/v1/suggestions/${s.id}/decision`, { adopted: false, reply: '经研究，暂不具备实施条件，感谢您的建议。' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('not_adopted');
    expect((await lookUp(s)).json()).toMatchObject({ status: 'not_adopted', reply: '经研究，暂不具备实施条件，感谢您的建议。' });
  });

  it('refuses a second decision with SUGGESTION_ALREADY_DECIDED, by anyone, and changes nothing', async () => {
    const s = sent[10]!;
    const before = await row(s.id);
    const decideAudits = (await audits('suggestion.decide', s.id)).length;
    t.clock.set(new Date('2026-03-06T09:00:00+08:00'));
    for (const [who, body] of [[sup, { adopted: false, reply: '改为不予采纳' }], [admin, { adopted: true, reply: '重新答复' }], [sup, { adopted: true, reply: '已采纳，列入明年民生实事项目。' }]] as const) {
      const res = await who.post(`/api/v1/suggestions/${s.id}/decision`, body);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'SUGGESTION_ALREADY_DECIDED', messageZh: expect.stringContaining('不能再次决定'), message: expect.stringContaining('cannot be made again'),
      });
    }
    expect(await row(s.id)).toEqual(before);
    expect(await audits('suggestion.decide', s.id)).toHaveLength(decideAudits);
    expect((await lookUp(s)).json()).toMatchObject({ status: 'adopted', reply: '已采纳，列入明年民生实事项目。' });
  });

  it('takes exactly one of two decisions sent at the same time', async () => {
    const s = sent[12]!;
    const [a, b] = await Promise.all([
      sup.post(`/api/v1/suggestions/${s.id}/decision`, { adopted: true, reply: '甲答复' }),
      admin.post(`/api/v1/suggestions/${s.id}/decision`, { adopted: false, reply: '乙答复' }),
    ]);
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([200, 409]);
    const won = a!.statusCode === 200 ? a! : b!;
    const now = await row(s.id);
    expect(now.reply).toBe(won.json().reply);
    expect(await audits('suggestion.decide', s.id)).toHaveLength(1);
  });

  it('refuses a blank, long or incomplete reply and an unknown suggestion, and changes nothing', async () => {
    const s = sent[13]!;
    const before = await row(s.id);
    for (const body of [{ adopted: true, reply: '   ' }, { adopted: true, reply: '' }, { adopted: true, reply: '长'.repeat(1001) }, { adopted: true }, { reply: '采纳' },
      { adopted: 'yes', reply: '采纳' }, { adopted: true, reply: '采纳', status: 'partly_adopted' }]) {
      const res = await sup.post(`/api/v1/suggestions/${s.id}/decision`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect(await row(s.id)).toEqual(before);
    const missing = await sup.post('/api/v1/suggestions/999999/decision', { adopted: true, reply: '采纳' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('SUGGESTION_NOT_FOUND');
  });
});

describe('who may', () => {
  it('refuses every other role with ROLE_NOT_ALLOWED and changes nothing; anonymous callers get 401', async () => {
    const s = sent[20]!;
    const before = await row(s.id);
    const viewsBefore = (await audits('suggestion.view', s.id)).length;
    for (const u of ['clerk', 'hrss.handler', 'leader', 'town.handler', 'city.clerk']) {
      const c = await t.as(u);
      for (const res of [
        await c.get('/api/v1/suggestions'),
        await c.get(`/api/v1/suggestions/${s.id}`),
        await c.post(`/api/v1/suggestions/${s.id}/decision`, { adopted: true, reply: '采纳' }),
      ]) {
        expect(res.statusCode, `${u}: ${res.body}`).toBe(403);
        expect(res.json().error.code).toBe('ROLE_NOT_ALLOWED');
        expect(res.body).not.toContain(s.refCode);
      }
    }
    for (const res of [
      await t.anonymous.get('/api/v1/suggestions'),
      await t.anonymous.get(`/api/v1/suggestions/${s.id}`),
      await t.anonymous.post(`/api/v1/suggestions/${s.id}/decision`, { adopted: true, reply: '采纳' }),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
    expect(await row(s.id)).toEqual(before);
    expect(await audits('suggestion.view', s.id)).toHaveLength(viewsBefore);
    expect((await lookUp(s)).json()).toMatchObject({ status: 'received', reply: null });
  });

  it('no longer serves the staff list or the decision under the public portal prefix', async () => {
    expect((await sup.get('/api/v1/portal/suggestions')).statusCode).toBe(404);
    expect((await sup.post(`/api/v1/portal/suggestions/${sent[21]!.id}/decision`, { adopted: true, reply: '采纳' })).statusCode).toBe(404);
    expect((await row(sent[21]!.id)).status).toBe('received');
  });
});

describe('each suggestion goes to the petition bureau of its area', () => {
  it('sends a county or township suggestion to the county bureau, and one about the city to the city bureau, out of the county\'s sight', async () => {
    const county = await t.ctx.db.selectFrom('organisations').select(['id', 'name']).where('name', '=', '清河县信访局').executeTakeFirstOrThrow();
    const city = await t.ctx.db.selectFrom('organisations').select(['id', 'name']).where('name', '=', '邢台市信访局').executeTakeFirstOrThrow();
    expect((await row(sent[0]!.id)).org_id).toBe(county.id); // township 130534100000
    expect((await row(sent[1]!.id)).org_id).toBe(county.id); // county 130534
    const detail = (await sup.get(`/api/v1/suggestions/${sent[1]!.id}`)).json();
    expect(detail).toMatchObject({ orgName: '清河县信访局', areaCode: '130534' });

    const res = await portal('/portal/suggestions', { topic: 'environment', title: '市区河道治理', content: '建议加快市区河道综合治理。', name: '欧阳市民', mobile: '13900001111', areaCode: '130500' });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = await t.ctx.db.selectFrom('citizen_suggestions').select('id').where('ref_code', '=', res.json().refCode).executeTakeFirstOrThrow();
    const before = await row(id);
    expect(before.org_id).toBe(city.id);
    // the county supervisor and administrator neither list, open nor decide it
    for (const c of [sup, admin]) {
      const { items } = await walk('', 100, c);
      expect(items.map((x) => x.id)).not.toContain(id);
      expect(items).toHaveLength(TOTAL);
      expect(new Set(items.map((x) => x.orgName))).toEqual(new Set(['清河县信访局']));
      const view = await c.get(`/api/v1/suggestions/${id}`);
      expect(view.statusCode).toBe(403);
      expect(view.json().error.code).toBe('SUGGESTION_OUT_OF_SCOPE');
      expect(view.body).not.toContain('欧阳');
      const decide = await c.post(`/api/v1/suggestions/${id}/decision`, { adopted: true, reply: '采纳' });
      expect(decide.json().error.code).toBe('SUGGESTION_OUT_OF_SCOPE');
    }
    expect(await row(id)).toEqual(before);
    expect(await audits('suggestion.view', id)).toHaveLength(0);
  });

  it('refuses a suggestion without an area or with one that is not an area code, and records nothing', async () => {
    const count = async () => (await t.ctx.db.selectFrom('citizen_suggestions').select('id').execute()).length;
    const n = await count();
    const body = { topic: 'other', title: '建议', content: '内容', name: '李明', mobile: '13800001234' };
    const none = await portal('/portal/suggestions', body);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('VALIDATION_FAILED');
    const bad = await portal('/portal/suggestions', { ...body, areaCode: '13x534' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_AREA_CODE');
    expect(await count()).toBe(n);
  });
});

describe('adopted in part ([T22] Art 29)', () => {
  it('records a suggestion adopted in part, which the citizen reads and the list filters', async () => {
    const s = sent[40]!;
    const res = await sup.post(`/api/v1/suggestions/${s.id}/decision`, { adopted: true, partly: true, reply: '部分采纳：老年食堂纳入明年计划，上门送餐暂不具备条件。' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('partly_adopted');
    expect((await lookUp(s)).json()).toMatchObject({ status: 'partly_adopted', reply: '部分采纳：老年食堂纳入明年计划，上门送餐暂不具备条件。' });
    const { items } = await walk('&status=partly_adopted', 50);
    expect(items.map((x) => x.id)).toEqual([s.id]);
  });

  it('refuses "in part" without an adoption and changes nothing', async () => {
    const s = sent[41]!;
    const before = await row(s.id);
    const res = await sup.post(`/api/v1/suggestions/${s.id}/decision`, { adopted: false, partly: true, reply: '不予采纳' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(await row(s.id)).toEqual(before);
  });
});
