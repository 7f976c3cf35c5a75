// Bad input through the real API: each gets a 4xx with its catalogue code in both languages, and
// nothing changes (no case, event, audit entry or petitioner written).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS, type ErrorCode } from '../../shared/errors.ts';
import { generateIdCardNumber } from '../../shared/validators.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';
import { buildPerson, buildRegistration, orgId } from '../test/factories.ts';

let t: TestApp;
let clerk: Client;
let handler: Client;
let caseId: number;
let hrss: number;
beforeAll(async () => {
  t = await startTestApp('2026-03-02T10:00:00+08:00');
  clerk = await t.as('clerk');
  handler = await t.as('hrss.handler');
  for (const u of ['hrss.head', 'leader', 'supervisor']) await t.as(u); // signing in is audited: do it before counting
  hrss = await orgId(t, '县人力资源和社会保障局');
  const res = await clerk.post('/api/v1/cases', await buildRegistration(t));
  expect(res.statusCode).toBe(201);
  caseId = res.json().caseId;
});
afterAll(async () => t.close());

async function counts() {
  const n = async (table: 'cases' | 'case_events' | 'audit_log' | 'petitioners' | 'submissions' | 'attachments') =>
    Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const c = await t.ctx.db.selectFrom('cases').select(['version', 'state', 'next_due']).where('id', '=', caseId).executeTakeFirstOrThrow();
  return {
    cases: await n('cases'), events: await n('case_events'), audit: await n('audit_log'), petitioners: await n('petitioners'),
    submissions: await n('submissions'), attachments: await n('attachments'), caseRow: c,
  };
}

/** Sends a request, expects the catalogue error (status, code, both messages) and no change at all. */
async function refused(codes: ErrorCode | ErrorCode[], send: () => Promise<{ statusCode: number; body: string }>) {
  const before = await counts();
  const res = await send();
  const allowed = Array.isArray(codes) ? codes : [codes];
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, res.body).toBeLessThan(500);
  const err = JSON.parse(res.body).error;
  expect(allowed, res.body).toContain(err.code);
  const [status, zh, en] = ERRORS[err.code as ErrorCode];
  expect(res.statusCode).toBe(status);
  expect(err.messageZh).toBe(zh);
  expect(err.message).toBe(en);
  expect(await counts()).toEqual(before);
  return err;
}

const postJson = (c: Client, url: string, payload: string | Buffer, contentType = 'application/json') =>
  c.raw({ method: 'POST', url, payload, headers: { 'content-type': contentType } });
const version = async () => (await clerk.get(`/api/v1/cases/${caseId}`)).json().version as number;

describe('registration', () => {
  it('refuses malformed JSON, an empty body, and a body that is not JSON', async () => {
    await refused('MALFORMED_JSON', () => postJson(clerk, '/api/v1/cases', '{"channel": "letter",'));
    await refused(['MALFORMED_JSON', 'VALIDATION_FAILED'], () => postJson(clerk, '/api/v1/cases', ''));
    await refused('UNSUPPORTED_MEDIA_TYPE', () => postJson(clerk, '/api/v1/cases', 'channel=letter', 'application/x-www-form-urlencoded'));
    await refused('UNSUPPORTED_MEDIA_TYPE', async () => postJson(clerk, '/api/v1/cases', JSON.stringify(await buildRegistration(t)), 'text/plain'));
  });

  it('refuses a body over the size limit', async () => {
    const huge = JSON.stringify({ ...(await buildRegistration(t)), content: 'x'.repeat(2 * 1024 * 1024) });
    const err = await refused('PAYLOAD_TOO_LARGE', () => postJson(clerk, '/api/v1/cases', huge));
    expect(err.messageZh).toBe('提交内容过大');
  });

  it('refuses wrong types, missing fields and unknown fields', async () => {
    const base = await buildRegistration(t);
    const bad: Record<string, unknown>[] = [
      { ...base, headcount: '8' },
      { ...base, categoryId: String(base.categoryId) },
      { ...base, channel: 'pigeon' },
      { ...base, kind: 'complaint' },
      { ...base, petitioner: 'someone' },
      { ...base, representatives: { name: 'x' } },
      { ...base, headcount: 0 },
      { ...base, headcount: 1.5 },
      { ...base, receivedAt: 'yesterday' },
      { ...base, title: '' },
      { ...base, title: null },
      { ...base, extra: true },
      { ...base, petitioner: { ...base.petitioner, role: 'admin' } },
    ];
    for (const field of ['channel', 'petitioner', 'kind', 'categoryId', 'title', 'content', 'areaCode']) {
      const { [field]: _dropped, ...rest } = base as Record<string, unknown>;
      bad.push(rest);
    }
    for (const body of bad) {
      const err = await refused('VALIDATION_FAILED', () => clerk.post('/api/v1/cases', body));
      expect(err.details, JSON.stringify(body).slice(0, 80)).toBeDefined();
    }
  });

  it('refuses oversized text', async () => {
    const base = await buildRegistration(t);
    for (const body of [
      { ...base, title: '题'.repeat(101) }, { ...base, content: '容'.repeat(5001) },
      { ...base, petitioner: { ...base.petitioner, name: '名'.repeat(51) } }, { ...base, matterAddress: '址'.repeat(201) },
      { ...base, petitioner: { ...base.petitioner, idNumber: '1101051949123100211' } },
    ]) await refused('VALIDATION_FAILED', () => clerk.post('/api/v1/cases', body));
  });

  it('refuses an invalid 身份证: wrong check character, impossible birth date, 15 digits, letters', async () => {
    const base = await buildRegistration(t);
    const good = base.petitioner.idNumber;
    const wrongCheck = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    for (const idNumber of [wrongCheck, generateIdCardNumber('130534', '19900230', 11), generateIdCardNumber('130534', '20991231', 11), '130534900101001', '13053419900101001A']) {
      await refused('INVALID_ID_NUMBER', () => clerk.post('/api/v1/cases', { ...base, petitioner: { ...base.petitioner, idNumber } }));
    }
    // a co-petitioner's number is checked too
    await refused('INVALID_ID_NUMBER', () => clerk.post('/api/v1/cases', { ...base, coPetitioners: [buildPerson({ idNumber: wrongCheck })] }));
  });

  it('refuses an invalid mobile and an invalid area code', async () => {
    const base = await buildRegistration(t);
    for (const mobile of ['12912345678', '1391234567', '139123x5678', '23912345678']) {
      await refused('INVALID_MOBILE', () => clerk.post('/api/v1/cases', { ...base, petitioner: { ...base.petitioner, mobile } }));
    }
    await refused(['INVALID_MOBILE', 'VALIDATION_FAILED'], () => clerk.post('/api/v1/cases', { ...base, petitioner: { ...base.petitioner, mobile: '139123456789' } }));
    for (const areaCode of ['13053', '1305340', 'abcdef']) await refused('INVALID_AREA_CODE', () => clerk.post('/api/v1/cases', { ...base, areaCode }));
    await refused('INVALID_AREA_CODE', () => clerk.post('/api/v1/cases', { ...base, petitioner: { ...base.petitioner, areaCode: '12' } }));
  });

  it('refuses an unknown category or organisation, a missing accused, a small headcount and a future date', async () => {
    const base = await buildRegistration(t);
    await refused('UNKNOWN_CATEGORY', () => clerk.post('/api/v1/cases', { ...base, categoryId: 999_999 }));
    await refused('UNKNOWN_ORG', () => clerk.post('/api/v1/cases', { ...base, kind: 'accusation', accusedOrgId: 999_999 }));
    await refused('ACCUSED_REQUIRED', () => clerk.post('/api/v1/cases', { ...base, kind: 'accusation', accusedName: '   ' }));
    await refused('HEADCOUNT_TOO_SMALL', () => clerk.post('/api/v1/cases', { ...base, headcount: 1, coPetitioners: [buildPerson(), buildPerson()] }));
    await refused('INVALID_DATE', () => clerk.post('/api/v1/cases', { ...base, receivedAt: '2026-03-05T10:00:00+08:00' }));
    await refused('VALIDATION_FAILED', () => clerk.post('/api/v1/cases', base, { 'idempotency-key': 'k'.repeat(201) }));
  });

  it('refuses text with a NUL character instead of failing in the database', async () => {
    const base = await buildRegistration(t);
    await refused('VALIDATION_FAILED', () => clerk.post('/api/v1/cases', { ...base, title: '标题\u0000注入' }));
    await refused('VALIDATION_FAILED', () => clerk.post('/api/v1/cases', { ...base, petitioner: { ...base.petitioner, address: 'a\u0000b' } }));
  });
});

describe('lists and look-ups', () => {
  it('refuses an invalid cursor and invalid filters', async () => {
    const bad = Buffer.from(JSON.stringify(['not a date', 1])).toString('base64url');
    for (const cursor of ['%%%', 'abc', bad, Buffer.from('[null,"x"]').toString('base64url')]) {
      await refused('INVALID_CURSOR', () => clerk.get(`/api/v1/cases?cursor=${encodeURIComponent(cursor)}`));
    }
    for (const q of ['from=2026-13-45', 'to=yesterday', 'from=2026-02-30', 'state=flying', 'dueWithin=-1', 'limit=0', 'limit=1000', 'kind=x', 'sort=random', 'unknown=1', 'categoryId=abc']) {
      await refused(['VALIDATION_FAILED', 'INVALID_DATE'], () => clerk.get(`/api/v1/cases?${q}`));
    }
    await refused('UNKNOWN_ORG', () => clerk.get('/api/v1/cases?orgId=999999'));
  });

  it('refuses a petitioner look-up without a valid key', async () => {
    await refused('VALIDATION_FAILED', () => clerk.post('/api/v1/petitioners/lookup', {}));
    await refused('INVALID_ID_NUMBER', () => clerk.post('/api/v1/petitioners/lookup', { idNumber: '110105194912310021' }));
    await refused('INVALID_MOBILE', () => clerk.post('/api/v1/petitioners/lookup', { mobile: '12345678901' }));
    await refused('VALIDATION_FAILED', () => clerk.post('/api/v1/petitioners/lookup', { idNumber: 110105194912310021 }));
  });

  it('refuses bad path parameters and unknown cases', async () => {
    await refused('VALIDATION_FAILED', () => clerk.get('/api/v1/cases/abc'));
    await refused('VALIDATION_FAILED', () => clerk.get('/api/v1/cases/99999999999'));
    await refused('VALIDATION_FAILED', () => clerk.get('/api/v1/cases/0'));
    await refused('CASE_NOT_FOUND', () => clerk.get('/api/v1/cases/999999'));
    await refused('CASE_NOT_FOUND', () => clerk.post('/api/v1/cases/999999/forward', { version: 1, targetOrgId: hrss }));
  });
});

describe('transitions', () => {
  it('refuses an action not allowed in the state, a stale version and bad action parameters', async () => {
    const v = await version();
    const bureau = await orgId(t, '清河县信访局');
    await refused('TRANSITION_NOT_ALLOWED', () => clerk.post(`/api/v1/cases/${caseId}/deliver`, { version: v }));
    await refused('TRANSITION_NOT_ALLOWED', () => clerk.post(`/api/v1/cases/${caseId}/archive`, { version: v }));
    await refused('VERSION_CONFLICT', () => clerk.post(`/api/v1/cases/${caseId}/forward`, { version: v + 1, targetOrgId: hrss }));
    await refused('VERSION_CONFLICT', () => clerk.post(`/api/v1/cases/${caseId}/forward`, { version: v - 1 || 99, targetOrgId: hrss }));
    await refused('UNKNOWN_ORG', () => clerk.post(`/api/v1/cases/${caseId}/forward`, { version: v, targetOrgId: 999_999 }));
    await refused('SAME_ORG', () => clerk.post(`/api/v1/cases/${caseId}/forward`, { version: v, targetOrgId: bureau }));
    await refused('VALIDATION_FAILED', () => clerk.post(`/api/v1/cases/${caseId}/forward`, { version: v }));
    await refused('VALIDATION_FAILED', () => clerk.post(`/api/v1/cases/${caseId}/forward`, { version: String(v), targetOrgId: hrss }));
    await refused('VALIDATION_FAILED', () => clerk.post(`/api/v1/cases/${caseId}/forward`, { targetOrgId: hrss }));
    await refused('VALIDATION_FAILED', () => clerk.post(`/api/v1/cases/${caseId}/forward`, { version: v, targetOrgId: hrss, force: true }));
    await refused('VALIDATION_FAILED', () => clerk.post(`/api/v1/cases/${caseId}/decline`, { version: v, reason: '   ', properChannel: '法院' }));
    await refused('VALIDATION_FAILED', () => clerk.post(`/api/v1/cases/${caseId}/decline`, { version: v, reason: '理'.repeat(1001), properChannel: '法院' }));
    await refused('VALIDATION_FAILED', () => clerk.post(`/api/v1/cases/${caseId}/divert`, { version: v, procedure: 'duel', reason: 'x' }));
    await refused('MALFORMED_JSON', () => postJson(clerk, `/api/v1/cases/${caseId}/forward`, '{"version": 1, "targetOrgId": }'));
  });

  it('refuses bad dates and limits on a case in handling, and changes nothing', async () => {
    const v0 = await version();
    expect((await clerk.post(`/api/v1/cases/${caseId}/forward`, { version: v0, targetOrgId: hrss })).statusCode).toBe(200);
    expect((await handler.post(`/api/v1/cases/${caseId}/accept`, { version: v0 + 1 })).statusCode).toBe(200);
    const v = v0 + 2;
    await refused('VALIDATION_FAILED', () => handler.post(`/api/v1/cases/${caseId}/request-extension`, { version: v, days: 0, reason: '复杂' }));
    await refused('EXTENSION_TOO_LONG', () => handler.post(`/api/v1/cases/${caseId}/request-extension`, { version: v, days: 31, reason: '复杂' }));
    await refused('EXTENSION_NOT_PENDING', async () => (await t.as('hrss.head')).post(`/api/v1/cases/${caseId}/approve-extension`, { version: v }));
    await refused('NO_HEARING_OPEN', () => handler.post(`/api/v1/cases/${caseId}/end-hearing`, { version: v, summary: '结束' }));
    await refused('VALIDATION_FAILED', () => handler.post(`/api/v1/cases/${caseId}/answer`, { version: v, outcome: 'maybe', text: '答复' }));
    await refused('VALIDATION_FAILED', () => handler.post(`/api/v1/cases/${caseId}/mediate`, { version: v, agreement: '协议', deliveredOn: '2026-02-30' }));
    await refused('INVALID_DATE', () => handler.post(`/api/v1/cases/${caseId}/mediate`, { version: v, agreement: '协议', deliveredOn: '2026-03-09' }));
    await refused('INVALID_DATE', () => handler.post(`/api/v1/cases/${caseId}/mediate`, { version: v, agreement: '协议', deliveredOn: '2026-03-01' }));
    await refused('INVALID_DATE', async () => (await t.as('leader')).post(`/api/v1/cases/${caseId}/own`, { version: v, plan: '专班', closingStandard: '化解', dueOn: '2026-03-01' }));
    await refused('INVALID_DATE', async () => (await t.as('supervisor')).post(`/api/v1/cases/${caseId}/supervise`, { version: v, text: '督办', dueOn: '2026-02-01' }));
  });
});
