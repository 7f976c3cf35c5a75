// Who receives a review (复查, [T22] Art 35) or re-review (复核, Art 36), through the real app: the
// body one level above the one that decided, never the accused body of an accusation nor a body
// inside it (Art 30), and a body staff name must be that competent, active body; a refusal changes
// nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { buildPerson, buildRegistration, categoryId, orgId, scenario } from '../test/factories.ts';
import { insertUser } from '../repositories/users.ts';

let t: TestApp;
const id: Record<string, number> = {};
beforeAll(async () => {
  t = await startTestApp('2026-03-02T10:00:00+08:00');
  for (const [k, name] of Object.entries({
    province: '河北省人民政府', city: '邢台市人民政府', cityBureau: '邢台市信访局', county: '清河县人民政府', bureau: '清河县信访局',
    hrss: '县人力资源和社会保障局', housing: '县住房和城乡建设局', discipline: '县纪委监委', township: '葛仙庄镇',
  })) id[k] = await orgId(t, name);
});
afterAll(async () => t.close());
const { day, act, ok } = scenario(() => t);

const row = (caseId: number) => t.ctx.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
const eventCount = async (caseId: number) =>
  Number((await t.ctx.db.selectFrom('case_events').select((eb) => eb.fn.countAll().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow()).n);

/** Expects a refusal with `code` that changed neither the case nor its events. */
async function refused(caseId: number, send: () => Promise<LightMyRequestResponse>, code: string, status = 422) {
  const before = { ...(await row(caseId)), updated_at: null };
  const events = await eventCount(caseId);
  const res = await send();
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().error.code).toBe(code);
  expect({ ...(await row(caseId)), updated_at: null }).toEqual(before);
  expect(await eventCount(caseId)).toBe(events);
  return res.json().error;
}

/** A wage claim registered at the county bureau, answered by the county social-security bureau and delivered. */
async function concludedClaim() {
  day('2026-03-02');
  const reg = (await (await t.as('clerk')).post('/api/v1/cases', await buildRegistration(t))).json();
  await ok('clerk', reg.caseId, 'forward', { targetOrgId: id.hrss });
  await ok('hrss.handler', reg.caseId, 'accept');
  await ok('hrss.handler', reg.caseId, 'answer', { outcome: 'not_upheld', text: '不予支持' });
  await ok('hrss.handler', reg.caseId, 'deliver');
  return reg.caseId as number;
}

/**
 * An accusation against the county government brought straight to one of its departments (the
 * social-security bureau). The department and every body of the county government are the accused
 * and may not act; the city takes it: the city government's handler accepts, answers and delivers
 * at the department, the city bureau's clerk files the petitioner's review request.
 */
async function concludedAccusationAgainstTheCounty() {
  day('2026-03-02');
  const res = await (await t.as('hrss.handler')).post('/api/v1/cases', await buildRegistration(t, {
    kind: 'accusation', accusedOrgId: id.county, categoryId: await categoryId(t, '04'), title: '反映县政府违规问题',
  }));
  expect(res.statusCode, res.body).toBe(201);
  const caseId = res.json().caseId as number;
  expect((await act('hrss.handler', caseId, 'accept')).statusCode).toBe(403); // inside the accused
  await ok('city.handler', caseId, 'accept');
  await ok('city.handler', caseId, 'answer', { outcome: 'explained', text: '经核查，说明如下' });
  await ok('city.handler', caseId, 'deliver');
  return caseId;
}

describe('ordinary cases: one level up, as before', () => {
  it('sends a department\'s answer to its government and the review decision to the government above', async () => {
    const caseId = await concludedClaim();
    const r = await ok('clerk', caseId, 'request-review', { reason: '不服' });
    expect([r.state, r.currentOrgId, r.reviewOrgId]).toEqual(['reviewing', id.county, id.county]);
    await ok('county.handler', caseId, 'decide-review', { outcome: 'maintained', text: '维持' });
    const rr = await ok('clerk', caseId, 'request-re-review', { reason: '不服复查' });
    expect([rr.state, rr.currentOrgId, rr.reviewOrgId]).toEqual(['re_reviewing', id.city, id.city]);
    expect((await ok('city.handler', caseId, 'decide-re-review', { outcome: 'maintained', text: '维持' })).state).toBe('final');
  });

  it('sends a petition bureau\'s answer above its own government', async () => {
    day('2026-03-02');
    const reg = (await (await t.as('clerk')).post('/api/v1/cases', await buildRegistration(t))).json();
    await ok('clerk', reg.caseId, 'forward', { targetOrgId: id.cityBureau });
    // the demo data has no handler at the city bureau: one with the demo password
    const { password_hash: passwordHash } = await t.ctx.db.selectFrom('users').select('password_hash').where('username', '=', 'clerk').executeTakeFirstOrThrow();
    const handler = (await insertUser(t.ctx.db, { orgId: id.cityBureau, username: 'city.bureau.handler', displayName: '市信访局承办人', role: 'handler', passwordHash })).username;
    await ok(handler, reg.caseId, 'accept');
    await ok(handler, reg.caseId, 'answer', { outcome: 'explained', text: '解释' });
    await ok(handler, reg.caseId, 'deliver');
    const r = await ok('clerk', reg.caseId, 'request-review', { reason: '不服' });
    expect(r.currentOrgId).toBe(id.province);
  });

  it('takes the competent body when staff name it', async () => {
    const caseId = await concludedClaim();
    expect((await ok('clerk', caseId, 'request-review', { reason: '不服', reviewOrgId: id.county })).currentOrgId).toBe(id.county);
    await ok('county.handler', caseId, 'decide-review', { outcome: 'maintained', text: '维持' });
    expect((await ok('clerk', caseId, 'request-re-review', { reason: '不服复查', reviewOrgId: id.city })).currentOrgId).toBe(id.city);
  });
});

describe('a review body named by staff', () => {
  it('refuses a body that is not one level above the one that decided, and changes nothing', async () => {
    const caseId = await concludedClaim();
    const review = (reviewOrgId: number) => () => act('clerk', caseId, 'request-review', { reason: '不服', reviewOrgId });
    // skipping a level, the deciding body itself, a peer department, the county bureau, the township
    for (const wrong of [id.city, id.province, id.hrss, id.housing, id.bureau, id.township]) {
      const e = await refused(caseId, review(wrong), 'REVIEW_BODY_NOT_COMPETENT');
      expect(e.details).toEqual({ reviewOrgId: wrong, competentOrgId: id.county });
      expect(e.messageZh).toContain('上一级');
    }
    await refused(caseId, review(999_999), 'UNKNOWN_ORG', 400);

    const r = await ok('clerk', caseId, 'request-review', { reason: '不服' });
    expect(r.currentOrgId).toBe(id.county);
    await ok('county.handler', caseId, 'decide-review', { outcome: 'maintained', text: '维持' });
    const reReview = (reviewOrgId: number) => () => act('clerk', caseId, 'request-re-review', { reason: '不服复查', reviewOrgId });
    for (const wrong of [id.province, id.county, id.cityBureau, id.hrss]) await refused(caseId, reReview(wrong), 'REVIEW_BODY_NOT_COMPETENT');
  });

  it('refuses an inactive body, and passes over it when none is named', async () => {
    const caseId = await concludedClaim();
    await t.ctx.db.updateTable('organisations').set({ is_active: false }).where('id', '=', id.county).execute();
    try {
      await refused(caseId, () => act('clerk', caseId, 'request-review', { reason: '不服', reviewOrgId: id.county }), 'REVIEW_BODY_INACTIVE');
      // nobody works at an inactive body: the review goes to the next body above it
      expect((await ok('clerk', caseId, 'request-review', { reason: '不服' })).currentOrgId).toBe(id.city);
    } finally {
      await t.ctx.db.updateTable('organisations').set({ is_active: true }).where('id', '=', id.county).execute();
    }
  });
});

describe('accusations (Art 30): the review never goes to the accused body', () => {
  it('passes over the accused parent body to the next body above it, where the review can be decided', async () => {
    const caseId = await concludedAccusationAgainstTheCounty();
    const r = await ok('city.clerk', caseId, 'request-review', { reason: '不服' });
    expect([r.state, r.currentOrgId, r.reviewOrgId]).toEqual(['reviewing', id.city, id.city]);
    // the accused county government neither holds nor decides it
    expect((await act('county.handler', caseId, 'decide-review', { outcome: 'maintained', text: '维持' })).statusCode).toBe(403);
    const seen = (await (await t.as('county.handler')).get(`/api/v1/cases/${caseId}`)).json();
    expect([seen.currentOrgId, seen.isContentHidden, seen.availableActions]).toEqual([id.city, true, []]);
    expect((await ok('city.handler', caseId, 'decide-review', { outcome: 'maintained', text: '维持' })).state).toBe('reviewed');
    // the re-review goes on up from the city
    expect((await ok('city.clerk', caseId, 'request-re-review', { reason: '不服复查' })).currentOrgId).toBe(id.province);
  });

  it('refuses the accused body or a body inside it when staff name it, and changes nothing', async () => {
    const caseId = await concludedAccusationAgainstTheCounty();
    const review = (reviewOrgId: number) => () => act('city.clerk', caseId, 'request-review', { reason: '不服', reviewOrgId });
    for (const accused of [id.county, id.bureau, id.discipline, id.township]) {
      const e = await refused(caseId, review(accused), 'REVIEW_BODY_ACCUSED');
      expect(e.messageZh).toContain('被检举控告');
    }
    // one level up from the department is the accused county government: the city is competent instead
    expect((await ok('city.clerk', caseId, 'request-review', { reason: '不服', reviewOrgId: id.city })).currentOrgId).toBe(id.city);
  });

  it('refuses a review request with a clear error when no body above the accused is left', async () => {
    // an accusation against the province government, brought to a county department: everybody in
    // the tree is inside the accused, so the handling is set up in the database and the petitioner
    // asks on the portal
    day('2026-03-02');
    const p = buildPerson();
    const res = await (await t.as('hrss.handler')).post('/api/v1/cases', await buildRegistration(t, {
      petitioner: p, kind: 'accusation', accusedOrgId: id.province, categoryId: await categoryId(t, '04'), title: '反映省政府问题',
    }));
    expect(res.statusCode, res.body).toBe(201);
    const { caseId, queryCode } = res.json() as { caseId: number; queryCode: string };
    await t.ctx.db.updateTable('cases').set({
      state: 'concluded', handling_org_id: id.hrss, outcome: 'explained', answer_text: '说明', accepted_on: '2026-03-02',
      answered_on: '2026-03-02', delivered_on: '2026-03-02', concluded_on: '2026-03-02', review_request_due: '2026-04-01', next_due: null,
    }).where('id', '=', caseId).execute();
    const headers = { 'x-forwarded-for': '10.9.9.9' };
    const look = await t.app.inject({ method: 'POST', url: '/api/v1/portal/lookup', headers, payload: { queryCode, last4: p.mobile.slice(-4) } });
    expect(look.statusCode, look.body).toBe(200);
    const cookie = look.cookies.filter((c) => c.name === 'xf_portal').map((c) => `${c.name}=${c.value}`).join('; ');
    const e = await refused(caseId, () => t.app.inject({
      method: 'POST', url: '/api/v1/portal/case/review-request', headers: { ...headers, cookie }, payload: { reason: '不服' },
    }), 'NO_REVIEW_BODY_OUTSIDE_ACCUSED');
    expect(e.messageZh).toContain('被检举控告');
  });
});
