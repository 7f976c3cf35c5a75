// Local dates ('YYYY-MM-DD', China time, UTC+8 without daylight saving) and the working-day calendar.
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The China-time calendar date of an instant. */
export function localDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The China-time clock time ('HH:MM') of an instant. */
export function localTimeOfDay(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(11, 16);
}

/** The China-time hour (0-23) of an instant. */
export function localHour(instant: Date): number {
  return new Date(instant.getTime() + OFFSET_MS).getUTCHours();
}

/** The instant a local date begins (00:00 +08:00). */
export function startOfLocalDay(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

const utcDay = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

/** Whether a string is a real calendar date in YYYY-MM-DD form. */
export function isValidLocalDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  return new Date(utcDay(s)).toISOString().slice(0, 10) === s;
}

/** The date n calendar days after (or before, when negative) a date. */
export function addCalendarDays(date: string, n: number): string {
  return new Date(utcDay(date) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
}

/** Day of the week, 0 = Sunday. */
export function weekday(date: string): number {
  return new Date(utcDay(date)).getUTCDay();
}

export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  /** 调休: weekend days that are working days. */
  makeUpWorkdays: ReadonlySet<string>;
}

export const EMPTY_CALENDAR: WorkCalendar = { holidays: new Set(), makeUpWorkdays: new Set() };

/** Builds a calendar from an administrator's list of holidays and make-up working days. */
export function createWorkCalendar(entries: { date: string; kind: 'holiday' | 'workday' }[]): WorkCalendar {
  return {
    holidays: new Set(entries.filter((e) => e.kind === 'holiday').map((e) => e.date)),
    makeUpWorkdays: new Set(entries.filter((e) => e.kind === 'workday').map((e) => e.date)),
  };
}

/** A working day: a make-up working day, or Monday to Friday that is not a holiday. */
export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  if (cal.makeUpWorkdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const w = weekday(date);
  return w !== 0 && w !== 6;
}

/** The n-th working day after `date`; the start day never counts (期间开始的日不计算在内). */
export function addWorkingDays(date: string, n: number, cal: WorkCalendar): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addCalendarDays(d, 1);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}
