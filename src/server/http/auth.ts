// Resolves the session cookie to the signed-in staff member on every request, and holds a member who
// must change a password an administrator set to that change (requireStaff) until it is made.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.ts';
import type { Role } from '../../shared/enums.ts';
import type { Actor, AppContext, Principal } from '../context.ts';
import { findSessionUser } from '../repositories/users.ts';
import { scopePathFor } from '../policies/scope.ts';

export const SESSION_COOKIE = 'xf_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The signed-in member must replace a password an administrator set before doing anything else. */
    passwordChangeRequired: boolean;
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A resolved session is reused on this node for this long. With several nodes a sign-out or a change
 * of the user made on another node takes effect within it; on this node at once (forgetSessions). */
const SESSION_CACHE_MS = 2_000;
const SESSION_CACHE_MAX = 10_000;
type SessionUser = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>;
const sessionCaches = new WeakMap<object, Map<string, { at: number; user: SessionUser }>>();

/** The signed-in user of a token: one indexed query, or a resolution of the last two seconds (the
 * session's expiry is still checked against the clock on every request). */
async function resolveSession(ctx: AppContext, tokenHash: string): Promise<SessionUser | undefined> {
  let cache = sessionCaches.get(ctx);
  if (!cache) sessionCaches.set(ctx, (cache = new Map()));
  const now = ctx.clock.now();
  const hit = cache.get(tokenHash);
  if (hit && Date.now() - hit.at < SESSION_CACHE_MS) return new Date(hit.user.expires_at).getTime() > now.getTime() ? hit.user : undefined;
  const u = await findSessionUser(ctx.db, tokenHash, now);
  if (cache.size >= SESSION_CACHE_MAX) cache.clear();
  if (u) cache.set(tokenHash, { at: Date.now(), user: u });
  else cache.delete(tokenHash);
  return u;
}

/** Forgets the resolved sessions of this node: after a sign-out, or a change to users or bodies. */
export function forgetSessions(ctx: AppContext): void {
  sessionCaches.delete(ctx);
}

export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('passwordChangeRequired', false);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const u = await resolveSession(ctx, hashToken(token));
    if (!u) return;
    const scopePath = scopePathFor(u.org_kind, u.org_path, u.parent_path);
    req.actor = { userId: u.id, orgId: u.org_id, orgPath: u.org_path, scopePath, role: u.role as Role, displayName: u.display_name, username: u.username };
    req.passwordChangeRequired = u.must_change_password;
  });
}

/** The signed-in staff member, or 401; while they must change their password, 403
 * PASSWORD_CHANGE_REQUIRED for everything (every staff endpoint passes here); then their role. */
export function requireStaff(req: FastifyRequest, roles?: readonly Role[]): Actor {
  const actor = requireStaffSession(req);
  if (req.passwordChangeRequired) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  if (roles && !roles.includes(actor.role)) throw new AppError('ROLE_NOT_ALLOWED');
  return actor;
}

/** The signed-in staff member, or 401, even while they must change their password: only for what
 * they need until then (who they are, and the change itself; signing out needs no session). */
export function requireStaffSession(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}

export function staffPrincipal(req: FastifyRequest, roles?: readonly Role[]): Principal & { kind: 'staff' } {
  return { kind: 'staff', actor: requireStaff(req, roles), ip: req.ip };
}
