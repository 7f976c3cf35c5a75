// Sign-in, sign-out and the current user.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../context.ts';
import { SESSION_COOKIE, requireStaff } from '../http/auth.ts';
import { signIn, signOut } from '../services/sign-in.ts';
import { findOrg } from '../repositories/organisations.ts';

const Me = Type.Object({
  id: Type.Integer(), username: Type.String(), displayName: Type.String(), role: Type.String(),
  orgId: Type.Integer(), orgName: Type.String(), orgKind: Type.String(), scopePath: Type.String(),
});

export default async function authRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const me = async (actorId: number, req: Parameters<typeof requireStaff>[0]) => {
    const a = requireStaff(req);
    const org = await findOrg(ctx.db, a.orgId);
    return { id: actorId, username: a.username, displayName: a.displayName, role: a.role, orgId: a.orgId, orgName: org?.name ?? '', orgKind: org?.kind ?? '', scopePath: a.scopePath };
  };

  app.post('/auth/login', {
    schema: {
      tags: ['auth'], summary: '登录 Sign in',
      body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ ok: Type.Boolean(), expiresAt: Type.String() }) },
    },
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const { username, password } = req.body as { username: string; password: string };
    const s = await signIn(ctx, username, password, req.ip);
    void reply.setCookie(SESSION_COOKIE, s.token, { httpOnly: true, sameSite: 'strict', path: '/', secure: ctx.config.secureCookies, expires: s.expiresAt });
    return { ok: true, expiresAt: s.expiresAt.toISOString() };
  });

  app.post('/auth/logout', { schema: { tags: ['auth'], summary: '退出 Sign out', response: { 200: Type.Object({ ok: Type.Boolean() }) } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await signOut(ctx, token);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/auth/me', { schema: { tags: ['auth'], summary: '当前用户 Current user', response: { 200: Me } } }, async (req) => me(requireStaff(req).userId, req));
}
