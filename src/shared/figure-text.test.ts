import { describe, expect, it } from 'vitest';
import { changeWords, formatPercent, periodTitle } from './figure-text.ts';

describe('figure wording', () => {
  it('formats fractions as percentages with one decimal', () => {
    expect(formatPercent(0.288)).toBe('28.8%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0.96875, 2)).toBe('96.88%');
    expect(formatPercent(null)).toBe('—');
  });
  it('chooses 上升, 下降 or 持平', () => {
    expect(changeWords(0.125)).toBe('上升 12.5%');
    expect(changeWords(-0.288)).toBe('下降 28.8%');
    expect(changeWords(0)).toBe('持平');
    expect(changeWords(0.0004)).toBe('持平'); // rounds to 0.0%
    expect(changeWords(-0.0006)).toBe('下降 0.1%');
    expect(changeWords(null)).toBeNull();
  });
  it('names periods as bureaus do', () => {
    expect(periodTitle({ period: 'month', range: { from: '2026-03-01', to: '2026-03-31' } })).toBe('2026年3月');
    expect(periodTitle({ period: 'quarter', range: { from: '2026-04-01', to: '2026-06-30' } })).toBe('2026年第二季度');
    expect(periodTitle({ period: 'year', range: { from: '2026-01-01', to: '2026-12-31' } })).toBe('2026年');
    expect(periodTitle({ period: 'custom', range: { from: '2026-03-01', to: '2026-03-15' } })).toBe('2026年3月1日至2026年3月15日');
  });
});
