// Follow-up look-up by 查询码 and the last four characters of the petitioner's mobile or 身份证
// number (a letter, visit or call may be registered with only one of them). Whether the code is
// unknown or the characters are wrong, the answer is the same QUERY_FAILED and takes the same work
// (both comparisons, always), so the look-up never reveals whether a code exists.
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import { last4Of, normalizeLast4 } from '../../shared/validators.ts';
import type { AppContext } from '../context.ts';
import { findCaseViewForLookup } from '../repositories/portal.ts';
import { insertAuditGrouped } from '../repositories/audit.ts';
import type { PortalCaseView } from '../presenters/portal-presenter.ts';
import { presentPortalCaseRead } from './view-portal-case.ts';
import { openPortalSession } from './open-portal-session.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();
/** Compared against when the code is unknown or a number is not on file, so every failure costs the same. */
const DECOY = digest('decoy:----');

/** Normalises a typed 查询码 (case and spaces do not matter). */
export function normalizeQueryCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/**
 * Checks the code and the last four (one read brings the case, its petitioner's mobile and 身份证
 * number, and its view). On success audits the view
 * of personal case data and opens a portal session on the case (a signed token: nothing written);
 * otherwise audits the failed try and throws QUERY_FAILED. The audit entry is written with those of
 * concurrent look-ups (one statement and commit for all) and is committed before this returns.
 * Not inside a caller's transaction.
 */
export async function lookUpCase(ctx: AppContext, input: { queryCode: string; last4: string }, ip?: string): Promise<{ view: PortalCaseView; session: { token: string; maxAgeSeconds: number } }> {
  const code = normalizeQueryCode(input.queryCode);
  const hit = await findCaseViewForLookup(ctx.db, code);
  const row = hit?.row;
  const given = digest(`${row?.id ?? 0}:${normalizeLast4(input.last4)}`);
  const expectedMobile = hit?.mobile ? digest(`${row!.id}:${last4Of(hit.mobile)}`) : DECOY;
  const expectedId = hit?.idNumber ? digest(`${row!.id}:${last4Of(hit.idNumber)}`) : DECOY;
  // both compared every time (no short circuit), whichever is on file
  const byMobile = timingSafeEqual(expectedMobile, given) && !!hit?.mobile;
  const byId = timingSafeEqual(expectedId, given) && !!hit?.idNumber;
  if (!(byMobile || byId) || !hit || !row) {
    await insertAuditGrouped(ctx.db, [{ at: ctx.clock.now(), actorUserId: null, actorKind: 'petitioner', action: 'portal.lookup_failed', ip: ip ?? null }]);
    throw new AppError('QUERY_FAILED');
  }
  const [session] = await Promise.all([
    openPortalSession(ctx, ctx.db, row.id),
    insertAuditGrouped(ctx.db, [{ at: ctx.clock.now(), actorUserId: null, actorKind: 'petitioner', action: 'portal.lookup', caseId: row.id, petitionerId: row.petitioner_id, ip: ip ?? null }]),
  ]);
  return { view: presentPortalCaseRead(ctx, hit), session };
}
