// Properties of the state machine: every action is well formed, no command sequence leaves the
// known states, and no clock moves except through an action that owns it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ROLES } from '../shared/enums.ts';
import { AppError } from '../shared/errors.ts';
import { addCalendarDays, createWorkCalendar } from './calendar.ts';
import { DEFAULT_PROFILE } from './deadlines.ts';
import {
  ACTIONS, ACTION_NAMES, CLOCKS, EMPTY_DUES, OPEN_STATES, RUNNING_CLOCK, STATES, TERMINAL_STATES, availableActions, initialDues,
  isActionAvailable, isOffered, isRoleAllowed, planTransition, runningDue, type Action, type CaseSnapshot, type CaseState, type TransitionContext,
} from './lifecycle.ts';

const calendar = createWorkCalendar([
  { date: '2026-10-01', kind: 'holiday' }, { date: '2026-10-02', kind: 'holiday' }, { date: '2026-10-05', kind: 'holiday' },
  { date: '2026-10-10', kind: 'workday' },
]);
const ctxOn = (today: string): TransitionContext => ({ today, profile: DEFAULT_PROFILE, calendar });
const PRINCIPALS = [...ROLES, 'petitioner'] as const;

function freshSnapshot(atBureau: boolean, today: string): CaseSnapshot {
  const { state, dues } = initialDues(atBureau, today, ctxOn(today));
  return { state, dues, extensionStatus: 'none', extensionDays: null, hearingStartedOn: null, routeKind: null, isEvaluatedAtStage: false, disputed: false, designated: false };
}

function apply(s: CaseSnapshot, plan: ReturnType<typeof planTransition>): CaseSnapshot {
  return { ...s, ...plan.changes, state: plan.to, dues: plan.dues };
}

describe('the action table', () => {
  it('names only known states, roles and clocks', () => {
    for (const [name, def] of Object.entries(ACTIONS)) {
      expect(def.from.length, name).toBeGreaterThan(0);
      for (const s of def.from) expect(STATES, name).toContain(s);
      if (def.to !== 'same') expect(STATES, name).toContain(def.to);
      expect(def.roles.length, name).toBeGreaterThan(0);
      for (const r of def.roles) expect(PRINCIPALS as readonly string[], name).toContain(r);
      for (const c of def.clocks) expect(CLOCKS, name).toContain(c);
      expect(def.label[0].length * def.label[1].length, name).toBeGreaterThan(0);
    }
  });

  it('never lets the administrator fire a lifecycle action (administration is not casework)', () => {
    for (const a of ACTION_NAMES) expect(isRoleAllowed(a, 'admin'), a).toBe(false);
  });

  it('has no way out of a terminal state and a way out of every other state', () => {
    for (const s of STATES) {
      const outgoing = ACTION_NAMES.filter((a) => isActionAvailable(a, s) && ACTIONS[a].to !== 'same');
      if (TERMINAL_STATES.includes(s)) expect(outgoing, s).toEqual([]);
      else expect(outgoing.length, s).toBeGreaterThan(0);
    }
  });

  it('reaches every state from registration', () => {
    const seen = new Set<CaseState>(['registered', 'awaiting_acceptance']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const a of ACTION_NAMES) {
        const to = ACTIONS[a].to;
        if (to === 'same' || seen.has(to)) continue;
        if (ACTIONS[a].from.some((f) => seen.has(f))) { seen.add(to); grew = true; }
      }
    }
    expect([...seen].sort()).toEqual([...STATES].sort());
  });

  it('keeps a running clock for every open state, and none once the matter left the staff', () => {
    for (const s of STATES) {
      if (OPEN_STATES.includes(s)) expect(RUNNING_CLOCK[s], s).not.toBeNull();
      else expect(RUNNING_CLOCK[s], s).toBeNull();
    }
  });

  it('gives the petitioner only the acts [T22] leaves to the petitioner (rate, ask for review, add a submission)', () => {
    const petitionerActs = ACTION_NAMES.filter((a) => isRoleAllowed(a, 'petitioner')).sort();
    expect(petitionerActs).toEqual(['add_submission', 'evaluate', 'request_re_review', 'request_review']);
  });
});

describe('availableActions', () => {
  it('is exactly the actions whose state and role allow them, and planTransition agrees on the state', () => {
    fc.assert(fc.property(fc.constantFrom(...STATES), fc.constantFrom(...PRINCIPALS), (state, role) => {
      const listed = availableActions(state, role);
      for (const a of ACTION_NAMES) {
        const expected = isActionAvailable(a, state) && isRoleAllowed(a, role);
        expect(listed.includes(a)).toBe(expected);
        const snap = { ...freshSnapshot(true, '2026-03-02'), state };
        let code: string | null = null;
        try { planTransition(snap, a, { days: 10 }, ctxOn('2026-03-02')); } catch (e) { code = e instanceof AppError ? e.code : `plain ${String(e)}`; }
        expect(code === 'TRANSITION_NOT_ALLOWED', `${a} from ${state}`).toBe(!isActionAvailable(a, state));
      }
    }), { numRuns: 200 });
  });
});

// A command: an action with its parameters, after some days passed.
const commandArb = fc.record({
  action: fc.constantFrom(...ACTION_NAMES),
  // most commands pick among the actions the current state offers, so runs get deep into the lifecycle
  pick: fc.option(fc.nat(), { freq: 1, nil: undefined }).map((n) => n),
  advance: fc.integer({ min: 0, max: 40 }),
  days: fc.oneof(fc.integer({ min: -5, max: 45 }), fc.constant(undefined)),
  deliveredBack: fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 3 })),
});

describe('any sequence of commands', () => {
  it('stays in the known states, refuses only with catalogue codes and moves each clock only through its action', () => {
    fc.assert(fc.property(
      fc.boolean(), fc.integer({ min: 0, max: 400 }), fc.array(commandArb, { minLength: 1, maxLength: 40 }),
      (atBureau, startOffset, commands) => {
        let today = addCalendarDays('2026-01-01', startOffset);
        let s = freshSnapshot(atBureau, today);
        for (const cmd of commands) {
          today = addCalendarDays(today, cmd.advance);
          const offered = ACTION_NAMES.filter((a) => isActionAvailable(a, s.state));
          const action = cmd.pick === undefined ? cmd.action : offered[cmd.pick % offered.length]!;
          const params = { days: cmd.days, deliveredOn: cmd.deliveredBack === undefined ? undefined : addCalendarDays(today, -cmd.deliveredBack) };
          let plan: ReturnType<typeof planTransition>;
          try {
            plan = planTransition(s, action, params, ctxOn(today));
          } catch (e) {
            // refusals are catalogue errors; a plain Error means a clock moved that the action does not own
            expect(e, `${action} from ${s.state}: ${String(e)}`).toBeInstanceOf(AppError);
            continue;
          }
          const def = ACTIONS[action];
          expect(STATES).toContain(plan.to);
          expect((def.from as readonly string[]).includes(s.state)).toBe(true);
          expect(plan.to).toBe(def.to === 'same' ? s.state : def.to);
          for (const c of CLOCKS) {
            if (plan.dues[c] !== s.dues[c]) {
              expect((def.clocks as readonly string[]), `${action} moved ${c}`).toContain(c);
              // a clock an act starts runs from that act (delivery may be dated a few days back)
              const moves = action === 'approve_extension' || action === 'end_hearing';
              if (plan.dues[c] !== null && !moves) expect(plan.dues[c]! >= addCalendarDays(today, -3), `${action} ${c}`).toBe(true);
            }
          }
          s = apply(s, plan);
          // a hearing can only be open while the matter is being handled or reviewed
          if (s.hearingStartedOn) expect(['handling', 'reviewing', 're_reviewing'], `hearing open in ${s.state}`).toContain(s.state);
          // a pending or approved extension carries its days
          if (s.extensionStatus === 'requested') expect(s.extensionDays).toBeGreaterThan(0);
          if (RUNNING_CLOCK[s.state]) expect(runningDue(s.state, s.dues), `running clock of ${s.state}`).not.toBeNull();
        }
      },
    ), { numRuns: 400 });
  });

  it('grants at most one extension per case, of at most 30 days', () => {
    fc.assert(fc.property(fc.array(fc.record({
      action: fc.constantFrom<Action>('request_extension', 'approve_extension', 'reject_extension', 'start_hearing', 'end_hearing'),
      days: fc.integer({ min: 0, max: 60 }), advance: fc.integer({ min: 0, max: 5 }),
    }), { maxLength: 20 }), (commands) => {
      let today = '2026-03-02';
      const start = freshSnapshot(false, today);
      let s = apply(start, planTransition(start, 'accept', {}, ctxOn(today)));
      const originalDue = s.dues.answer!;
      let approvals = 0;
      let hearingDays = 0;
      for (const cmd of commands) {
        today = addCalendarDays(today, cmd.advance);
        try {
          const before = s;
          s = apply(s, planTransition(s, cmd.action, { days: cmd.days }, ctxOn(today)));
          if (cmd.action === 'approve_extension') approvals++;
          if (cmd.action === 'end_hearing') hearingDays += Math.round((Date.parse(today) - Date.parse(before.hearingStartedOn!)) / 86_400_000) + 1;
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
        }
      }
      expect(approvals).toBeLessThanOrEqual(1);
      const moved = Math.round((Date.parse(s.dues.answer!) - Date.parse(originalDue)) / 86_400_000);
      const extended = approvals ? s.extensionDays! : 0;
      expect(extended).toBeLessThanOrEqual(30);
      expect(moved).toBe(extended + hearingDays);
    }), { numRuns: 300 });
  });
});

describe('hearings', () => {
  it('no action moves a case out of its stage while a hearing is open', () => {
    for (const from of ['handling', 'reviewing', 're_reviewing'] as const) {
      for (const a of ACTION_NAMES.filter((x) => isActionAvailable(x, from) && ACTIONS[x].to !== 'same')) {
        const snap: CaseSnapshot = {
          state: from, dues: { ...EMPTY_DUES, answer: '2026-05-01', review: '2026-04-01', reReview: '2026-04-01' }, extensionStatus: 'none',
          extensionDays: null, hearingStartedOn: '2026-03-01', routeKind: null, isEvaluatedAtStage: false, disputed: false, designated: false,
        };
        expect(() => planTransition(snap, a, {}, ctxOn('2026-03-05')), `${a} from ${from}`).toThrowError(expect.objectContaining({ code: 'HEARING_OPEN' }));
      }
    }
  });
});

describe('clocks are started and stopped only by their events', () => {
  it('sets the first clock at registration: routing at the bureau, acceptance at a handling body', () => {
    expect(initialDues(true, '2026-03-02', ctxOn('2026-03-02'))).toEqual({ state: 'registered', dues: { ...EMPTY_DUES, route: '2026-03-17' } });
    expect(initialDues(false, '2026-03-02', ctxOn('2026-03-02'))).toEqual({ state: 'awaiting_acceptance', dues: { ...EMPTY_DUES, accept: '2026-03-17' } });
  });

  it('counts the first clock from the day the submission was received, not the day it is registered ([T22] Art 22, 23)', () => {
    // a letter received on 2 March and registered on 10 March: 15 days from 2 March
    expect(initialDues(true, '2026-03-02', ctxOn('2026-03-10')).dues.route).toBe('2026-03-17');
    expect(initialDues(false, '2026-03-02', ctxOn('2026-03-10')).dues.accept).toBe('2026-03-17');
    // received so long ago that the limit has passed: the clock is already overdue, not restarted
    expect(initialDues(true, '2026-02-01', ctxOn('2026-03-10')).dues.route).toBe('2026-02-16');
    // a working-day limit also counts from receipt, over the holidays of the calendar
    const working = { ...ctxOn('2026-10-09'), profile: { ...DEFAULT_PROFILE, route: { days: 3, unit: 'working' as const } } };
    expect(initialDues(true, '2026-09-30', working).dues.route).toBe('2026-10-08');
  });

  it('refuses a receipt after today or not a date', () => {
    for (const receivedOn of ['2026-03-11', '2026-02-30', '20260302', '']) {
      expect(() => initialDues(true, receivedOn, ctxOn('2026-03-10')), receivedOn).toThrowError(expect.objectContaining({ code: 'INVALID_DATE' }));
    }
  });

  it('counts the first clock from receipt for any receipt up to today (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 60 }), fc.boolean(), (start, late, atBureau) => {
      const received = addCalendarDays('2026-01-01', start);
      const registered = addCalendarDays(received, late);
      const { dues } = initialDues(atBureau, received, ctxOn(registered));
      // the same due date as a registration on the day of receipt
      expect(dues).toEqual(initialDues(atBureau, received, ctxOn(received)).dues);
      expect(atBureau ? dues.route : dues.accept).toBe(addCalendarDays(received, 15));
    }));
  });

  it('each action owning a clock moves it when fired from a state where it runs, and no other action does', () => {
    const today = '2026-03-02';
    const base: CaseSnapshot = {
      state: 'registered', dues: { ...EMPTY_DUES }, extensionStatus: 'requested', extensionDays: 10, hearingStartedOn: '2026-02-20',
      routeKind: 'forward', isEvaluatedAtStage: false, disputed: false, designated: false,
    };
    for (const a of ACTION_NAMES) {
      for (const from of ACTIONS[a].from) {
        const dues = { ...EMPTY_DUES, objection: '2026-03-05', answer: '2026-04-01', reviewRequest: '2026-03-20', reReviewRequest: '2026-03-20', evaluation: '2026-03-20', review: '2026-03-25', reReview: '2026-03-25', route: '2026-03-10', accept: '2026-03-10' };
        const snap = { ...base, state: from, dues };
        let plan;
        try { plan = planTransition(snap, a, { days: 5 }, ctxOn(today)); } catch (e) { expect(e, `${a} from ${from}`).toBeInstanceOf(AppError); continue; }
        const moved = CLOCKS.filter((c) => plan.dues[c] !== dues[c]);
        for (const c of moved) expect(ACTIONS[a].clocks as readonly string[], `${a} from ${from}`).toContain(c);
        if (ACTIONS[a].clocks.length === 0) expect(moved, `${a} from ${from}`).toEqual([]);
      }
    }
  });
});

describe('a review that revokes the answer (撤销重办)', () => {
  const reviewing: CaseSnapshot = {
    state: 'reviewing', dues: { ...EMPTY_DUES, answer: '2026-02-01', reviewRequest: '2026-03-10', evaluation: '2026-03-10', review: '2026-04-01' },
    extensionStatus: 'approved', extensionDays: 30, hearingStartedOn: null, routeKind: 'forward', isEvaluatedAtStage: true, disputed: false, designated: false,
  };

  it('sends the matter back to handling with a new answer clock, by default a full limit, and a fresh extension', () => {
    const plan = planTransition(reviewing, 'redo', {}, ctxOn('2026-03-20'));
    expect(plan.to).toBe('handling');
    expect(plan.dues).toEqual({ ...reviewing.dues, answer: '2026-05-19' }); // 60 days from the decision
    expect(plan.changes).toEqual({ extensionStatus: 'none', extensionDays: null, isEvaluatedAtStage: false });
    expect(runningDue(plan.to, plan.dues)).toBe('2026-05-19');
  });

  it('takes a shorter time the reviewing body sets, and refuses one past the full limit, in the past or not a date', () => {
    expect(planTransition(reviewing, 'redo', { dueOn: '2026-04-20' }, ctxOn('2026-03-20')).dues.answer).toBe('2026-04-20');
    expect(planTransition(reviewing, 'redo', { dueOn: '2026-03-20' }, ctxOn('2026-03-20')).dues.answer).toBe('2026-03-20');
    for (const dueOn of ['2026-05-20', '2026-03-19', '2026-02-30', 'soon']) {
      expect(() => planTransition(reviewing, 'redo', { dueOn }, ctxOn('2026-03-20')), dueOn).toThrowError(expect.objectContaining({ code: 'INVALID_DATE' }));
    }
  });

  it('is a review decision only: not from re-review or any other stage', () => {
    for (const state of STATES.filter((s) => s !== 'reviewing')) {
      expect(() => planTransition({ ...reviewing, state }, 'redo', {}, ctxOn('2026-03-20')), state).toThrowError(expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED' }));
    }
  });
});

describe('a re-review that revokes the review opinion and the answer (复核撤销重办)', () => {
  const reReviewing: CaseSnapshot = {
    state: 're_reviewing',
    dues: { ...EMPTY_DUES, answer: '2026-02-01', reviewRequest: '2026-03-01', evaluation: '2026-04-10', review: '2026-03-20', reReviewRequest: '2026-04-10', reReview: '2026-05-01' },
    extensionStatus: 'approved', extensionDays: 30, hearingStartedOn: null, routeKind: 'forward', isEvaluatedAtStage: true, disputed: false, designated: false,
  };

  it('sends the matter back to handling with its own answer clock and extension, as a review revocation does', () => {
    const plan = planTransition(reReviewing, 'redo_re_review', {}, ctxOn('2026-04-15'));
    expect(plan.to).toBe('handling');
    expect(plan.dues).toEqual({ ...reReviewing.dues, answer: '2026-06-14' }); // 60 days from the decision
    expect(plan.changes).toEqual({ extensionStatus: 'none', extensionDays: null, isEvaluatedAtStage: false });
    expect(planTransition(reReviewing, 'redo_re_review', { dueOn: '2026-05-15' }, ctxOn('2026-04-15')).dues.answer).toBe('2026-05-15');
    expect(() => planTransition(reReviewing, 'redo_re_review', { dueOn: '2026-06-15' }, ctxOn('2026-04-15'))).toThrowError(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it('is a re-review decision only, and waits for an open hearing to end', () => {
    for (const state of STATES.filter((s) => s !== 're_reviewing')) {
      expect(() => planTransition({ ...reReviewing, state }, 'redo_re_review', {}, ctxOn('2026-04-15')), state).toThrowError(expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED' }));
    }
    const hearing = { ...reReviewing, hearingStartedOn: '2026-04-12' };
    expect(isOffered('redo_re_review', hearing)).toBe(false);
    expect(() => planTransition(hearing, 'redo_re_review', {}, ctxOn('2026-04-15'))).toThrowError(expect.objectContaining({ code: 'HEARING_OPEN' }));
  });
});

describe('a matter of several bodies whose acceptance is disputed (Art 24)', () => {
  const today = '2026-03-02';
  const routed = (): CaseSnapshot => {
    const s = freshSnapshot(true, today);
    return apply(s, planTransition(s, 'forward', {}, ctxOn(today)));
  };

  it('designation is refused until a receiver has objected, then names a receiver that may not object', () => {
    const fresh = freshSnapshot(true, today);
    expect(() => planTransition(fresh, 'designate', {}, ctxOn(today))).toThrowError(expect.objectContaining({ code: 'NO_ACCEPTANCE_DISPUTE' }));
    const objected = apply(routed(), planTransition(routed(), 'object', {}, ctxOn('2026-03-03')));
    expect(objected).toMatchObject({ state: 'registered', disputed: true, routeKind: null });
    const plan = planTransition(objected, 'designate', {}, ctxOn('2026-03-04'));
    expect(plan.to).toBe('awaiting_acceptance');
    expect(plan.dues.objection).toBeNull();
    expect(plan.dues.accept).toBe(addCalendarDays('2026-03-04', DEFAULT_PROFILE.accept.days));
    const designated = apply(objected, plan);
    expect(() => planTransition(designated, 'object', {}, ctxOn('2026-03-04'))).toThrowError(expect.objectContaining({ code: 'ACCEPTANCE_DESIGNATED' }));
    // the designated body accepts (or declines, or diverts) as any receiver does
    expect(planTransition(designated, 'accept', {}, ctxOn('2026-03-05')).to).toBe('handling');
    expect(planTransition(designated, 'decline', {}, ctxOn('2026-03-05')).to).toBe('declined');
  });

  it('offers designation and objection exactly when the case facts allow them, as planTransition decides', () => {
    for (const routeKind of [null, 'forward', 'assign', 'designate'] as const) {
      for (const disputed of [false, true]) {
        for (const designated of [false, true]) {
          const facts = { routeKind, disputed, designated, hearingStartedOn: null, extensionStatus: 'none' as const };
          const at = (state: CaseState): CaseSnapshot => ({ ...freshSnapshot(true, today), state, ...facts, dues: { ...EMPTY_DUES, objection: '2026-03-09' } });
          const plans = (a: Action, state: CaseState) => { try { planTransition(at(state), a, {}, ctxOn(today)); return true; } catch { return false; } };
          expect(isOffered('designate', facts), JSON.stringify(facts)).toBe(plans('designate', 'registered'));
          expect(isOffered('object', facts), JSON.stringify(facts)).toBe(plans('object', 'awaiting_acceptance'));
        }
      }
    }
  });

  it('never hides an action that would be taken: whatever is not offered, the plan refuses', () => {
    fc.assert(fc.property(
      fc.constantFrom(...STATES), fc.constantFrom(...ACTION_NAMES), fc.constantFrom(null, 'forward', 'assign', 'designate'), fc.boolean(), fc.boolean(),
      fc.constantFrom(null, '2026-02-25'), fc.constantFrom('none', 'requested', 'approved', 'rejected'), fc.integer({ min: 1, max: 30 }),
      (state, action, routeKind, disputed, designated, hearingStartedOn, extensionStatus, days) => {
        const snap: CaseSnapshot = {
          state, routeKind, disputed, designated, hearingStartedOn, extensionStatus, extensionDays: extensionStatus === 'none' ? null : 10,
          isEvaluatedAtStage: false, dues: { ...EMPTY_DUES, objection: '2026-03-09', answer: '2026-04-01', review: '2026-03-20', reReview: '2026-03-20', reviewRequest: '2026-03-20', reReviewRequest: '2026-03-20', evaluation: '2026-03-20' },
        };
        if (isOffered(action, snap)) return;
        expect(() => planTransition(snap, action, { days }, ctxOn(today)), `${action} in ${state} ${JSON.stringify(snap)}`).toThrowError(AppError);
      },
    ), { numRuns: 2000 });
  });

  it('a co-handling opinion changes no state and no clock', () => {
    const handling = apply(routed(), planTransition(routed(), 'accept', {}, ctxOn(today)));
    const plan = planTransition(handling, 'contribute', {}, ctxOn('2026-03-10'));
    expect(plan).toEqual({ to: 'handling', dues: handling.dues, changes: {} });
    expect(() => planTransition(routed(), 'contribute', {}, ctxOn(today))).toThrowError(expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED' }));
  });
});
