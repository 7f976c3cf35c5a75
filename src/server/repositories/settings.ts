// SQL for deployment settings (time-limit profile) and the working-day calendar.
import type { Executor } from '../db/database.ts';

export async function getSetting<T>(db: Executor, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return undefined;
  return (typeof row.value === 'string' ? JSON.parse(row.value) : row.value) as T;
}

export async function putSetting(db: Executor, key: string, value: unknown, at: Date): Promise<void> {
  await db.insertInto('settings').values({ key, value: JSON.stringify(value), updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: at })).execute();
}

export async function listCalendarDays(db: Executor, from?: string, to?: string) {
  let q = db.selectFrom('calendar_days').selectAll();
  if (from) q = q.where('day', '>=', from);
  if (to) q = q.where('day', '<=', to);
  return q.orderBy('day').execute();
}

/** Replaces the calendar entries of one year. */
export async function replaceCalendarYear(db: Executor, year: number, days: { day: string; kind: string; name: string }[]): Promise<void> {
  await db.deleteFrom('calendar_days').where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`).execute();
  if (days.length) await db.insertInto('calendar_days').values(days).execute();
}

/** The setting's value, storing `value` first when there is none (concurrent callers all get the
 * value stored first). */
export async function claimSetting<T>(db: Executor, key: string, value: T, at: Date): Promise<T> {
  await db.insertInto('settings').values({ key, value: JSON.stringify(value), updated_at: at })
    .onConflict((oc) => oc.column('key').doNothing()).execute();
  return (await getSetting<T>(db, key)) as T;
}
