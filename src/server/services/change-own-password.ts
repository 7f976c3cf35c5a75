// A staff member changes their own password: the way out of a password an administrator set (a reset,
// or a new account's initial password), and open to every signed-in member at any time.
import { verify } from '@node-rs/argon2';
import { AppError } from '../../shared/errors.ts';
import type { Actor, AppContext } from '../context.ts';
import { deleteUserSessions, findUser, replaceOwnPassword } from '../repositories/users.ts';
import { insertAudit } from '../repositories/audit.ts';
import { forgetSessions } from '../http/auth.ts';
import { hashPassword } from './sign-in.ts';

/**
 * Replaces the member's password after they prove the current one; the new one must differ from it
 * (its length is checked by the route, as for an administrator's). Clears the demand to change it,
 * ends the member's other sessions and keeps this one. Both outcomes are audited, never a password.
 */
export async function changeOwnPassword(
  ctx: AppContext, actor: Actor, input: { currentPassword: string; newPassword: string; sessionTokenHash: string; ip?: string },
): Promise<void> {
  const now = ctx.clock.now();
  const user = await findUser(ctx.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const audit = { at: now, actorUserId: user.id, actorKind: 'staff' as const, ip: input.ip };
  const proven = await verify(user.password_hash, input.currentPassword).catch(() => false);
  if (!proven) {
    await insertAudit(ctx.db, [{ ...audit, action: 'auth.password_change_failed', detail: { reason: 'current_wrong' } }]);
    throw new AppError('PASSWORD_CURRENT_WRONG');
  }
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_UNCHANGED');
  const passwordHash = await hashPassword(input.newPassword);
  const changed = await ctx.db.transaction().execute(async (trx) => {
    // an administrator's reset made since the check wins: the password proven is no longer the one held
    if (!(await replaceOwnPassword(trx, user.id, user.password_hash, passwordHash))) return false;
    await deleteUserSessions(trx, user.id, input.sessionTokenHash);
    await insertAudit(trx, [{ ...audit, action: 'auth.password_change', detail: { wasRequired: user.must_change_password } }]);
    return true;
  });
  if (!changed) throw new AppError('PASSWORD_CURRENT_WRONG');
  forgetSessions(ctx);
}
