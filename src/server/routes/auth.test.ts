// Staff sign-in through the API: argon2id hashes, lockout after repeated failures and unlock after
// the window (test clock), sign-out, session expiry; every attempt is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { DEMO_PASSWORD } from '../seed/reference-data.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp('2026-03-02T10:00:00+08:00'); });
afterAll(async () => t.close());

const login = (username: string, password: string) => t.anonymous.post('/api/v1/auth/login', { username, password });
const cookieOf = (res: { cookies: { name: string; value: string }[] }) => res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
const me = (cookie: string) => t.anonymous.raw({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
const auditCount = async (action: string, username: string) => {
  const u = await t.ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const r = await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', action).where('actor_user_id', '=', u.id).executeTakeFirstOrThrow();
  return Number(r.n);
};

describe('sign-in', () => {
  it('stores argon2id hashes, never the password', async () => {
    const rows = await t.ctx.db.selectFrom('users').select(['username', 'password_hash']).execute();
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect(r.password_hash, r.username).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
      expect(r.password_hash).not.toContain(DEMO_PASSWORD);
    }
  });

  it('signs in with an HTTP-only cookie, and refuses a wrong password or unknown user alike', async () => {
    const ok = await login('clerk', DEMO_PASSWORD);
    expect(ok.statusCode).toBe(200);
    const set = ok.cookies.find((c) => c.name === 'xf_session')!;
    expect(set.httpOnly).toBe(true);
    expect(set.sameSite).toBe('Strict');
    expect((await me(cookieOf(ok))).json().username).toBe('clerk');
    expect(await auditCount('auth.sign_in', 'clerk')).toBe(1);
    for (const [u, p] of [['clerk', 'wrong'], ['nobody', DEMO_PASSWORD], ['nobody', 'wrong']]) {
      const res = await login(u!, p!);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('BAD_CREDENTIALS');
    }
    expect(await auditCount('auth.failed', 'clerk')).toBe(1);
  });

  it('locks the account after 5 failures, refuses even the right password while locked, and unlocks after 15 minutes', async () => {
    const user = 'housing.handler';
    for (let i = 1; i <= 4; i++) expect((await login(user, `wrong${i}`)).json().error.code).toBe('BAD_CREDENTIALS');
    const fifth = await login(user, 'wrong5');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(fifth.json().error.messageZh).toContain('锁定');
    t.clock.advanceMs(14 * 60_000);
    expect((await login(user, DEMO_PASSWORD)).json().error.code).toBe('ACCOUNT_LOCKED');
    t.clock.advanceMs(61_000);
    // after the window one more slip is an ordinary failure, not an instant new lock
    expect((await login(user, 'wrong6')).json().error.code).toBe('BAD_CREDENTIALS');
    const ok = await login(user, DEMO_PASSWORD);
    expect(ok.statusCode, ok.body).toBe(200);
    const row = await t.ctx.db.selectFrom('users').select(['failed_logins', 'locked_until']).where('username', '=', user).executeTakeFirstOrThrow();
    expect(row.failed_logins).toBe(0);
    expect(row.locked_until).toBeNull();
    expect(await auditCount('auth.failed', user)).toBe(6);
  });

  it('leaves other accounts unaffected by one account\'s lockout', async () => {
    expect((await login('town.handler', DEMO_PASSWORD)).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('ends the session on sign-out', async () => {
    const ok = await login('supervisor', DEMO_PASSWORD);
    const cookie = cookieOf(ok);
    expect((await me(cookie)).statusCode).toBe(200);
    const out = await t.anonymous.raw({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    const after = await me(cookie);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a forged or expired session', async () => {
    expect((await me('xf_session=forged-token')).statusCode).toBe(401);
    const ok = await login('leader', DEMO_PASSWORD);
    const cookie = cookieOf(ok);
    const expiresAt = new Date(ok.json().expiresAt);
    t.clock.set(new Date(expiresAt.getTime() - 1000));
    expect((await me(cookie)).statusCode).toBe(200);
    t.clock.set(new Date(expiresAt.getTime() + 1000));
    expect((await me(cookie)).statusCode).toBe(401);
  });
});
