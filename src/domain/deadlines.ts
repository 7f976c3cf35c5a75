// The one module that computes due dates. A due date is the last day on which an act is still in
// time; limits are a per-deployment profile with the defaults of 《信访工作条例》 (2022).
import { addCalendarDays, addWorkingDays, daysBetween, type WorkCalendar } from './calendar.ts';

export type LimitUnit = 'calendar' | 'working';
export interface Limit { days: number; unit: LimitUnit }

export interface TimeLimitProfile {
  route: Limit;
  accept: Limit;
  objection: Limit;
  answer: Limit;
  extensionMaxDays: number;
  reviewRequest: Limit;
  reviewDecision: Limit;
  reReviewRequest: Limit;
  reReviewDecision: Limit;
  evaluation: Limit;
  supervisionDefaultDays: number;
}

const cal = (days: number): Limit => ({ days, unit: 'calendar' });

export const DEFAULT_PROFILE: TimeLimitProfile = {
  route: cal(15), // Art 22: the petition bureau forwards or assigns within 15 days
  accept: cal(15), // Art 23: accept or not, with written notice, within 15 days
  objection: { days: 5, unit: 'working' }, // Art 23: a receiver objects within 5 working days
  answer: cal(60), // Art 34: answer within 60 days of acceptance
  extensionMaxDays: 30, // Art 34: one extension of at most 30 days
  reviewRequest: cal(30), // Art 35: review requested within 30 days of receiving the answer
  reviewDecision: cal(30), // Art 35: review decided within 30 days
  reReviewRequest: cal(30), // Art 36: re-review requested within 30 days of receiving the review
  reReviewDecision: cal(30), // Art 36: re-review decided within 30 days
  evaluation: cal(30), // not fixed by the rule; configurable
  supervisionDefaultDays: 10,
};

const LIMIT_KEYS = ['route', 'accept', 'objection', 'answer', 'reviewRequest', 'reviewDecision', 'reReviewRequest', 'reReviewDecision', 'evaluation'] as const;

/** Checks a profile an administrator saves: whole days 1..365, a known unit, extension 0..90. */
export function validateProfile(p: unknown): TimeLimitProfile {
  if (!p || typeof p !== 'object') throw new Error('time-limit profile must be an object');
  const o = p as Record<string, unknown>;
  const out: Partial<TimeLimitProfile> = {};
  for (const k of LIMIT_KEYS) {
    const l = o[k] as Limit | undefined;
    if (!l || typeof l !== 'object') throw new Error(`${k}: missing`);
    if (!Number.isInteger(l.days) || l.days < 1 || l.days > 365) throw new Error(`${k}.days must be a whole number from 1 to 365`);
    if (l.unit !== 'calendar' && l.unit !== 'working') throw new Error(`${k}.unit must be calendar or working`);
    out[k] = { days: l.days, unit: l.unit };
  }
  const ext = o.extensionMaxDays;
  if (!Number.isInteger(ext) || (ext as number) < 0 || (ext as number) > 90) throw new Error('extensionMaxDays must be a whole number from 0 to 90');
  const sup = o.supervisionDefaultDays ?? DEFAULT_PROFILE.supervisionDefaultDays;
  if (!Number.isInteger(sup) || (sup as number) < 1 || (sup as number) > 365) throw new Error('supervisionDefaultDays must be a whole number from 1 to 365');
  return { ...(out as TimeLimitProfile), extensionMaxDays: ext as number, supervisionDefaultDays: sup as number };
}

/** The last day in time for a limit starting on `startDate` (the start day itself does not count). */
export function computeDue(startDate: string, limit: Limit, calendar: WorkCalendar): string {
  return limit.unit === 'calendar' ? addCalendarDays(startDate, limit.days) : addWorkingDays(startDate, limit.days, calendar);
}

/** An act is in time up to and including its due day. */
export function isInTime(today: string, due: string): boolean {
  return today <= due;
}

/** Days left until the due day (0 on the day, negative when overdue). */
export function daysLeft(today: string, due: string): number {
  return daysBetween(today, due);
}

/** How urgent a clock is: overdue, due today, near (1-3 days left) or ok. */
export function urgency(today: string, due: string): 'ok' | 'near' | 'due_today' | 'overdue' {
  const left = daysLeft(today, due);
  if (left < 0) return 'overdue';
  if (left === 0) return 'due_today';
  return left <= 3 ? 'near' : 'ok';
}

/** An approved extension moves the due day by its days (Art 34). */
export function extendDue(due: string, days: number): string {
  return addCalendarDays(due, days);
}

/** Calendar days a hearing lasted, both ends included (hearing time does not count, Art 36). */
export function pausedDays(hearingStart: string, hearingEnd: string): number {
  return daysBetween(hearingStart, hearingEnd) + 1;
}

/** The due day after a hearing: moved by the days the hearing took. */
export function resumeAfterPause(due: string, hearingStart: string, hearingEnd: string): string {
  return addCalendarDays(due, pausedDays(hearingStart, hearingEnd));
}
