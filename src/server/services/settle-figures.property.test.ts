// Property: after any random sequence of registrations (new, repeat, added submissions), lifecycle
// actions, supervision answers, deadline sweeps, rollup folds and clock jumps, the rollups kept up
// to date in each transaction (folded or still deltas) equal (1) a rebuild from the cases and (2) a
// plain-SQL recount of the figures.
import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { addCalendarDays, localDate } from '../../domain/calendar.ts';
import { ACTIONS, type Action } from '../../domain/lifecycle.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';
import { buildPerson, buildRegistration, orgId } from '../test/factories.ts';
import { sweepDeadlines } from '../jobs/sweep-deadlines.ts';
import { foldRollups } from '../jobs/fold-rollup-deltas.ts';
import { actionPath } from '../routes/case-actions.ts';
import { recountFigures, rollupTotalsByKey } from '../repositories/stats.ts';
import { rebuildRollups } from './rebuild-rollups.ts';
import { computeFigures } from './compute-figures.ts';
import { loadActor } from '../policies/scope.ts';
import { settleFigures } from './settle-figures.ts';

const USERS = ['clerk', 'supervisor', 'leader', 'hrss.handler', 'hrss.head', 'county.handler', 'city.handler'] as const;
const ROLE_OF: Record<(typeof USERS)[number], string> = {
  clerk: 'clerk', supervisor: 'supervisor', leader: 'leader', 'hrss.handler': 'handler', 'hrss.head': 'leader', 'county.handler': 'handler', 'city.handler': 'handler',
};
const PROGRESS: Action[] = ['forward', 'accept', 'request_extension', 'approve_extension', 'answer', 'deliver', 'mediate', 'evaluate', 'request_review', 'decide_review', 'redo', 'request_re_review', 'decide_re_review', 'redo_re_review'];
const ACTIONS_TRIED = (Object.keys(ACTIONS) as Action[]).filter((a) => a !== 'add_submission');

let t: TestApp;
const clients = new Map<string, Client>();
let hrss = 0, county = 0;
beforeAll(async () => {
  t = await startTestApp('2025-12-20T09:00:00+08:00');
  for (const u of USERS) clients.set(u, await t.as(u));
  hrss = await orgId(t, '县人力资源和社会保障局');
  county = await orgId(t, '清河县人民政府');
});
afterAll(async () => t.close());

function bodyFor(action: Action, today: string, n: number): Record<string, unknown> {
  const rating = (['satisfied', 'basically_satisfied', 'dissatisfied'] as const);
  switch (action) {
    case 'forward': case 'assign': return { targetOrgId: hrss };
    case 'divert': return { procedure: 'litigation', reason: '属于民事纠纷', properChannel: '人民法院' };
    case 'decline': return { reason: '不属于信访事项', properChannel: '向有关部门反映' };
    case 'object': case 'reject_extension': case 'send_back': return { reason: '理由' };
    case 'request_extension': return { days: 1 + (n % 30), reason: '情况复杂' };
    case 'end_hearing': return { summary: '听证结束' };
    case 'answer': return { outcome: 'upheld', text: '处理意见' };
    case 'mediate': return { agreement: '和解协议' };
    case 'evaluate': return { bureauRating: rating[n % 3], bodyRating: rating[(n >> 2) % 3] };
    case 'request_review': case 'request_re_review': return { reason: '不服' };
    case 'decide_review': return { outcome: (['maintained', 'changed'] as const)[n % 2], text: '决定' };
    case 'decide_re_review': return { outcome: (['maintained', 'changed'] as const)[n % 2], text: '决定' };
    case 'redo': case 'redo_re_review': return { text: '撤销原处理意见', ...(n % 2 === 0 && { dueOn: addCalendarDays(today, 10 + (n % 40)) }) };
    case 'supervise': case 'instruct': return { text: '请依法办理' };
    case 'own': return { plan: '专班', closingStandard: '化解', dueOn: addCalendarDays(today, 20) };
    case 'follow_up': return { summary: '回访' };
    case 'report_urgent': return { text: '可能聚集' };
    default: return {};
  }
}

const commandArb = fc.record({
  kind: fc.constantFrom('act', 'act', 'act', 'act', 'act', 'act', 'act', 'act', 'register', 'repeat', 'sweep', 'answerNotice'),
  target: fc.nat(20),
  advance: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 10, max: 40 }) }),
  n: fc.nat(1000),
  channel: fc.constantFrom('letter', 'visit', 'online', 'phone'),
  headcount: fc.integer({ min: 1, max: 9 }),
});

it('keeps every rollup equal to a rebuild and to a recount after random event sequences', async () => {
  const supervisor = await loadActor(t.ctx.db, { username: 'clerk' });
  const countyPath = (await t.ctx.db.selectFrom('organisations').select('path').where('id', '=', county).executeTakeFirstOrThrow()).path;
  const hrssPath = (await t.ctx.db.selectFrom('organisations').select('path').where('id', '=', hrss).executeTakeFirstOrThrow()).path;
  const caseIds: number[] = [];
  const person = buildPerson();
  /** (2) a plain recount equals the figures, for the county with its subtree and the department
   *  alone; (1) the incremental rollups equal a rebuild from scratch. */
  async function verify() {
    // (2) a plain recount from the cases, for the county with its subtree and the department alone
    const today = localDate(t.clock.now());
    for (const [path, tree, orgIdQ] of [[countyPath, true, county], [hrssPath, false, hrss]] as const) {
      for (const from of [`${today.slice(0, 4)}-01-01`, `${Number(today.slice(0, 4)) - 1}-01-01`]) {
        const recount = await recountFigures(t.ctx.db, path, tree, from, `${from.slice(0, 4)}-12-31`, today);
        const f = await computeFigures(t.ctx, supervisor, { orgId: orgIdQ, subtree: tree, period: 'year', from });
        for (const [k, v] of Object.entries(recount)) {
          const got = k === 'satisfiedOrBasicBody' ? (f.figures.satisfiedBody.value ?? 0) + (f.figures.basicallySatisfiedBody.value ?? 0)
            : k === 'openNow' || k === 'overdueNow' ? f.now[k] : f.figures[k as keyof typeof f.figures].value;
          expect(got, `${k} ${path} ${from}`).toBe(v);
        }
        // 受理率 and 办结率 from the recounted figures
        const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
        expect(f.figures.acceptanceRate.value, `acceptanceRate ${path} ${from}`).toBe(ratio(recount.accepted!, recount.accepted! + recount.declined! + recount.diverted!));
        expect(f.figures.completionRate.value, `completionRate ${path} ${from}`).toBe(ratio(recount.acceptedConcluded!, recount.accepted!));
        expect(recount.acceptedConcluded!, `acceptedConcluded ${path} ${from}`).toBeLessThanOrEqual(recount.accepted!);
      }
  }
  // (1) the incremental rollups equal a rebuild from scratch
  const incremental = await rollupTotalsByKey(t.ctx.db);
  await rebuildRollups(t.ctx.db);
  expect(await rollupTotalsByKey(t.ctx.db)).toEqual(incremental);
  }
  await fc.assert(fc.asyncProperty(fc.array(commandArb, { minLength: 6, maxLength: 25 }), async (drawn) => {
    // every run opens with a skip-level collective visit (n = 0: the known petitioner, to the
    // province; 9 people), so the figures that need one are always reached
    const commands = [{ kind: 'register', target: 0, advance: 0, n: 0, channel: 'visit', headcount: 9 } as (typeof drawn)[number], ...drawn];
    for (const cmd of commands) {
      t.clock.advanceDays(cmd.advance);
      t.clock.advanceMs((cmd.n % 5) * 3_600_000);
      const today = localDate(t.clock.now());
      // mostly the latest few cases, so they travel far along their lifecycle
      const pick = caseIds.length ? caseIds[caseIds.length - 1 - (cmd.target % Math.min(caseIds.length, 3))]! : null;
      if (cmd.kind === 'register' || pick === null) {
        const res = await clients.get('clerk')!.post('/api/v1/cases', await buildRegistration(t, {
          channel: cmd.channel, headcount: cmd.headcount, ...(cmd.n % 3 === 0 && { petitioner: person }), ...(cmd.n % 5 === 0 && { levelReached: 'province' }),
        }));
        expect(res.statusCode, res.body).toBe(201);
        caseIds.push(res.json().caseId);
      } else if (cmd.kind === 'repeat') {
        // staff add a submission to a case (on an open one) or register a repeat of it
        const res = await clients.get('clerk')!.post('/api/v1/cases', await buildRegistration(t, { channel: cmd.channel, headcount: cmd.headcount, repeatOfCaseId: pick }));
        expect(res.statusCode, res.body).toBeLessThan(500);
        if (res.statusCode === 201 && !caseIds.includes(res.json().caseId)) caseIds.push(res.json().caseId);
      } else if (cmd.kind === 'sweep') {
        await sweepDeadlines(t.ctx);
      } else if (cmd.kind === 'answerNotice') {
        const open = (await clients.get('supervisor')!.get('/api/v1/supervision?status=open')).json() as { id: number }[];
        if (open.length) await clients.get('hrss.handler')!.post(`/api/v1/supervision/${open[cmd.n % open.length]!.id}/answer`, { text: '已办理' });
      } else {
        const c = await t.ctx.db.selectFrom('cases').select(['state', 'version']).where('id', '=', pick).executeTakeFirstOrThrow();
        const offered = ACTIONS_TRIED.filter((a) => (ACTIONS[a].from as readonly string[]).includes(c.state));
        if (!offered.length) continue;
        // mostly move the case forward (else most cases end declined or archived early)
        const forward = offered.filter((a) => PROGRESS.includes(a));
        const action = forward.length && cmd.n % 4 !== 0 ? forward[cmd.n % forward.length]! : offered[cmd.n % offered.length]!;
        const able = USERS.filter((u) => (ACTIONS[action].roles as readonly string[]).includes(ROLE_OF[u]));
        if (!able.length) continue;
        const user = able[Math.floor(cmd.n / 7) % able.length]!;
        const res = await clients.get(user)!.post(`/api/v1/cases/${pick}/${actionPath(action)}`, { version: c.version, ...bodyFor(action, today, cmd.n) });
        expect(res.statusCode, res.body).toBeLessThan(500);
      }
      // now and then the rollup fold, in small batches, so it may stop part-way and leave deltas;
      // now and then a settle of a few queued cases only, so some stay queued for the next one
      if (cmd.target % 4 === 0) await foldRollups(t.ctx.db, 1 + (cmd.n % 40), 1 + (cmd.n % 3));
      else if (cmd.target % 4 === 1) await settleFigures(t.ctx.db, 1, 1 + (cmd.n % 3));
    }
    await verify();
  }), { numRuns: 10 });
  // one case the whole way through rating and review, so those figures are always exercised too
  const step = async (user: string, id: number, action: string, body: object = {}) => {
    const cur = (await clients.get(user)!.get(`/api/v1/cases/${id}`)).json() as { version: number };
    const res = await clients.get(user)!.post(`/api/v1/cases/${id}/${action}`, { version: cur.version, ...body });
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  };
  const reg = await clients.get('clerk')!.post('/api/v1/cases', await buildRegistration(t, {}));
  expect(reg.statusCode, reg.body).toBe(201);
  const id = reg.json().caseId as number;
  await step('clerk', id, 'forward', { targetOrgId: hrss });
  await step('hrss.handler', id, 'accept');
  await step('hrss.handler', id, 'answer', { outcome: 'not_upheld', text: '不予支持' });
  await step('hrss.handler', id, 'deliver');
  await step('clerk', id, 'evaluate', { bureauRating: 'satisfied', bodyRating: 'dissatisfied' });
  await step('clerk', id, 'request-review', { reason: '不服' });
  await step('county.handler', id, 'decide-review', { outcome: 'changed', text: '变更' });
  await verify();
  // the runs reached the figures that matter (not only registrations)
  const metrics = (await t.ctx.db.selectFrom('stats_case_contrib').select('metric').distinct().execute()).map((r) => r.metric);
  for (const m of ['sub', 'sub_rep', 'sub_coll', 'sub_skip', 'acc', 'ans', 'concl', 'evb', 'evh', 'rv']) expect(metrics).toContain(m);
}, 600_000);
