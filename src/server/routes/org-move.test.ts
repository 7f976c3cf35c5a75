// Moving a body under another parent through the real app (区划调整): a township with its villages
// passes from 清河县 to a new county. Its matters follow (their paths, its handler's scope), the
// figures of the county it left no longer count it and those of the county it joined do, for past
// periods too, and the rollups still equal a rebuild from the cases. Refusals change nothing; the move
// is the administrator's and audited.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type Client } from '../test/harness.ts';
import { buildRegistration, orgId, scenario } from '../test/factories.ts';
import { PATH_COLUMNS } from '../repositories/org-paths.ts';
import { countRollupDeltas, rollupTotalsByKey } from '../repositories/stats.ts';
import { foldRollups } from '../jobs/fold-rollup-deltas.ts';
import { HEAL_AFTER_MS, runDueHeals } from '../jobs/heal-moved-paths.ts';
import { rebuildRollups } from '../services/rebuild-rollups.ts';

let t: TestApp;
let admin: Client;
const { ok } = scenario(() => t);
let county = 0, city = 0, town = 0, village = 0, nangong = 0, bureau = 0;
const cases: Record<string, number> = {};

const pathOf = async (id: number) => (await t.ctx.db.selectFrom('organisations').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;
async function accepted(org: number) {
  const res = await (await t.as('city.handler')).get(`/api/v1/stats/figures?org=${org}&period=year&from=2026-01-01`);
  expect(res.statusCode, res.body).toBe(200);
  const f = res.json() as { figures: Record<string, { value: number | null }> };
  return { accepted: f.figures.accepted!.value, submissions: f.figures.submissions!.value };
}

beforeAll(async () => {
  t = await startTestApp('2026-03-02T10:00:00+08:00');
  admin = await t.as('admin');
  county = await orgId(t, '清河县人民政府');
  city = await orgId(t, '邢台市人民政府');
  town = await orgId(t, '葛仙庄镇');
  village = await orgId(t, '葛仙庄村');
  bureau = await orgId(t, '清河县信访局');
  const created = await admin.post('/api/v1/orgs', { parentId: city, name: '南宫市人民政府', level: 'county', kind: 'government', areaCode: '130581' });
  expect(created.statusCode, created.body).toBe(201);
  nangong = created.json().id;
  const clerk = await t.as('clerk');
  // A: forwarded to the township and accepted there; B: stays with a county department
  for (const k of ['A', 'B']) {
    const res = await clerk.post('/api/v1/cases', await buildRegistration(t));
    expect(res.statusCode, res.body).toBe(201);
    cases[k] = res.json().caseId;
  }
  await ok('clerk', cases.A!, 'forward', { targetOrgId: town });
  await ok('town.handler', cases.A!, 'accept');
  await ok('clerk', cases.B!, 'forward', { targetOrgId: await orgId(t, '县人力资源和社会保障局') });
  await ok('hrss.handler', cases.B!, 'accept');
});
afterAll(async () => t.close());

describe('moving a body under another parent', () => {
  it('lists every column that keeps a copy of a body\'s path', async () => {
    const cols = await sql<{ t: string; c: string }>`
      SELECT c.table_name AS t, c.column_name AS c FROM information_schema.columns c JOIN information_schema.tables tb
        ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema() AND (c.column_name LIKE '%path' OR c.column_name LIKE '%paths')`.execute(t.ctx.db);
    const listed = Object.entries(PATH_COLUMNS).flatMap(([table, c]) => [...c.text, ...c.arrays].map((x) => `${table}.${x}`)).sort();
    expect(cols.rows.map((r) => `${r.t}.${r.c}`).sort()).toEqual(listed);
  });

  it('refuses a move under the body itself, below it, under a disabled body or at a wrong level, and changes nothing', async () => {
    const before = await t.ctx.db.selectFrom('organisations').select(['id', 'parent_id', 'path']).orderBy('id').execute();
    const disabled = (await admin.post('/api/v1/orgs', { parentId: city, name: '某已撤销县', level: 'county', kind: 'government', areaCode: '130582' })).json().id as number;
    expect((await admin.patch(`/api/v1/orgs/${disabled}`, { isActive: false })).statusCode).toBe(200);
    const tries: [number, number, string][] = [
      [county, county, 'ADMIN_ORG_MOVE'], [county, town, 'ADMIN_ORG_MOVE'], [town, disabled, 'ADMIN_ORG_MOVE'],
      [town, village, 'ADMIN_ORG_MOVE'], [nangong, town, 'ADMIN_ORG_LEVEL'], [county, 99999, 'UNKNOWN_ORG'], [99999, county, 'UNKNOWN_ORG'],
    ];
    for (const [id, parentId, code] of tries) {
      const res = await admin.post(`/api/v1/orgs/${id}/move`, { parentId });
      expect(res.statusCode, `${id} → ${parentId}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.json().error.code).toBe(code);
    }
    const bad = await admin.post(`/api/v1/orgs/${town}/move`, { parentId: 'x' });
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const other = await (await t.as('supervisor')).post(`/api/v1/orgs/${town}/move`, { parentId: nangong });
    expect(other.statusCode).toBe(403);
    const after = await t.ctx.db.selectFrom('organisations').select(['id', 'parent_id', 'path']).where('id', '!=', disabled).orderBy('id').execute();
    expect(after).toEqual(before);
    // to the parent it has: nothing to do
    expect((await admin.post(`/api/v1/orgs/${town}/move`, { parentId: county })).json()).toEqual({ moved: false, path: await pathOf(town), rows: {} });
  });

  it('takes the township, its villages, its matters and its figures to the new county', async () => {
    const countyBefore = await accepted(county);
    const nangongBefore = await accepted(nangong);
    expect(nangongBefore.accepted).toBe(0);
    const oldTown = await pathOf(town);
    // the township takes part in B as a co-handling body (an array of paths)
    await t.ctx.db.updateTable('cases').set({ co_org_ids: [town], co_org_paths: [oldTown] }).where('id', '=', cases.B!).execute();

    // the figures so far folded into the rollups (as the fold job does every second), and one more queued
    await foldRollups(t.ctx.db);
    expect(await countRollupDeltas(t.ctx.db)).toBe(0);
    // C: accepted at the township too, its figures settled (read) but not yet folded
    const c = await (await t.as('clerk')).post('/api/v1/cases', await buildRegistration(t));
    cases.C = c.json().caseId;
    await ok('clerk', cases.C!, 'forward', { targetOrgId: town });
    await ok('town.handler', cases.C!, 'accept');
    expect((await accepted(county)).accepted).toBe(countyBefore.accepted! + 1);
    expect(await countRollupDeltas(t.ctx.db)).toBeGreaterThan(0);
    const res = await admin.post(`/api/v1/orgs/${town}/move`, { parentId: nangong });
    expect(res.statusCode, res.body).toBe(200);
    const moved = res.json() as { moved: boolean; path: string; rows: Record<string, number> };
    const newTown = `${await pathOf(nangong)}${town}/`;
    expect(moved).toMatchObject({ moved: true, path: newTown });
    expect(moved.rows.organisations).toBe(3); // the township and its two villages
    expect(await pathOf(town)).toBe(newTown);
    expect(await pathOf(village)).toBe(`${newTown}${village}/`);
    const parent = await t.ctx.db.selectFrom('organisations').select('parent_id').where('id', '=', town).executeTakeFirstOrThrow();
    expect(parent.parent_id).toBe(nangong);

    const a = await t.ctx.db.selectFrom('cases').select(['current_org_path', 'handling_org_path', 'registered_org_path']).where('id', '=', cases.A!).executeTakeFirstOrThrow();
    expect(a).toEqual({ current_org_path: newTown, handling_org_path: newTown, registered_org_path: await pathOf(bureau) });
    const b = await t.ctx.db.selectFrom('cases').select(['co_org_paths', 'current_org_path']).where('id', '=', cases.B!).executeTakeFirstOrThrow();
    expect(b.co_org_paths).toEqual([newTown]);
    expect(b.current_org_path.startsWith(await pathOf(county))).toBe(true);

    // the figures: A's and C's acceptances leave 清河县 and join 南宫市 (A's from the rollups, C's from the
    // deltas not yet folded); the submissions stay with the bureau that received them
    expect(await accepted(county)).toEqual({ accepted: countyBefore.accepted! - 1, submissions: countyBefore.submissions! + 1 });
    expect(await accepted(nangong)).toEqual({ accepted: 2, submissions: 0 });
    const totals = await rollupTotalsByKey(t.ctx.db);
    await rebuildRollups(t.ctx.db);
    expect(await rollupTotalsByKey(t.ctx.db)).toEqual(totals);

    // the township's handler works on as before, now within the new county
    await ok('town.handler', cases.A!, 'answer', { outcome: 'explained', text: '经核查，已向当事人解释说明。' });
    expect(await accepted(nangong)).toEqual({ accepted: 2, submissions: 0 });
    await foldRollups(t.ctx.db);
    expect(await accepted(nangong)).toEqual({ accepted: 2, submissions: 0 });
    const folded = await rollupTotalsByKey(t.ctx.db);
    await rebuildRollups(t.ctx.db);
    expect(await rollupTotalsByKey(t.ctx.db)).toEqual(folded);
    // a row written meanwhile with the old path (a request under way, another node's cached data) is
    // set right by the second pass the move queued, once it is due
    await t.ctx.db.updateTable('cases').set({ current_org_path: oldTown }).where('id', '=', cases.A!).execute();
    await t.ctx.db.updateTable('cases').set({ co_org_paths: [oldTown] }).where('id', '=', cases.B!).execute();
    await t.ctx.db.updateTable('cases').set({ handling_org_path: oldTown }).where('id', '=', cases.C!).execute();
    expect(await runDueHeals(t.ctx)).toEqual([]);
    t.clock.set(new Date(t.ctx.clock.now().getTime() + HEAL_AFTER_MS));
    const [healed] = await runDueHeals(t.ctx);
    expect(healed).toMatchObject({ 'cases.current_org_path': 1, 'cases.handling_org_path': 1, 'cases.co_org_paths': 1, 'cases.registered_org_path': 0 });
    expect((await t.ctx.db.selectFrom('cases').select('current_org_path').where('id', '=', cases.A!).executeTakeFirstOrThrow()).current_org_path).toBe(newTown);
    expect((await t.ctx.db.selectFrom('cases').select('co_org_paths').where('id', '=', cases.B!).executeTakeFirstOrThrow()).co_org_paths).toEqual([newTown]);
    expect((await t.ctx.db.selectFrom('cases').select('handling_org_path').where('id', '=', cases.C!).executeTakeFirstOrThrow()).handling_org_path).toBe(newTown);
    expect(await runDueHeals(t.ctx)).toEqual([]);

    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'admin.org.move').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ id: town, toParentId: nangong, fromPath: oldTown, toPath: newTown });
  });
});
