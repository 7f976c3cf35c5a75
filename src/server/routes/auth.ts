// Sign-in, sign-out, the current user and the change of one's own password. While a member must change
// a password an administrator set, these are all they may call (http/auth.ts requireStaff).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { LIMITS } from '../../shared/enums.ts';
import type { AppContext } from '../context.ts';
import { SESSION_COOKIE, hashToken, requireStaffSession } from '../http/auth.ts';
import { signIn, signOut } from '../services/sign-in.ts';
import { changeOwnPassword } from '../services/change-own-password.ts';
import { findOrg } from '../repositories/organisations.ts';

const Me = Type.Object({
  id: Type.Integer(), username: Type.String(), displayName: Type.String(), role: Type.String(),
  orgId: Type.Integer(), orgName: Type.String(), orgKind: Type.String(), scopePath: Type.String(),
  /** The password is one an administrator set: the member must change it before anything else. */
  mustChangePassword: Type.Boolean(),
});
/** Types of what these routes send, for the console (type-only imports). */
export type MeView = Static<typeof Me>;

export default async function authRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.post('/auth/login', {
    schema: {
      tags: ['auth'], summary: '登录 Sign in',
      body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ ok: Type.Boolean(), expiresAt: Type.String(), mustChangePassword: Type.Boolean() }) },
    },
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const { username, password } = req.body as { username: string; password: string };
    const s = await signIn(ctx, username, password, req.ip);
    void reply.setCookie(SESSION_COOKIE, s.token, { httpOnly: true, sameSite: 'strict', path: '/', secure: ctx.config.secureCookies, expires: s.expiresAt });
    return { ok: true, expiresAt: s.expiresAt.toISOString(), mustChangePassword: s.mustChangePassword };
  });

  app.post('/auth/logout', { schema: { tags: ['auth'], summary: '退出 Sign out', response: { 200: Type.Object({ ok: Type.Boolean() }) } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await signOut(ctx, token);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  const me = async (req: FastifyRequest): Promise<MeView> => {
    const a = requireStaffSession(req);
    const org = await findOrg(ctx.db, a.orgId);
    return {
      id: a.userId, username: a.username, displayName: a.displayName, role: a.role, orgId: a.orgId, orgName: org?.name ?? '', orgKind: org?.kind ?? '',
      scopePath: a.scopePath, mustChangePassword: req.passwordChangeRequired,
    };
  };

  app.get('/auth/me', { schema: { tags: ['auth'], summary: '当前用户 Current user', response: { 200: Me } } }, me);

  // what the console asks when it opens, before sign-in: an answer, not a 401, when no one is signed in
  app.get('/auth/session', {
    schema: { tags: ['auth'], summary: '会话 The signed-in user, or null when no one is', response: { 200: Type.Object({ user: Type.Union([Me, Type.Null()]) }) } },
  }, async (req) => ({ user: req.actor ? await me(req) : null }));

  app.post('/auth/password', {
    schema: {
      tags: ['auth'], summary: '修改本人密码 Change my password',
      body: Type.Object({
        currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
        newPassword: Type.String({ minLength: LIMITS.passwordMin, maxLength: LIMITS.passwordMax }),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ ok: Type.Boolean() }) },
    },
    // guesses at the current password from a session left open: a few a minute per member
    config: { rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => (req.actor ? `user:${req.actor.userId}` : req.ip) } },
  }, async (req) => {
    const actor = requireStaffSession(req);
    const { currentPassword, newPassword } = req.body as { currentPassword: string; newPassword: string };
    await changeOwnPassword(ctx, actor, { currentPassword, newPassword, sessionTokenHash: hashToken(req.cookies[SESSION_COOKIE]!), ip: req.ip });
    return { ok: true };
  });
}
