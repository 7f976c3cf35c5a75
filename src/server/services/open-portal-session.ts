// A portal session: after a successful look-up (or a submission) the citizen holds a random token in
// an HTTP-only cookie, scoped to that one case and short-lived, so that rating and review requests
// carry no personal data in URLs or bodies. Only the token's hash is stored.
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { deletePortalSession, findPortalSessionCase, insertPortalSession } from '../repositories/portal.ts';
import type { AuditEntry } from '../repositories/audit.ts';

export const PORTAL_COOKIE = 'xf_portal';
/** How long a look-up stays valid without looking up again. */
export const PORTAL_SESSION_MINUTES = 30;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Opens a session on one case (writing `audit` with it, in one statement); returns the token for the cookie. */
export async function openPortalSession(ctx: AppContext, db: Executor, caseId: number, audit: AuditEntry[] = []): Promise<{ token: string; maxAgeSeconds: number }> {
  const now = ctx.clock.now();
  const token = randomBytes(32).toString('base64url');
  await insertPortalSession(db, { tokenHash: hashOf(token), caseId, at: now, expiresAt: new Date(now.getTime() + PORTAL_SESSION_MINUTES * 60_000) }, audit);
  return { token, maxAgeSeconds: PORTAL_SESSION_MINUTES * 60 };
}

/** The case the session is scoped to; PORTAL_SESSION_EXPIRED when there is none or it has run out. */
export async function resolvePortalSession(ctx: AppContext, db: Executor, token: string | undefined): Promise<number> {
  if (!token || token.length > 100) throw new AppError('PORTAL_SESSION_EXPIRED');
  const caseId = await findPortalSessionCase(db, hashOf(token), ctx.clock.now());
  if (!caseId) throw new AppError('PORTAL_SESSION_EXPIRED');
  return caseId;
}

export async function closePortalSession(db: Executor, token: string | undefined): Promise<void> {
  if (token && token.length <= 100) await deletePortalSession(db, hashOf(token));
}
