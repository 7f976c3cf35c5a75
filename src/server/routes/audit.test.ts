// The audit log: every read of a petitioner's personal data and every transition writes a row, in
// the same transaction as what it records; the table refuses UPDATE, DELETE and TRUNCATE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';
import { buildRegistration, orgId } from '../test/factories.ts';

let t: TestApp;
let clerk: Client;
let clerkId: number;
beforeAll(async () => {
  t = await startTestApp('2026-03-02T10:00:00+08:00');
  clerk = await t.as('clerk');
  await t.as('hrss.handler');
  await t.as('housing.handler'); // signing in is audited too: done before counting
  clerkId = (await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'clerk').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

const lastAudit = async () => t.ctx.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
const auditCount = async () => Number((await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const detailOf = (r: { detail: unknown }) => (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as Record<string, unknown>;

describe('reads of personal data', () => {
  it('audits the case page, the reveal and the petitioner look-up, naming who, which case and which petitioner', async () => {
    const body = await buildRegistration(t);
    const reg = (await clerk.post('/api/v1/cases', body)).json();
    const reg0 = await lastAudit();
    expect(reg0).toMatchObject({ action: 'case.register', case_id: reg.caseId, actor_user_id: clerkId, actor_kind: 'staff' });
    const petitionerId = reg0.petitioner_id;
    expect(petitionerId).toBeGreaterThan(0);

    let n = await auditCount();
    const view = await clerk.get(`/api/v1/cases/${reg.caseId}`);
    expect(view.json().petitioner.masked).toBe(true);
    expect(await auditCount()).toBe(n + 1);
    expect(await lastAudit()).toMatchObject({ action: 'case.view', case_id: reg.caseId, petitioner_id: petitionerId, actor_user_id: clerkId });
    expect(detailOf(await lastAudit()).masked).toBe(true);

    n = await auditCount();
    const reveal = await clerk.post(`/api/v1/cases/${reg.caseId}/reveal`);
    expect(reveal.json().petitioner.idNumber).toBe(body.petitioner.idNumber);
    expect(await auditCount()).toBe(n + 1);
    expect(await lastAudit()).toMatchObject({ action: 'petitioner.reveal', case_id: reg.caseId, petitioner_id: petitionerId, actor_user_id: clerkId });

    n = await auditCount();
    const look = await clerk.post('/api/v1/petitioners/lookup', { idNumber: body.petitioner.idNumber });
    expect(look.json()[0].cases[0].id).toBe(reg.caseId);
    expect(await auditCount()).toBe(n + 1);
    const la = await lastAudit();
    expect(la).toMatchObject({ action: 'petitioner.lookup', actor_user_id: clerkId });
    expect(detailOf(la).found).toEqual([petitionerId]);
    // a look-up that finds nobody is a read attempt too
    n = await auditCount();
    await clerk.post('/api/v1/petitioners/lookup', { mobile: '13700000000' });
    expect(await auditCount()).toBe(n + 1);

    // a refused read (out of scope) shows nothing and records no view
    n = await auditCount();
    const other = await (await t.as('housing.handler')).get(`/api/v1/cases/${reg.caseId}`);
    expect(other.statusCode).toBe(403);
    expect(await auditCount()).toBe(n);
  });

  it('audits attachment downloads', async () => {
    const reg = (await clerk.post('/api/v1/cases', await buildRegistration(t))).json();
    const b = 'bnd';
    const payload = Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n材料\r\n--${b}--\r\n`);
    const up = await clerk.raw({ method: 'POST', url: `/api/v1/cases/${reg.caseId}/attachments`, payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } });
    expect(up.statusCode, up.body).toBe(201);
    expect(await lastAudit()).toMatchObject({ action: 'attachment.upload', case_id: reg.caseId });
    const dl = await clerk.get(`/api/v1/attachments/${up.json().id}`);
    expect(dl.statusCode).toBe(200);
    expect(await lastAudit()).toMatchObject({ action: 'attachment.download', case_id: reg.caseId, actor_user_id: clerkId });
  });
});

describe('transitions', () => {
  it('writes one audit row per transition with its states and version, and none for a refused one', async () => {
    const reg = (await clerk.post('/api/v1/cases', await buildRegistration(t))).json();
    const hrss = await orgId(t, '县人力资源和社会保障局');
    const steps: [Client, string, object][] = [
      [clerk, 'forward', { targetOrgId: hrss }],
      [await t.as('hrss.handler'), 'accept', {}],
      [await t.as('hrss.handler'), 'answer', { outcome: 'upheld', text: '支持' }],
    ];
    let version = 1;
    for (const [c, action, body] of steps) {
      const res = await c.post(`/api/v1/cases/${reg.caseId}/${action}`, { version, ...body });
      expect(res.statusCode, res.body).toBe(200);
      version++;
      const rows = await t.ctx.db.selectFrom('audit_log').selectAll().where('case_id', '=', reg.caseId).where('action', '=', `case.${action}`).execute();
      expect(rows).toHaveLength(1);
      expect(detailOf(rows[0]!)).toMatchObject({ version });
    }
    const n = await auditCount();
    const refused = await clerk.post(`/api/v1/cases/${reg.caseId}/forward`, { version, targetOrgId: hrss });
    expect(refused.statusCode).toBe(409);
    expect(await auditCount()).toBe(n);
  });
});

describe('the audit table', () => {
  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const n = await auditCount();
    expect(n).toBeGreaterThan(0);
    await expect(t.ctx.db.updateTable('audit_log').set({ action: 'tampered' }).where('id', '>', 0).execute()).rejects.toThrow(/append-only/);
    await expect(t.ctx.db.deleteFrom('audit_log').where('id', '>', 0).execute()).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    expect(await auditCount()).toBe(n);
    expect(await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'tampered').execute()).toEqual([]);
  });
});
