import { describe, expect, it } from 'vitest';
import { bucketRanges, comparisonPeriods, previousPeriod, previousYear, resolvePeriod } from './periods.ts';

describe('periods', () => {
  it('resolves each kind and its 同比 / 环比 periods', () => {
    const q = resolvePeriod('quarter', '2026-02-10');
    expect(q).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(previousPeriod('quarter', q)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(previousYear('quarter', q)).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    const feb = resolvePeriod('month', '2024-02-29');
    expect(feb).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(previousYear('month', feb)).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(previousYear('day', resolvePeriod('day', '2024-02-29'))).toEqual({ from: '2023-02-28', to: '2023-02-28' });
    expect(previousPeriod('month', resolvePeriod('month', '2026-01-31'))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    const c = resolvePeriod('custom', '2026-01-10', '2026-01-19');
    expect(previousPeriod('custom', c)).toEqual({ from: '2025-12-31', to: '2026-01-09' });
  });

  it('compares a period still running with the same days of the others', () => {
    const dec = resolvePeriod('month', '2026-12-01');
    // on 7 December: 1–7 December a year before, and 1–7 November
    expect(comparisonPeriods('month', dec, '2026-12-07')).toEqual({
      prevYear: { from: '2025-12-01', to: '2025-12-07' }, prevPeriod: { from: '2026-11-01', to: '2026-11-07' }, comparedThrough: '2026-12-07',
    });
    // over (its last day counts as over: the whole day is compared with whole days), or not begun: whole
    for (const today of ['2026-12-31', '2027-01-05', '2026-11-30']) {
      expect(comparisonPeriods('month', dec, today)).toEqual({ prevYear: previousYear('month', dec), prevPeriod: previousPeriod('month', dec), comparedThrough: null });
    }
    // the month before is shorter: 30 March is compared with all of February
    expect(comparisonPeriods('month', resolvePeriod('month', '2026-03-01'), '2026-03-30').prevPeriod).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    // 29 February: the same day a year before is the 28th
    expect(comparisonPeriods('month', resolvePeriod('month', '2028-02-01'), '2028-02-29').prevYear).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    // a quarter to 7 December: to 7 September in the quarter before
    expect(comparisonPeriods('quarter', resolvePeriod('quarter', '2026-10-01'), '2026-12-07')).toMatchObject({
      prevYear: { from: '2025-10-01', to: '2025-12-07' }, prevPeriod: { from: '2026-07-01', to: '2026-09-07' },
    });
    // a year to 7 December ("1—11月" style): both are last year to 7 December
    expect(comparisonPeriods('year', resolvePeriod('year', '2026-01-01'), '2026-12-07')).toMatchObject({
      prevYear: { from: '2025-01-01', to: '2025-12-07' }, prevPeriod: { from: '2025-01-01', to: '2025-12-07' },
    });
    // a custom period of 10 days, 4 of them past: the first 4 of the 10 before
    expect(comparisonPeriods('custom', resolvePeriod('custom', '2026-01-10', '2026-01-19'), '2026-01-13')).toEqual({
      prevYear: { from: '2025-01-10', to: '2025-01-13' }, prevPeriod: { from: '2025-12-31', to: '2026-01-03' }, comparedThrough: '2026-01-13',
    });
    // a day is compared whole
    expect(comparisonPeriods('day', resolvePeriod('day', '2026-12-07'), '2026-12-07').comparedThrough).toBeNull();
  });

  it('refuses impossible periods', () => {
    expect(() => resolvePeriod('month', '2026-02-30')).toThrow();
    expect(() => resolvePeriod('custom', '2026-02-01', '2026-01-01')).toThrow();
    expect(() => resolvePeriod('custom', '2000-01-01', '2026-01-01')).toThrow();
    expect(() => resolvePeriod('year', '0001-01-01')).toThrow();
  });

  it('splits a range into whole months and loose days', () => {
    expect(bucketRanges({ from: '2026-01-01', to: '2026-12-31' })).toEqual([{ grain: 'm', from: '2026-01-01', to: '2026-12-01' }]);
    expect(bucketRanges({ from: '2026-01-15', to: '2026-03-10' })).toEqual([
      { grain: 'd', from: '2026-01-15', to: '2026-01-31' }, { grain: 'm', from: '2026-02-01', to: '2026-02-01' }, { grain: 'd', from: '2026-03-01', to: '2026-03-10' },
    ]);
    expect(bucketRanges({ from: '2026-01-15', to: '2026-02-10' })).toEqual([{ grain: 'd', from: '2026-01-15', to: '2026-02-10' }]);
    expect(bucketRanges({ from: '2025-12-31', to: '2026-01-01' })).toEqual([{ grain: 'd', from: '2025-12-31', to: '2026-01-01' }]);
  });
});
