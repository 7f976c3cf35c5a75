// Time is injected: rules ask a Clock, so deadline tests can travel.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests (and the demo seeder) set and move by hand. */
export function createTestClock(start: Date | string) {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set(d: Date | string) { t = new Date(d).getTime(); },
    advanceDays(n: number) { t += n * 86_400_000; },
    advanceMs(n: number) { t += n; },
  };
}
