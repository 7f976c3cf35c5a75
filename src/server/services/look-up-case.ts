// Follow-up look-up by 查询码 and the last four digits of the petitioner's mobile. Whether the code
// is unknown or the digits are wrong, the answer is the same QUERY_FAILED and takes the same work,
// so the look-up never reveals whether a code exists.
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/database.ts';
import type { CaseRow } from '../db/schema.ts';
import { findCaseForLookup } from '../repositories/portal.ts';
import { insertAudit } from '../repositories/audit.ts';
import { openPortalSession } from './open-portal-session.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();
/** Compared against when the code is unknown, so both failures cost the same. */
const DECOY = digest('decoy:----');

/** Normalises a typed 查询码 (case and spaces do not matter). */
export function normalizeQueryCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/**
 * Checks the code and digits. On success opens a portal session on the case and audits the view of
 * personal case data (one statement); returns the case and the session. Otherwise audits the failed
 * try and throws QUERY_FAILED. Not inside a caller's transaction: each write is one statement.
 */
export async function lookUpCase(ctx: AppContext, db: Executor, input: { queryCode: string; mobileLast4: string }, ip?: string): Promise<{ found: CaseRow; session: { token: string; maxAgeSeconds: number } }> {
  const code = normalizeQueryCode(input.queryCode);
  const row = await findCaseForLookup(db, code);
  const expected = row?.petitioner_mobile ? digest(`${row.id}:${row.petitioner_mobile.slice(-4)}`) : DECOY;
  const given = digest(`${row?.id ?? 0}:${input.mobileLast4}`);
  const matches = timingSafeEqual(expected, given) && !!row?.petitioner_mobile;
  if (!matches || !row) {
    await insertAudit(db, [{ at: ctx.clock.now(), actorUserId: null, actorKind: 'petitioner', action: 'portal.lookup_failed', ip: ip ?? null }]);
    throw new AppError('QUERY_FAILED');
  }
  const { petitioner_mobile: _mobile, ...found } = row;
  const session = await openPortalSession(ctx, db, found.id, [
    { at: ctx.clock.now(), actorUserId: null, actorKind: 'petitioner', action: 'portal.lookup', caseId: found.id, petitionerId: found.petitioner_id, ip: ip ?? null },
  ]);
  return { found, session };
}
