// Demo reception days (领导接待日): the county leader receives every Wednesday at the county bureau's
// hall and the township head on the first Monday of the month, over the weeks before and after now.
// Past days are scheduled a week ahead and their visits recorded by the bureau's clerk, linking the
// visits registered on that day, all through the real services with a travelling clock.
import { createTestClock } from '../../domain/clock.ts';
import { addCalendarDays, localDate, startOfLocalDay, weekday } from '../../domain/calendar.ts';
import { AppError } from '../../shared/errors.ts';
import type { AppContext } from '../context.ts';
import { loadActor } from '../policies/scope.ts';
import { scheduleReceptionDay } from '../services/schedule-reception-day.ts';
import { recordReceptionVisit } from '../services/record-reception-visit.ts';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);

/** Schedules demo reception days `weeksBack` weeks before and `weeksAhead` after now; returns how many days and visits. */
export async function seedReceptionDays(ctx: AppContext, opts: { weeksBack?: number; weeksAhead?: number } = {}): Promise<{ days: number; visits: number }> {
  const realNow = ctx.clock.now();
  const today = localDate(realNow);
  const clock = createTestClock(realNow);
  const sctx: AppContext = { ...ctx, clock };
  const supervisor = await loadActor(ctx.db, { username: 'supervisor' });
  const clerk = await loadActor(ctx.db, { username: 'clerk' });
  const townHead = await loadActor(ctx.db, { username: 'town.head' });
  const countyLeader = await loadActor(ctx.db, { username: 'leader' });
  const bureauId = clerk.orgId;

  const plan: { day: string; by: typeof supervisor; leaderUserId: number; orgId: number; startsAt: string; endsAt: string; place: string; topic: string | null }[] = [];
  const first = addCalendarDays(today, -7 * (opts.weeksBack ?? 8));
  const last = addCalendarDays(today, 7 * (opts.weeksAhead ?? 4));
  for (let d = first; d <= last; d = addCalendarDays(d, 1)) {
    if (weekday(d) === 3) {
      plan.push({ day: d, by: supervisor, leaderUserId: countyLeader.userId, orgId: bureauId, startsAt: '09:00', endsAt: '11:30', place: '县信访局一楼接待大厅', topic: null });
    }
    if (weekday(d) === 1 && Number(d.slice(8, 10)) <= 7) {
      plan.push({ day: d, by: townHead, leaderUserId: townHead.userId, orgId: townHead.orgId, startsAt: '14:30', endsAt: '17:00', place: '葛仙庄镇便民服务中心', topic: '土地承包、宅基地' });
    }
  }

  let days = 0;
  let visits = 0;
  for (const p of plan) {
    // scheduled a week ahead (or now, for days to come)
    clock.set(p.day < today ? at(addCalendarDays(p.day, -7), '10:00') : realNow);
    const { by, day, ...input } = p;
    const id = await ctx.db.transaction().execute((trx) => scheduleReceptionDay(sctx, trx, by, { ...input, day }));
    days++;
    if (day >= today) continue;
    // the visits registered on that day at the receiving body, recorded at the end of the reception
    const onDay = await ctx.db.selectFrom('submissions as s').innerJoin('cases as c', 'c.id', 's.case_id')
      .select('c.id').where('s.channel', '=', 'visit').where('s.received_org_id', '=', input.orgId)
      .where('s.received_at', '>=', startOfLocalDay(day)).where('s.received_at', '<', startOfLocalDay(addCalendarDays(day, 1)))
      .orderBy('c.id').limit(4).execute();
    clock.set(at(day, input.endsAt));
    for (const c of onDay) {
      try {
        await ctx.db.transaction().execute((trx) => recordReceptionVisit(sctx, trx, { kind: 'staff', actor: clerk }, id, { caseId: c.id }));
        visits++;
      } catch (e) {
        if (!(e instanceof AppError)) throw e; // a case the clerk may not link (e.g. already recorded) is left out
      }
    }
  }
  // the leaders read the notices of the days already held long ago; those of the days to come wait for them
  await ctx.db.updateTable('staff_notifications').set({ read_at: realNow }).where('read_at', 'is', null)
    .where('reception_day_id', 'in', (eb) => eb.selectFrom('reception_days').select('id').where('day', '<', today)).execute();
  return { days, visits };
}
