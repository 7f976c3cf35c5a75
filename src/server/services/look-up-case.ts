// Follow-up look-up by 查询码 and the last four digits of the petitioner's mobile. Whether the code
// is unknown or the digits are wrong, the answer is the same QUERY_FAILED and takes the same work,
// so the look-up never reveals whether a code exists.
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { findCaseForLookup } from '../repositories/portal.ts';
import { insertAudit } from '../repositories/audit.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();
/** Compared against when the code is unknown, so both failures cost the same. */
const DECOY = digest('decoy:----');

/** Normalises a typed 查询码 (case and spaces do not matter). */
export function normalizeQueryCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/** Checks the code and digits; returns the case id or throws QUERY_FAILED. */
export async function lookUpCase(ctx: AppContext, trx: Tx, input: { queryCode: string; mobileLast4: string }, ip?: string): Promise<number> {
  const code = normalizeQueryCode(input.queryCode);
  const found = await findCaseForLookup(trx, code);
  const expected = found?.mobile ? digest(`${found.id}:${found.mobile.slice(-4)}`) : DECOY;
  const given = digest(`${found?.id ?? 0}:${input.mobileLast4}`);
  const matches = timingSafeEqual(expected, given) && !!found?.mobile;
  if (!matches) throw new AppError('QUERY_FAILED');
  // the view of personal case data is audited; a failed try is audited by the caller (this transaction rolls back)
  await insertAudit(trx, [{ at: ctx.clock.now(), actorUserId: null, actorKind: 'petitioner', action: 'portal.lookup', caseId: found!.id, petitionerId: found!.petitioner_id, ip: ip ?? null }]);
  return found!.id;
}
