// The supervision board (督办): open cases overdue or due within a few days, by responsible body,
// and the notices issued in the scope counted by state ([T22] Art 40).
import { addCalendarDays, localDate } from '../../domain/calendar.ts';
import { daysLeft } from '../../domain/deadlines.ts';
import { NOTICE_STATES } from '../../shared/notice-state.ts';
import type { Actor, AppContext } from '../context.ts';
import { countDueByBody, countNoticesByState, listDueCasesByBody } from '../repositories/oversight.ts';

/** Days ahead that count as "nearly due". */
export const NEAR_DUE_DAYS = 3;
/** The most urgent cases listed under each body (the counts cover all). */
export const CASES_PER_BODY = 50;

/**
 * Counts and lists open cases whose running clock is past or within NEAR_DUE_DAYS, grouped by the
 * body that must act now. An administrator sees the counts only: case matters are not theirs.
 */
export async function viewSupervisionBoard(ctx: AppContext, actor: Actor) {
  const today = localDate(ctx.clock.now());
  const filter = { scopePath: actor.scopePath, viewerOrgPath: actor.orgPath, today, until: addCalendarDays(today, NEAR_DUE_DAYS) };
  const seesCases = actor.role !== 'admin';
  const [counts, cases, notices] = await Promise.all([
    countDueByBody(ctx.reader, filter),
    seesCases ? listDueCasesByBody(ctx.reader, filter, CASES_PER_BODY) : Promise.resolve([]),
    countNoticesByState(ctx.reader, actor.scopePath, today),
  ]);
  return {
    today,
    nearDays: NEAR_DUE_DAYS,
    casesShown: seesCases,
    totals: { overdue: counts.reduce((s, b) => s + b.overdue, 0), dueSoon: counts.reduce((s, b) => s + b.due_soon, 0) },
    notices: Object.fromEntries(NOTICE_STATES.map((s) => [s, notices.find((n) => n.state === s)?.n ?? 0])) as Record<(typeof NOTICE_STATES)[number], number>,
    bodies: counts.map((b) => ({
      orgId: b.org_id, orgName: b.org_name, overdue: b.overdue, dueSoon: b.due_soon,
      cases: cases.filter((c) => c.current_org_id === b.org_id).map((c) => ({
        id: c.id, caseNo: c.case_no, title: c.title, state: c.state, nextDue: c.next_due, daysLeft: daysLeft(today, c.next_due),
        version: c.version, isOwned: c.is_owned, openNotices: c.open_notices, notices: c.notices,
      })),
    })),
  };
}
