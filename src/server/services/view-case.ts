// Opens a case for a staff member. Every view of personal data is written to the audit log; the
// unmasked view is a separate, deliberate act.
import { AppError } from '../../shared/errors.ts';
import { localDate } from '../../domain/calendar.ts';
import type { Actor, AppContext } from '../context.ts';
import { assertCanViewCase, isAccusedViewer } from '../policies/case-policy.ts';
import { findCase, listEvents, listSubmissionPeople, listSubmissions } from '../repositories/cases.ts';
import { findPetitioner } from '../repositories/petitioners.ts';
import { insertAudit } from '../repositories/audit.ts';
import { presentCaseDetail, presentEvent } from '../presenters/case-presenter.ts';

/** The case as this user may see it; `reveal` shows personal data unmasked (logged as such). */
export async function viewCase(ctx: AppContext, actor: Actor, caseId: number, reveal: boolean, ip?: string, opts: { justActed?: boolean } = {}) {
  const c = await findCase(ctx.db, caseId);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  // right after an action that moved the case out of their area (an objection, a forward to
  // another city) the actor still gets the result of what they did
  if (!opts.justActed) assertCanViewCase(actor, c);
  const hidden = isAccusedViewer(actor, c);
  if (reveal && hidden) throw new AppError('FORBIDDEN');
  const petitioner = c.petitioner_id ? await findPetitioner(ctx.db, c.petitioner_id) : undefined;
  const people = hidden ? [] : await listSubmissionPeople(ctx.db, c.id);
  if (!hidden) {
    await insertAudit(ctx.db, [{
      at: ctx.clock.now(), actorUserId: actor.userId, actorKind: 'staff', action: reveal ? 'petitioner.reveal' : 'case.view',
      caseId: c.id, petitionerId: c.petitioner_id, ip, detail: { people: people.map((p) => p.id), masked: !reveal },
    }]);
  }
  return presentCaseDetail(c, actor, {
    today: localDate(ctx.clock.now()),
    petitioner,
    people,
    reveal,
  });
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
