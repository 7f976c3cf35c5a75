// Resolves the session cookie to the signed-in staff member on every request.
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
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const u = await findSessionUser(ctx.db, hashToken(token), ctx.clock.now());
    if (!u) return;
    const scopePath = scopePathFor(u.org_kind, u.org_path, u.parent_path);
    req.actor = { userId: u.id, orgId: u.org_id, orgPath: u.org_path, scopePath, role: u.role as Role, displayName: u.display_name, username: u.username };
  });
}

/** The signed-in staff member, or 401. */
export function requireStaff(req: FastifyRequest, roles?: Role[]): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  if (roles && !roles.includes(req.actor.role)) throw new AppError('ROLE_NOT_ALLOWED');
  return req.actor;
}

export function staffPrincipal(req: FastifyRequest, roles?: Role[]): Principal & { kind: 'staff' } {
  return { kind: 'staff', actor: requireStaff(req, roles), ip: req.ip };
}
