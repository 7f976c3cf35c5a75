import { describe, expect, it } from 'vitest';
import { bucketRanges, previousPeriod, previousYear, resolvePeriod } from './periods.ts';

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
