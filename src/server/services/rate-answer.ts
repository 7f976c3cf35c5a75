// The petitioner rates an answer (满意度评价) on the portal: the 信访部门 and the handling body are
// rated separately, once per answer, within the evaluation window.
import { AppError, isAppError } from '../../shared/errors.ts';
import type { Rating } from '../../shared/enums.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { findCase } from '../repositories/cases.ts';
import { transitionCase } from './transition-case.ts';

/** Fires `evaluate` as the petitioner; a lapsed or absent window becomes PORTAL_EVALUATION_CLOSED. */
export async function rateAnswer(ctx: AppContext, trx: Tx, caseId: number, input: { bureauRating: Rating; bodyRating: Rating; comment?: string | null }, ip?: string): Promise<void> {
  const c = await findCase(trx, caseId);
  if (!c) throw new AppError('PORTAL_SESSION_EXPIRED');
  try {
    await transitionCase(ctx, trx, { kind: 'petitioner', ip }, {
      caseId, action: 'evaluate', version: c.version,
      params: { bureauRating: input.bureauRating, bodyRating: input.bodyRating, ...(input.comment ? { comment: input.comment } : {}) },
    });
  } catch (e) {
    if (isAppError(e) && (e.code === 'DEADLINE_PASSED' || e.code === 'EVALUATION_NOT_OPEN' || e.code === 'TRANSITION_NOT_ALLOWED')) {
      throw new AppError('PORTAL_EVALUATION_CLOSED', { lastDay: c.evaluation_due });
    }
    throw e;
  }
}
