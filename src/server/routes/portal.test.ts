// The citizen portal through the real app: online petition, double submit, look-up, rating and
// review within and after their windows, what the petitioner sees, bad input, rate limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { CompiledQuery } from 'kysely';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { buildPerson, buildRegistration, categoryId, orgId } from '../test/factories.ts';
import { generateIdCardNumber } from '../../shared/validators.ts';

let t: TestApp;
let ipSeq = 0;
beforeAll(async () => {
  t = await startTestApp('2026-03-02T10:00:00+08:00');
});
afterAll(async () => t.close());

/** Each call comes from its own address unless one is given, so the per-IP limit is tested on purpose only. */
function call(method: 'GET' | 'POST', url: string, o: { body?: object; cookie?: string; ip?: string; headers?: Record<string, string> } = {}) {
  ipSeq++;
  return t.app.inject({
    method, url: `/api/v1${url}`,
    headers: { 'x-forwarded-for': o.ip ?? `10.1.${Math.floor(ipSeq / 250)}.${ipSeq % 250}`, ...(o.cookie ? { cookie: o.cookie } : {}), ...o.headers },
    ...(o.body && { payload: o.body }),
  });
}
const sessionCookie = (res: LightMyRequestResponse) => {
  const c = res.cookies.find((k) => k.name === 'xf_portal');
  return c ? `xf_portal=${c.value}` : undefined;
};
const day = (iso: string) => t.clock.set(new Date(`${iso}T10:00:00+08:00`));

async function petition(overrides: Record<string, unknown> = {}) {
  const p = buildPerson();
  return {
    kind: 'claim', categoryId: await categoryId(t, '0601'), areaCode: '130534', title: '工地拖欠工资',
    content: '在县城开发区工地务工，工资三万元至今未付，请求协调解决。',
    petitioner: { name: p.name, idNumber: p.idNumber, mobile: p.mobile }, ...overrides,
  };
}

async function submit(body: object, key = crypto.randomUUID()) {
  return call('POST', '/portal/petitions', { body, headers: { 'idempotency-key': key } });
}

async function caseIdOf(caseNo: string) {
  return (await t.ctx.db.selectFrom('cases').select('id').where('case_no', '=', caseNo).executeTakeFirstOrThrow()).id;
}

async function staffAct(who: string, caseId: number, action: string, body: object = {}) {
  const c = await t.as(who);
  const cur = (await c.get(`/api/v1/cases/${caseId}`)).json() as { version: number };
  const res = await c.post(`/api/v1/cases/${caseId}/${action}`, { version: cur.version, ...body });
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
}

/** Submits online and takes the case through forward, accept, answer and delivery on `on`. */
async function answeredCase(on: string, overrides: Record<string, unknown> = {}) {
  day(on);
  const body = await petition(overrides);
  const res = await submit(body);
  expect(res.statusCode, res.body).toBe(201);
  const receipt = res.json() as { caseNo: string; queryCode: string };
  const id = await caseIdOf(receipt.caseNo);
  await staffAct('clerk', id, 'forward', { targetOrgId: await orgId(t, '县人力资源和社会保障局') });
  await staffAct('hrss.handler', id, 'accept');
  await staffAct('hrss.handler', id, 'answer', { outcome: 'upheld', text: '经核实，责成用人单位于十日内结清所欠工资。' });
  await staffAct('hrss.handler', id, 'deliver');
  return { ...receipt, id, last4: body.petitioner.mobile.slice(-4) };
}

async function lookUp(queryCode: string, last4: string) {
  const res = await call('POST', '/portal/lookup', { body: { queryCode, last4 } });
  return { res, cookie: sessionCookie(res) };
}

/** A letter registered by the clerk for this petitioner (only what is given is on file). */
async function registerByStaff(petitioner: Record<string, unknown>) {
  const res = await (await t.as('clerk')).post('/api/v1/cases', await buildRegistration(t, { petitioner }));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { caseId: number; caseNo: string; queryCode: string };
}

/** A valid 身份证 number whose check character is X (the nth such in a run of sequence numbers). */
function idEndingInX(nth = 0) {
  for (let seq = 0; seq < 1000; seq++) {
    const id = generateIdCardNumber('130534', '19770707', seq);
    if (id.endsWith('X') && nth-- === 0) return id;
  }
  throw new Error('no check character X');
}

describe('online petition', () => {
  it('registers an online case at the county bureau and gives the case number, 查询码 and the date to hear back', async () => {
    const res = await submit(await petition());
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.caseNo).toMatch(/^XF2026130534\d{7}$/);
    expect(r.queryCode).toMatch(/^[A-Z2-9]{8}$/);
    expect(r.acceptDueBy).toBe('2026-03-17'); // routed within 15 days (Art 22)
    expect(Object.keys(r)).not.toContain('caseId');
    const row = await t.ctx.db.selectFrom('cases').selectAll().where('case_no', '=', r.caseNo).executeTakeFirstOrThrow();
    expect(row.channel).toBe('online');
    expect(row.registered_by).toBeNull();
    expect(row.registered_org_id).toBe(await orgId(t, '清河县信访局'));
  });

  it('creates one case when the same submission is sent twice (double tap, retry)', async () => {
    const body = await petition();
    const key = crypto.randomUUID();
    const [a, b] = await Promise.all([submit(body, key), submit(body, key)]);
    const c = await submit(body, key);
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([201, 201, 201]);
    expect(new Set([a.json().caseNo, b.json().caseNo, c.json().caseNo]).size).toBe(1);
    const n = await t.ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('title', '=', body.title)
      .innerJoin('petitioners as p', 'p.id', 'cases.petitioner_id').where('p.mobile', '=', body.petitioner.mobile).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('refuses a submission without an Idempotency-Key and bad identity data, and changes nothing', async () => {
    const before = await t.ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const noKey = await call('POST', '/portal/petitions', { body: await petition() });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().error.code).toBe('PORTAL_IDEMPOTENCY_KEY_REQUIRED');
    const badId = await submit(await petition({ petitioner: { name: '张三', idNumber: '110105194912310021', mobile: '13912345678' } }));
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.code).toBe('INVALID_ID_NUMBER');
    const badMobile = await submit(await petition({ petitioner: { name: '张三', idNumber: '11010519491231002X', mobile: '12912345678' } }));
    expect(badMobile.json().error.code).toBe('INVALID_MOBILE');
    const unknownField = await submit({ ...(await petition()), channel: 'visit' });
    expect(unknownField.json().error.code).toBe('VALIDATION_FAILED');
    const noAccused = await submit(await petition({ kind: 'accusation' }));
    expect(noAccused.json().error.code).toBe('ACCUSED_REQUIRED');
    const badCategory = await submit(await petition({ categoryId: 999999 }));
    expect(badCategory.json().error.code).toBe('UNKNOWN_CATEGORY');
    const after = await t.ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('follow-up look-up', () => {
  it('shows the stage and milestones for the right code and digits, and the same error for a wrong code or wrong digits', async () => {
    day('2026-03-02');
    const body = await petition();
    const r = (await submit(body)).json();
    const last4 = body.petitioner.mobile.slice(-4);
    const good = await lookUp(r.queryCode.toLowerCase(), last4);
    expect(good.res.statusCode, good.res.body).toBe(200);
    expect(good.cookie).toBeDefined();
    const setCookie = String(good.res.headers['set-cookie']);
    expect(setCookie).toContain('HttpOnly');
    const v = good.res.json();
    expect(v.stage).toBe('registered');
    expect(v.nextDue).toEqual({ date: '2026-03-17', clock: 'route' });
    expect(v.milestones.map((m: { type: string }) => m.type)).toEqual(['register']);
    expect(JSON.stringify(v)).not.toContain(body.petitioner.idNumber);
    expect(JSON.stringify(v)).not.toContain(body.petitioner.mobile);

    const wrongDigits = await lookUp(r.queryCode, last4 === '0000' ? '1111' : '0000');
    const wrongCode = await lookUp('ZZZZZZZZ', last4);
    for (const res of [wrongDigits.res, wrongCode.res]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('QUERY_FAILED');
      expect(res.cookies.find((k) => k.name === 'xf_portal')).toBeUndefined();
    }
    expect(wrongDigits.res.body).toBe(wrongCode.res.body);
    const bad = await call('POST', '/portal/lookup', { body: { queryCode: r.queryCode, last4: '12a4' } });
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');

    // the session cookie opens that case only; without it nothing is shown
    const view = await call('GET', '/portal/case', { cookie: good.cookie });
    expect(view.json().caseNo).toBe(r.caseNo);
    const none = await call('GET', '/portal/case');
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('PORTAL_SESSION_EXPIRED');
  });

  it('does the same database work for a wrong code as for wrong digits, and a look-up takes two statements', async () => {
    day('2026-03-02');
    const body = await petition();
    const r = (await submit(body)).json();
    const last4 = body.petitioner.mobile.slice(-4);
    // the first word of every statement the app executes while `fn` runs (built or prepared: every
    // statement goes through Kysely's query executor)
    const statements = async (fn: () => Promise<unknown>) => {
      const seen: string[] = [];
      const proto = Object.getPrototypeOf(Object.getPrototypeOf(t.ctx.db.getExecutor())) as { executeQuery: (q: CompiledQuery, ...rest: unknown[]) => Promise<unknown> };
      const original = proto.executeQuery;
      proto.executeQuery = function (this: unknown, q: CompiledQuery, ...rest: unknown[]) {
        seen.push(q.sql.trim().split(/\s/)[0]!.toLowerCase());
        return original.call(this, q, ...rest);
      };
      try { await fn(); } finally { proto.executeQuery = original; }
      return seen;
    };
    const wrongDigits = await statements(() => lookUp(r.queryCode, last4 === '0000' ? '1111' : '0000'));
    const wrongCode = await statements(() => lookUp('ZZZZZZZZ', last4));
    expect(wrongDigits).toEqual(wrongCode);
    expect(wrongDigits).toEqual(['select', 'insert']);
    // the case with its view, and the audit entry (the session is a signed token: nothing written)
    expect(await statements(() => lookUp(r.queryCode, last4))).toEqual(['select', 'insert']);
  });

  it('looks up a letter registered without a mobile by the last four of the 身份证 number (X in either case)', async () => {
    day('2026-03-02');
    const idNumber = idEndingInX();
    const r = await registerByStaff({ name: '王秀英', idNumber });
    const upper = await lookUp(r.queryCode, idNumber.slice(-4));
    expect(upper.res.statusCode, upper.res.body).toBe(200);
    expect(upper.res.json().caseNo).toBe(r.caseNo);
    expect(upper.cookie).toBeDefined();
    expect(JSON.stringify(upper.res.json())).not.toContain(idNumber);
    const lower = await lookUp(r.queryCode, idNumber.slice(-4).toLowerCase());
    expect(lower.res.statusCode, lower.res.body).toBe(200);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('case_id', '=', r.caseId).where('action', '=', 'portal.lookup').execute();
    expect(audit).toHaveLength(2);
  });

  it('gives the same QUERY_FAILED for wrong characters, an unknown code and a case with neither number on file', async () => {
    day('2026-03-02');
    const idNumber = idEndingInX(1);
    const idOnly = await registerByStaff({ name: '赵国强', idNumber });
    const neither = await registerByStaff({ name: '钱玉兰' });
    const last4 = idNumber.slice(-4);
    const wrong = last4 === '000X' ? '111X' : '000X';
    const tries = [
      await lookUp(idOnly.queryCode, wrong), // wrong characters
      await lookUp(idOnly.queryCode, last4.slice(0, 3) + '0'), // the X taken for a digit
      await lookUp('ZZZZZZZZ', last4), // unknown code
      await lookUp(neither.queryCode, last4), // nothing on file to compare with
      await lookUp(neither.queryCode, '0000'),
    ];
    for (const { res, cookie } of tries) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('QUERY_FAILED');
      expect(cookie).toBeUndefined();
    }
    expect(new Set(tries.map((x) => x.res.body)).size).toBe(1);
  });

  it('looks up a case with both a mobile and a 身份证 number on file by either', async () => {
    day('2026-03-02');
    const person = buildPerson();
    const r = await registerByStaff(person);
    for (const last4 of [person.mobile.slice(-4), person.idNumber.slice(-4)]) {
      const { res } = await lookUp(r.queryCode, last4);
      expect(res.statusCode, `${last4}: ${res.body}`).toBe(200);
      expect(res.json().caseNo).toBe(r.caseNo);
    }
  });

  it('refuses a second factor that is not 4 digits or 3 digits and an X, with VALIDATION_FAILED', async () => {
    const r = await registerByStaff(buildPerson());
    for (const last4 of ['12345', '123', 'ABCD', '12a4', 'X123', '12X4', '123Y', '', ' 1234']) {
      const res = await call('POST', '/portal/lookup', { body: { queryCode: r.queryCode, last4 } });
      expect(res.statusCode, last4).toBe(400);
      expect(res.json().error.code, last4).toBe('VALIDATION_FAILED');
    }
    const oldName = await call('POST', '/portal/lookup', { body: { queryCode: r.queryCode, mobileLast4: '1234' } });
    expect(oldName.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('never shows the accused, staff notes or internal events, and shows the answer text once delivered', async () => {
    day('2026-03-02');
    const body = await petition({ kind: 'accusation', categoryId: await categoryId(t, '0401'), accusedName: '某局副局长赵某某', title: '反映干部作风问题' });
    const r = (await submit(body)).json();
    const id = await caseIdOf(r.caseNo);
    await staffAct('clerk', id, 'forward', { targetOrgId: await orgId(t, '县纪委监委'), note: '内部备注：请重点核查' });
    await staffAct('leader', id, 'instruct', { text: '领导批示：内部意见' });
    const { cookie } = await lookUp(r.queryCode, body.petitioner.mobile.slice(-4));
    let v = (await call('GET', '/portal/case', { cookie })).json();
    const text = JSON.stringify(v);
    expect(text).not.toContain('赵某某');
    expect(text).not.toContain('内部备注');
    expect(text).not.toContain('领导批示');
    expect(v.milestones.map((m: { type: string }) => m.type)).toEqual(['register', 'forward']);
    expect(v.milestones[1].targetOrgName).toBe('县纪委监委');

    await staffAct('supervisor', id, 'accept');
    await staffAct('supervisor', id, 'answer', { outcome: 'explained', text: '意见书全文：经调查，反映问题部分属实，已作处理。' });
    v = (await call('GET', '/portal/case', { cookie })).json();
    expect(JSON.stringify(v)).not.toContain('意见书全文'); // answered but not yet delivered
    await staffAct('supervisor', id, 'deliver');
    v = (await call('GET', '/portal/case', { cookie })).json();
    const delivered = v.milestones.find((m: { type: string }) => m.type === 'deliver');
    expect(delivered.text).toBe('意见书全文：经调查，反映问题部分属实，已作处理。');
    expect(delivered.outcome).toBe('explained');
    expect(v.stage).toBe('concluded');
    expect(JSON.stringify(v)).not.toContain('赵某某');
  });

  it('shows a decline with its reason and the proper channel, and an extension with its reason', async () => {
    day('2026-03-02');
    const b1 = await petition();
    const r1 = (await submit(b1)).json();
    await staffAct('clerk', await caseIdOf(r1.caseNo), 'decline', { reason: '属于劳动争议', properChannel: '清河县劳动人事争议仲裁委员会' });
    const v1 = (await lookUp(r1.queryCode, b1.petitioner.mobile.slice(-4))).res.json();
    expect(v1.stage).toBe('declined');
    expect(v1.milestones[1]).toMatchObject({ type: 'decline', reason: '属于劳动争议', properChannel: '清河县劳动人事争议仲裁委员会', on: '2026-03-02' });

    const b2 = await petition();
    const r2 = (await submit(b2)).json();
    const id2 = await caseIdOf(r2.caseNo);
    await staffAct('clerk', id2, 'forward', { targetOrgId: await orgId(t, '县人力资源和社会保障局') });
    await staffAct('hrss.handler', id2, 'accept');
    await staffAct('hrss.handler', id2, 'request-extension', { days: 20, reason: '需要调取社保缴费记录' });
    await staffAct('hrss.head', id2, 'approve-extension');
    const v2 = (await lookUp(r2.queryCode, b2.petitioner.mobile.slice(-4))).res.json();
    expect(v2.stage).toBe('handling');
    expect(v2.milestones.map((m: { type: string }) => m.type)).toEqual(['register', 'forward', 'accept', 'approve_extension']);
    expect(v2.milestones[3]).toMatchObject({ days: 20, reason: '需要调取社保缴费记录' });
    expect(v2.nextDue).toEqual({ date: '2026-05-21', clock: 'answer' }); // 60 days from 03-02, plus 20
    expect(v2.handlingOrgName).toBe('县人力资源和社会保障局');
  });
});

describe('rating and review', () => {
  it('rates the bureau and the handling body separately within the window, once', async () => {
    const c = await answeredCase('2026-03-02');
    day('2026-03-20');
    const { cookie, res } = await lookUp(c.queryCode, c.last4);
    expect(res.json().evaluation).toEqual({ isOpen: true, isDone: false, lastDay: '2026-04-01' });
    const rated = await call('POST', '/portal/case/evaluate', { cookie, body: { bureauRating: 'satisfied', bodyRating: 'dissatisfied' } });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().evaluation.isDone).toBe(true);
    const ev = await t.ctx.db.selectFrom('evaluations').selectAll().where('case_id', '=', c.id).executeTakeFirstOrThrow();
    expect([ev.bureau_rating, ev.body_rating]).toEqual(['satisfied', 'dissatisfied']);
    expect(ev.body_org_id).toBe(await orgId(t, '县人力资源和社会保障局'));
    const again = await call('POST', '/portal/case/evaluate', { cookie, body: { bureauRating: 'satisfied', bodyRating: 'satisfied' } });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('ALREADY_EVALUATED');
    const bad = await call('POST', '/portal/case/evaluate', { cookie, body: { bureauRating: 'great', bodyRating: 'satisfied' } });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses a rating after the window and explains it', async () => {
    const c = await answeredCase('2026-03-02');
    day('2026-04-02'); // evaluation window (30 days) ended 04-01
    const { cookie, res } = await lookUp(c.queryCode, c.last4);
    expect(res.json().evaluation.isOpen).toBe(false);
    const late = await call('POST', '/portal/case/evaluate', { cookie, body: { bureauRating: 'dissatisfied', bodyRating: 'dissatisfied' } });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.code).toBe('PORTAL_EVALUATION_CLOSED');
    expect(await t.ctx.db.selectFrom('evaluations').selectAll().where('case_id', '=', c.id).execute()).toHaveLength(0);
  });

  it('takes a review request on the last day, sends it one level up, then a re-review request', async () => {
    const c = await answeredCase('2026-03-02');
    day('2026-04-01'); // day 30 after delivery (Art 35)
    const { cookie, res } = await lookUp(c.queryCode, c.last4);
    expect(res.json().review).toEqual({ action: 'request_review', lastDay: '2026-04-01', isOpen: true, closedCode: null });
    expect(res.json().nextDue).toEqual({ date: '2026-04-01', clock: 'reviewRequest' });
    const empty = await call('POST', '/portal/case/review-request', { cookie, body: { reason: '' } });
    expect(empty.statusCode).toBe(400);
    const asked = await call('POST', '/portal/case/review-request', { cookie, body: { reason: '欠薪数额计算有误，请求复查' } });
    expect(asked.statusCode, asked.body).toBe(200);
    const v = asked.json();
    expect(v.stage).toBe('reviewing');
    expect(v.milestones.at(-1)).toMatchObject({ type: 'request_review', reason: '欠薪数额计算有误，请求复查', targetOrgName: '清河县人民政府' });
    const row = await t.ctx.db.selectFrom('cases').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.current_org_id).toBe(await orgId(t, '清河县人民政府'));
    // the reviewing body's staff are told, with the last day to decide; the notice names no petitioner and gives no reasons
    const notices = (await (await t.as('county.handler')).get('/api/v1/notifications')).json().items as Record<string, unknown>[];
    const told = notices.find((n) => (n.case as { id: number } | null)?.id === c.id);
    expect(told).toMatchObject({ kind: 'review_requested', stage: 'review', byPetitioner: true, byName: '', byOrgName: null, reason: null, dueOn: row.review_due });
    const twice = await call('POST', '/portal/case/review-request', { cookie, body: { reason: '再次申请' } });
    expect(twice.json().error.code).toBe('PORTAL_REVIEW_NOT_AVAILABLE');

    day('2026-04-20');
    await staffAct('county.handler', c.id, 'decide-review', { outcome: 'maintained', text: '经复查，维持原处理意见。' });
    const again = await lookUp(c.queryCode, c.last4);
    expect(again.res.json().review).toMatchObject({ action: 'request_re_review', isOpen: true, lastDay: '2026-05-20' });
    const re = await call('POST', '/portal/case/review-request', { cookie: again.cookie, body: { reason: '不服复查意见' } });
    expect(re.json().stage).toBe('re_reviewing');
  });

  it('refuses a review request after the last day with the reason, and changes nothing', async () => {
    const c = await answeredCase('2026-03-02');
    day('2026-04-02'); // day 31
    const { cookie, res } = await lookUp(c.queryCode, c.last4);
    expect(res.json().review).toEqual({ action: 'request_review', lastDay: '2026-04-01', isOpen: false, closedCode: 'PORTAL_REVIEW_WINDOW_CLOSED' });
    expect(res.json().nextDue).toBeNull(); // a passed window is not shown as the next date
    const before = await t.ctx.db.selectFrom('cases').select(['state', 'version']).where('id', '=', c.id).executeTakeFirstOrThrow();
    const late = await call('POST', '/portal/case/review-request', { cookie, body: { reason: '不服' } });
    expect(late.statusCode).toBe(422);
    expect(late.json().error).toMatchObject({ code: 'PORTAL_REVIEW_WINDOW_CLOSED', details: { lastDay: '2026-04-01' } });
    expect(late.json().error.messageZh).toContain('30 日内');
    const after = await t.ctx.db.selectFrom('cases').select(['state', 'version']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('lets a review be asked only on an answered case, and the session expires', async () => {
    day('2026-03-02');
    const body = await petition();
    const r = (await submit(body)).json();
    const { cookie } = await lookUp(r.queryCode, body.petitioner.mobile.slice(-4));
    const early = await call('POST', '/portal/case/review-request', { cookie, body: { reason: '还没答复' } });
    expect(early.json().error.code).toBe('PORTAL_REVIEW_NOT_AVAILABLE');
    t.clock.set(new Date('2026-03-02T10:31:00+08:00'));
    const expired = await call('GET', '/portal/case', { cookie });
    expect(expired.json().error.code).toBe('PORTAL_SESSION_EXPIRED');
  });
});

describe('look-up sessions', () => {
  it('refuses a token altered to point at another case, a forged one, and one ended by 结束查询, on every request', async () => {
    day('2026-03-02');
    const mine = await petition();
    const other = (await submit(await petition())).json();
    const r = (await submit(mine)).json();
    const { cookie } = await lookUp(r.queryCode, mine.petitioner.mobile.slice(-4));
    expect((await call('GET', '/portal/case', { cookie })).json().caseNo).toBe(r.caseNo);
    // the token names its case and expiry in the clear; changing either breaks the signature
    const token = cookie!.slice('xf_portal='.length);
    const parts = token.split('.');
    const otherId = await caseIdOf(other.caseNo);
    const repointed = `xf_portal=${[parts[0], otherId, ...parts.slice(2)].join('.')}`;
    const prolonged = `xf_portal=${[parts[0], parts[1], Number(parts[2]) + 86_400, ...parts.slice(3)].join('.')}`;
    const forged = `xf_portal=${parts.slice(0, 4).join('.')}.${'A'.repeat(parts[4]!.length)}`;
    for (const bad of [repointed, prolonged, forged, 'xf_portal=garbage', `xf_portal=${'x'.repeat(500)}`]) {
      const res = await call('GET', '/portal/case', { cookie: bad });
      expect(res.statusCode, bad).toBe(401);
      expect(res.json().error.code).toBe('PORTAL_SESSION_EXPIRED');
      // the page's question on opening: no open look-up, answered as such (not a 401), and not the other case
      const probe = await call('GET', '/portal/session', { cookie: bad });
      expect(probe.statusCode, bad).toBe(200);
      expect(probe.json()).toEqual({ view: null });
    }
    expect((await call('GET', '/portal/session')).json()).toEqual({ view: null });
    expect((await call('GET', '/portal/session', { cookie })).json().view.caseNo).toBe(r.caseNo);
    // ending the session refuses the same token afterwards, even if it was copied before
    expect((await call('POST', '/portal/logout', { cookie })).statusCode).toBe(200);
    const after = await call('GET', '/portal/case', { cookie });
    expect(after.json().error.code).toBe('PORTAL_SESSION_EXPIRED');
    expect((await call('GET', '/portal/session', { cookie })).json()).toEqual({ view: null });
    const rate = await call('POST', '/portal/case/evaluate', { cookie, body: { bureauRating: 'satisfied', bodyRating: 'satisfied' } });
    expect(rate.json().error.code).toBe('PORTAL_SESSION_EXPIRED');
    // a fresh look-up works again
    const again = await lookUp(r.queryCode, mine.petitioner.mobile.slice(-4));
    expect((await call('GET', '/portal/case', { cookie: again.cookie })).statusCode).toBe(200);
  });

  it('writes each look-up\'s audit entry before answering, also when many arrive at once', async () => {
    day('2026-03-02');
    const body = await petition();
    const r = (await submit(body)).json();
    const count = async () => Number((await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', 'in', ['portal.lookup', 'portal.lookup_failed']).executeTakeFirstOrThrow()).n);
    const before = await count();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => lookUp(r.queryCode, i % 3 === 0 ? '0000' : body.petitioner.mobile.slice(-4))));
    expect(results.map((x) => x.res.statusCode).sort()).toEqual([...Array(8).fill(200), ...Array(4).fill(body.petitioner.mobile.endsWith('0000') ? 200 : 404)].sort());
    expect(await count()).toBe(before + 12);
  });
});

describe('attachments from the phone', () => {
  it('adds the petitioner\'s file to the new case and refuses a disguised one', async () => {
    day('2026-03-02');
    const res = await submit(await petition());
    const cookie = sessionCookie(res)!;
    const boundary = 'xfportal';
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const form = (name: string, data: Buffer, type: string) => Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`), data, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await t.app.inject({ method: 'POST', url: '/api/v1/portal/case/attachments', headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: form('photo.png', png, 'image/png') });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ filename: 'photo.png', mime: 'image/png', mine: true });
    const fake = await t.app.inject({ method: 'POST', url: '/api/v1/portal/case/attachments', headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: form('x.png', Buffer.from('MZ-not-an-image'), 'image/png') });
    expect(fake.statusCode).toBe(415);
    const v = (await call('GET', '/portal/case', { cookie })).json();
    expect(v.documents).toHaveLength(1);
    const dl = await call('GET', `/portal/case/documents/${up.json().id}`, { cookie });
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(png)).toBe(true);
  });
});

describe('citizen suggestions', () => {
  it('takes a suggestion on a topic, and shows it adopted after a supervisor decides', async () => {
    const sent = await call('POST', '/portal/suggestions', { body: { topic: 'elderly_care', title: '增设社区老年食堂', content: '建议在各镇增设老年食堂。', name: '李明', mobile: '13800001234', areaCode: '130534' } });
    expect(sent.statusCode, sent.body).toBe(201);
    const { refCode } = sent.json();
    let s = await call('POST', '/portal/suggestions/lookup', { body: { refCode, mobileLast4: '1234' } });
    expect(s.json()).toMatchObject({ status: 'received', topic: 'elderly_care', reply: null });
    const wrong = await call('POST', '/portal/suggestions/lookup', { body: { refCode, mobileLast4: '4321' } });
    expect(wrong.json().error.code).toBe('PORTAL_SUGGESTION_NOT_FOUND');
    const badTopic = await call('POST', '/portal/suggestions', { body: { topic: 'nope', title: 'x', content: 'y', name: '李明', mobile: '13800001234', areaCode: '130534' } });
    expect(badTopic.json().error.code).toBe('PORTAL_UNKNOWN_TOPIC');

    const clerk = await t.as('clerk');
    const id = (await t.ctx.db.selectFrom('citizen_suggestions').select('id').where('ref_code', '=', refCode).executeTakeFirstOrThrow()).id;
    const denied = await clerk.post(`/api/v1/suggestions/${id}/decision`, { adopted: true, reply: '采纳' });
    expect(denied.statusCode).toBe(403);
    const sup = await t.as('supervisor');
    const listed = (await sup.get('/api/v1/suggestions?status=received')).json();
    expect(listed.items.some((x: { refCode: string }) => x.refCode === refCode)).toBe(true);
    const decided = await sup.post(`/api/v1/suggestions/${id}/decision`, { adopted: true, reply: '已采纳，纳入明年民生实事。' });
    expect(decided.statusCode, decided.body).toBe(200);
    s = await call('POST', '/portal/suggestions/lookup', { body: { refCode, mobileLast4: '1234' } });
    expect(s.json()).toMatchObject({ status: 'adopted', reply: '已采纳，纳入明年民生实事。' });
  });
});

describe('protection', () => {
  it('stops the 21st look-up a minute from one address, in both languages', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 50; i++) codes.push((await call('POST', '/portal/lookup', { ip: '10.9.9.9', body: { queryCode: `NOPE${1000 + i}`, last4: '1234' } })).statusCode);
    expect(codes.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(codes.slice(20).every((s) => s === 429)).toBe(true);
    const last = await call('POST', '/portal/lookup', { ip: '10.9.9.9', body: { queryCode: 'NOPE2000', last4: '1234' } });
    expect(last.json().error).toMatchObject({ code: 'RATE_LIMITED', messageZh: '操作过于频繁，请稍后再试', message: 'Too many requests; please try again later' });
  });

  it('stops guessing the digits of one 查询码 from many addresses', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await call('POST', '/portal/lookup', { body: { queryCode: 'GUESSME2', last4: String(1000 + i) } })).statusCode);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
  });

  it('limits submissions per mobile number', async () => {
    const body = await petition();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await submit({ ...body, title: `标题${i}` })).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('reference data for the form', () => {
  it('lists categories, areas and topics without a staff session', async () => {
    const cats = await call('GET', '/portal/categories');
    expect(cats.statusCode).toBe(200);
    expect(cats.json().some((c: { code: string }) => c.code === '0601')).toBe(true);
    const areas = (await call('GET', '/portal/areas')).json() as { code: string; name: string }[];
    expect(areas.find((a) => a.name === '清河县人民政府')?.code).toBe('130534');
    expect(areas.every((a) => /^\d{6}(\d{6})?$/.test(a.code))).toBe(true);
    expect((await call('GET', '/portal/suggestion-topics')).json().length).toBeGreaterThan(0);
  });
});
