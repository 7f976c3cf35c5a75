// A citizen checks their suggestion by its reference number and the last four mobile digits; the
// same answer whether the number is unknown or the digits are wrong.
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { findSuggestionByRef } from '../repositories/portal.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The topic, title, status and reply of one's own suggestion, or PORTAL_SUGGESTION_NOT_FOUND. */
export async function lookUpSuggestion(_ctx: AppContext, db: Executor, input: { refCode: string; mobileLast4: string }) {
  const row = await findSuggestionByRef(db, input.refCode.replace(/\s+/g, '').toUpperCase());
  const expected = digest(row ? row.mobile.slice(-4) : 'decoy');
  const matches = timingSafeEqual(expected, digest(input.mobileLast4)) && !!row;
  if (!matches) throw new AppError('PORTAL_SUGGESTION_NOT_FOUND');
  return {
    refCode: row.ref_code, topic: row.topic, title: row.title, status: row.status, reply: row.reply,
    submittedOn: new Date(row.created_at).toISOString(), decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
  };
}
