// Records a visit received on a reception day: links an existing case, or registers the visit as a
// case first. The link (reception_visits) is what the figures count: one row is one 批次, its
// headcount the 人次, the day's leader the one who received.
import { AppError } from '../../shared/errors.ts';
import { addCalendarDays, localDate, startOfLocalDay } from '../../domain/calendar.ts';
import type { AppContext, Principal } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { assertCanRecordVisit } from '../policies/reception-policy.ts';
import { canViewCase, isAccusedViewer } from '../policies/case-policy.ts';
import { findCase, insertEvent } from '../repositories/cases.ts';
import { findLatestSubmission, findReceptionDay, findSubmissionOnDay, insertReceptionVisit } from '../repositories/reception.ts';
import { insertAudit } from '../repositories/audit.ts';
import { registerCase, type RegisterInput } from './register-case.ts';

export interface RecordVisitInput {
  caseId?: number;
  /** A new registration (channel `visit`, received on the reception day). */
  registration?: Omit<RegisterInput, 'channel' | 'receivedAt'>;
  note?: string | null;
}

export interface RecordVisitResult {
  id: number;
  receptionDayId: number;
  caseId: number;
  caseNo: string;
  /** The 查询码 to hand to the petitioner when the visit was registered here. */
  queryCode: string | null;
  submissionId: number | null;
  headcount: number;
}

/**
 * Records one visit on a reception day that has begun and is not cancelled. The case must be one the
 * recorder may see (an accused body cannot record the accusation against it); a case is recorded once per day.
 */
export async function recordReceptionVisit(ctx: AppContext, trx: Tx, principal: Principal & { kind: 'staff' }, dayId: number, input: RecordVisitInput): Promise<RecordVisitResult> {
  const actor = principal.actor;
  if ((input.caseId === undefined) === (input.registration === undefined)) throw new AppError('RECEPTION_CASE_OR_REGISTRATION');
  // shared lock: an edit or a cancellation of the day waits for this visit, and this visit for them
  const day = await findReceptionDay(trx, dayId, 'share');
  if (!day) throw new AppError('RECEPTION_DAY_NOT_FOUND');
  assertCanRecordVisit(actor, day, !!input.registration);
  if (day.cancelled_at !== null) throw new AppError('RECEPTION_DAY_CANCELLED');
  const now = ctx.clock.now();
  const today = localDate(now);
  if (day.day > today) throw new AppError('RECEPTION_DAY_NOT_STARTED');

  let caseId: number;
  let queryCode: string | null = null;
  let submission: { id: number; headcount: number; is_collective: boolean } | undefined;
  if (input.registration) {
    // received on the day itself: now when recorded the same day, else when the reception began
    const receivedAt = day.day === today ? undefined : new Date(`${day.day}T${day.starts_at}:00+08:00`).toISOString();
    const reg = await registerCase(ctx, trx, principal, { ...input.registration, channel: 'visit', receivedAt });
    caseId = reg.caseId;
    queryCode = reg.queryCode;
    submission = await findLatestSubmission(trx, caseId);
  } else {
    const c = await findCase(trx, input.caseId!);
    if (!c || !canViewCase(actor, c)) throw new AppError('CASE_NOT_FOUND');
    if (isAccusedViewer(actor, c)) throw new AppError('FORBIDDEN');
    caseId = c.id;
    submission = await findSubmissionOnDay(trx, c.id, startOfLocalDay(day.day), startOfLocalDay(addCalendarDays(day.day, 1)));
  }
  const c = (await findCase(trx, caseId))!;
  const headcount = Number(submission?.headcount ?? c.headcount);
  const isCollective = submission?.is_collective ?? c.is_collective;
  const id = await insertReceptionVisit(trx, {
    receptionDayId: day.id, caseId, submissionId: submission?.id ?? null, leaderUserId: day.leader_user_id, day: day.day,
    headcount, isCollective, note: input.note?.trim() || null, recordedBy: actor.userId, at: now,
  });
  if (!id) throw new AppError('RECEPTION_VISIT_EXISTS');
  await insertEvent(trx, {
    caseId, type: 'reception_visit', fromState: null, toState: null, actorUserId: actor.userId, actorOrgId: actor.orgId, actorKind: 'staff', at: now,
    data: { receptionDayId: day.id, day: day.day, leader: day.leader_name, place: day.place, headcount }, isPublic: false,
  });
  await insertAudit(trx, [{ at: now, actorUserId: actor.userId, actorKind: 'staff', action: 'reception.visit', caseId, ip: principal.ip ?? null, detail: { receptionDayId: day.id, visitId: id, registered: !!input.registration } }]);
  return { id, receptionDayId: day.id, caseId, caseNo: c.case_no, queryCode, submissionId: submission?.id ?? null, headcount };
}
