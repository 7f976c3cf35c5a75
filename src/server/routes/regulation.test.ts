// Regulation scenarios of 《信访工作条例》 through the HTTP API, beyond lifecycle.test.ts: repeats on
// concluded, open, final and archived-final matters; accusation routing; objection rules; re-review
// window; hearing pause in re-review; extension notice to the petitioner; skip-level visits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledQuery } from 'kysely';
import { startTestApp, type TestApp, type Client } from '../test/harness.ts';
import { buildPerson, buildRegistration, categoryId, orgId, scenario } from '../test/factories.ts';

let t: TestApp;
let clerk: Client;
let hrss: number;
beforeAll(async () => {
  t = await startTestApp('2026-03-02T10:00:00+08:00');
  clerk = await t.as('clerk');
  hrss = await orgId(t, '县人力资源和社会保障局');
});
afterAll(async () => t.close());
const { day, act, ok } = scenario(() => t);

async function register(body: Record<string, unknown> = {}, by: Client = clerk) {
  const res = await by.post('/api/v1/cases', await buildRegistration(t, body));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    caseId: number; caseNo: string; state: string; isRepeat: boolean; repeatOfCaseId: number | null; repeatOfCaseNo: string | null; repeatOfFinal: boolean;
    addedToExisting: boolean; declineReason: string | null; acceptDueBy: string | null;
  };
}
const ART36 = '该事项已经复核终结，以同一事实和理由提出的信访不再受理（《信访工作条例》第三十六条）';

/** The first word of every statement the app executes while `fn` runs (built or prepared: every
 * statement goes through Kysely's query executor), and what `fn` returned. */
async function statements<T>(fn: () => Promise<T>): Promise<{ res: T; seen: string[] }> {
  const seen: string[] = [];
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(t.ctx.db.getExecutor())) as { executeQuery: (q: CompiledQuery, ...rest: unknown[]) => Promise<unknown> };
  const original = proto.executeQuery;
  proto.executeQuery = function (this: unknown, q: CompiledQuery, ...rest: unknown[]) {
    seen.push(q.sql.trim().split(/\s/)[0]!.toLowerCase());
    return original.call(this, q, ...rest);
  };
  try { return { res: await fn(), seen }; } finally { proto.executeQuery = original; }
}
const due = (c: Record<string, any>, name: string) => c.clocks.find((k: any) => k.name === name)?.due;

/** A case through re-review to final for the given petitioner; returns its id. */
async function toFinal(petitioner: Record<string, unknown>, from: string) {
  day(from);
  const c = await register({ petitioner });
  await ok('clerk', c.caseId, 'forward', { targetOrgId: hrss });
  await ok('hrss.handler', c.caseId, 'accept');
  await ok('hrss.handler', c.caseId, 'answer', { outcome: 'not_upheld', text: '不予支持' });
  await ok('hrss.handler', c.caseId, 'deliver');
  await ok('clerk', c.caseId, 'request-review', { reason: '不服' });
  await ok('county.handler', c.caseId, 'decide-review', { outcome: 'maintained', text: '维持' });
  await ok('clerk', c.caseId, 'request-re-review', { reason: '不服复查' });
  const f = await ok('city.handler', c.caseId, 'decide-re-review', { outcome: 'maintained', text: '维持，终结' });
  expect(f.state).toBe('final');
  return c.caseId;
}

describe('repeat petitions (重复信访)', () => {
  it('links a new submission on a concluded matter as a repeat without declining it', async () => {
    day('2026-03-02');
    const p = buildPerson();
    const first = await register({ petitioner: p });
    await ok('clerk', first.caseId, 'forward', { targetOrgId: hrss });
    await ok('hrss.handler', first.caseId, 'accept');
    await ok('hrss.handler', first.caseId, 'answer', { outcome: 'explained', text: '解释' });
    await ok('hrss.handler', first.caseId, 'deliver');
    day('2026-03-20');
    const again = await register({ petitioner: p, channel: 'visit' });
    expect(again.state).toBe('registered');
    expect(again.isRepeat).toBe(true);
    expect(again.repeatOfCaseId).toBe(first.caseId);
    expect(again.declineReason).toBeNull();
    expect(again.repeatOfFinal).toBe(false); // concluded, not final after re-review
    const ev = (await clerk.get(`/api/v1/cases/${again.caseId}/events`)).json();
    expect(ev.submissions[0].isRepeat).toBe(true);
    // a different matter of the same person is no repeat
    const other = await register({ petitioner: p, categoryId: await categoryId(t, '07'), title: '子女入学问题' });
    expect(other.isRepeat).toBe(false);
  });

  it('adds a submission to a matter still open, keeping the larger collective headcount', async () => {
    day('2026-03-02');
    const p = buildPerson();
    const first = await register({ petitioner: p });
    const added = await register({ petitioner: p, channel: 'visit', headcount: 12, repeatOfCaseId: first.caseId, representatives: [{ name: '代表甲' }, { name: '代表乙' }] });
    expect(added.addedToExisting).toBe(true);
    expect(added.caseId).toBe(first.caseId);
    const d = (await clerk.get(`/api/v1/cases/${first.caseId}`)).json();
    expect(d.isRepeat).toBe(true);
    expect(d.isCollective).toBe(true);
    expect(d.headcount).toBe(12);
    expect(d.version).toBe(2);
    const ev = (await clerk.get(`/api/v1/cases/${first.caseId}/events`)).json();
    expect(ev.events.map((e: any) => e.type)).toEqual(['register', 'add_submission']);
    expect(ev.submissions.map((s: any) => s.headcount)).toEqual([1, 12]);
    // a smaller visit later does not lower the headcount already recorded
    await register({ petitioner: p, channel: 'visit', headcount: 7, repeatOfCaseId: first.caseId });
    expect((await clerk.get(`/api/v1/cases/${first.caseId}`)).json().headcount).toBe(12);
  });

  it('registers a repeat on a final matter without declining it, marks it with the final matter, and lets a clerk decline it (Art 36)', async () => {
    const p = buildPerson();
    const finalId = await toFinal(p, '2026-03-02');
    const finalNo = (await clerk.get(`/api/v1/cases/${finalId}`)).json().caseNo;
    day('2026-04-10');
    const repeat = await register({ petitioner: p, channel: 'letter' });
    expect(repeat.state).toBe('registered');
    expect(repeat.isRepeat).toBe(true);
    expect(repeat.repeatOfCaseId).toBe(finalId);
    expect(repeat.repeatOfCaseNo).toBe(finalNo);
    expect(repeat.repeatOfFinal).toBe(true);
    expect(repeat.declineReason).toBeNull();
    expect(repeat.acceptDueBy).toBe('2026-04-25'); // its own routing clock runs like any other's
    let d = (await clerk.get(`/api/v1/cases/${repeat.caseId}`)).json();
    expect(d).toMatchObject({ state: 'registered', repeatOfFinal: true, repeatOfCaseId: finalId, declineReason: null, nextDue: '2026-04-25' });
    expect(d.availableActions).toContain('decline');
    let ev = (await clerk.get(`/api/v1/cases/${repeat.caseId}/events`)).json();
    expect(ev.events.map((e: any) => e.type)).toEqual(['register']); // nothing decided by the system
    expect(ev.events[0].data).toMatchObject({ isRepeat: true, repeatOfCaseNo: finalNo, repeatOfFinal: true });

    // the clerk looks, finds the same facts and reasons, and declines it with the existing action
    d = await ok('clerk', repeat.caseId, 'decline', { reason: ART36, properChannel: '如有新的事实和理由，可以依法另行提出' });
    expect(d.state).toBe('declined');
    expect(d.declineReason).toContain('第三十六条');
    expect(d.repeatOfFinal).toBe(true);
    ev = (await clerk.get(`/api/v1/cases/${repeat.caseId}/events`)).json();
    expect(ev.events.map((e: any) => [e.type, e.actorKind])).toEqual([['register', 'staff'], ['decline', 'staff']]);

    // again, after the final matter was archived: linked to the final matter, not to the declined repeat
    await ok('clerk', finalId, 'archive');
    const again = await register({ petitioner: p });
    expect(again).toMatchObject({ state: 'registered', repeatOfCaseId: finalId, repeatOfFinal: true, declineReason: null });
    // and once more while that one is still undecided: still linked to the final matter
    const third = await register({ petitioner: p, channel: 'visit' });
    expect(third).toMatchObject({ state: 'registered', repeatOfCaseId: finalId, repeatOfFinal: true });
    // a clerk who finds new facts routes it as usual; a later submission is then a repeat of that matter
    await ok('clerk', third.caseId, 'forward', { targetOrgId: hrss });
    const fourth = await register({ petitioner: p });
    expect(fourth).toMatchObject({ state: 'registered', isRepeat: true, repeatOfCaseId: third.caseId, repeatOfFinal: false });
  });

  it('declines a marked repeat on the Art 36 ground: the notice cites Art 36, and the case list shows the mark until then', async () => {
    const p = buildPerson();
    await toFinal(p, '2026-03-02');
    day('2026-04-10');
    const repeat = await register({ petitioner: p, channel: 'letter' });
    expect(repeat.repeatOfFinal).toBe(true);
    const listed = async (query = '') => {
      const res = await clerk.get(`/api/v1/cases?q=${encodeURIComponent(repeat.caseNo)}${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: { id: number; repeatOfFinalPending: boolean }[] }).items;
    };
    // undecided: marked in the list, and found by the filter (not by its negation)
    expect(await listed()).toMatchObject([{ id: repeat.caseId, repeatOfFinalPending: true }]);
    expect((await listed('&repeatOfFinal=true')).map((i) => i.id)).toEqual([repeat.caseId]);
    expect(await listed('&repeatOfFinal=false')).toEqual([]);

    const d = await ok('clerk', repeat.caseId, 'decline', { reason: '与已复核终结的事项事实和理由相同', properChannel: '如有新的事实和理由，可以依法另行提出', basis: 'final_repeat' });
    expect(d).toMatchObject({ state: 'declined', declineReason: '与已复核终结的事项事实和理由相同', repeatOfFinal: true });
    const ev = (await clerk.get(`/api/v1/cases/${repeat.caseId}/events`)).json();
    expect(ev.events.find((e: any) => e.type === 'decline').data).toMatchObject({ basis: 'final_repeat' });
    const notice = await clerk.get(`/api/v1/cases/${repeat.caseId}/documents/decline-notice`);
    expect(notice.statusCode, notice.body).toBe(200);
    const text = notice.json().paragraphs.join('\n') as string;
    expect(text).toContain('该事项已经复核终结。根据《信访工作条例》第三十六条的规定');
    expect(text).not.toContain('第二十三条');
    // decided: no longer marked as awaiting a check
    expect(await listed()).toMatchObject([{ id: repeat.caseId, repeatOfFinalPending: false }]);
    expect(await listed('&repeatOfFinal=true')).toEqual([]);
  });

  it('refuses the Art 36 ground on a case not marked, changing nothing; the general decline still cites Art 23', async () => {
    day('2026-04-10');
    const plain = await register();
    expect(plain.repeatOfFinal).toBe(false);
    const before = (await clerk.get(`/api/v1/cases/${plain.caseId}`)).json();
    const res = await act('clerk', plain.caseId, 'decline', { reason: '复核终结', properChannel: '无', basis: 'final_repeat' });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe('DECLINE_BASIS_NOT_MARKED');
    const after = (await clerk.get(`/api/v1/cases/${plain.caseId}`)).json();
    expect(after).toMatchObject({ state: 'registered', version: before.version, declineReason: null, nextDue: before.nextDue });
    expect((await clerk.get(`/api/v1/cases/${plain.caseId}/events`)).json().events.map((e: any) => e.type)).toEqual(['register']);
    // an unknown ground is refused by the schema
    const bad = await act('clerk', plain.caseId, 'decline', { reason: '理由', properChannel: '向县教育局申请', basis: 'other' });
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    // an unmarked case is never shown as a repeat of a final matter
    const list = (await clerk.get(`/api/v1/cases?q=${encodeURIComponent(plain.caseNo)}`)).json();
    expect(list.items).toMatchObject([{ id: plain.caseId, repeatOfFinalPending: false }]);

    await ok('clerk', plain.caseId, 'decline', { reason: '不属于信访事项', properChannel: '向县教育局申请' });
    const text = (await clerk.get(`/api/v1/cases/${plain.caseId}/documents/decline-notice`)).json().paragraphs.join('\n') as string;
    expect(text).toContain('不属于信访事项。根据《信访工作条例》第二十三条的规定');
    expect(text).not.toContain('第三十六条');
  });

  it('marks nothing unrelated, and marks a final matter staff link to themselves', async () => {
    const p = buildPerson();
    const finalId = await toFinal(p, '2026-03-02');
    day('2026-04-10');
    // an unrelated later petition of the same petitioner (another category, or another area) is not marked
    const otherCategory = await register({ petitioner: p, categoryId: await categoryId(t, '07'), title: '子女入学问题' });
    expect(otherCategory).toMatchObject({ state: 'registered', isRepeat: false, repeatOfCaseId: null, repeatOfFinal: false });
    expect((await clerk.get(`/api/v1/cases/${otherCategory.caseId}`)).json().repeatOfFinal).toBe(false);
    const otherArea = await register({ petitioner: p, areaCode: '130500' });
    expect(otherArea).toMatchObject({ state: 'registered', isRepeat: false, repeatOfFinal: false });
    // nor a petition of another person on the same category and area
    const stranger = await register();
    expect(stranger).toMatchObject({ isRepeat: false, repeatOfFinal: false });
    // staff choose the final matter as the earlier one: registered and marked, not declined
    const chosen = await register({ petitioner: p, categoryId: await categoryId(t, '0602'), repeatOfCaseId: finalId });
    expect(chosen).toMatchObject({ state: 'registered', isRepeat: true, repeatOfCaseId: finalId, repeatOfFinal: true, addedToExisting: false, declineReason: null });
  });

  it('registers an online petition on a final matter without declining it, in as many statements as any repeat', async () => {
    const p = buildPerson();
    const finalId = await toFinal(p, '2026-03-02');
    const q = buildPerson();
    day('2026-03-02');
    const concluded = await register({ petitioner: q });
    await ok('clerk', concluded.caseId, 'forward', { targetOrgId: hrss });
    await ok('hrss.handler', concluded.caseId, 'accept');
    await ok('hrss.handler', concluded.caseId, 'answer', { outcome: 'explained', text: '解释' });
    await ok('hrss.handler', concluded.caseId, 'deliver');

    day('2026-04-10');
    const cat = await categoryId(t, '0601');
    const send = (who: typeof p, ip: string) => t.app.inject({
      method: 'POST', url: '/api/v1/portal/petitions', headers: { 'x-forwarded-for': ip, 'idempotency-key': crypto.randomUUID() },
      payload: {
        kind: 'claim', categoryId: cat, areaCode: '130534', title: '工地拖欠工资', content: '工资至今未付，请求协调解决。',
        petitioner: { name: who.name, idNumber: who.idNumber, mobile: who.mobile },
      },
    });
    // the reference data is cached for 5 s of wall time: warmed just before each counted registration,
    // so a slow machine does not count its reload
    const warm = async (ip: string) => expect((await send(buildPerson(), ip)).statusCode).toBe(201);
    await warm('10.9.0.3');
    const onFinal = await statements(() => send(p, '10.9.0.1'));
    await warm('10.9.0.4');
    const onConcluded = await statements(() => send(q, '10.9.0.2'));
    expect(onFinal.res.statusCode, onFinal.res.body).toBe(201);
    expect(onConcluded.res.statusCode, onConcluded.res.body).toBe(201);
    // marking it needs no statement of its own: the repeat check's read decides it (idempotency key,
    // petitioner match, repeat check, numbered case, submission with its records, stored answer)
    expect(onFinal.seen).toEqual(onConcluded.seen);
    expect(onFinal.seen).toEqual(['insert', 'with', 'select', 'insert', 'with', 'update']);

    const receipt = onFinal.res.json();
    expect(receipt).toMatchObject({ state: 'registered', declineReason: null, acceptDueBy: '2026-04-25' });
    const row = await t.ctx.db.selectFrom('cases').selectAll().where('case_no', '=', receipt.caseNo).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'registered', is_repeat: true, repeat_of_case_id: finalId, repeat_of_final: true, decline_reason: null });
    const other = await t.ctx.db.selectFrom('cases').selectAll().where('case_no', '=', onConcluded.res.json().caseNo).executeTakeFirstOrThrow();
    expect(other).toMatchObject({ is_repeat: true, repeat_of_case_id: concluded.caseId, repeat_of_final: false });
    // the clerk sees it marked on the case page and declines it
    const d = (await clerk.get(`/api/v1/cases/${row.id}`)).json();
    expect(d).toMatchObject({ repeatOfFinal: true, repeatOfCaseId: finalId });
    expect((await ok('clerk', row.id, 'decline', { reason: ART36, properChannel: '如有新的事实和理由，可以依法另行提出' })).state).toBe('declined');
  });
});

describe('re-review (复核, Art 36)', () => {
  it('allows a re-review request on day 30 after the review decision and refuses it on day 31', async () => {
    day('2026-03-02');
    const c = await register();
    await ok('clerk', c.caseId, 'forward', { targetOrgId: hrss });
    await ok('hrss.handler', c.caseId, 'accept');
    await ok('hrss.handler', c.caseId, 'answer', { outcome: 'explained', text: '解释' });
    await ok('hrss.handler', c.caseId, 'deliver');
    await ok('clerk', c.caseId, 'request-review', { reason: '不服' });
    day('2026-03-10');
    const r = await ok('county.handler', c.caseId, 'decide-review', { outcome: 'maintained', text: '维持' });
    expect(due(r, 'reReviewRequest')).toBe('2026-04-09');
    day('2026-04-10');
    const late = await act('clerk', c.caseId, 'request-re-review', { reason: '不服' });
    expect(late.json().error.code).toBe('DEADLINE_PASSED');
    day('2026-04-09');
    const rr = await ok('clerk', c.caseId, 'request-re-review', { reason: '不服' });
    expect(rr.state).toBe('re_reviewing');
    expect(rr.nextDue).toBe('2026-05-09'); // decided within 30 days
    // a hearing in re-review does not count toward the limit
    day('2026-04-20');
    await ok('city.handler', c.caseId, 'start-hearing', { note: '复核听证' });
    const blocked = await act('city.handler', c.caseId, 'decide-re-review', { outcome: 'maintained', text: '维持' });
    expect(blocked.json().error.code).toBe('HEARING_OPEN');
    day('2026-04-24');
    const ended = await ok('city.handler', c.caseId, 'end-hearing', { summary: '听证结束' });
    expect(ended.nextDue).toBe('2026-05-14'); // 5 hearing days excluded
    const f = await ok('city.handler', c.caseId, 'decide-re-review', { outcome: 'maintained', text: '维持' });
    expect(f.state).toBe('final');
    // rating stays open after the final decision
    expect((await ok('clerk', c.caseId, 'evaluate', { bureauRating: 'satisfied', bodyRating: 'dissatisfied' })).evaluationStatus).toBe('done');
  });
});

describe('routing rules', () => {
  it('never forwards an accusation to the accused body or below it, nor suggests it (Art 30)', async () => {
    day('2026-03-02');
    const township = await orgId(t, '葛仙庄镇');
    const c = await register({ kind: 'accusation', accusedOrgId: township, categoryId: await categoryId(t, '04'), title: '反映镇干部问题' });
    for (const target of [township, await orgId(t, '葛仙庄村')]) {
      const res = await act('clerk', c.caseId, 'forward', { targetOrgId: target });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('ACCUSED_CANNOT_HANDLE');
    }
    const suggestions = (await clerk.get(`/api/v1/cases/${c.caseId}/routing-suggestions`)).json();
    expect(suggestions.map((o: any) => o.id)).not.toContain(township);
    const fwd = await ok('clerk', c.caseId, 'forward', { targetOrgId: await orgId(t, '县纪委监委') });
    expect(fwd.state).toBe('awaiting_acceptance');
  });

  it('suggests each competent body once, even when it is competent for the sub-category and its parent', async () => {
    day('2026-03-02');
    const c = await register({ categoryId: await categoryId(t, '0601'), title: '反映工资被拖欠' });
    const ids = ((await clerk.get(`/api/v1/cases/${c.caseId}/routing-suggestions`)).json() as { id: number }[]).map((o) => o.id);
    const hrss = await orgId(t, '县人力资源和社会保障局');
    expect(ids.filter((id) => id === hrss)).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lets only a receiver of a forwarded or assigned matter object, within 5 working days', async () => {
    day('2026-03-02');
    // a direct petition at the handling body was not routed there: nothing to object to
    const direct = await register({}, await t.as('hrss.handler'));
    expect(direct.state).toBe('awaiting_acceptance');
    expect(direct.acceptDueBy).toBe('2026-03-17');
    const res = await act('hrss.handler', direct.caseId, 'object', { reason: '不属于本部门' });
    expect(res.json().error.code).toBe('NOT_ROUTED_HERE');
    // assigned Fri 2026-03-06: Mon 9 .. Fri 13 are the 5 working days
    day('2026-03-06');
    const c = await register();
    const a = await ok('clerk', c.caseId, 'assign', { targetOrgId: hrss });
    expect(due(a, 'objection')).toBe('2026-03-13');
    day('2026-03-14');
    expect((await act('hrss.handler', c.caseId, 'object', { reason: '不属于本部门' })).json().error.code).toBe('DEADLINE_PASSED');
    // still free to accept, or to divert to the proper procedure
    const d = await ok('hrss.handler', c.caseId, 'divert', { procedure: 'labour_arbitration', reason: '劳动争议', properChannel: '县劳动人事争议仲裁委员会' });
    expect(d.state).toBe('diverted');
    expect(d.properChannel).toBe('县劳动人事争议仲裁委员会');
  });
});

describe('handling', () => {
  it('tells the petitioner of an approved extension and its reason, and blocks the answer while one is pending', async () => {
    day('2026-03-02');
    const c = await register();
    await ok('clerk', c.caseId, 'forward', { targetOrgId: hrss });
    await ok('hrss.handler', c.caseId, 'accept');
    await ok('hrss.handler', c.caseId, 'request-extension', { days: 30, reason: '需赴外地调查取证' });
    const blocked = await act('hrss.handler', c.caseId, 'answer', { outcome: 'upheld', text: '支持' });
    expect(blocked.json().error.code).toBe('EXTENSION_PENDING');
    const other = await act('hrss.handler', c.caseId, 'approve-extension');
    expect(other.json().error.code).toBe('ROLE_NOT_ALLOWED'); // the head approves, not the handler
    const approved = await ok('hrss.head', c.caseId, 'approve-extension');
    expect(approved.nextDue).toBe('2026-05-31'); // 60 + 30 days
    const ev = (await clerk.get(`/api/v1/cases/${c.caseId}/events`)).json();
    const notice = ev.events.find((e: any) => e.type === 'approve_extension');
    expect(notice.isPublic).toBe(true);
    expect(notice.data).toMatchObject({ days: 30, reason: '需赴外地调查取证' });
  });

  it('refuses to conclude by mediation while a hearing is open', async () => {
    day('2026-03-02');
    const c = await register();
    await ok('clerk', c.caseId, 'forward', { targetOrgId: hrss });
    await ok('hrss.handler', c.caseId, 'accept');
    await ok('hrss.handler', c.caseId, 'start-hearing');
    const res = await act('hrss.handler', c.caseId, 'mediate', { agreement: '和解' });
    expect(res.json().error.code).toBe('HEARING_OPEN');
    await ok('hrss.handler', c.caseId, 'end-hearing', { summary: '听证结束，双方同意调解' });
    expect((await ok('hrss.handler', c.caseId, 'mediate', { agreement: '和解' })).state).toBe('concluded');
  });
});

describe('registration facts', () => {
  it('marks a skip-level visit by the level reached against the matter\'s area', async () => {
    day('2026-03-02');
    const county = await register({ levelReached: 'county' });
    const city = await register({ levelReached: 'city' });
    const province = await register({ levelReached: 'province' });
    const get = async (id: number) => (await clerk.get(`/api/v1/cases/${id}`)).json();
    expect((await get(county.caseId)).isSkipLevel).toBe(false);
    expect((await get(city.caseId)).isSkipLevel).toBe(false); // one level up is not skipping
    expect((await get(province.caseId)).isSkipLevel).toBe(true);
    expect((await get(province.caseId)).levelReached).toBe('province');
  });

  it('keeps a collective visit of exactly 6 as collective and one of 5 as not', async () => {
    day('2026-03-02');
    const six = await register({ channel: 'visit', headcount: 6 });
    const five = await register({ channel: 'visit', headcount: 5 });
    expect((await clerk.get(`/api/v1/cases/${six.caseId}`)).json()).toMatchObject({ isCollective: true, headcount: 6 });
    expect((await clerk.get(`/api/v1/cases/${five.caseId}`)).json()).toMatchObject({ isCollective: false, headcount: 5 });
  });
});
