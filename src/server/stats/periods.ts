// Periods of the figures: resolving day/month/quarter/year/custom to local date ranges, the
// period before (环比) and the same period a year before (同比), and splitting a range into
// whole months and loose days (the rollup buckets).
import { addCalendarDays, isValidLocalDate } from '../../domain/calendar.ts';
import { AppError } from '../../shared/errors.ts';
import type { PeriodKind, PeriodRange } from '../../shared/figures.ts';
import type { BucketRange } from '../repositories/stats.ts';

/** Dates the figures accept (the period before and a year before stay valid dates). */
const MIN_DATE = '1950-01-01';
const MAX_DATE = '2099-12-31';
/** Longest custom period (days): ten years. */
export const MAX_CUSTOM_DAYS = 3660;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m 1..12
const ym = (d: string) => [Number(d.slice(0, 4)), Number(d.slice(5, 7))] as const;
const monthStart = (y: number, m: number) => `${y}-${pad(m)}-01`;
const monthEnd = (y: number, m: number) => `${y}-${pad(m)}-${pad(lastDayOfMonth(y, m))}`;
/** Month arithmetic: (y, m) plus k months. */
const addMonths = (y: number, m: number, k: number): [number, number] => {
  const i = y * 12 + (m - 1) + k;
  return [Math.floor(i / 12), (i % 12) + 1];
};

function daysInclusive(r: PeriodRange): number {
  return Math.round((Date.parse(`${r.to}T00:00:00Z`) - Date.parse(`${r.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The same local date a year earlier (29 February becomes 28 February). */
export function yearBefore(d: string): string {
  const y = Number(d.slice(0, 4)) - 1;
  const m = Number(d.slice(5, 7));
  const day = Math.min(Number(d.slice(8, 10)), lastDayOfMonth(y, m));
  return `${y}-${pad(m)}-${pad(day)}`;
}

export function resolvePeriod(kind: PeriodKind, from: string, to?: string): PeriodRange {
  if (!isValidLocalDate(from) || from < MIN_DATE || from > MAX_DATE) throw new AppError('STATS_BAD_PERIOD', { field: 'from' });
  const [y, m] = ym(from);
  switch (kind) {
    case 'day': return { from, to: from };
    case 'month': return { from: monthStart(y, m), to: monthEnd(y, m) };
    case 'quarter': {
      const q0 = Math.floor((m - 1) / 3) * 3 + 1;
      return { from: monthStart(y, q0), to: monthEnd(y, q0 + 2) };
    }
    case 'year': return { from: `${y}-01-01`, to: `${y}-12-31` };
    case 'custom': {
      if (!to || !isValidLocalDate(to) || to < from || to > MAX_DATE) throw new AppError('STATS_BAD_PERIOD', { field: 'to' });
      if (daysInclusive({ from, to }) > MAX_CUSTOM_DAYS) throw new AppError('STATS_BAD_PERIOD', { reason: 'too long', maxDays: MAX_CUSTOM_DAYS });
      return { from, to };
    }
  }
}

/** The period just before (环比): previous day, month, quarter or year; a custom period of equal length. */
export function previousPeriod(kind: PeriodKind, r: PeriodRange): PeriodRange {
  const [y, m] = ym(r.from);
  switch (kind) {
    case 'day': { const d = addCalendarDays(r.from, -1); return { from: d, to: d }; }
    case 'month': { const [py, pm] = addMonths(y, m, -1); return { from: monthStart(py, pm), to: monthEnd(py, pm) }; }
    case 'quarter': { const [py, pm] = addMonths(y, m, -3); const [ey, em] = addMonths(py, pm, 2); return { from: monthStart(py, pm), to: monthEnd(ey, em) }; }
    case 'year': return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` };
    case 'custom': { const len = daysInclusive(r); return { from: addCalendarDays(r.from, -len), to: addCalendarDays(r.from, -1) }; }
  }
}

/** The same period a year before (同比). */
export function previousYear(kind: PeriodKind, r: PeriodRange): PeriodRange {
  if (kind === 'custom' || kind === 'day') return { from: yearBefore(r.from), to: yearBefore(r.to) };
  return resolvePeriod(kind, yearBefore(r.from));
}

/** The same local date k months earlier (the day kept, or the month's last day when it has fewer). */
function monthsBefore(d: string, k: number): string {
  const [y, m] = addMonths(Number(d.slice(0, 4)), Number(d.slice(5, 7)), -k);
  return `${y}-${pad(m)}-${pad(Math.min(Number(d.slice(8, 10)), lastDayOfMonth(y, m)))}`;
}

export interface Comparisons {
  prevYear: PeriodRange;
  prevPeriod: PeriodRange;
  /** The last day compared when the period is still running on `today` (else null). */
  comparedThrough: string | null;
}

/**
 * The periods a period is compared with (同比 and 环比). A period that is over, or not begun, is
 * compared whole. One still running on `today` has happened only up to today, so it is compared
 * with the same part of the others, as bureaus count "1—11月" against last year's "1—11月":
 * 1–7 December against 1–7 December a year before (同比) and 1–7 November (环比); a running quarter
 * against the quarter before up to the same day of its month; a custom period against as many
 * first days of the one before it.
 */
export function comparisonPeriods(kind: PeriodKind, r: PeriodRange, today: string): Comparisons {
  const prevYear = previousYear(kind, r);
  const prevPeriod = previousPeriod(kind, r);
  if (kind === 'day' || today < r.from || today >= r.to) return { prevYear, prevPeriod, comparedThrough: null };
  const shift = kind === 'month' ? 1 : kind === 'quarter' ? 3 : kind === 'year' ? 12 : 0;
  const periodTo = shift ? monthsBefore(today, shift) : addCalendarDays(prevPeriod.from, daysInclusive({ from: r.from, to: today }) - 1);
  return {
    prevYear: { from: prevYear.from, to: yearBefore(today) },
    prevPeriod: { from: prevPeriod.from, to: periodTo < prevPeriod.to ? periodTo : prevPeriod.to },
    comparedThrough: today,
  };
}

/** Splits a range into whole months ('m' buckets) and the loose days at either end ('d' buckets). */
export function bucketRanges(r: PeriodRange): BucketRange[] {
  const [fy, fm] = ym(r.from);
  const firstWhole = r.from.endsWith('-01') ? [fy, fm] as const : addMonths(fy, fm, 1);
  const [ty, tm] = ym(r.to);
  const lastWhole = r.to === monthEnd(ty, tm) ? [ty, tm] as const : addMonths(ty, tm, -1);
  const fwStart = monthStart(firstWhole[0], firstWhole[1]);
  const lwStart = monthStart(lastWhole[0], lastWhole[1]);
  if (fwStart > lwStart) return [{ grain: 'd', from: r.from, to: r.to }];
  const out: BucketRange[] = [];
  if (r.from < fwStart) out.push({ grain: 'd', from: r.from, to: addCalendarDays(fwStart, -1) });
  out.push({ grain: 'm', from: fwStart, to: lwStart });
  const lwEnd = monthEnd(lastWhole[0], lastWhole[1]);
  if (r.to > lwEnd) out.push({ grain: 'd', from: addCalendarDays(lwEnd, 1), to: r.to });
  return out;
}
