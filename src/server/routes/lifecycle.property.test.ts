// Model-based property test through the real HTTP API: random sequences of actions by random users,
// with clock jumps, against one case each run. The state machine (a pure model) predicts every
// accepted transition; a refused command changes nothing; due dates move only with an event that
// owns them, and the event records exactly the dues it moved.
import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { ERRORS, AppError, type ErrorCode } from '../../shared/errors.ts';
import { addCalendarDays, localDate } from '../../domain/calendar.ts';
import { ACTIONS, CLOCKS, planTransition, type Action } from '../../domain/lifecycle.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';
import { buildRegistration, orgId } from '../test/factories.ts';
import { duesOf } from '../repositories/cases.ts';
import { snapshotOf } from '../services/transition-case.ts';
import { readRules } from '../services/load-rules.ts';
import { sweepDeadlines } from '../jobs/sweep-deadlines.ts';
import { actionPath } from './case-actions.ts';
import type { CaseRow } from '../db/schema.ts';

const USERS = ['clerk', 'supervisor', 'leader', 'hrss.handler', 'hrss.head', 'county.handler', 'city.handler', 'housing.handler'] as const;
const ACTIONS_TRIED = (Object.keys(ACTIONS) as Action[]).filter((a) => a !== 'add_submission');

let t: TestApp;
const clients = new Map<string, Client>();
let hrss = 0;
let housing = 0;
beforeAll(async () => {
  t = await startTestApp('2026-01-05T09:00:00+08:00');
  for (const u of USERS) clients.set(u, await t.as(u));
  hrss = await orgId(t, '县人力资源和社会保障局');
  housing = await orgId(t, '县住房和城乡建设局');
});
afterAll(async () => t.close());

function bodyFor(action: Action, today: string, n: number): Record<string, unknown> {
  switch (action) {
    // some routings name the other body as co-handling (Art 24)
    case 'forward': case 'assign': case 'designate': {
      const target = n % 3 === 0 ? housing : hrss;
      return { targetOrgId: target, ...(n % 2 === 0 && { coOrgIds: [target === hrss ? housing : hrss] }), ...(action === 'designate' && { reason: '协商不成，指定受理' }) };
    }
    case 'contribute': return { text: '协办意见' };
    case 'add_co_handlers': return { coOrgIds: [n % 2 === 0 ? housing : hrss] };
    case 'divert': return { procedure: 'litigation', reason: '属于民事纠纷', properChannel: '人民法院' };
    case 'decline': return { reason: '不属于信访事项', properChannel: '向有关部门反映' };
    case 'object': case 'reject_extension': case 'send_back': return { reason: '理由' };
    case 'request_extension': return { days: 1 + (n % 40), reason: '情况复杂' };
    case 'end_hearing': return { summary: '听证结束' };
    case 'answer': return { outcome: (['upheld', 'explained', 'not_upheld'] as const)[n % 3], text: '处理意见' };
    case 'mediate': return { agreement: '和解协议' };
    case 'deliver': return n % 4 === 0 ? { deliveredOn: addCalendarDays(today, -1) } : {};
    case 'evaluate': return { bureauRating: 'satisfied', bodyRating: 'basically_satisfied' };
    case 'request_review': case 'request_re_review': return { reason: '不服' };
    case 'decide_review': case 'decide_re_review': return { outcome: n % 5 === 0 ? 'changed' : 'maintained', text: '维持' };
    case 'redo': case 'redo_re_review': return n % 2 === 0 ? { text: '撤销原处理意见' } : { text: '撤销原处理意见', dueOn: addCalendarDays(today, n % 70) };
    case 'supervise': case 'instruct': return { text: '请依法办理' };
    case 'own': return { plan: '专班', closingStandard: '化解', dueOn: addCalendarDays(today, 20) };
    case 'follow_up': return { summary: '回访' };
    case 'report_urgent': return { text: '群众情绪激动，可能聚集' };
    default: return {};
  }
}

const commandArb = fc.record({
  action: fc.constantFrom(...ACTIONS_TRIED),
  user: fc.constantFrom(...USERS),
  advance: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 10, max: 35 })),
  stale: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  n: fc.nat(1000),
  sweep: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  // most commands are steered: an action the state offers, by a user whose role may take it
  steer: fc.integer({ min: 0, max: 3 }).map((n) => n !== 0),
});
const ROLE_OF: Record<(typeof USERS)[number], string> = {
  clerk: 'clerk', supervisor: 'supervisor', leader: 'leader', 'hrss.handler': 'handler', 'hrss.head': 'leader', 'county.handler': 'handler',
  'city.handler': 'handler', 'housing.handler': 'handler',
};

const caseRow = async (id: number) => t.ctx.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow() as Promise<CaseRow>;
const eventsOf = async (id: number) => t.ctx.db.selectFrom('case_events').select(['id', 'type', 'data']).where('case_id', '=', id).orderBy('id').execute();
const data = (d: unknown) => (typeof d === 'string' ? JSON.parse(d) : d) as Record<string, any>;

it('keeps the case consistent with the state machine under random commands, users and clock jumps', async () => {
  let runs = 0;
  let accepted = 0;
  await fc.assert(fc.asyncProperty(fc.boolean(), fc.array(commandArb, { minLength: 4, maxLength: 16 }), async (viaHandler, commands) => {
    runs++;
    t.clock.set('2026-01-05T09:00:00+08:00');
    // at the bureau (to be routed) or directly at the handling body (to be accepted)
    const registrar = viaHandler ? clients.get('hrss.handler')! : clients.get('clerk')!;
    const reg = await registrar.post('/api/v1/cases', await buildRegistration(t));
    expect(reg.statusCode, reg.body).toBe(201);
    const id = reg.json().caseId as number;
    for (const cmd of commands) {
      t.clock.advanceDays(cmd.advance);
      t.clock.advanceMs((cmd.n % 24) * 3_600_000 - 12 * 3_600_000); // any hour of the day
      if (cmd.sweep) {
        const before = await caseRow(id);
        await sweepDeadlines(t.ctx);
        const after = await caseRow(id);
        expect(duesOf(after)).toEqual(duesOf(before)); // the sweep never moves a due date
        expect(after.state).toBe(before.state);
      }
      const before = await caseRow(id);
      const evBefore = await eventsOf(id);
      const today = localDate(t.clock.now());
      let { action, user } = cmd;
      if (cmd.steer) {
        const offered = ACTIONS_TRIED.filter((a) => (ACTIONS[a].from as readonly string[]).includes(before.state));
        if (offered.length) action = offered[cmd.n % offered.length]!;
        const able = USERS.filter((u) => (ACTIONS[action].roles as readonly string[]).includes(ROLE_OF[u]));
        if (able.length) user = able[Math.floor(cmd.n / 7) % able.length]!;
      }
      const body: Record<string, unknown> = { version: cmd.stale ? before.version - 1 || before.version + 1 : before.version, ...bodyFor(action, today, cmd.n) };
      const res = await clients.get(user)!.post(`/api/v1/cases/${id}/${actionPath(action)}`, body);
      const label = `${user} ${action} in ${before.state} on ${today}: ${res.body.slice(0, 200)}`;
      const after = await caseRow(id);
      const evAfter = await eventsOf(id);
      if (res.statusCode >= 400) {
        expect(res.statusCode, label).toBeLessThan(500);
        const code = res.json().error.code as ErrorCode;
        expect(ERRORS[code]?.[0], label).toBe(res.statusCode);
        // refused: nothing changed
        expect({ ...after, updated_at: null }, label).toEqual({ ...before, updated_at: null });
        expect(evAfter.length, label).toBe(evBefore.length);
        continue;
      }
      accepted++;
      expect(res.statusCode, label).toBe(200);
      expect(cmd.stale, label).toBe(false);
      // the pure model predicts the accepted transition
      const rules = { today, ...(await readRules(t.ctx.db)) };
      let plan;
      try {
        plan = planTransition(snapshotOf(before), action, { days: body.days as number | undefined, deliveredOn: body.deliveredOn as string | undefined, dueOn: action === 'redo' || action === 'redo_re_review' ? body.dueOn as string | undefined : undefined }, rules);
      } catch (e) {
        throw new Error(`server accepted what the model refuses (${e instanceof AppError ? e.code : String(e)}): ${label}`);
      }
      expect(after.state, label).toBe(plan.to);
      expect(duesOf(after), label).toEqual(plan.dues);
      expect(after.version, label).toBe(before.version + 1);
      expect(res.json().version, label).toBe(after.version);
      // exactly one event, of this action, recording exactly the dues it moved
      expect(evAfter.length, label).toBe(evBefore.length + 1);
      const ev = evAfter[evAfter.length - 1]!;
      expect(ev.type, label).toBe(action);
      const moved = CLOCKS.filter((c) => duesOf(after)[c] !== duesOf(before)[c]);
      for (const c of moved) expect(ACTIONS[action].clocks as readonly string[], `${label} moved ${c}`).toContain(c);
      expect(Object.keys(data(ev.data).dues ?? {}).sort(), label).toEqual([...moved].sort());
    }
  }), { numRuns: 30, endOnFailure: true });
  expect(runs).toBe(30);
  expect(accepted).toBeGreaterThan(60); // the runs got somewhere
});
