// The local-date calendar (UTC+8) and working days with holidays and make-up working days (调休).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addCalendarDays, addWorkingDays, createWorkCalendar, daysBetween, isValidLocalDate, isWorkingDay, localDate, localTimeOfDay, startOfLocalDay, weekday,
} from './calendar.ts';

const dayArb = fc.integer({ min: 0, max: 3650 }).map((n) => addCalendarDays('2020-01-01', n));
// the 2026 National Day holiday as published: 10-01..07 off, Sun 09-20 and Sat 10-10 worked
const cal2026 = createWorkCalendar([
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday' as const })),
  { date: '2026-09-20', kind: 'workday' }, { date: '2026-10-10', kind: 'workday' },
]);

describe('local dates in China time', () => {
  it('takes the UTC+8 date of an instant on both sides of local midnight', () => {
    expect(localDate(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01'); // 23:59:59 local
    expect(localDate(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02'); // 00:00 local
    expect(localDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('gives the UTC+8 clock time of an instant', () => {
    expect(localTimeOfDay(new Date('2026-12-07T16:55:00Z'))).toBe('00:55');
    expect(localTimeOfDay(new Date('2026-12-07T15:59:59Z'))).toBe('23:59');
    expect(localTimeOfDay(startOfLocalDay('2026-03-02'))).toBe('00:00');
  });

  it('round-trips every instant of a local day to that day', () => {
    fc.assert(fc.property(dayArb, fc.integer({ min: 0, max: 86_399_999 }), (d, ms) => {
      expect(localDate(new Date(startOfLocalDay(d).getTime() + ms))).toBe(d);
    }));
  });

  it('adds and counts calendar days consistently, across month ends and leap days', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-02-28', 1)).toBe('2026-03-01');
    fc.assert(fc.property(dayArb, fc.integer({ min: -400, max: 400 }), (d, n) => {
      const e = addCalendarDays(d, n);
      expect(isValidLocalDate(e)).toBe(true);
      expect(daysBetween(d, e)).toBe(n);
      expect(addCalendarDays(e, -n)).toBe(d);
    }));
  });

  it('accepts only real dates', () => {
    for (const s of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-4-1', '20260401', '2026-04-31', '']) expect(isValidLocalDate(s), s).toBe(false);
    for (const s of ['2028-02-29', '2026-04-30', '2026-12-31']) expect(isValidLocalDate(s), s).toBe(true);
  });
});

describe('working days', () => {
  it('skips weekends and holidays and counts make-up working days', () => {
    expect(weekday('2026-10-10')).toBe(6);
    expect(isWorkingDay('2026-10-10', cal2026)).toBe(true); // Saturday worked (调休)
    expect(isWorkingDay('2026-09-20', cal2026)).toBe(true); // Sunday worked
    expect(isWorkingDay('2026-10-05', cal2026)).toBe(false); // Monday in the holiday
    expect(isWorkingDay('2026-10-11', cal2026)).toBe(false); // ordinary Sunday
    // from Wed 09-30: 10-08, 10-09, 10-10 (Sat, worked), 10-12, 10-13
    expect(addWorkingDays('2026-09-30', 5, cal2026)).toBe('2026-10-13');
    // from Fri 09-18: 09-20 (Sun, worked) is the first working day
    expect(addWorkingDays('2026-09-18', 1, cal2026)).toBe('2026-09-20');
  });

  it('never lands on a day off, never counts the start day, and counts exactly n working days', () => {
    const entries = fc.array(fc.record({ date: dayArb, kind: fc.constantFrom<'holiday' | 'workday'>('holiday', 'workday') }), { maxLength: 60 });
    fc.assert(fc.property(dayArb, fc.integer({ min: 1, max: 30 }), entries, (start, n, es) => {
      const cal = createWorkCalendar(es);
      const due = addWorkingDays(start, n, cal);
      expect(due > start).toBe(true);
      expect(isWorkingDay(due, cal)).toBe(true);
      let count = 0;
      for (let d = addCalendarDays(start, 1); d <= due; d = addCalendarDays(d, 1)) if (isWorkingDay(d, cal)) count++;
      expect(count).toBe(n);
    }), { numRuns: 200 });
  });

  it('is monotone in the start date', () => {
    fc.assert(fc.property(dayArb, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 20 }), (a, gap, n) => {
      const b = addCalendarDays(a, gap);
      expect(addWorkingDays(a, n, cal2026) <= addWorkingDays(b, n, cal2026)).toBe(true);
    }));
  });
});
