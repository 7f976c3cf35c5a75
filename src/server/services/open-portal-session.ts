// A portal session: after a successful look-up (or a submission) the citizen holds a token in an
// HTTP-only cookie, scoped to that one case and short-lived, so that rating and review requests
// carry no personal data in URLs or bodies. The token is signed (HMAC-SHA256) and says which case
// and until when: opening a session writes nothing, and any node that shares the key can check it.
// Ending a session before it runs out (结束查询) records the token's hash until its expiry.
import { createHash, createHmac, createSecretKey, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { insertPortalRevocation, isPortalTokenRevoked } from '../repositories/portal.ts';
import { claimSetting } from '../repositories/settings.ts';

export const PORTAL_COOKIE = 'xf_portal';
/** How long a look-up stays valid without looking up again. */
export const PORTAL_SESSION_MINUTES = 30;
const KEY_SETTING = 'portal_token_key';
const VERSION = 'p1';

// a KeyObject, made once: an HMAC keyed by a Buffer imports the key on every call (several times slower)
const keys = new WeakMap<AppContext, KeyObject>();

/** The signing key: the configured secret, else the one kept in the settings (made on first use,
 * so every node of a deployment signs with the same key). Pass the transaction as `db` inside one. */
async function signingKey(ctx: AppContext, db: Executor): Promise<KeyObject> {
  const known = keys.get(ctx);
  if (known) return known;
  const secret = ctx.config.portalTokenSecret ?? (await claimSetting(db, KEY_SETTING, { key: randomBytes(32).toString('base64url') }, ctx.clock.now())).key;
  const key = createSecretKey(createHash('sha256').update(`xinfang portal token:${secret}`).digest());
  keys.set(ctx, key);
  return key;
}

const mac = (key: KeyObject, body: string) => createHmac('sha256', key).update(body).digest('base64url');
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Opens a session on one case; returns the token for the cookie. Writes nothing. */
export async function openPortalSession(ctx: AppContext, db: Executor, caseId: number): Promise<{ token: string; maxAgeSeconds: number }> {
  const key = await signingKey(ctx, db);
  const expires = Math.floor(ctx.clock.now().getTime() / 1000) + PORTAL_SESSION_MINUTES * 60;
  const body = `${VERSION}.${caseId}.${expires}.${randomBytes(9).toString('base64url')}`;
  return { token: `${body}.${mac(key, body)}`, maxAgeSeconds: PORTAL_SESSION_MINUTES * 60 };
}

/** The case and expiry a token vouches for, or undefined (malformed, forged or expired). */
async function verify(ctx: AppContext, db: Executor, token: string | undefined): Promise<{ caseId: number; expiresAt: Date } | undefined> {
  if (!token || token.length > 120) return undefined;
  const parts = token.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION || !/^\d{1,10}$/.test(parts[1]!) || !/^\d{1,12}$/.test(parts[2]!)) return undefined;
  const body = parts.slice(0, 4).join('.');
  const expected = Buffer.from(mac(await signingKey(ctx, db), body));
  const given = Buffer.from(parts[4]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const expiresAt = new Date(Number(parts[2]) * 1000);
  if (expiresAt.getTime() <= ctx.clock.now().getTime()) return undefined;
  return { caseId: Number(parts[1]), expiresAt };
}

/** The case the session is scoped to; PORTAL_SESSION_EXPIRED when the token is missing, forged,
 * expired or ended. */
export async function resolvePortalSession(ctx: AppContext, db: Executor, token: string | undefined): Promise<number> {
  const caseId = await findPortalSession(ctx, db, token);
  if (caseId === null) throw new AppError('PORTAL_SESSION_EXPIRED');
  return caseId;
}

/** The case of an open look-up session, or null when there is none (no token, expired or ended). */
export async function findPortalSession(ctx: AppContext, db: Executor, token: string | undefined): Promise<number | null> {
  const v = await verify(ctx, db, token);
  if (!v || await isPortalTokenRevoked(db, hashOf(token!))) return null;
  return v.caseId;
}

/** Ends a session before it runs out: the token is refused from now on, on every node. */
export async function closePortalSession(ctx: AppContext, db: Executor, token: string | undefined): Promise<void> {
  const v = await verify(ctx, db, token);
  if (v) await insertPortalRevocation(db, { tokenHash: hashOf(token!), expiresAt: v.expiresAt, now: ctx.clock.now() });
}
