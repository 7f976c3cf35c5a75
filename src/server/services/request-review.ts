// The petitioner asks for review (复查) of an answer, or re-review (复核) of a review decision, on
// the portal: within 30 days of receiving it ([T22] Art 35, 36), one level up each time.
import { AppError, isAppError } from '../../shared/errors.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { findCase } from '../repositories/cases.ts';
import { transitionCase } from './transition-case.ts';

/** Fires request_review (after an answer) or request_re_review (after a review decision). */
export async function requestReview(ctx: AppContext, trx: Tx, caseId: number, input: { reason: string }, ip?: string): Promise<'request_review' | 'request_re_review'> {
  const c = await findCase(trx, caseId);
  if (!c) throw new AppError('PORTAL_SESSION_EXPIRED');
  if (c.state === 'final' || (c.state === 'archived' && c.re_review_outcome)) throw new AppError('FINAL_NOT_REACCEPTED');
  const action = c.state === 'concluded' ? 'request_review' : c.state === 'reviewed' ? 'request_re_review' : null;
  if (!action) {
    // archived after the window ran out: explain the window, not the filing
    if (c.state === 'archived' && c.delivered_on) throw new AppError('PORTAL_REVIEW_WINDOW_CLOSED', { lastDay: c.review_outcome ? c.re_review_request_due : c.review_request_due });
    throw new AppError('PORTAL_REVIEW_NOT_AVAILABLE', { stage: c.state });
  }
  const lastDay = action === 'request_review' ? c.review_request_due : c.re_review_request_due;
  try {
    await transitionCase(ctx, trx, { kind: 'petitioner', ip }, { caseId, action, version: c.version, params: { reason: input.reason } });
  } catch (e) {
    if (isAppError(e) && e.code === 'DEADLINE_PASSED') throw new AppError('PORTAL_REVIEW_WINDOW_CLOSED', { lastDay });
    throw e;
  }
  return action;
}
