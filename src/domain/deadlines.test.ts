// The deadline module: due dates from the event that starts them, extension, hearing pause, and the
// boundary (the last day is in time, the next is not) at every time of day in China time.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addCalendarDays, addWorkingDays, createWorkCalendar, daysBetween, EMPTY_CALENDAR, localDate, startOfLocalDay } from './calendar.ts';
import {
  computeDue, DEFAULT_PROFILE, extendDue, isInTime, pausedDays, resumeAfterPause, urgency, validateProfile, type Limit,
} from './deadlines.ts';
import { EMPTY_DUES, planTransition, type CaseSnapshot } from './lifecycle.ts';

const dayArb = fc.integer({ min: 0, max: 3650 }).map((n) => addCalendarDays('2020-01-01', n));
const limitArb = fc.record({ days: fc.integer({ min: 1, max: 365 }), unit: fc.constantFrom<Limit['unit']>('calendar', 'working') });
const cal = createWorkCalendar([
  { date: '2026-10-01', kind: 'holiday' }, { date: '2026-10-02', kind: 'holiday' }, { date: '2026-10-05', kind: 'holiday' },
  { date: '2026-10-06', kind: 'holiday' }, { date: '2026-10-07', kind: 'holiday' }, { date: '2026-10-10', kind: 'workday' },
]);

describe('computeDue', () => {
  it('is monotone in the start date, for every limit', () => {
    fc.assert(fc.property(dayArb, fc.integer({ min: 0, max: 60 }), limitArb, (a, gap, limit) => {
      expect(computeDue(a, limit, cal) <= computeDue(addCalendarDays(a, gap), limit, cal)).toBe(true);
    }));
  });

  it('counts calendar limits in calendar days, the start day not counted', () => {
    fc.assert(fc.property(dayArb, fc.integer({ min: 1, max: 365 }), (d, n) => {
      expect(daysBetween(d, computeDue(d, { days: n, unit: 'calendar' }, cal))).toBe(n);
    }));
    expect(computeDue('2026-03-05', DEFAULT_PROFILE.answer, EMPTY_CALENDAR)).toBe('2026-05-04'); // 60 days (Art 34)
  });

  it('counts working-day limits across a holiday and a make-up working day', () => {
    expect(computeDue('2026-09-30', DEFAULT_PROFILE.objection, cal)).toBe('2026-10-13');
    expect(computeDue('2026-09-30', DEFAULT_PROFILE.objection, EMPTY_CALENDAR)).toBe('2026-10-07');
    fc.assert(fc.property(dayArb, fc.integer({ min: 1, max: 30 }), (d, n) => {
      expect(computeDue(d, { days: n, unit: 'working' }, cal)).toBe(addWorkingDays(d, n, cal));
      // n working days are never fewer calendar days than n
      expect(daysBetween(d, computeDue(d, { days: n, unit: 'working' }, cal))).toBeGreaterThanOrEqual(n);
    }));
  });
});

describe('the boundary: day 30 in time, day 31 late, at every time of day (UTC+8)', () => {
  it('holds for any start instant and any instant on the boundary days', () => {
    const msArb = fc.integer({ min: 0, max: 86_399_999 });
    fc.assert(fc.property(dayArb, msArb, msArb, msArb, (startDay, startMs, day30Ms, day31Ms) => {
      const start = new Date(startOfLocalDay(startDay).getTime() + startMs);
      const due = computeDue(localDate(start), { days: 30, unit: 'calendar' }, EMPTY_CALENDAR);
      const on30 = new Date(startOfLocalDay(addCalendarDays(startDay, 30)).getTime() + day30Ms);
      const on31 = new Date(startOfLocalDay(addCalendarDays(startDay, 31)).getTime() + day31Ms);
      expect(isInTime(localDate(on30), due)).toBe(true);
      expect(isInTime(localDate(on31), due)).toBe(false);
    }), { numRuns: 500 });
  });

  it('treats the instants around local midnight by their China date, not their UTC date', () => {
    // delivered 2026-03-10 00:30 China time = 03-09 16:30 UTC
    const due = computeDue(localDate(new Date('2026-03-09T16:30:00Z')), DEFAULT_PROFILE.reviewRequest, EMPTY_CALENDAR);
    expect(due).toBe('2026-04-09');
    expect(isInTime(localDate(new Date('2026-04-09T15:59:59Z')), due)).toBe(true); // 23:59:59 on day 30
    expect(isInTime(localDate(new Date('2026-04-09T16:00:00Z')), due)).toBe(false); // 00:00 on day 31
  });

  it('grades urgency by the days left', () => {
    expect(urgency('2026-03-01', '2026-03-10')).toBe('ok');
    expect(urgency('2026-03-07', '2026-03-10')).toBe('near');
    expect(urgency('2026-03-10', '2026-03-10')).toBe('due_today');
    expect(urgency('2026-03-11', '2026-03-10')).toBe('overdue');
  });
});

describe('extension and pause', () => {
  const handling = (answer: string): CaseSnapshot => ({
    state: 'handling', dues: { ...EMPTY_DUES, answer }, extensionStatus: 'none', extensionDays: null, hearingStartedOn: null, routeKind: null, isEvaluatedAtStage: false, disputed: false, designated: false,
  });
  const rules = (today: string) => ({ today, profile: DEFAULT_PROFILE, calendar: EMPTY_CALENDAR });

  it('adds at most 30 days, only once, and exactly the days approved', () => {
    fc.assert(fc.property(dayArb, fc.integer({ min: -3, max: 60 }), (due, days) => {
      const today = addCalendarDays(due, -10);
      let s = handling(due);
      let plan;
      try { plan = planTransition(s, 'request_extension', { days }, rules(today)); } catch (e) {
        expect(days < 1 || days > 30).toBe(true);
        expect((e as { code: string }).code).toBe('EXTENSION_TOO_LONG');
        return;
      }
      expect(days >= 1 && days <= 30).toBe(true);
      s = { ...s, ...plan.changes, dues: plan.dues };
      expect(s.dues.answer).toBe(due); // not moved before approval
      plan = planTransition(s, 'approve_extension', {}, rules(today));
      s = { ...s, ...plan.changes, dues: plan.dues };
      expect(daysBetween(due, s.dues.answer!)).toBe(days);
      expect(extendDue(due, days)).toBe(s.dues.answer);
      expect(() => planTransition(s, 'request_extension', { days: 1 }, rules(today))).toThrowError(expect.objectContaining({ code: 'EXTENSION_ALREADY_USED' }));
    }));
  });

  it('refuses a request once the answer limit has passed', () => {
    expect(() => planTransition(handling('2026-03-10'), 'request_extension', { days: 5 }, rules('2026-03-11')))
      .toThrowError(expect.objectContaining({ code: 'DEADLINE_PASSED' }));
  });

  it('moves the due date by exactly the paused days, both ends counted', () => {
    fc.assert(fc.property(dayArb, fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 90 }), (accepted, startAfter, length) => {
      const due = addCalendarDays(accepted, 60);
      const hearingStart = addCalendarDays(accepted, startAfter);
      const hearingEnd = addCalendarDays(hearingStart, length);
      expect(pausedDays(hearingStart, hearingEnd)).toBe(length + 1);
      expect(daysBetween(due, resumeAfterPause(due, hearingStart, hearingEnd))).toBe(length + 1);
      let s = handling(due);
      let plan = planTransition(s, 'start_hearing', {}, rules(hearingStart));
      s = { ...s, ...plan.changes, dues: plan.dues };
      expect(s.dues.answer).toBe(due);
      plan = planTransition(s, 'end_hearing', {}, rules(hearingEnd));
      expect(daysBetween(due, plan.dues.answer!)).toBe(length + 1);
      expect(plan.changes.hearingStartedOn).toBeNull();
    }));
  });
});

describe('the time-limit profile', () => {
  it('accepts the defaults and refuses impossible limits', () => {
    expect(validateProfile(DEFAULT_PROFILE)).toEqual(DEFAULT_PROFILE);
    expect(() => validateProfile({ ...DEFAULT_PROFILE, answer: { days: 0, unit: 'calendar' } })).toThrow();
    expect(() => validateProfile({ ...DEFAULT_PROFILE, answer: { days: 10, unit: 'weeks' } })).toThrow();
    expect(() => validateProfile({ ...DEFAULT_PROFILE, extensionMaxDays: 91 })).toThrow();
    expect(() => validateProfile(null)).toThrow();
  });
});
