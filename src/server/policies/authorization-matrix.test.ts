// The authorization matrix: every role against every endpoint listed in /api/openapi.json (so new
// endpoints are covered without touching this file), on cases inside and outside the user's subtree,
// and the secrecy of accusations ([T22] Art 30): the accused body never sees who accused it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../shared/errors.ts';
import { ACTIONS, type Action } from '../../domain/lifecycle.ts';
import { maskIdCard, maskMobile, maskName } from '../../shared/validators.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';
import { buildPerson, buildRegistration, orgId } from '../test/factories.ts';

// endpoints open without a staff session: the citizen portal and public pages, and signing in/out
const PUBLIC_PREFIXES = ['/api/v1/portal/', '/api/v1/public/'];
// the session question answers anyone (null when no one is signed in: routes/auth.test.ts)
const SESSIONLESS = ['POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'GET /api/v1/auth/session'];

// role -> [user whose subtree holds case A, user outside it]
const USERS = ['clerk', 'hrss.handler', 'county.handler', 'supervisor', 'leader', 'hrss.head', 'admin', 'housing.handler', 'town.handler', 'town.head', 'city.clerk', 'city.handler'] as const;
type User = (typeof USERS)[number];
const ROLE_OF: Record<User, string> = {
  clerk: 'clerk', 'hrss.handler': 'handler', 'county.handler': 'handler', supervisor: 'supervisor', leader: 'leader', 'hrss.head': 'leader', admin: 'admin',
  'housing.handler': 'handler', 'town.handler': 'handler', 'town.head': 'leader', 'city.clerk': 'clerk', 'city.handler': 'handler',
};
/** Users whose subtree holds case A (forwarded by the county bureau to the county social-security bureau). */
const IN_SCOPE_A: User[] = ['clerk', 'hrss.handler', 'county.handler', 'supervisor', 'leader', 'hrss.head', 'city.clerk', 'city.handler'];
/** Users whose subtree holds case D (registered at the city bureau, forwarded to the city government). */
const IN_SCOPE_D: User[] = ['city.clerk', 'city.handler'];

interface Op { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string; op: any }

let t: TestApp;
const clients = new Map<User, Client>();
let ops: Op[] = [];
let caseA: { caseId: number; caseNo: string; title: string };
let caseB: { caseId: number; caseNo: string };
let caseD: { caseId: number; caseNo: string; title: string };
let attachmentA = 0;
let attachmentB = 0;
let noticeId = 0;
const accuser = buildPerson({ name: '欧阳秘举', address: '清河县保密街99号' });
const SECRET_CONTENT = '举报镇干部在低保评定中优亲厚友的具体材料甲乙丙';
let secrets: string[] = [];

const today = '2026-03-02';
const PATTERN_CANDIDATES = ['09:00', '130534', 'registered', today, '2026-03', '2026', 'x', 'A'];

/** A value that satisfies a JSON schema (required properties only): the "sensible body" of an endpoint. */
function sample(schema: any, name = ''): unknown {
  if (!schema) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const alts = schema.anyOf ?? schema.oneOf;
  if (alts) return sample(alts.find((s: any) => s.type !== 'null') ?? alts[0], name);
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of schema.required ?? []) out[k] = sample(schema.properties?.[k], k);
      return out;
    }
    case 'array': return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items, name));
    case 'integer':
    case 'number': {
      if (name === 'version') return 1;
      if (/orgId$/i.test(name)) return ids.org;
      if (/userId$/i.test(name)) return ids.user;
      if (name === 'categoryId') return ids.category;
      return Math.max(schema.minimum ?? 1, 1);
    }
    case 'boolean': return false;
    case 'string': {
      if (schema.format === 'date') return today;
      if (schema.format === 'date-time') return '2026-03-02T01:00:00.000Z';
      if (schema.pattern) return PATTERN_CANDIDATES.find((c) => new RegExp(schema.pattern).test(c)) ?? 'x';
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
    }
    default: return undefined;
  }
}
const ids = { org: 0, user: 0, category: 0 };

function urlFor(o: Op, caseId: number, query = true): string {
  let url = o.path.replace(/\{(\w+)\}/g, (_m, p: string) => {
    const param = (o.op.parameters ?? []).find((x: any) => x.in === 'path' && x.name === p);
    if (p === 'id') {
      if (o.path.startsWith('/api/v1/cases/{id}') || o.path.includes('/by-case/')) return String(caseId);
      if (o.path.startsWith('/api/v1/attachments/')) return String(attachmentA);
      if (o.path.startsWith('/api/v1/supervision/')) return String(noticeId);
      if (o.path.startsWith('/api/v1/orgs/')) return String(ids.org);
      if (o.path.startsWith('/api/v1/users/')) return String(ids.user);
      if (o.path.startsWith('/api/v1/categories/')) return String(ids.category);
      return '1';
    }
    if (p === 'year') return '2026';
    return String(sample(param?.schema, p));
  });
  if (query) {
    const qs = (o.op.parameters ?? []).filter((x: any) => x.in === 'query' && x.required).map((x: any) => `${x.name}=${encodeURIComponent(String(sample(x.schema, x.name)))}`);
    if (qs.length) url += `?${qs.join('&')}`;
  }
  return url;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
function multipart(): { payload: Buffer; headers: Record<string, string> } {
  const b = 'xfboundary';
  const payload = Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), PDF, Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

async function call(c: Client, o: Op, caseId: number) {
  const url = urlFor(o, caseId);
  const content = o.op.requestBody?.content ?? {};
  if (content['multipart/form-data'] || (o.op.consumes ?? []).includes('multipart/form-data') || /\/attachments$/.test(o.path) && o.method === 'POST') {
    return c.raw({ method: o.method, url, ...multipart() });
  }
  const schema = content['application/json']?.schema;
  const body = schema ? sample(schema) : undefined;
  return c.raw({ method: o.method, url, ...(body !== undefined && { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
}

function expectCatalogued(res: { statusCode: number; body: string }, label: string) {
  expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode >= 400) {
    const e = JSON.parse(res.body).error;
    expect(Object.keys(ERRORS), label).toContain(e.code);
    expect(e.message.length * e.messageZh.length, label).toBeGreaterThan(0);
  }
}

const isPublic = (o: Op) => PUBLIC_PREFIXES.some((p) => o.path.startsWith(p)) || SESSIONLESS.includes(`${o.method} ${o.path}`);
const actionOf = (o: Op): Action | undefined => {
  const m = /^\/api\/v1\/cases\/\{id\}\/([a-z-]+)$/.exec(o.path);
  const a = m?.[1]!.replace(/-/g, '_');
  return o.method === 'POST' && a && a in ACTIONS ? (a as Action) : undefined;
};
const isCaseEndpoint = (o: Op) => o.path.startsWith('/api/v1/cases/{id}');

beforeAll(async () => {
  t = await startTestApp(`${today}T10:00:00+08:00`);
  for (const u of USERS) clients.set(u, await t.as(u));
  const doc = (await t.anonymous.get('/api/openapi.json')).json();
  for (const [path, byMethod] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    if (!path.startsWith('/api/v1/')) continue; // the web apps' pages are not API endpoints
    for (const [m, op] of Object.entries(byMethod)) ops.push({ method: m.toUpperCase() as Op['method'], path, op });
  }
  ids.org = await orgId(t, '县人力资源和社会保障局');
  ids.user = (await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'housing.handler').executeTakeFirstOrThrow()).id;
  ids.category = (await t.ctx.db.selectFrom('categories').select('id').where('code', '=', '0601').executeTakeFirstOrThrow()).id;

  const clerk = clients.get('clerk')!;
  // A: a claim registered at the county bureau and forwarded to the county social-security bureau
  const regA = await buildRegistration(t, { title: '甲事项拖欠工资' });
  const a = (await clerk.post('/api/v1/cases', regA)).json();
  expect((await clerk.post(`/api/v1/cases/${a.caseId}/forward`, { version: 1, targetOrgId: ids.org })).statusCode).toBe(200);
  caseA = { caseId: a.caseId, caseNo: a.caseNo, title: regA.title };
  const up = multipart();
  const att = await clerk.raw({ method: 'POST', url: `/api/v1/cases/${a.caseId}/attachments`, ...up });
  expect(att.statusCode, att.body).toBe(201);
  attachmentA = att.json().id;
  const sup = await clients.get('supervisor')!.post(`/api/v1/cases/${a.caseId}/supervise`, { version: 2, text: '请按期办理' });
  expect(sup.statusCode, sup.body).toBe(200);
  noticeId = (await clients.get('supervisor')!.get('/api/v1/supervision')).json().find((n: any) => n.caseId === a.caseId).id;

  // B: an accusation against a township brought directly to that township
  const township = await orgId(t, '葛仙庄镇');
  const b = await clients.get('town.handler')!.post('/api/v1/cases', await buildRegistration(t, {
    kind: 'accusation', accusedOrgId: township, accusedName: '葛仙庄镇民政办', petitioner: accuser, channel: 'visit', headcount: 7,
    representatives: [{ name: '上官代表', idNumber: buildPerson().idNumber, mobile: '13800001111' }],
    categoryId: (await t.ctx.db.selectFrom('categories').select('id').where('code', '=', '04').executeTakeFirstOrThrow()).id,
    title: '反映镇干部违规问题', content: SECRET_CONTENT,
  }));
  expect(b.statusCode, b.body).toBe(201);
  caseB = b.json();
  const attB = await clerk.raw({ method: 'POST', url: `/api/v1/cases/${caseB.caseId}/attachments`, ...multipart() });
  expect(attB.statusCode, attB.body).toBe(201);
  attachmentB = attB.json().id;
  const rep = (await t.ctx.db.selectFrom('petitioners').selectAll().where('name', '=', '上官代表').executeTakeFirstOrThrow());
  secrets = [
    accuser.name, accuser.idNumber, accuser.mobile, accuser.address, maskName(accuser.name), maskIdCard(accuser.idNumber), maskMobile(accuser.mobile),
    '上官代表', maskName('上官代表'), rep.id_number!, maskIdCard(rep.id_number!), '13800001111', maskMobile('13800001111'), SECRET_CONTENT, caseB_queryCode(b.json()),
  ];

  // D: a matter of the city, outside every county user's subtree
  const cityClerk = clients.get('city.clerk')!;
  const regD = await buildRegistration(t, { title: '丁事项市级', areaCode: '130500' });
  const d = (await cityClerk.post('/api/v1/cases', regD)).json();
  const f = await cityClerk.post(`/api/v1/cases/${d.caseId}/forward`, { version: 1, targetOrgId: await orgId(t, '邢台市人民政府') });
  expect(f.statusCode, f.body).toBe(200);
  caseD = { caseId: d.caseId, caseNo: d.caseNo, title: regD.title };
  // the city's own leader supervises and owns case D
  const cityLeader = await t.as(`l${await orgId(t, '邢台市人民政府')}`);
  expect((await cityLeader.post(`/api/v1/cases/${d.caseId}/supervise`, { version: 2, text: '市级督办' })).statusCode).toBe(200);
  const own = await cityLeader.post(`/api/v1/cases/${d.caseId}/own`, { version: 3, plan: '市领导包案', closingStandard: '化解', dueOn: '2026-04-30' });
  expect(own.statusCode, own.body).toBe(200);
});
afterAll(async () => t.close());

function caseB_queryCode(r: { queryCode: string }) { return r.queryCode; }

describe('anonymous callers', () => {
  it('get 401 UNAUTHENTICATED on every staff endpoint', async () => {
    const staffOps = ops.filter((o) => !isPublic(o));
    expect(staffOps.length).toBeGreaterThan(40);
    for (const o of staffOps) {
      const res = await call(t.anonymous, o, caseA.caseId);
      expect(res.statusCode, `${o.method} ${o.path}: ${res.body.slice(0, 200)}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('a member who must change a password an administrator set', () => {
  it('gets 403 PASSWORD_CHANGE_REQUIRED on every staff endpoint but who they are, signing out and the change', async () => {
    const admin = clients.get('admin')!;
    const created = await admin.post('/api/v1/users', { orgId: ids.org, username: 'matrix.new', displayName: '新账号', role: 'leader', password: 'Chushi@2026' });
    expect(created.statusCode, created.body).toBe(201);
    const login = await t.anonymous.post('/api/v1/auth/login', { username: 'matrix.new', password: 'Chushi@2026' });
    expect(login.json().mustChangePassword).toBe(true);
    const fresh = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const c: Client = { ...t.anonymous, raw: (o) => t.anonymous.raw({ ...o, headers: { ...o.headers, cookie: fresh } }) };
    const exempt = ['GET /api/v1/auth/me', 'POST /api/v1/auth/logout', 'POST /api/v1/auth/password'];
    const held = ops.filter((o) => !isPublic(o) && !exempt.includes(`${o.method} ${o.path}`));
    expect(held.length).toBeGreaterThan(40);
    for (const o of held) {
      const res = await call(c, o, caseA.caseId);
      expect(res.statusCode, `${o.method} ${o.path}: ${res.body.slice(0, 200)}`).toBe(403);
      expect(res.json().error.code, `${o.method} ${o.path}`).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    const me = await c.raw({ method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json()).toMatchObject({ username: 'matrix.new', mustChangePassword: true });
  });
});

describe('accusation secrecy ([T22] Art 30)', () => {
  const ACCUSED: User[] = ['town.handler', 'town.head'];

  it('lets the handling side see the accuser, so the test looks for the right strings', async () => {
    const res = await clients.get('clerk')!.post(`/api/v1/cases/${caseB.caseId}/reveal`);
    expect(res.statusCode, res.body).toBe(200);
    for (const s of [accuser.name, accuser.idNumber, SECRET_CONTENT, '上官代表']) expect(res.body).toContain(s);
    const masked = await clients.get('clerk')!.get(`/api/v1/cases/${caseB.caseId}`);
    expect(masked.body).toContain(maskName(accuser.name));
    expect(masked.body).not.toContain(accuser.idNumber);
  });

  it('never shows the accused body the identity or the material on the case page, timeline or attachments', async () => {
    for (const u of ACCUSED) {
      const c = clients.get(u)!;
      const detail = await c.get(`/api/v1/cases/${caseB.caseId}`);
      expect(detail.statusCode, detail.body).toBe(200);
      const d = detail.json();
      expect(d.petitioner).toBeNull();
      expect(d.people).toEqual([]);
      expect(d.isContentHidden).toBe(true);
      expect(d.queryCode).toBeNull();
      expect(d.availableActions).toEqual([]);
      const reveal = await c.post(`/api/v1/cases/${caseB.caseId}/reveal`);
      expect([403, 404], reveal.body).toContain(reveal.statusCode);
      expect((await c.get(`/api/v1/cases/${caseB.caseId}/attachments`)).json()).toEqual([]);
      const dl = await c.get(`/api/v1/attachments/${attachmentB}`);
      expect([403, 404]).toContain(dl.statusCode);
      expect(dl.body).not.toContain('%PDF');
      for (const res of [detail, reveal, await c.get(`/api/v1/cases/${caseB.caseId}/events`)]) {
        for (const s of secrets) expect(res.body, `${u} sees ${s}`).not.toContain(s);
      }
    }
  });

  it('does not let the accused body find the accuser by look-up, lists or any other read', async () => {
    for (const u of ACCUSED) {
      const c = clients.get(u)!;
      for (const by of [{ idNumber: accuser.idNumber }, { mobile: accuser.mobile }]) {
        const res = await c.post('/api/v1/petitioners/lookup', by);
        expectCatalogued(res, `${u} lookup`);
        expect(res.body, `${u} lookup links the accuser to the accusation`).not.toContain(caseB.caseNo);
        expect(res.body).not.toContain(String(SECRET_CONTENT));
      }
      // every read in the API (new endpoints included) is scanned for the accuser's identity
      for (const o of ops.filter((x) => x.method === 'GET' && !isPublic(x))) {
        for (const id of [caseB.caseId]) {
          const res = await call(c, o, id);
          expectCatalogued(res, `${u} ${o.method} ${o.path}`);
          for (const s of secrets) expect(res.body, `${u} ${o.method} ${o.path} shows ${s}`).not.toContain(s);
        }
      }
    }
  });

  it('refuses every action of the accused body on the accusation', async () => {
    for (const u of ACCUSED) {
      for (const o of ops.filter((x) => actionOf(x))) {
        const res = await call(clients.get(u)!, o, caseB.caseId);
        expect([403, 404], `${u} ${o.path}: ${res.body}`).toContain(res.statusCode);
      }
    }
  });
});

describe('every role against every endpoint', () => {
  it('keeps cases outside the subtree invisible (403/404 and no data) on every case endpoint', async () => {
    const check = async (u: User, caseId: number, title: string, caseNo: string) => {
      for (const o of ops.filter(isCaseEndpoint)) {
        const res = await call(clients.get(u)!, o, caseId);
        const label = `${u} ${o.method} ${o.path} on case ${caseNo}`;
        expect([403, 404], `${label}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
        expectCatalogued(res, label);
        expect(res.body, label).not.toContain(title);
        expect(res.body, label).not.toContain(caseNo);
      }
    };
    for (const u of USERS.filter((x) => !IN_SCOPE_A.includes(x))) await check(u, caseA.caseId, caseA.title, caseA.caseNo);
    for (const u of USERS.filter((x) => !IN_SCOPE_D.includes(x))) await check(u, caseD.caseId, caseD.title, caseD.caseNo);
  });

  it('keeps cases outside the subtree out of lists and queues', async () => {
    for (const u of USERS.filter((x) => x !== 'admin')) {
      const c = clients.get(u)!;
      const list = await c.get('/api/v1/cases?limit=100');
      expect(list.statusCode, list.body).toBe(200);
      const seen = new Set(list.json().items.map((i: any) => i.id));
      expect(seen.has(caseA.caseId), `${u} list A`).toBe(IN_SCOPE_A.includes(u));
      expect(seen.has(caseD.caseId), `${u} list D`).toBe(IN_SCOPE_D.includes(u));
      const look = await c.post('/api/v1/petitioners/lookup', { mobile: '13900000000' });
      expectCatalogued(look, `${u} lookup`);
      for (const url of ['/api/v1/supervision', '/api/v1/ownerships']) {
        const res = await c.get(url);
        expectCatalogued(res, `${u} ${url}`);
        if (res.statusCode !== 200) continue;
        const caseIds = new Set(res.json().map((n: any) => n.caseId));
        if (IN_SCOPE_D.includes(u)) continue;
        expect(caseIds.has(caseD.caseId), `${u} ${url} shows case D`).toBe(false);
        expect(res.body, `${u} ${url}`).not.toContain(caseD.title);
      }
    }
  });

  it('refuses actions a role may not take with ROLE_NOT_ALLOWED, inside the subtree, and changes nothing', async () => {
    const before = await t.ctx.db.selectFrom('cases').select(['version', 'state']).where('id', '=', caseA.caseId).executeTakeFirstOrThrow();
    let checked = 0;
    for (const o of ops.filter((x) => actionOf(x))) {
      const action = actionOf(o)!;
      for (const u of IN_SCOPE_A) {
        if ((ACTIONS[action].roles as readonly string[]).includes(ROLE_OF[u])) continue;
        const res = await call(clients.get(u)!, o, caseA.caseId);
        expect(res.statusCode, `${u} ${action}: ${res.body}`).toBe(403);
        expect(res.json().error.code, `${u} ${action}`).toBe('ROLE_NOT_ALLOWED');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
    const after = await t.ctx.db.selectFrom('cases').select(['version', 'state']).where('id', '=', caseA.caseId).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('keeps administration to the administrator and casework away from the administrator', async () => {
    const adminOnly = ops.filter((o) => o.method !== 'GET' && /^\/api\/v1\/(orgs|categories|users|settings|calendar)\b/.test(o.path));
    expect(adminOnly.length).toBeGreaterThanOrEqual(8);
    for (const o of adminOnly) {
      for (const u of USERS.filter((x) => x !== 'admin')) {
        const res = await call(clients.get(u)!, o, caseA.caseId);
        expect(res.statusCode, `${u} ${o.method} ${o.path}: ${res.body}`).toBe(403);
        expect(res.json().error.code).toBe('ROLE_NOT_ALLOWED');
      }
    }
    const reg = await clients.get('admin')!.post('/api/v1/cases', await buildRegistration(t));
    expect(reg.statusCode).toBe(403);
    // every read and act on case matters, lists included, is refused by role, not merely emptied
    const casework = ops.filter((o) => /^\/api\/v1\/(cases|attachments|reminders|petitioners|instructions|ownerships)\b|^\/api\/v1\/supervision$|^\/api\/v1\/stats\/drilldown$/.test(o.path));
    expect(casework.length).toBeGreaterThanOrEqual(30);
    for (const o of casework) {
      const res = await call(clients.get('admin')!, o, caseA.caseId);
      expect(res.statusCode, `admin ${o.method} ${o.path}: ${res.body}`).toBe(403);
      expect(res.json().error.code, `admin ${o.method} ${o.path}`).toBe('ROLE_NOT_ALLOWED');
    }
    // the administrator still sees figures and the counts of the supervision board, without cases
    const figures = await clients.get('admin')!.get('/api/v1/stats/figures?period=year&from=2026-01-01');
    expect(figures.statusCode, figures.body).toBe(200);
    const board = await clients.get('admin')!.get('/api/v1/supervision/board');
    expect(board.statusCode, board.body).toBe(200);
    expect(board.json().casesShown).toBe(false);
    expect(board.body).not.toContain(caseA.title);
  });

  it('answers every role on every endpoint with a 2xx or a catalogued 4xx, never a 5xx', async () => {
    // writes last: the administrator's writes change reference data the other checks rely on
    const order = [...ops.filter((o) => !isPublic(o))].sort((x, y) => Number(x.method !== 'GET') - Number(y.method !== 'GET'));
    for (const o of order) {
      for (const u of USERS) {
        const action = actionOf(o);
        if (action) continue; // covered above and by the lifecycle scenarios
        if (o.path === '/api/v1/auth/logout') continue; // would end the shared session
        if (o.path.startsWith('/api/v1/users/') && o.method !== 'GET') continue; // could deactivate a signed-in user
        const res = await call(clients.get(u)!, o, caseA.caseId);
        expectCatalogued(res, `${u} ${o.method} ${o.path}`);
      }
    }
  });
});
