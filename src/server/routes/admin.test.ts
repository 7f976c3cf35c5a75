// Administration through the real app: organisations, users (with password reset; a password the
// administrator set must be changed by its user at sign-in), categories, the working-day calendar, the
// time-limit profile and the evaluation window. Bad input is a 4xx with
// nothing changed; only administrators change anything; every change is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type Client } from '../test/harness.ts';
import { categoryId, orgId } from '../test/factories.ts';
import { DEFAULT_PROFILE } from '../../domain/deadlines.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await startTestApp('2026-03-02T10:00:00+08:00');
  admin = await t.as('admin');
});
afterAll(async () => t.close());

const count = async (table: 'organisations' | 'users' | 'categories' | 'calendar_days' | 'settings') =>
  Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
const auditActions = async () => (await t.ctx.db.selectFrom('audit_log').select('action').where('action', 'like', 'admin.%').execute()).map((a) => a.action);

describe('who may administer', () => {
  it('refuses every change to non-administrators and changes nothing', async () => {
    const before = await Promise.all([count('organisations'), count('users'), count('categories'), count('calendar_days')]);
    for (const who of ['clerk', 'supervisor', 'leader', 'hrss.handler']) {
      const c = await t.as(who);
      const res = [
        await c.post('/api/v1/orgs', { parentId: null, name: '某单位', level: 'county', kind: 'department', areaCode: '130534' }),
        await c.patch(`/api/v1/orgs/${await orgId(t, '县教育局')}`, { name: '改名' }),
        await c.post('/api/v1/users', { orgId: await orgId(t, '县教育局'), username: `x.${who}`, displayName: 'x', role: 'admin', password: 'Passw0rd!x' }),
        await c.post('/api/v1/users/1/reset-password'),
        await c.post('/api/v1/categories', { parentId: null, code: 'ZZ', nameZh: '新', nameEn: 'New' }),
        await c.put('/api/v1/calendar/2026', []),
        await c.put('/api/v1/settings/time-limits', { answer: { days: 90, unit: 'calendar' } }),
      ];
      for (const r of res) {
        expect(r.statusCode, r.body).toBe(403);
        expect(r.json().error.code).toBe('ROLE_NOT_ALLOWED');
      }
    }
    expect(await Promise.all([count('organisations'), count('users'), count('categories'), count('calendar_days')])).toEqual(before);
    expect((await (await t.as('clerk')).get('/api/v1/settings/time-limits')).json().answer.days).toBe(60);
  });
});

describe('organisations', () => {
  it('adds a body under its parent with its competent categories, then edits level, kind and categories', async () => {
    const county = await orgId(t, '清河县人民政府');
    const cat = await categoryId(t, '07');
    const res = await admin.post('/api/v1/orgs', { parentId: county, name: '县退役军人事务局', level: 'county', kind: 'department', areaCode: '130534', categoryIds: [cat] });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    let org = (await admin.get('/api/v1/orgs')).json().find((o: any) => o.id === id);
    expect(org.path).toMatch(new RegExp(`/${county}/${id}/$`));
    expect(org.categoryIds).toEqual([cat]);
    const p = await admin.patch(`/api/v1/orgs/${id}`, { kind: 'government', categoryIds: [cat, await categoryId(t, '08')], areaCode: '130534000000' });
    expect(p.statusCode, p.body).toBe(200);
    org = (await admin.get('/api/v1/orgs')).json().find((o: any) => o.id === id);
    expect(org.kind).toBe('government');
    expect(org.areaCode).toBe('130534000000');
    expect(org.categoryIds).toHaveLength(2);
    const town = await admin.patch(`/api/v1/orgs/${id}`, { level: 'township' });
    expect(town.statusCode).toBe(200);
    expect(await auditActions()).toEqual(expect.arrayContaining(['admin.org.create', 'admin.org.update']));
  });

  it('refuses a body above its parent, a parent below its children, unknown categories and bad area codes, changing nothing', async () => {
    const before = await count('organisations');
    const county = await orgId(t, '清河县人民政府');
    const cases: [object, number, string][] = [
      [{ parentId: county, name: '错层', level: 'province', kind: 'department', areaCode: '130534' }, 422, 'ADMIN_ORG_LEVEL'],
      [{ parentId: county, name: '错类', level: 'county', kind: 'department', areaCode: '130534', categoryIds: [999999] }, 400, 'UNKNOWN_CATEGORY'],
      [{ parentId: county, name: '错码', level: 'county', kind: 'department', areaCode: '1305' }, 400, 'INVALID_AREA_CODE'],
      [{ parentId: 999999, name: '无上级', level: 'county', kind: 'department', areaCode: '130534' }, 400, 'UNKNOWN_ORG'],
      [{ parentId: county, name: '错种', level: 'county', kind: 'shop', areaCode: '130534' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const r = await admin.post('/api/v1/orgs', body);
      expect(r.statusCode, r.body).toBe(status);
      expect(r.json().error.code).toBe(code);
    }
    expect(await count('organisations')).toBe(before);
    // the county has townships below it: it cannot become a village
    const r = await admin.patch(`/api/v1/orgs/${county}`, { level: 'village', name: '不应改名' });
    expect(r.json().error.code).toBe('ADMIN_ORG_LEVEL');
    const bad = await admin.patch(`/api/v1/orgs/${await orgId(t, '县教育局')}`, { categoryIds: [999999], name: '不应改名' });
    expect(bad.json().error.code).toBe('UNKNOWN_CATEGORY');
    const names = (await admin.get('/api/v1/orgs')).json().map((o: any) => o.name);
    expect(names).not.toContain('不应改名');
  });
});

describe('users', () => {
  it('adds a user who can sign in and must first change the initial password, edits and disables them', async () => {
    const edu = await orgId(t, '县教育局');
    const res = await admin.post('/api/v1/users', { orgId: edu, username: 'edu.handler', displayName: '教育承办', role: 'handler', password: 'Jiaoyu@2026' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect((await admin.get('/api/v1/users')).json().find((x: any) => x.id === id).mustChangePassword).toBe(true);
    const login = await t.anonymous.post('/api/v1/auth/login', { username: 'edu.handler', password: 'Jiaoyu@2026' });
    expect(login.statusCode).toBe(200);
    expect(login.json().mustChangePassword).toBe(true);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const queues = await t.anonymous.raw({ method: 'GET', url: '/api/v1/cases/queues', headers: { cookie } });
    expect(queues.statusCode).toBe(403);
    expect(queues.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await admin.patch(`/api/v1/users/${id}`, { role: 'leader', displayName: '教育局长' })).statusCode).toBe(200);
    const u = (await admin.get('/api/v1/users')).json().find((x: any) => x.id === id);
    expect(u).toMatchObject({ role: 'leader', displayName: '教育局长', orgName: '县教育局', isActive: true });
    expect((await admin.patch(`/api/v1/users/${id}`, { isActive: false })).statusCode).toBe(200);
    const again = await t.anonymous.post('/api/v1/auth/login', { username: 'edu.handler', password: 'Jiaoyu@2026' });
    expect(again.statusCode).toBe(401);
  });

  it('resets a password: a temporary one shown once, the old one and old sessions end', async () => {
    const hrss = await t.as('hrss.handler');
    expect((await hrss.get('/api/v1/cases/queues')).statusCode).toBe(200);
    const id = (await admin.get('/api/v1/users')).json().find((x: any) => x.username === 'hrss.handler').id;
    const res = await admin.post(`/api/v1/users/${id}/reset-password`);
    expect(res.statusCode, res.body).toBe(200);
    const { temporaryPassword } = res.json();
    expect(temporaryPassword).toMatch(/^Xf-[A-Za-z2-9]{10}$/);
    expect((await hrss.get('/api/v1/cases/queues')).statusCode).toBe(401);
    expect((await t.anonymous.post('/api/v1/auth/login', { username: 'hrss.handler', password: 'Xinfang@2026' })).statusCode).toBe(401);
    const login = await t.anonymous.post('/api/v1/auth/login', { username: 'hrss.handler', password: temporaryPassword });
    expect(login.statusCode).toBe(200);
    expect(login.json().mustChangePassword).toBe(true);
    expect((await admin.get('/api/v1/users')).json().find((x: any) => x.id === id).mustChangePassword).toBe(true);
    const audit = await t.ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'admin.user.reset_password').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.detail)).not.toContain(temporaryPassword);
    expect((await admin.post('/api/v1/users/999999/reset-password')).json().error.code).toBe('UNKNOWN_USER');
  });

  it('treats a password set on the edit form for someone else as a reset: sessions end, the user must change it', async () => {
    const housing = await t.as('housing.handler');
    expect((await housing.get('/api/v1/cases/queues')).statusCode).toBe(200);
    const id = (await admin.get('/api/v1/users')).json().find((x: any) => x.username === 'housing.handler').id;
    expect((await admin.patch(`/api/v1/users/${id}`, { password: 'Zhufang@2026' })).statusCode).toBe(200);
    expect((await housing.get('/api/v1/cases/queues')).statusCode).toBe(401);
    const login = await t.anonymous.post('/api/v1/auth/login', { username: 'housing.handler', password: 'Zhufang@2026' });
    expect(login.json().mustChangePassword).toBe(true);
    // the administrator's own password set there is their own choice
    const me = (await admin.get('/api/v1/users')).json().find((x: any) => x.username === 'admin').id;
    expect((await admin.patch(`/api/v1/users/${me}`, { password: 'Guanli@2026' })).statusCode).toBe(200);
    expect((await admin.get('/api/v1/users')).json().find((x: any) => x.id === me).mustChangePassword).toBe(false);
    expect((await admin.get('/api/v1/orgs')).statusCode).toBe(200);
  });

  it('leaves the demo users free of any demand to change their password', async () => {
    const rows = await t.ctx.db.selectFrom('users').select(['username', 'must_change_password']).where('username', 'in', ['clerk', 'supervisor', 'leader', 'town.handler']).execute();
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r.must_change_password, r.username).toBe(false);
  });

  it('refuses a taken user name, an unknown body, a weak password and self-lockout', async () => {
    const before = await count('users');
    const edu = await orgId(t, '县教育局');
    const bad: [object, string][] = [
      [{ orgId: edu, username: 'clerk', displayName: 'x', role: 'clerk', password: 'Passw0rd!x' }, 'VALIDATION_FAILED'],
      [{ orgId: 999999, username: 'nobody', displayName: 'x', role: 'clerk', password: 'Passw0rd!x' }, 'UNKNOWN_ORG'],
      [{ orgId: edu, username: 'short.pw', displayName: 'x', role: 'clerk', password: 'short' }, 'VALIDATION_FAILED'],
      [{ orgId: edu, username: 'bad role', displayName: 'x', role: 'king', password: 'Passw0rd!x' }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of bad) expect((await admin.post('/api/v1/users', body)).json().error.code).toBe(code);
    expect(await count('users')).toBe(before);
    const me = (await admin.get('/api/v1/users')).json().find((x: any) => x.username === 'admin').id;
    expect((await admin.patch(`/api/v1/users/${me}`, { isActive: false })).json().error.code).toBe('ADMIN_SELF_CHANGE');
    expect((await admin.patch(`/api/v1/users/${me}`, { role: 'clerk' })).json().error.code).toBe('ADMIN_SELF_CHANGE');
    expect((await admin.get('/api/v1/users')).json().find((x: any) => x.id === me)).toMatchObject({ role: 'admin', isActive: true });
  });
});

describe('categories', () => {
  it('adds a sub-category, renames and disables it; refuses a taken code', async () => {
    const parent = await categoryId(t, '15');
    const res = await admin.post('/api/v1/categories', { parentId: parent, code: '1599', nameZh: '物业管理', nameEn: 'Property management' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect((await admin.patch(`/api/v1/categories/${id}`, { nameZh: '物业服务', isActive: false })).statusCode).toBe(200);
    const c = (await admin.get('/api/v1/categories')).json().find((x: any) => x.id === id);
    expect(c).toMatchObject({ parentId: parent, nameZh: '物业服务', isActive: false });
    const before = await count('categories');
    expect((await admin.post('/api/v1/categories', { parentId: null, code: '1599', nameZh: '重复', nameEn: 'Dup' })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await admin.post('/api/v1/categories', { parentId: 999999, code: 'NEW1', nameZh: '无上级', nameEn: 'x' })).json().error.code).toBe('UNKNOWN_CATEGORY');
    expect(await count('categories')).toBe(before);
  });
});

describe('working-day calendar', () => {
  it('replaces a year with holidays and make-up working days', async () => {
    const days = (await admin.get('/api/v1/calendar/2027')).json();
    const next = [...days, { day: '2027-03-08', kind: 'holiday', name: '测试假日' }, { day: '2027-03-13', kind: 'workday', name: '调休' }];
    expect((await admin.put('/api/v1/calendar/2027', next)).statusCode).toBe(200);
    const after = (await admin.get('/api/v1/calendar/2027')).json();
    expect(after).toEqual(expect.arrayContaining([{ day: '2027-03-08', kind: 'holiday', name: '测试假日' }, { day: '2027-03-13', kind: 'workday', name: '调休' }]));
    expect(after).toHaveLength(next.length);
  });

  it('refuses a day of another year, a bad date and a duplicate, and keeps the year as it was', async () => {
    const before = (await admin.get('/api/v1/calendar/2026')).json();
    for (const body of [
      [{ day: '2027-01-01', kind: 'holiday' }],
      [{ day: '2026-02-30', kind: 'holiday' }],
      [{ day: '2026-05-01', kind: 'holiday' }, { day: '2026-05-01', kind: 'workday' }],
      [{ day: '2026-05-01', kind: 'vacation' }],
    ]) {
      const r = await admin.put('/api/v1/calendar/2026', body);
      expect(r.statusCode, r.body).toBe(400);
    }
    expect((await admin.get('/api/v1/calendar/2026')).json()).toEqual(before);
  });
});

describe('time-limit profile and evaluation window', () => {
  it('changes the evaluation window and the answer limit; invalid values are refused and change nothing', async () => {
    const res = await admin.put('/api/v1/settings/time-limits', { evaluation: { days: 15, unit: 'working' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ...DEFAULT_PROFILE, evaluation: { days: 15, unit: 'working' } });
    for (const body of [{ answer: { days: 0, unit: 'calendar' } }, { answer: { days: 60, unit: 'weeks' } }, { extensionMaxDays: 91 }, { answer: { days: 60 } }, { nonsense: 1 }]) {
      const r = await admin.put('/api/v1/settings/time-limits', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
    }
    const now = (await admin.get('/api/v1/settings/time-limits')).json();
    expect(now.evaluation).toEqual({ days: 15, unit: 'working' });
    expect(now.answer).toEqual({ days: 60, unit: 'calendar' });
    expect(await auditActions()).toContain('admin.time_limits.update');
  });
});
