// Staff sign-in through the API: argon2id hashes, lockout after repeated failures and unlock after
// the window (test clock), sign-out, session expiry; every attempt is audited. A password an
// administrator set must be changed before anything else; changing one's own password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { DEMO_PASSWORD } from '../seed/reference-data.ts';
import { orgId } from '../test/factories.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp('2026-03-02T10:00:00+08:00'); });
afterAll(async () => t.close());

const login = (username: string, password: string) => t.anonymous.post('/api/v1/auth/login', { username, password });
const cookieOf = (res: { cookies: { name: string; value: string }[] }) => res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
const me = (cookie: string) => t.anonymous.raw({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
const as = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown) =>
  t.anonymous.raw({ method, url, headers: { cookie, ...(body !== undefined && { 'content-type': 'application/json' }) }, ...(body !== undefined && { payload: JSON.stringify(body) }) });
const changePassword = (cookie: string, currentPassword: string, newPassword: string) => as(cookie, 'POST', '/api/v1/auth/password', { currentPassword, newPassword });
const userRow = (username: string) => t.ctx.db.selectFrom('users').select(['id', 'password_hash', 'must_change_password']).where('username', '=', username).executeTakeFirstOrThrow();
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

  it('answers the console\'s question on opening with the user, or null (not a 401) when no one is signed in', async () => {
    const session = (cookie?: string) => t.anonymous.raw({ method: 'GET', url: '/api/v1/auth/session', headers: cookie ? { cookie } : {} });
    const none = await session();
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ user: null });
    expect((await session('xf_session=forged-token')).json()).toEqual({ user: null });
    const cookie = cookieOf(await login('supervisor', DEMO_PASSWORD));
    const signedIn = await session(cookie);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user).toEqual((await me(cookie)).json());
    expect(signedIn.json().user).toMatchObject({ username: 'supervisor', role: 'supervisor', mustChangePassword: false });
    await t.anonymous.raw({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect((await session(cookie)).json()).toEqual({ user: null });
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

describe('a password an administrator set', () => {
  /** Resets `username`'s password as the administrator and signs in with the temporary one. */
  async function resetAndSignIn(username: string) {
    const admin = await t.as('admin');
    const { id } = await userRow(username);
    const temporaryPassword: string = (await admin.post(`/api/v1/users/${id}/reset-password`)).json().temporaryPassword;
    const res = await login(username, temporaryPassword);
    expect(res.statusCode, res.body).toBe(200);
    return { id, temporaryPassword, signIn: res, cookie: cookieOf(res) };
  }

  it('must be changed before anything else: every other call is refused until then, then all work again', async () => {
    const user = 'county.handler';
    const { temporaryPassword, signIn, cookie } = await resetAndSignIn(user);
    expect(signIn.json().mustChangePassword).toBe(true);
    const who = await me(cookie);
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ username: user, mustChangePassword: true });
    // the console, opening, learns it too
    expect((await as(cookie, 'GET', '/api/v1/auth/session')).json().user).toMatchObject({ username: user, mustChangePassword: true });

    const refused = [
      await as(cookie, 'GET', '/api/v1/cases/queues'),
      await as(cookie, 'GET', '/api/v1/cases?limit=5'),
      await as(cookie, 'GET', '/api/v1/orgs'),
      await as(cookie, 'GET', '/api/v1/reminders'),
      await as(cookie, 'POST', '/api/v1/petitioners/lookup', { mobile: '13900000000' }),
      await as(cookie, 'GET', '/api/v1/settings/time-limits'),
    ];
    for (const r of refused) {
      expect(r.statusCode, r.body).toBe(403);
      expect(r.json().error).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', messageZh: expect.stringContaining('修改密码') });
      expect(r.json().error.message).toContain('Change your password');
    }

    const newPassword = 'Mine@2026!';
    const ok = await changePassword(cookie, temporaryPassword, newPassword);
    expect(ok.statusCode, ok.body).toBe(200);
    // the same session goes on, now free
    expect((await me(cookie)).json().mustChangePassword).toBe(false);
    expect((await as(cookie, 'GET', '/api/v1/cases/queues')).statusCode).toBe(200);
    expect((await as(cookie, 'GET', '/api/v1/orgs')).statusCode).toBe(200);
    expect((await userRow(user)).must_change_password).toBe(false);
    // the temporary password is spent; the new one signs in without any demand
    expect((await login(user, temporaryPassword)).json().error.code).toBe('BAD_CREDENTIALS');
    const again = await login(user, newPassword);
    expect(again.statusCode).toBe(200);
    expect(again.json().mustChangePassword).toBe(false);
    expect(await auditCount('auth.password_change', user)).toBe(1);
    const entry = await t.ctx.db.selectFrom('audit_log').select(['detail', 'ip']).where('action', '=', 'auth.password_change').executeTakeFirstOrThrow();
    expect(JSON.stringify(entry.detail)).toContain('"wasRequired":true');
    expect(JSON.stringify(entry.detail)).not.toContain(newPassword);
  });

  it('lets the member sign out while the change is pending', async () => {
    const { cookie } = await resetAndSignIn('town.head');
    expect((await as(cookie, 'POST', '/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('refuses a wrong current password and changes nothing', async () => {
    const user = 'city.handler';
    const { cookie } = await resetAndSignIn(user);
    const before = await userRow(user);
    const res = await changePassword(cookie, 'Wrong-guess-1', 'Mine@2026!');
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe('PASSWORD_CURRENT_WRONG');
    expect(res.json().error.messageZh).toBe('当前密码不正确');
    expect(await userRow(user)).toEqual(before);
    expect((await me(cookie)).json().mustChangePassword).toBe(true);
    expect((await as(cookie, 'GET', '/api/v1/cases/queues')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(await auditCount('auth.password_change_failed', user)).toBe(1);
    expect(await auditCount('auth.password_change', user)).toBe(0);
  });

  it('refuses a new password the same as the current one, or shorter than an administrator may set, and changes nothing', async () => {
    const user = 'city.clerk';
    const { cookie, temporaryPassword } = await resetAndSignIn(user);
    const before = await userRow(user);
    const same = await changePassword(cookie, temporaryPassword, temporaryPassword);
    expect(same.statusCode, same.body).toBe(422);
    expect(same.json().error.code).toBe('PASSWORD_UNCHANGED');
    const short = await changePassword(cookie, temporaryPassword, 'Ab1!xyz');
    expect(short.statusCode, short.body).toBe(400);
    expect(short.json().error.code).toBe('VALIDATION_FAILED');
    // the administrator's rule is the same: 7 characters are too few for an initial password as well
    const admin = await t.as('admin');
    const bureau = await orgId(t, '清河县信访局');
    expect((await admin.post('/api/v1/users', { orgId: bureau, username: 'short.pw', displayName: 'x', role: 'clerk', password: 'Ab1!xyz' })).json().error.code).toBe('VALIDATION_FAILED');
    expect(await userRow(user)).toEqual(before);
    expect((await me(cookie)).json().mustChangePassword).toBe(true);
  });

  it('refuses the change without a session', async () => {
    const res = await t.anonymous.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Mine@2026!' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('changing one\'s own password', () => {
  it('works for any signed-in member, keeps this session and ends their other ones', async () => {
    const user = 'bureau.head';
    const here = cookieOf(await login(user, DEMO_PASSWORD));
    const elsewhere = cookieOf(await login(user, DEMO_PASSWORD));
    expect((await me(here)).json().mustChangePassword).toBe(false);
    const res = await changePassword(here, DEMO_PASSWORD, 'Juzhang@2026');
    expect(res.statusCode, res.body).toBe(200);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await login(user, DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login(user, 'Juzhang@2026')).statusCode).toBe(200);
    const entry = await t.ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'auth.password_change').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.stringify(entry.detail)).toContain('"wasRequired":false');
  });
});
