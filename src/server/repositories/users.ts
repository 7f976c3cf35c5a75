// SQL for staff users and sessions.
import type { Executor } from '../db/database.ts';
import type { UserRow } from '../db/schema.ts';

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUser(db: Executor, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Executor, orgPath?: string) {
  let q = db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.org_id', 'u.username', 'u.display_name', 'u.role', 'u.is_active', 'u.locked_until', 'u.must_change_password', 'o.name as org_name']);
  if (orgPath) q = q.where('o.path', 'like', `${orgPath}%`);
  return q.orderBy('u.org_id').orderBy('u.id').execute();
}

export async function insertUser(db: Executor, u: { orgId: number; username: string; displayName: string; role: string; passwordHash: string; mustChangePassword?: boolean }): Promise<UserRow> {
  return db.insertInto('users').values({
    org_id: u.orgId, username: u.username, display_name: u.displayName, role: u.role, password_hash: u.passwordHash, must_change_password: u.mustChangePassword ?? false,
  })
    .returningAll().executeTakeFirstOrThrow();
}

export async function updateUser(db: Executor, id: number, patch: { displayName?: string; role?: string; orgId?: number; isActive?: boolean; passwordHash?: string; mustChangePassword?: boolean }): Promise<void> {
  await db.updateTable('users').set({
    ...(patch.displayName !== undefined && { display_name: patch.displayName }),
    ...(patch.role !== undefined && { role: patch.role }),
    ...(patch.orgId !== undefined && { org_id: patch.orgId }),
    ...(patch.isActive !== undefined && { is_active: patch.isActive }),
    ...(patch.passwordHash !== undefined && { password_hash: patch.passwordHash, failed_logins: 0, locked_until: null }),
    ...(patch.mustChangePassword !== undefined && { must_change_password: patch.mustChangePassword }),
  }).where('id', '=', id).execute();
}

/** A user's own new password, only if the password is still the one they proved (not reset meanwhile);
 * clears the demand to change it. True when it was written. */
export async function replaceOwnPassword(db: Executor, id: number, provenHash: string, passwordHash: string): Promise<boolean> {
  const r = await db.updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: false, failed_logins: 0, locked_until: null })
    .where('id', '=', id).where('password_hash', '=', provenHash)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ends every session of a user (after an administrator resets their password), or every one but
 * `keepTokenHash` (the session in which they changed it themselves). */
export async function deleteUserSessions(db: Executor, userId: number, keepTokenHash?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepTokenHash) q = q.where('token_hash', '<>', keepTokenHash);
  await q.execute();
}

export async function recordFailedLogin(db: Executor, id: number, lockUntil: Date | null): Promise<void> {
  await db.updateTable('users').set((eb) => ({ failed_logins: eb('failed_logins', '+', 1), locked_until: lockUntil })).where('id', '=', id).execute();
}

export async function resetFailedLogins(db: Executor, id: number): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
}

export async function insertSession(db: Executor, s: { tokenHash: string; userId: number; createdAt: Date; expiresAt: Date }): Promise<void> {
  await db.insertInto('sessions').values({ token_hash: s.tokenHash, user_id: s.userId, created_at: s.createdAt, expires_at: s.expiresAt }).execute();
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** The user behind a live session, with their organisation's path. */
export async function findSessionUser(db: Executor, tokenHash: string, now: Date) {
  return db.selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.org_id')
    .leftJoin('organisations as p', 'p.id', 'o.parent_id')
    .select(['u.id', 'u.org_id', 'u.username', 'u.display_name', 'u.role', 'u.must_change_password', 'o.path as org_path', 'o.kind as org_kind', 'o.name as org_name', 'p.path as parent_path', 's.expires_at'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('u.is_active', '=', true)
    .executeTakeFirst();
}
