// Scenario tests through the HTTP API on a real database: every transition, every limit's boundary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type Client } from '../test/harness.ts';
import { buildRegistration, orgId, categoryId, petitionerView, scenario } from '../test/factories.ts';

let t: TestApp;
let clerk: Client;
beforeAll(async () => {
  t = await startTestApp('2026-03-02T10:00:00+08:00');
  clerk = await t.as('clerk');
});
afterAll(async () => t.close());
const { day, act, ok } = scenario(() => t);

async function register(body: Record<string, unknown> = {}) {
  const res = await clerk.post('/api/v1/cases', await buildRegistration(t, body));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { caseId: number; caseNo: string; queryCode: string; state: string };
}

/** Takes a fresh case to `handling` at the county human-resources bureau on the given day. */
async function toHandling(on: string) {
  day(on);
  const c = await register();
  await ok('clerk', c.caseId, 'forward', { targetOrgId: await orgId(t, '县人力资源和社会保障局') });
  await ok('hrss.handler', c.caseId, 'accept');
  return c;
}

const P = { name: '刘桂兰', idNumber: '11010519491231002X', mobile: '13912345678', address: '清河县葛仙庄镇东街1号' };

describe('the whole life of a case', () => {
  it('registers, routes, accepts, extends, answers, delivers, is rated, reviewed, re-reviewed and becomes final', async () => {
    day('2026-03-02');
    const reg = await register({ channel: 'visit', petitioner: P, headcount: 8, representatives: [{ name: '张建国' }, { name: '李秀英' }, { name: '王志强' }] });
    expect(reg.state).toBe('registered');
    expect(reg.caseNo).toMatch(/^XF2026130534\d{7}$/);
    expect(reg.queryCode).toMatch(/^[A-Z2-9]{8}$/);
    let c = await ok('clerk', reg.caseId, 'forward', { targetOrgId: await orgId(t, '县人力资源和社会保障局') });
    expect(c.isCollective).toBe(true);
    expect(c.headcount).toBe(8);
    expect(c.state).toBe('awaiting_acceptance');
    expect(c.clocks.find((k: any) => k.name === 'accept').due).toBe('2026-03-17'); // 15 days (Art 23)

    day('2026-03-05');
    c = await ok('hrss.handler', reg.caseId, 'accept');
    expect(c.state).toBe('handling');
    expect(c.nextDue).toBe('2026-05-04'); // 60 days from acceptance (Art 34)

    day('2026-04-20');
    c = await ok('hrss.handler', reg.caseId, 'request-extension', { days: 30, reason: '需要调取多年社保缴费记录' });
    expect(c.extensionStatus).toBe('requested');
    expect(c.nextDue).toBe('2026-05-04'); // not moved until approved
    c = await ok('hrss.head', reg.caseId, 'approve-extension');
    expect(c.nextDue).toBe('2026-06-03');

    day('2026-05-20');
    c = await ok('hrss.handler', reg.caseId, 'answer', { outcome: 'upheld', text: '经核实，责成用人单位补缴社会保险。' });
    expect(c.state).toBe('answered');
    c = await ok('hrss.handler', reg.caseId, 'deliver', { method: 'in_person' });
    expect(c.state).toBe('concluded');
    expect(c.clocks.find((k: any) => k.name === 'reviewRequest').due).toBe('2026-06-19');
    expect(c.evaluationStatus).toBe('pending');

    c = await ok('clerk', reg.caseId, 'evaluate', { bureauRating: 'satisfied', bodyRating: 'dissatisfied' });
    expect(c.evaluationStatus).toBe('done');
    const again = await act('clerk', reg.caseId, 'evaluate', { bureauRating: 'satisfied', bodyRating: 'satisfied' });
    expect(again.json().error.code).toBe('ALREADY_EVALUATED');

    day('2026-06-19'); // day 30 after delivery: still in time (Art 35)
    c = await ok('clerk', reg.caseId, 'request-review', { reason: '补缴年限计算有误' });
    expect(c.state).toBe('reviewing');
    expect(c.currentOrgId).toBe(await orgId(t, '清河县人民政府'));
    expect(c.nextDue).toBe('2026-07-19');

    day('2026-07-10');
    c = await ok('county.handler', reg.caseId, 'decide-review', { outcome: 'maintained', text: '经复查，维持原处理意见。' });
    expect(c.state).toBe('reviewed');

    day('2026-07-20');
    c = await ok('clerk', reg.caseId, 'request-re-review', { reason: '不服复查意见' });
    expect(c.state).toBe('re_reviewing');
    expect(c.currentOrgId).toBe(await orgId(t, '邢台市人民政府'));

    day('2026-08-10');
    c = await ok('city.handler', reg.caseId, 'decide-re-review', { outcome: 'maintained', text: '经复核，维持复查意见，本意见为终结意见。' });
    expect(c.state).toBe('final');

    // same petitioner, same matter again: registered as a repeat and marked as one on a final matter;
    // the clerk who looks at it declines it (Art 36), registration does not
    day('2026-09-01');
    const repeat = await register({ channel: 'visit', petitioner: P });
    expect(repeat.state).toBe('registered');
    let detail = (await clerk.get(`/api/v1/cases/${repeat.caseId}`)).json();
    expect(detail.isRepeat).toBe(true);
    expect(detail.repeatOfCaseId).toBe(reg.caseId);
    expect(detail.repeatOfFinal).toBe(true);
    expect(detail.declineReason).toBeNull();
    expect(detail.availableActions).toContain('decline');
    detail = await ok('clerk', repeat.caseId, 'decline', { reason: '该事项已经复核终结，以同一事实和理由提出的信访不再受理（《信访工作条例》第三十六条）', properChannel: '如有新的事实和理由，可以依法另行提出' });
    expect(detail.state).toBe('declined');
    expect(detail.declineReason).toContain('第三十六条');

    const ev = (await clerk.get(`/api/v1/cases/${reg.caseId}/events`)).json();
    expect(ev.events.map((e: any) => e.type)).toEqual([
      'register', 'forward', 'accept', 'request_extension', 'approve_extension', 'answer', 'deliver', 'evaluate',
      'request_review', 'decide_review', 'request_re_review', 'decide_re_review',
    ]);
    expect(ev.submissions[0].headcount).toBe(8);
  });
});

describe('the first clock runs from the day of receipt (收到之日起, [T22] Art 22, 23)', () => {
  it('counts a letter registered late from the day it was received, at the bureau and at a handling body', async () => {
    day('2026-03-10');
    // received on 2 March, registered on 10 March: routed by 17 March, not by 25 March
    const atBureau = await register({ receivedAt: '2026-03-02T16:00:00+08:00' });
    expect(atBureau.state).toBe('registered');
    let d = (await clerk.get(`/api/v1/cases/${atBureau.caseId}`)).json();
    expect(d.receivedAt).toBe('2026-03-02T08:00:00.000Z');
    expect(d.clocks.find((k: any) => k.name === 'route').due).toBe('2026-03-17');
    expect(d.nextDue).toBe('2026-03-17');
    expect(d.clocks.find((k: any) => k.name === 'route').daysLeft).toBe(7);

    // a direct petition at the handling body: accepted or not within 15 days of receipt
    const hrss = await t.as('hrss.handler');
    const res = await hrss.post('/api/v1/cases', await buildRegistration(t, { receivedAt: '2026-03-02T09:00:00+08:00' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().state).toBe('awaiting_acceptance');
    expect(res.json().acceptDueBy).toBe('2026-03-17');
    d = (await hrss.get(`/api/v1/cases/${res.json().caseId}`)).json();
    expect(d.nextDue).toBe('2026-03-17');
  });

  it('takes the day of receipt in China time, and a receipt without a time given is today', async () => {
    day('2026-03-10');
    // 17:00 UTC on 1 March is 01:00 on 2 March in China
    const early = await register({ receivedAt: '2026-03-01T17:00:00Z' });
    expect((await clerk.get(`/api/v1/cases/${early.caseId}`)).json().nextDue).toBe('2026-03-17');
    // 23:30 on 1 March in China is still 1 March
    const late = await register({ receivedAt: '2026-03-01T23:30:00+08:00' });
    expect((await clerk.get(`/api/v1/cases/${late.caseId}`)).json().nextDue).toBe('2026-03-16');
    const now = await register();
    expect((await clerk.get(`/api/v1/cases/${now.caseId}`)).json().nextDue).toBe('2026-03-25');
  });

  it('refuses a receipt later than now, even later the same day', async () => {
    day('2026-03-10'); // 10:00
    const res = await clerk.post('/api/v1/cases', await buildRegistration(t, { receivedAt: '2026-03-10T11:00:00+08:00' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_DATE');
  });

  it('shows a receipt long past as already overdue instead of starting the clock again', async () => {
    day('2026-03-10');
    const c = await register({ receivedAt: '2026-02-01T10:00:00+08:00' });
    const d = (await clerk.get(`/api/v1/cases/${c.caseId}`)).json();
    expect(d.nextDue).toBe('2026-02-16');
    expect(d.clocks.find((k: any) => k.name === 'route').urgency).toBe('overdue');
  });
});

describe('limits at their boundary', () => {
  it('allows review on day 30 after delivery and refuses it on day 31', async () => {
    const c = await toHandling('2026-03-02');
    await ok('hrss.handler', c.caseId, 'answer', { outcome: 'explained', text: '政策解释' });
    day('2026-03-10');
    await ok('hrss.handler', c.caseId, 'deliver');
    day('2026-04-10'); // day 31
    const late = await act('clerk', c.caseId, 'request-review', { reason: '不服' });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.code).toBe('DEADLINE_PASSED');
    expect(late.json().error.messageZh).toContain('期限');
    day('2026-04-09'); // day 30
    await ok('clerk', c.caseId, 'request-review', { reason: '不服' });
  });

  it('refuses a second extension and one longer than 30 days', async () => {
    const c = await toHandling('2026-03-02');
    const long = await act('hrss.handler', c.caseId, 'request-extension', { days: 31, reason: '复杂' });
    expect(long.json().error.code).toBe('EXTENSION_TOO_LONG');
    await ok('hrss.handler', c.caseId, 'request-extension', { days: 10, reason: '复杂' });
    await ok('hrss.head', c.caseId, 'approve-extension');
    const second = await act('hrss.handler', c.caseId, 'request-extension', { days: 5, reason: '仍需时间' });
    expect(second.json().error.code).toBe('EXTENSION_ALREADY_USED');
  });

  it('counts the objection limit in working days across a holiday and a make-up working day', async () => {
    // forwarded Wed 2026-09-30; 10-01..07 holidays; Sat 10-10 is a make-up working day:
    // working days 10-08, 10-09, 10-10, 10-12, 10-13 -> last day to object is 10-13
    day('2026-09-30');
    const a = await register();
    const c = await ok('clerk', a.caseId, 'forward', { targetOrgId: await orgId(t, '县人力资源和社会保障局') });
    expect(c.clocks.find((k: any) => k.name === 'objection').due).toBe('2026-10-13');
    day('2026-10-14');
    const late = await act('hrss.handler', a.caseId, 'object', { reason: '不属于本部门职责' });
    expect(late.json().error.code).toBe('DEADLINE_PASSED');
    day('2026-10-13');
    const back = await ok('hrss.handler', a.caseId, 'object', { reason: '不属于本部门职责' });
    expect(back.state).toBe('registered');
    expect(back.currentOrgId).toBe(await orgId(t, '清河县信访局'));
  });

  it('excludes hearing time from the answer limit', async () => {
    const c = await toHandling('2026-03-02');
    day('2026-03-10');
    let d = await ok('hrss.handler', c.caseId, 'start-hearing', { note: '组织听证' });
    expect(d.nextDue).toBe('2026-05-01');
    const blocked = await act('hrss.handler', c.caseId, 'answer', { outcome: 'upheld', text: 'x' });
    expect(blocked.json().error.code).toBe('HEARING_OPEN');
    day('2026-03-19');
    d = await ok('hrss.handler', c.caseId, 'end-hearing', { summary: '听证结束' });
    expect(d.nextDue).toBe('2026-05-11'); // 10 hearing days excluded
  });

  it('refuses six representatives and keeps a collective visit headcount', async () => {
    const reps = ['甲', '乙', '丙', '丁', '戊', '己'].map((n) => ({ name: `张${n}` }));
    const res = await clerk.post('/api/v1/cases', await buildRegistration(t, { channel: 'visit', headcount: 30, representatives: reps }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('TOO_MANY_REPRESENTATIVES');
    const okRes = await clerk.post('/api/v1/cases', await buildRegistration(t, { channel: 'visit', headcount: 30, representatives: reps.slice(0, 5) }));
    expect(okRes.statusCode).toBe(201);
    const detail = (await clerk.get(`/api/v1/cases/${okRes.json().caseId}`)).json();
    expect(detail.headcount).toBe(30);
    expect(detail.isCollective).toBe(true);
    expect(detail.people.filter((p: any) => p.role === 'representative')).toHaveLength(5);
  });

  it('declines and diverts naming the proper channel', async () => {
    day('2026-03-02');
    const a = await register();
    const d = await ok('clerk', a.caseId, 'divert', { procedure: 'litigation', reason: '属于民事纠纷', properChannel: '清河县人民法院' });
    expect(d.state).toBe('diverted');
    expect(d.divertProcedure).toBe('litigation');
    const b = await register({ title: '另一事项', categoryId: await categoryId(t, '07') });
    const e = await ok('clerk', b.caseId, 'decline', { reason: '不属于信访事项', properChannel: '向教育行政部门申请' });
    expect(e.state).toBe('declined');
  });

  it('sends an unsatisfactory answer back, mediates, supervises, instructs, owns and follows up', async () => {
    const c = await toHandling('2026-03-02');
    await ok('hrss.handler', c.caseId, 'answer', { outcome: 'not_upheld', text: '不予支持' });
    let d = await ok('supervisor', c.caseId, 'send-back', { reason: '未回应主要诉求' });
    expect(d.state).toBe('handling');
    expect(d.answerText).toBeNull();
    d = await ok('supervisor', c.caseId, 'supervise', { text: '请于十日内办结', dueOn: '2026-03-20' });
    d = await ok('leader', c.caseId, 'instruct', { text: '请依法依规妥善处理' });
    d = await ok('leader', c.caseId, 'own', { plan: '专班办理', closingStandard: '诉求依法解决', dueOn: '2026-04-30' });
    expect(d.isOwned).toBe(true);
    const notices = (await (await t.as('supervisor')).get('/api/v1/supervision')).json();
    const notice = notices.find((n: any) => n.caseId === c.caseId);
    expect(notice.status).toBe('open');
    expect((await (await t.as('hrss.handler')).post(`/api/v1/supervision/${notice.id}/answer`, { text: '已加快办理' })).statusCode).toBe(200);
    d = await ok('hrss.handler', c.caseId, 'mediate', { agreement: '双方达成和解协议' });
    expect(d.state).toBe('concluded');
    d = await ok('supervisor', c.caseId, 'follow-up', { method: 'phone', summary: '回访满意' });
    const owned = (await (await t.as('leader')).get('/api/v1/ownerships')).json();
    expect(owned.find((o: any) => o.caseId === c.caseId).concludedAt).not.toBeNull();
  });

  it('refuses archiving while the review window is open, then archives', async () => {
    const c = await toHandling('2026-03-02');
    await ok('hrss.handler', c.caseId, 'answer', { outcome: 'upheld', text: '支持' });
    await ok('hrss.handler', c.caseId, 'deliver');
    const early = await act('clerk', c.caseId, 'archive');
    expect(early.json().error.code).toBe('NOT_YET_ARCHIVABLE');
    day('2026-04-02');
    expect((await ok('clerk', c.caseId, 'archive')).state).toBe('archived');
  });
});

describe('concurrency and retries', () => {
  it('lets only one of two clerks act on the same version', async () => {
    day('2026-03-02');
    const a = await register();
    const target = await orgId(t, '县人力资源和社会保障局');
    const [r1, r2] = await Promise.all([
      clerk.post(`/api/v1/cases/${a.caseId}/forward`, { version: 1, targetOrgId: target }),
      (await t.as('supervisor')).post(`/api/v1/cases/${a.caseId}/assign`, { version: 1, targetOrgId: target }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const ev = (await clerk.get(`/api/v1/cases/${a.caseId}/events`)).json();
    expect(ev.events).toHaveLength(2);
    // the refused action wrote nothing: one action entry and one view entry, from the one that won
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('case_id', '=', a.caseId)
      .where('action', 'in', ['case.forward', 'case.assign', 'case.view']).execute();
    expect(audit.map((x) => x.action).sort()).toEqual([r1.statusCode === 200 ? 'case.forward' : 'case.assign', 'case.view'].sort());
  });

  it('writes nothing for an action on a version that moved while it was planned', async () => {
    day('2026-03-02');
    const a = await register();
    const target = await orgId(t, '县人力资源和社会保障局');
    const countOf = async (table: 'case_events' | 'audit_log' | 'stats_case_queue') =>
      Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('case_id', '=', a.caseId).executeTakeFirstOrThrow()).n);
    const before = [await countOf('case_events'), await countOf('audit_log'), await countOf('stats_case_queue')];
    // the same version, many times at once: only the first write can match it
    const tries = await Promise.all(Array.from({ length: 6 }, () => clerk.post(`/api/v1/cases/${a.caseId}/forward`, { version: 1, targetOrgId: target })));
    expect(tries.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    expect(tries.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'VERSION_CONFLICT')).toBe(true);
    const after = [await countOf('case_events'), await countOf('audit_log'), await countOf('stats_case_queue')];
    // one event; the action's and the view's audit entries; the case queued once (unless settled since)
    expect(after[0]! - before[0]!).toBe(1);
    expect(after[1]! - before[1]!).toBe(2);
    expect(after[2]! - before[2]!).toBeLessThanOrEqual(1);
    expect((await clerk.get(`/api/v1/cases/${a.caseId}`)).json().version).toBe(2);
  });

  it('creates one case for two submissions with the same idempotency key', async () => {
    const body = await buildRegistration(t, { title: '幂等测试事项' });
    const h = { 'idempotency-key': 'key-123' };
    const [a, b] = await Promise.all([clerk.post('/api/v1/cases', body, h), clerk.post('/api/v1/cases', body, h)]);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(a.json().caseId).toBe(b.json().caseId);
    const other = await clerk.post('/api/v1/cases', { ...body, title: '不同内容' }, h);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('a review that revokes the answer orders a new one (撤销重办)', () => {
  it('sends the matter back to the body that answered, which answers again by the day set; the petitioner may ask for review of the new answer', async () => {
    const c = await toHandling('2026-03-02');
    const hrss = await orgId(t, '县人力资源和社会保障局');
    // a county leader owns the matter (包案); the ownership ends with the answer delivered
    await ok('leader', c.caseId, 'own', { plan: '会同人社部门逐年核对缴费记录', closingStandard: '补缴年限核定清楚，信访人认可', dueOn: '2026-04-30' });
    const ownership = async () => ((await (await t.as('leader')).get('/api/v1/ownerships')).json() as { caseId: number; concludedAt: string | null }[]).find((o) => o.caseId === c.caseId)!;
    await ok('hrss.handler', c.caseId, 'answer', { outcome: 'not_upheld', text: '经核实，不符合补缴条件。' });
    day('2026-03-10');
    await ok('hrss.handler', c.caseId, 'deliver');
    expect((await ownership()).concludedAt).not.toBeNull();
    day('2026-03-20');
    await ok('clerk', c.caseId, 'request-review', { reason: '补缴年限计算有误' });

    // the revocation is its own decision: as an outcome of decide_review it is refused and nothing changes
    day('2026-04-10');
    const before = (await clerk.get(`/api/v1/cases/${c.caseId}`)).json();
    const refused = await act('county.handler', c.caseId, 'decide-review', { outcome: 'revoked', text: '撤销' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('REVIEW_REVOKE_IS_REDO');
    expect((await clerk.get(`/api/v1/cases/${c.caseId}`)).json().version).toBe(before.version);
    // a due date later than a full answer limit is refused
    const tooLate = await act('county.handler', c.caseId, 'redo', { text: '认定事实不清', dueOn: '2026-06-10' });
    expect(tooLate.json().error.code).toBe('INVALID_DATE');
    // only the reviewing body decides: the body that answered may not revoke its own answer
    expect((await act('hrss.handler', c.caseId, 'redo', { text: '认定事实不清' })).statusCode).toBe(403);

    const reviewFigures = async () => {
      const f = (await clerk.get(`/api/v1/stats/figures?org=${await orgId(t, '清河县人民政府')}&period=year&from=2026-01-01`)).json();
      return { changed: f.figures.reviewsChanged.value, decided: f.figures.reviewsDecided.value };
    };
    const figuresBefore = await reviewFigures();
    const redone = await ok('county.handler', c.caseId, 'redo', { text: '原处理意见认定补缴年限的事实不清，证据不足。', dueOn: '2026-05-10' });
    // the answer revoked, the matter is not settled: the leader owns it again
    expect((await ownership()).concludedAt).toBeNull();
    expect(redone.state).toBe('handling');
    expect(redone.nextDue).toBe('2026-05-10');
    expect(redone.currentOrgId).toBe(hrss);
    expect(redone.handlingOrgId).toBe(hrss);
    expect(redone.outcome).toBeNull();

    // the review opinion says so; the revoked opinion no longer stands
    const review = (await clerk.get(`/api/v1/cases/${c.caseId}/documents/review-opinion`)).json();
    expect(review.issuer).toBe('清河县人民政府');
    expect(review.paragraphs.join('')).toContain('撤销县人力资源和社会保障局作出的信访事项处理意见，由县人力资源和社会保障局重新办理，于2026年5月10日前重新作出处理意见');
    expect((await clerk.get(`/api/v1/cases/${c.caseId}/documents/opinion`)).json().error.code).toBe('DOCUMENT_NOT_AVAILABLE');
    // the petitioner sees the revocation, who answers again and by when, and no longer the revoked opinion
    const portal = await petitionerView(t, c.caseId);
    expect(portal.officialDocuments.map((d: { type: string }) => d.type)).toEqual(['accept-notice', 'review-opinion']);
    expect(portal.milestones.at(-1)).toMatchObject({ type: 'redo', outcome: 'revoked', targetOrgName: '县人力资源和社会保障局' });
    expect(portal.nextDue).toEqual({ date: '2026-05-10', clock: 'answer' });

    // the body answers again, may have its own extension, and the petitioner may ask for review once more
    day('2026-04-20');
    await ok('hrss.handler', c.caseId, 'request-extension', { days: 10, reason: '需重新调取缴费记录' });
    const extended = await ok('hrss.head', c.caseId, 'approve-extension');
    expect(extended.nextDue).toBe('2026-05-20');
    await ok('hrss.handler', c.caseId, 'answer', { outcome: 'upheld', text: '经重新核实，责成用人单位补缴。' });
    day('2026-04-25');
    const concluded = await ok('hrss.handler', c.caseId, 'deliver');
    expect(concluded.state).toBe('concluded');
    const opinion = (await clerk.get(`/api/v1/cases/${c.caseId}/documents/opinion`)).json();
    expect(opinion.paragraphs.join('')).toContain('责成用人单位补缴');
    day('2026-05-06');
    expect((await ok('clerk', c.caseId, 'request-review', { reason: '仍有异议' })).state).toBe('reviewing');

    // the figures count the revocation as a review decided that changed the answer, at the reviewing body
    expect(await reviewFigures()).toEqual({ changed: figuresBefore.changed + 1, decided: figuresBefore.decided + 1 });
  });
});

describe('a re-review that revokes the review opinion and the answer orders a new answer (复核撤销重办)', () => {
  it('sends the matter back to the body that answered; the matter is not final, and the new answer may be reviewed', async () => {
    const c = await toHandling('2026-03-02');
    const hrss = await orgId(t, '县人力资源和社会保障局');
    await ok('hrss.handler', c.caseId, 'answer', { outcome: 'not_upheld', text: '经核实，不符合补缴条件。' });
    day('2026-03-10');
    await ok('hrss.handler', c.caseId, 'deliver');
    await ok('clerk', c.caseId, 'evaluate', { bureauRating: 'basically_satisfied', bodyRating: 'dissatisfied' });
    day('2026-03-20');
    await ok('clerk', c.caseId, 'request-review', { reason: '补缴年限计算有误' });
    day('2026-04-10');
    await ok('county.handler', c.caseId, 'decide-review', { outcome: 'maintained', text: '经复查，维持原处理意见。' });
    await ok('clerk', c.caseId, 'evaluate', { bureauRating: 'satisfied', bodyRating: 'dissatisfied' });
    day('2026-04-20');
    expect((await ok('clerk', c.caseId, 'request-re-review', { reason: '复查未核对原始缴费凭证' })).state).toBe('re_reviewing');

    // revoking is its own decision: as an outcome of the re-review decision it is refused and nothing changes
    day('2026-05-10');
    const city = await t.as('city.handler');
    const before = (await city.get(`/api/v1/cases/${c.caseId}`)).json();
    expect(before.availableActions).toContain('redo_re_review');
    const refused = await act('city.handler', c.caseId, 'decide-re-review', { outcome: 'revoked', text: '撤销' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('RE_REVIEW_REVOKE_IS_REDO');
    // only the re-reviewing body decides: the reviewing body below it may not
    expect((await act('county.handler', c.caseId, 'redo-re-review', { text: '认定事实不清' })).statusCode).toBe(403);
    const tooLate = await act('city.handler', c.caseId, 'redo-re-review', { text: '认定事实不清', dueOn: '2026-07-10' });
    expect(tooLate.json().error.code).toBe('INVALID_DATE');
    expect((await city.get(`/api/v1/cases/${c.caseId}`)).json().version).toBe(before.version);

    const reReviewFigures = async () => {
      const f = (await city.get(`/api/v1/stats/figures?org=${await orgId(t, '邢台市人民政府')}&period=year&from=2026-01-01`)).json();
      return { changed: f.figures.reReviewsChanged.value, decided: f.figures.reReviewsDecided.value };
    };
    const figuresBefore = await reReviewFigures();
    const redone = await ok('city.handler', c.caseId, 'redo-re-review', { text: '复查未核对原始缴费凭证，认定事实不清。', dueOn: '2026-06-01' });
    expect(redone.state).toBe('handling');
    expect(redone.nextDue).toBe('2026-06-01');
    expect(redone.currentOrgId).toBe(hrss);
    expect(redone.handlingOrgId).toBe(hrss);
    expect(redone.outcome).toBeNull();
    // neither the review nor the re-review outcome stands: the matter is not settled for good (Art 36)
    expect(redone.reviewOutcome).toBeNull();
    expect(redone.reReviewOutcome).toBeNull();

    // the re-review opinion says so; the revoked answer and review opinion no longer stand
    const reReview = (await city.get(`/api/v1/cases/${c.caseId}/documents/rereview-opinion`)).json();
    expect(reReview.issuer).toBe('邢台市人民政府');
    expect(reReview.paragraphs.join('')).toContain('第三十六条的规定，本机关决定：撤销复查意见和县人力资源和社会保障局作出的信访事项处理意见，由县人力资源和社会保障局重新办理，于2026年6月1日前重新作出处理意见');
    expect(reReview.paragraphs.join('')).not.toContain('终结意见');
    for (const type of ['opinion', 'review-opinion']) {
      expect((await city.get(`/api/v1/cases/${c.caseId}/documents/${type}`)).json().error.code, type).toBe('DOCUMENT_NOT_AVAILABLE');
    }
    // the petitioner sees it, and which of their documents still stand
    const portal = await petitionerView(t, c.caseId);
    expect(portal.officialDocuments.map((d: { type: string }) => d.type)).toEqual(['accept-notice', 'rereview-opinion']);
    expect(portal.milestones.at(-1)).toMatchObject({ type: 'redo_re_review', outcome: 'revoked', targetOrgName: '县人力资源和社会保障局' });
    expect(portal.nextDue).toEqual({ date: '2026-06-01', clock: 'answer' });
    // counted at the re-reviewing body as a re-review that changed the answer
    expect(await reReviewFigures()).toEqual({ changed: figuresBefore.changed + 1, decided: figuresBefore.decided + 1 });

    // the body answers again; the new answer is not final: review may be asked of it
    day('2026-05-20');
    await ok('hrss.handler', c.caseId, 'answer', { outcome: 'upheld', text: '经核对原始缴费凭证，责成用人单位补缴。' });
    await ok('hrss.handler', c.caseId, 'deliver');
    // the petitioner rates the new answer too; the ratings of the revoked answer and review stay
    await ok('clerk', c.caseId, 'evaluate', { bureauRating: 'satisfied', bodyRating: 'satisfied' });
    const ratings = await t.ctx.db.selectFrom('evaluations').select(['stage', 'round', 'body_rating']).where('case_id', '=', c.caseId).orderBy('id').execute();
    expect(ratings).toEqual([
      { stage: 'answer', round: 0, body_rating: 'dissatisfied' }, { stage: 'review', round: 0, body_rating: 'dissatisfied' }, { stage: 'answer', round: 1, body_rating: 'satisfied' },
    ]);
    expect((await clerk.get(`/api/v1/cases/${c.caseId}/documents/opinion`)).json().paragraphs.join('')).toContain('核对原始缴费凭证');
    day('2026-05-25');
    const again = await ok('clerk', c.caseId, 'request-review', { reason: '补缴金额仍有误' });
    expect(again.state).toBe('reviewing');
  });
});

describe('a major or urgent matter is reported at once ([T22] Art 25)', () => {
  it('reports to the government of the reporting body, whose leaders and those above find it in their 重大紧急 queue while it is open', async () => {
    const c = await toHandling('2026-03-02');
    const urgentIds = async (who: string) => ((await (await t.as(who)).get('/api/v1/cases?queue=urgent&limit=100')).json().items as { id: number }[]).map((x) => x.id);
    const urgentCount = async (who: string) => (await (await t.as(who)).get('/api/v1/cases/queues')).json().urgent as number;
    const before = await urgentCount('leader');
    expect(await urgentIds('leader')).not.toContain(c.caseId);

    const blank = await act('hrss.handler', c.caseId, 'report-urgent', { text: '' });
    expect(blank.statusCode).toBe(400);
    const reported = await ok('hrss.handler', c.caseId, 'report-urgent', { text: '四十余名农民工聚集工地讨薪，情绪激动，已安排专人劝导。' });
    expect(reported.state).toBe('handling'); // an event on the case, not a step of its own
    expect(reported.urgentReportedAt).toEqual(expect.any(String));
    const ev = await t.ctx.db.selectFrom('case_events').select(['data', 'is_public']).where('case_id', '=', c.caseId).where('type', '=', 'report_urgent').executeTakeFirstOrThrow();
    const data = (typeof ev.data === 'string' ? JSON.parse(ev.data) : ev.data) as Record<string, unknown>;
    expect(data).toMatchObject({ reportedToOrgName: '清河县人民政府', first: true });
    expect(ev.is_public).toBe(false); // the petitioner's portal does not show it

    // the county government's leader and the city above see it; a township does not
    expect(await urgentIds('leader')).toContain(c.caseId);
    expect(await urgentCount('leader')).toBe(before + 1);
    expect(await urgentIds('city.clerk')).toContain(c.caseId);
    expect(await urgentIds('town.head')).not.toContain(c.caseId);
    const listed = (await (await t.as('leader')).get('/api/v1/cases?queue=urgent&limit=100')).json().items.find((x: { id: number }) => x.id === c.caseId);
    expect(listed.urgentReportedAt).toBe(reported.urgentReportedAt);

    // a later report adds to it; once the matter is concluded it leaves the queue and cannot be reported
    await ok('supervisor', c.caseId, 'report-urgent', { text: '续报：已协调企业先行垫付部分工资，人员已疏散。' });
    await ok('hrss.handler', c.caseId, 'answer', { outcome: 'upheld', text: '责成用工单位结清工资。' });
    await ok('hrss.handler', c.caseId, 'deliver');
    expect(await urgentIds('leader')).not.toContain(c.caseId);
    expect(await urgentCount('leader')).toBe(before);
    const closed = await act('hrss.handler', c.caseId, 'report-urgent', { text: '再报' });
    expect(closed.json().error.code).toBe('TRANSITION_NOT_ALLOWED');
  });
});
