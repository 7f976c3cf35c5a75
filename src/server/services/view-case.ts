// Opens a case for a staff member. Every view of personal data is written to the audit log; the
// unmasked view is a separate, deliberate act.
import { AppError } from '../../shared/errors.ts';
import { localDate } from '../../domain/calendar.ts';
import type { Actor, AppContext } from '../context.ts';
import type { Executor } from '../db/database.ts';
import type { CaseRow } from '../db/schema.ts';
import { assertCanViewCase, isAccusedViewer } from '../policies/case-policy.ts';
import { findCase, findCaseParties, listEvents, listSubmissions } from '../repositories/cases.ts';
import { insertAudit, type AuditEntry } from '../repositories/audit.ts';
import { presentCaseDetail, presentEvent } from '../presenters/case-presenter.ts';

/** What a view of the case shows besides the case row: its petitioner and the people of its submissions. */
export type CaseParties = Awaited<ReturnType<typeof findCaseParties>>;

/** Reads the parties of a case (one statement). */
export function readCaseParties(db: Executor, caseId: number): Promise<CaseParties> {
  return findCaseParties(db, caseId);
}

/** The audit entry of a view of personal data; none when the viewer is the accused body (they see none). */
export function caseViewAudit(ctx: AppContext, actor: Actor, c: CaseRow, parties: CaseParties, reveal: boolean, ip?: string): AuditEntry[] {
  if (isAccusedViewer(actor, c)) return [];
  return [{
    at: ctx.clock.now(), actorUserId: actor.userId, actorKind: 'staff', action: reveal ? 'petitioner.reveal' : 'case.view',
    caseId: c.id, petitionerId: c.petitioner_id, ip, detail: { people: parties.people.map((p) => p.id), masked: !reveal },
  }];
}

/** The case as the viewer may see it (no I/O: the caller has read the parties and audited the view). */
export function presentCaseView(ctx: AppContext, actor: Actor, c: CaseRow, parties: CaseParties, reveal: boolean) {
  const hidden = isAccusedViewer(actor, c);
  return presentCaseDetail(c, actor, {
    today: localDate(ctx.clock.now()),
    petitioner: hidden ? undefined : parties.petitioner,
    people: hidden ? [] : parties.people,
    reveal,
  });
}

/** The case as this user may see it; `reveal` shows personal data unmasked (logged as such). */
export async function viewCase(ctx: AppContext, actor: Actor, caseId: number, reveal: boolean, ip?: string) {
  const c = await findCase(ctx.db, caseId);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  assertCanViewCase(actor, c);
  const hidden = isAccusedViewer(actor, c);
  if (reveal && hidden) throw new AppError('FORBIDDEN');
  const parties: CaseParties = hidden ? { petitioner: undefined, people: [] } : await readCaseParties(ctx.db, c.id);
  await insertAudit(ctx.db, caseViewAudit(ctx, actor, c, parties, reveal, ip));
  return presentCaseView(ctx, actor, c, parties, reveal);
}

/** The case's timeline; the accused body sees no identity in it. */
export async function viewCaseEvents(ctx: AppContext, actor: Actor, caseId: number) {
  const c = await findCase(ctx.db, caseId);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  assertCanViewCase(actor, c);
  const hidden = isAccusedViewer(actor, c);
  const [events, submissions] = await Promise.all([listEvents(ctx.db, caseId), listSubmissions(ctx.db, caseId)]);
  return {
    events: events.map((e) => presentEvent(e, hidden)),
    submissions: submissions.map((s) => ({
      id: s.id, channel: s.channel, receivedAt: new Date(s.received_at).toISOString(), headcount: s.headcount,
      isCollective: s.is_collective, isRepeat: s.is_repeat, levelReached: s.level_reached,
    })),
  };
}
