// The rollup fold on a real database: request transactions only queue the changed cases; reading
// figures settles them first, so the figures count them at once; a fold (whole or in small
// batches) moves them into the rollups without changing any figure, and leaves nothing behind. Concurrent registrations never lose a delta.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { buildRegistration, orgId } from '../test/factories.ts';
import { countQueuedCases, countRollupDeltas, rebuildAll, rollupTotalsByKey } from '../repositories/stats.ts';
import { sql } from 'kysely';
import { rebuildRollups, rebuildRollupsSideBySide } from '../services/rebuild-rollups.ts';
import { foldRollups } from './fold-rollup-deltas.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp('2026-03-02T10:00:00+08:00'); });
afterAll(async () => t.close());

async function countyFigures() {
  const county = await orgId(t, '清河县人民政府');
  const res = await (await t.as('supervisor')).get(`/api/v1/stats/figures?org=${county}&period=year&from=2026-01-01`);
  expect(res.statusCode, res.body).toBe(200);
  const f = res.json() as { figures: Record<string, { value: number | null }>; now: { openNow: number } };
  return { submissions: f.figures.submissions!.value, headcount: f.figures.headcount!.value, accepted: f.figures.accepted!.value, openNow: f.now.openNow };
}

it('counts unfolded deltas, and folding them changes no figure and no rollup total', async () => {
  await foldRollups(t.ctx.db);
  const base = await countyFigures();
  const clerk = await t.as('clerk');
  const ids: number[] = [];
  for (const headcount of [1, 3, 7]) {
    const res = await clerk.post('/api/v1/cases', await buildRegistration(t, { channel: 'visit', headcount }));
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().caseId);
  }
  // registered: the cases are queued, their facts not yet applied; reading the figures settles
  // them first (deltas appended, nothing folded yet), so the figures already count them
  expect(await countQueuedCases(t.ctx.db)).toBe(3);
  expect(await countRollupDeltas(t.ctx.db)).toBe(0);
  const before = await countyFigures();
  expect(await countQueuedCases(t.ctx.db)).toBe(0);
  expect(await countRollupDeltas(t.ctx.db)).toBeGreaterThan(0);
  expect(before.submissions).toBe(base.submissions! + 3);
  expect(before.headcount).toBe(base.headcount! + 11);
  expect(before.openNow).toBe(base.openNow + 3);
  const totals = await rollupTotalsByKey(t.ctx.db);

  // fold in batches of 2 rows, one batch per call, until nothing is left
  let calls = 0;
  while ((await countRollupDeltas(t.ctx.db)) > 0) {
    const r = await foldRollups(t.ctx.db, 2, 1);
    expect(r.folded).toBeGreaterThan(0);
    expect(await countyFigures()).toEqual(before);
    calls += 1;
  }
  expect(calls).toBeGreaterThan(1);
  expect(await rollupTotalsByKey(t.ctx.db)).toEqual(totals);
  expect(await foldRollups(t.ctx.db)).toEqual({ folded: 0, batches: 1 });
  // and the folded rollups equal a rebuild from the cases
  await rebuildRollups(t.ctx.db);
  expect(await rollupTotalsByKey(t.ctx.db)).toEqual(totals);
});

it('loses no delta when registrations and folds run at the same time', async () => {
  await foldRollups(t.ctx.db);
  const base = await countyFigures();
  const clerk = await t.as('clerk');
  const regs = await Promise.all([1, 2, 3, 4, 5, 6].map(async () => buildRegistration(t, { channel: 'letter' })));
  const results = await Promise.all([
    ...regs.map((r) => clerk.post('/api/v1/cases', r)),
    foldRollups(t.ctx.db, 3), foldRollups(t.ctx.db, 5),
  ]);
  for (const r of results.slice(0, regs.length)) expect((r as { statusCode: number }).statusCode).toBe(201);
  expect((await countyFigures()).submissions).toBe(base.submissions! + regs.length);
  await foldRollups(t.ctx.db);
  expect(await countRollupDeltas(t.ctx.db)).toBe(0);
  expect(await countQueuedCases(t.ctx.db)).toBe(0);
  const folded = await rollupTotalsByKey(t.ctx.db);
  await rebuildRollups(t.ctx.db);
  expect(await rollupTotalsByKey(t.ctx.db)).toEqual(folded);
});

it('rebuilds side by side (after a bulk load) to the same contributions, rollups, indexes and key as in one transaction', async () => {
  await foldRollups(t.ctx.db);
  const contributions = async () => (await sql<Record<string, unknown>>`
    SELECT case_id, metric, dim, org_id, org_path, day::text AS day, n, w FROM stats_case_contrib ORDER BY case_id, metric, dim, org_id, day`.execute(t.ctx.db)).rows;
  const indexes = async () => (await sql<{ indexname: string }>`
    SELECT indexname FROM pg_indexes WHERE tablename IN ('stats_case_contrib', 'stats_rollups') ORDER BY indexname`.execute(t.ctx.db)).rows.map((r) => r.indexname);
  await rebuildRollups(t.ctx.db);
  const whole = { totals: await rollupTotalsByKey(t.ctx.db), contributions: await contributions(), indexes: await indexes() };
  // both parts have rows: the submissions' figures and the others (open matters, acceptance clocks)
  expect(whole.contributions.some((r) => String(r.metric).startsWith('sub'))).toBe(true);
  expect(whole.contributions.some((r) => !String(r.metric).startsWith('sub'))).toBe(true);
  expect(whole.indexes).toEqual(['stats_case_contrib_case', 'stats_case_contrib_drill', 'stats_rollups_pkey']);
  await rebuildRollupsSideBySide(t.ctx.db);
  expect({ totals: await rollupTotalsByKey(t.ctx.db), contributions: await contributions(), indexes: await indexes() }).toEqual(whole);
  // the daily and monthly rows, of each body alone and with those below, are the same rows as the single rebuild's
  const rows = async () => (await sql<Record<string, unknown>>`
    SELECT org_id, tree, grain, bucket::text AS bucket, metric, dim, n::int AS n, w::int AS w FROM stats_rollups ORDER BY org_id, tree, grain, bucket, metric, dim`.execute(t.ctx.db)).rows;
  const sideBySide = await rows();
  await t.ctx.db.transaction().execute((trx) => rebuildAll(trx));
  expect(await rows()).toEqual(sideBySide);
  expect(sideBySide.some((r) => r.tree === true && r.grain === 'm')).toBe(true);
});
