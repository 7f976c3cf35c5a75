// Staff sign-in: argon2id password check, lockout after repeated failures, a new session token.
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../shared/errors.ts';
import type { AppContext } from '../context.ts';
import { findUserByUsername, insertSession, recordFailedLogin, resetFailedLogins, deleteSession } from '../repositories/users.ts';
import { insertAudit } from '../repositories/audit.ts';
import { forgetSessions, hashToken } from '../http/auth.ts';

// algorithm 2 = Argon2id
const ARGON = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
// checked when the user does not exist, so both paths take the same time
let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON);
}

/** Signs a user in; after `lockoutThreshold` failures the account is locked for `lockoutMinutes`. The answer
 * says whether the password is one an administrator set, which the user must change before anything else. */
export async function signIn(ctx: AppContext, username: string, password: string, ip: string | undefined): Promise<{ token: string; userId: number; expiresAt: Date; mustChangePassword: boolean }> {
  const now = ctx.clock.now();
  const user = await findUserByUsername(ctx.db, username);
  if (!user || !user.is_active) {
    await verify(await (dummyHash ??= hashPassword('no such user')), password).catch(() => false);
    throw new AppError('BAD_CREDENTIALS');
  }
  if (user.locked_until && new Date(user.locked_until) > now) throw new AppError('ACCOUNT_LOCKED', { until: new Date(user.locked_until).toISOString() });
  // a lock that ran out starts the count afresh: one more slip must not lock the account again at once
  let priorFailures = user.failed_logins;
  if (user.locked_until) {
    await resetFailedLogins(ctx.db, user.id);
    priorFailures = 0;
  }
  const ok = await verify(user.password_hash, password).catch(() => false);
  if (!ok) {
    const failures = priorFailures + 1;
    const lock = failures >= ctx.config.lockoutThreshold ? new Date(now.getTime() + ctx.config.lockoutMinutes * 60_000) : null;
    await recordFailedLogin(ctx.db, user.id, lock);
    await insertAudit(ctx.db, [{ at: now, actorUserId: user.id, actorKind: 'staff', action: 'auth.failed', ip, detail: { failures, locked: !!lock } }]);
    throw new AppError(lock ? 'ACCOUNT_LOCKED' : 'BAD_CREDENTIALS');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000);
  await ctx.db.transaction().execute(async (trx) => {
    await resetFailedLogins(trx, user.id);
    await insertSession(trx, { tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt });
    await insertAudit(trx, [{ at: now, actorUserId: user.id, actorKind: 'staff', action: 'auth.sign_in', ip }]);
  });
  return { token, userId: user.id, expiresAt, mustChangePassword: user.must_change_password };
}

/** Ends a session. */
export async function signOut(ctx: AppContext, token: string): Promise<void> {
  await deleteSession(ctx.db, hashToken(token));
  forgetSessions(ctx);
}
