// The deployment's time-limit profile and working-day calendar, cached briefly so every node sees an
// administrator's change within seconds without a read per request.
import { createWorkCalendar, localDate, type WorkCalendar } from '../../domain/calendar.ts';
import { DEFAULT_PROFILE, validateProfile, type TimeLimitProfile } from '../../domain/deadlines.ts';
import type { TransitionContext } from '../../domain/lifecycle.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { getSetting, listCalendarDays } from '../repositories/settings.ts';

export const PROFILE_KEY = 'time_limit_profile';
const TTL_MS = 5_000;
const cache = new WeakMap<object, { at: number; profile: TimeLimitProfile; calendar: WorkCalendar }>();

/** Loads profile and calendar from the database (no cache). */
export async function readRules(db: Executor): Promise<{ profile: TimeLimitProfile; calendar: WorkCalendar }> {
  const stored = await getSetting<unknown>(db, PROFILE_KEY);
  const profile = stored ? validateProfile({ ...DEFAULT_PROFILE, ...(stored as object) }) : DEFAULT_PROFILE;
  const days = await listCalendarDays(db);
  const calendar = createWorkCalendar(days.map((d) => ({ date: d.day, kind: d.kind as 'holiday' | 'workday' })));
  return { profile, calendar };
}

/** The rules in force, with today's local date from the injected clock. Inside a transaction pass
 * it as `db` (the embedded engine has one connection). */
export async function loadRules(ctx: AppContext, db: Executor = ctx.db): Promise<TransitionContext> {
  const hit = cache.get(ctx);
  const now = Date.now();
  let rules = hit && now - hit.at < TTL_MS ? hit : undefined;
  if (!rules) {
    rules = { at: now, ...(await readRules(db)) };
    cache.set(ctx, rules);
  }
  return { today: localDate(ctx.clock.now()), profile: rules.profile, calendar: rules.calendar };
}

/** Drops the cached rules after an administrator changes them. */
export function forgetRules(ctx: AppContext): void {
  cache.delete(ctx);
}
