// Follow-up look-up by 查询码 and the last four digits of the petitioner's mobile. Whether the code
// is unknown or the digits are wrong, the answer is the same QUERY_FAILED and takes the same work,
// so the look-up never reveals whether a code exists.
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import type { AppContext } from '../context.ts';
import { findCaseViewForLookup } from '../repositories/portal.ts';
import { insertAuditGrouped } from '../repositories/audit.ts';
import type { PortalCaseView } from '../presenters/portal-presenter.ts';
import { presentPortalCaseRead } from './view-portal-case.ts';
import { openPortalSession } from './open-portal-session.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();
/** Compared against when the code is unknown, so both failures cost the same. */
const DECOY = digest('decoy:----');

/** Normalises a typed 查询码 (case and spaces do not matter). */
export function normalizeQueryCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/**
 * Checks the code and digits (one read brings the case and its view). On success audits the view
 * of personal case data and opens a portal session on the case (a signed token: nothing written);
 * otherwise audits the failed try and throws QUERY_FAILED. The audit entry is written with those of
 * concurrent look-ups (one statement and commit for all) and is committed before this returns.
 * Not inside a caller's transaction.
 */
export async function lookUpCase(ctx: AppContext, input: { queryCode: string; mobileLast4: string }, ip?: string): Promise<{ view: PortalCaseView; session: { token: string; maxAgeSeconds: number } }> {
  const code = normalizeQueryCode(input.queryCode);
  const hit = await findCaseViewForLookup(ctx.db, code);
  const row = hit?.row;
  const expected = hit?.mobile ? digest(`${row!.id}:${hit.mobile.slice(-4)}`) : DECOY;
  const given = digest(`${row?.id ?? 0}:${input.mobileLast4}`);
  const matches = timingSafeEqual(expected, given) && !!hit?.mobile;
  if (!matches || !hit || !row) {
    await insertAuditGrouped(ctx.db, [{ at: ctx.clock.now(), actorUserId: null, actorKind: 'petitioner', action: 'portal.lookup_failed', ip: ip ?? null }]);
    throw new AppError('QUERY_FAILED');
  }
  const [session] = await Promise.all([
    openPortalSession(ctx, ctx.db, row.id),
    insertAuditGrouped(ctx.db, [{ at: ctx.clock.now(), actorUserId: null, actorKind: 'petitioner', action: 'portal.lookup', caseId: row.id, petitionerId: row.petitioner_id, ip: ip ?? null }]),
  ]);
  return { view: presentPortalCaseRead(ctx, hit), session };
}
