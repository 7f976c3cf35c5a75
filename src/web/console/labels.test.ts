// The console shows instants in China time, as the portal, the documents and every limit count them,
// whatever zone the browser is set to (a case received at 00:55 on 8 December China time was shown as
// 7 December by a browser set to UTC).
import { describe, expect, it } from 'vitest';
import { formatDateTime } from './labels.ts';

describe('formatDateTime', () => {
  it('gives the China-time date and time of an instant, on both sides of midnight', () => {
    expect(formatDateTime('2026-12-07T16:55:00Z')).toBe('2026-12-08 00:55');
    expect(formatDateTime('2026-12-07T15:59:00.000Z')).toBe('2026-12-07 23:59');
    expect(formatDateTime('2026-03-02T10:00:00+08:00')).toBe('2026-03-02 10:00');
  });
});
