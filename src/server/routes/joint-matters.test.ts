// [T22] Art 24 through the HTTP API: a matter that concerns several bodies. The lead accepts and
// answers; co-handling bodies (协办单位) named when it is routed see it and give their opinion; when
// acceptance is disputed (receivers objected), the common superior of the bodies in dispute
// designates the accepting body, which may not object again. Refusals change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { buildRegistration, orgId, petitionerView, scenario } from '../test/factories.ts';

let t: TestApp;
let hrss: number;
let housing: number;
let city: number;
let cityLeader: string;
beforeAll(async () => {
  t = await startTestApp('2026-03-02T10:00:00+08:00');
  hrss = await orgId(t, '县人力资源和社会保障局');
  housing = await orgId(t, '县住房和城乡建设局');
  city = await orgId(t, '邢台市人民政府');
  cityLeader = `l${city}`;
});
afterAll(async () => t.close());
const { day, ok } = scenario(() => t);

async function register(body: Record<string, unknown> = {}) {
  const res = await (await t.as('clerk')).post('/api/v1/cases', await buildRegistration(t, body));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().caseId as number;
}
const caseRow = (id: number) => t.ctx.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const eventCount = async (id: number) => (await t.ctx.db.selectFrom('case_events').select('id').where('case_id', '=', id).execute()).length;

/** A refusal with this status and code that changes neither the case nor its events. */
async function refused(status: number, code: string, who: string, id: number, action: string, body: object = {}) {
  const [before, events] = [await caseRow(id), await eventCount(id)];
  // at the version the case is at (the user may not be able to read it)
  const res = await (await t.as(who)).post(`/api/v1/cases/${id}/${action}`, { version: before.version, ...body });
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().error.code).toBe(code);
  expect(await caseRow(id)).toEqual(before);
  expect(await eventCount(id)).toBe(events);
}

async function queue(who: string, name: string) {
  const res = await (await t.as(who)).get(`/api/v1/cases?queue=${name}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: number }[]).map((c) => c.id);
}

describe('co-handling bodies (协办单位)', () => {
  it('see the matter while they take part, give their opinion during handling, and do nothing else on it', async () => {
    day('2026-03-02');
    const id = await register({ title: '工业园区征地补偿和安置房建设问题' });
    const routed = await ok('clerk', id, 'forward', { targetOrgId: hrss, coOrgIds: [housing] });
    expect(routed).toMatchObject({ currentOrgId: hrss, coOrgIds: [housing], acceptanceDisputed: false, designatedByOrgId: null });

    const housingClient = await t.as('housing.handler');
    const seen = await housingClient.get(`/api/v1/cases/${id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    // nothing to do before the lead accepts it
    expect(seen.json().availableActions).toEqual([]);
    expect(await queue('housing.handler', 'co_handling')).toContain(id);
    expect((await housingClient.get('/api/v1/cases/queues')).json().co_handling).toBeGreaterThanOrEqual(1);
    // every view of personal data is logged, the co-handler's too
    const views = await t.ctx.db.selectFrom('audit_log as a').innerJoin('users as u', 'u.id', 'a.actor_user_id')
      .select('a.action').where('a.case_id', '=', id).where('u.username', '=', 'housing.handler').execute();
    expect(views.map((v) => v.action)).toContain('case.view');

    await refused(409, 'TRANSITION_NOT_ALLOWED', 'housing.handler', id, 'contribute', { text: '尚未受理' });
    await ok('hrss.handler', id, 'accept');
    const asCo = (await housingClient.get(`/api/v1/cases/${id}`)).json();
    expect(asCo.availableActions).toEqual(['contribute']);
    expect((await (await t.as('hrss.handler')).get(`/api/v1/cases/${id}`)).json().availableActions).not.toContain('contribute');

    // the co-handling body may not answer, extend, supervise or route the matter; the lead may not contribute
    await refused(403, 'OUT_OF_SCOPE', 'housing.handler', id, 'answer', { outcome: 'upheld', text: '支持' });
    await refused(403, 'OUT_OF_SCOPE', 'housing.handler', id, 'request-extension', { days: 10, reason: '复杂' });
    await refused(403, 'NOT_CO_HANDLER', 'hrss.handler', id, 'contribute', { text: '本单位意见' });

    day('2026-03-10');
    const after = await ok('housing.handler', id, 'contribute', { text: '安置房建设手续已报批，预计年内开工，可在答复中说明。' });
    expect(after.state).toBe('handling');
    const timeline = (await (await t.as('hrss.handler')).get(`/api/v1/cases/${id}/events`)).json().events as { type: string; data: Record<string, unknown>; isPublic: boolean }[];
    const opinion = timeline.find((e) => e.type === 'contribute')!;
    expect(opinion).toMatchObject({ isPublic: false, data: { coOrgId: housing, coOrgName: '县住房和城乡建设局', text: '安置房建设手续已报批，预计年内开工，可在答复中说明。' } });
    expect(timeline.find((e) => e.type === 'forward')!.data).toMatchObject({ coOrgIds: [housing], coOrgNames: ['县住房和城乡建设局'] });

    // the lead answers; after that the opinion is history
    await ok('hrss.handler', id, 'answer', { outcome: 'explained', text: '安置房建设手续已报批，预计年内开工。' });
    // the written answer says the lead investigated with the co-handling body
    const doc = await (await t.as('hrss.handler')).get(`/api/v1/cases/${id}/documents/opinion`);
    expect(doc.statusCode, doc.body).toBe(200);
    expect(doc.json().paragraphs[0]).toContain('经会同县住房和城乡建设局调查核实');
    await refused(409, 'TRANSITION_NOT_ALLOWED', 'housing.handler', id, 'contribute', { text: '补充意见' });
    expect(await queue('housing.handler', 'co_handling')).toContain(id); // still open until delivered
    await ok('hrss.handler', id, 'deliver');
    expect(await queue('housing.handler', 'co_handling')).not.toContain(id);
    // the matter stays readable to the body that took part
    expect((await housingClient.get(`/api/v1/cases/${id}`)).statusCode).toBe(200);
  });

  it('are other active bodies, each once, never the lead nor the accused body of an accusation', async () => {
    day('2026-03-03');
    const id = await register();
    await refused(422, 'CO_HANDLER_INVALID', 'clerk', id, 'forward', { targetOrgId: hrss, coOrgIds: [hrss] });
    await refused(422, 'CO_HANDLER_INVALID', 'clerk', id, 'forward', { targetOrgId: hrss, coOrgIds: [999_999] });
    await refused(400, 'VALIDATION_FAILED', 'clerk', id, 'forward', { targetOrgId: hrss, coOrgIds: [housing, housing] });
    await refused(400, 'VALIDATION_FAILED', 'clerk', id, 'forward', { targetOrgId: hrss, coOrgIds: [1, 2, 3, 4, 5, 6] });

    const accusation = await register({ kind: 'accusation', accusedOrgId: housing, accusedName: '某工作人员', title: '反映住建局工作人员问题' });
    await refused(422, 'CO_HANDLER_INVALID', 'clerk', accusation, 'forward', { targetOrgId: hrss, coOrgIds: [housing] });
    await ok('clerk', accusation, 'forward', { targetOrgId: hrss });
    expect((await (await t.as('housing.handler')).get(`/api/v1/cases/${accusation}`)).statusCode).toBe(403);
  });

  it('may be added by the lead during handling, at most five in all, and the petitioner reads which bodies take part', async () => {
    day('2026-03-05');
    const id = await register({ title: '企业改制职工安置和住房问题' });
    await ok('clerk', id, 'forward', { targetOrgId: hrss });
    await refused(409, 'TRANSITION_NOT_ALLOWED', 'hrss.handler', id, 'add-co-handlers', { coOrgIds: [housing] });
    await ok('hrss.handler', id, 'accept');
    expect((await (await t.as('hrss.handler')).get(`/api/v1/cases/${id}`)).json().availableActions).toContain('add_co_handlers');
    // not the lead itself, not an unknown body, not from a body outside the matter
    await refused(422, 'CO_HANDLER_INVALID', 'hrss.handler', id, 'add-co-handlers', { coOrgIds: [hrss] });
    await refused(422, 'CO_HANDLER_INVALID', 'hrss.handler', id, 'add-co-handlers', { coOrgIds: [999_999] });
    await refused(400, 'VALIDATION_FAILED', 'hrss.handler', id, 'add-co-handlers', { coOrgIds: [] });
    await refused(403, 'OUT_OF_SCOPE', 'housing.handler', id, 'add-co-handlers', { coOrgIds: [housing] });

    const added = await ok('hrss.handler', id, 'add-co-handlers', { coOrgIds: [housing], reason: '涉及职工安置房' });
    expect(added).toMatchObject({ state: 'handling', coOrgIds: [housing] });
    expect(await queue('housing.handler', 'co_handling')).toContain(id);
    const asCo = (await (await t.as('housing.handler')).get(`/api/v1/cases/${id}`)).json();
    expect(asCo.availableActions).toEqual(['contribute']);
    // once taking part, not again; five in all at most
    await refused(422, 'CO_HANDLER_INVALID', 'hrss.handler', id, 'add-co-handlers', { coOrgIds: [housing] });
    const others = (await t.ctx.db.selectFrom('organisations').select('id').where('kind', '=', 'department').where('id', 'not in', [hrss, housing]).orderBy('id').limit(5).execute()).map((o) => o.id);
    expect(others).toHaveLength(5);
    await refused(422, 'CO_HANDLER_INVALID', 'hrss.handler', id, 'add-co-handlers', { coOrgIds: others });
    expect((await ok('hrss.handler', id, 'add-co-handlers', { coOrgIds: others.slice(0, 4) })).coOrgIds).toEqual([housing, ...others.slice(0, 4)]);

    await ok('housing.handler', id, 'contribute', { text: '安置房已分配，附清单。' });
    await ok('hrss.handler', id, 'answer', { outcome: 'explained', text: '已作解释。' });
    const doc = (await (await t.as('hrss.handler')).get(`/api/v1/cases/${id}/documents/opinion`)).json();
    expect(doc.paragraphs[0]).toContain('经会同县住房和城乡建设局');

    // the petitioner reads which bodies take part, not the lead's note
    const milestones = (await petitionerView(t, id)).milestones as { type: string; coOrgNames?: string[]; reason?: string }[];
    const first = milestones.find((m) => m.type === 'add_co_handlers')!;
    expect(first.coOrgNames).toEqual(['县住房和城乡建设局']);
    expect(first.reason).toBeUndefined();
    expect(milestones.filter((m) => m.type === 'add_co_handlers')).toHaveLength(2);
  });

  it('are dropped when the receiver objects, and a body not taking part sees nothing', async () => {
    day('2026-03-04');
    const id = await register();
    await ok('clerk', id, 'forward', { targetOrgId: hrss, coOrgIds: [housing] });
    const back = await ok('hrss.handler', id, 'object', { reason: '不属于本单位职责' });
    expect(back).toMatchObject({ state: 'registered', coOrgIds: [], acceptanceDisputed: true });
    expect((await (await t.as('housing.handler')).get(`/api/v1/cases/${id}`)).statusCode).toBe(403);
    expect(await queue('housing.handler', 'co_handling')).not.toContain(id);
  });
});

describe('a disputed acceptance is decided by the common superior (指定受理)', () => {
  it('only after a receiver objected; the designated body has 15 days to accept and may not object', async () => {
    day('2026-03-05');
    const id = await register({ title: '企业改制职工安置和社保接续问题' });
    const actionsOf = async (who: string) => (await (await t.as(who)).get(`/api/v1/cases/${id}`)).json().availableActions as string[];
    expect(await actionsOf('supervisor')).not.toContain('designate');
    await refused(422, 'NO_ACCEPTANCE_DISPUTE', 'supervisor', id, 'designate', { targetOrgId: hrss, reason: '协商不成' });

    await ok('clerk', id, 'forward', { targetOrgId: hrss });
    await ok('hrss.handler', id, 'object', { reason: '职工安置属住建部门' });
    await ok('clerk', id, 'forward', { targetOrgId: housing });
    await ok('housing.handler', id, 'object', { reason: '社保接续属人社部门' });
    expect(await actionsOf('supervisor')).toContain('designate');

    // the clerk routes, but designating is the superior's; a receiver in dispute is not a superior
    await refused(403, 'ROLE_NOT_ALLOWED', 'clerk', id, 'designate', { targetOrgId: hrss, reason: '协商不成' });
    await refused(403, 'OUT_OF_SCOPE', 'hrss.head', id, 'designate', { targetOrgId: hrss, reason: '协商不成' });
    await refused(422, 'CO_HANDLER_INVALID', 'supervisor', id, 'designate', { targetOrgId: hrss, reason: '协商不成', coOrgIds: [housing, hrss] });
    await refused(400, 'VALIDATION_FAILED', 'supervisor', id, 'designate', { targetOrgId: hrss });

    day('2026-03-06');
    const d = await ok('supervisor', id, 'designate', { targetOrgId: hrss, reason: '经县政府协调，由县人社局主办，县住建局协办', coOrgIds: [housing] });
    expect(d).toMatchObject({ state: 'awaiting_acceptance', currentOrgId: hrss, routeKind: 'designate', coOrgIds: [housing], acceptanceDisputed: true });
    expect(d.designatedByOrgId).toBe((await caseRow(id)).designated_by_org_id);
    expect(d.clocks.find((c: { name: string }) => c.name === 'objection')).toBeUndefined();
    expect(d.clocks.find((c: { name: string }) => c.name === 'accept').due).toBe('2026-03-21');

    expect(await actionsOf('hrss.handler')).toEqual(expect.arrayContaining(['accept', 'decline', 'divert']));
    expect(await actionsOf('hrss.handler')).not.toContain('object');
    await refused(422, 'ACCEPTANCE_DESIGNATED', 'hrss.handler', id, 'object', { reason: '仍不属于本单位' });
    expect(await queue('hrss.handler', 'to_accept')).toContain(id);
    const accepted = await ok('hrss.handler', id, 'accept');
    expect(accepted.state).toBe('handling');
    expect(accepted.availableActions).not.toContain('contribute');
    expect((await (await t.as('housing.handler')).get(`/api/v1/cases/${id}`)).json().availableActions).toEqual(['contribute']);

    // the designation is on record with its reason for staff; the petitioner is told only who accepts
    const events = (await (await t.as('supervisor')).get(`/api/v1/cases/${id}/events`)).json().events as { type: string; data: Record<string, unknown>; isPublic: boolean }[];
    expect(events.find((e) => e.type === 'designate')).toMatchObject({ isPublic: true, data: { targetOrgName: '县人力资源和社会保障局', reason: '经县政府协调，由县人社局主办，县住建局协办' } });

    // the designated body gets the superior's notice; the two forwarding sheets no longer stand
    const supervisor = await t.as('supervisor');
    const notice = await supervisor.get(`/api/v1/cases/${id}/documents/designation-notice`);
    expect(notice.statusCode, notice.body).toBe(200);
    const n = notice.json();
    expect(n).toMatchObject({ title: '信访事项指定受理通知', issuer: '清河县信访局', addressee: '县人力资源和社会保障局：' });
    expect(n.number).toMatch(/^信指〔2026〕\d+号$/);
    expect(n.fields).toEqual(expect.arrayContaining([{ label: '受理单位', value: '县人力资源和社会保障局' }, { label: '协办单位', value: '县住房和城乡建设局' }]));
    const text = (n.paragraphs as string[]).join('');
    expect(text).toContain('第二十四条');
    expect(text).toContain('指定由你单位受理，县住房和城乡建设局协同办理');
    expect(text).toContain('不再提出异议');
    expect(text).toContain('指定理由：经县政府协调，由县人社局主办，县住建局协办。');
    expect((await (await t.as('hrss.handler')).get(`/api/v1/cases/${id}/documents/designation-notice`)).statusCode).toBe(200);
    expect((await supervisor.get(`/api/v1/cases/${id}/documents/forward-sheet`)).json().error.code).toBe('DOCUMENT_NOT_AVAILABLE');
  });

  it('a body whose area does not cover every body in dispute may not designate; the one above both does', async () => {
    day('2026-03-09');
    const id = await register();
    await ok('clerk', id, 'forward', { targetOrgId: hrss });
    await ok('hrss.handler', id, 'object', { reason: '不属于本单位职责' });
    await ok('clerk', id, 'forward', { targetOrgId: city });
    await ok('city.handler', id, 'object', { reason: '应由县级办理' });
    // the county bureau's area is the county: the city government is outside it
    await refused(403, 'NOT_COMMON_SUPERIOR', 'supervisor', id, 'designate', { targetOrgId: hrss, reason: '由县人社局办理' });
    // the city's leader is above both; the body designated must be in their area too
    const d = await ok(cityLeader, id, 'designate', { targetOrgId: hrss, reason: '市政府协调：属县级事权，由县人社局受理' });
    expect(d).toMatchObject({ state: 'awaiting_acceptance', currentOrgId: hrss });
    expect((await caseRow(id)).designated_by_org_id).toBe(city);
  });
});
