// Statistics SQL: what each case contributes to the figures (the view stats_contributions of
// migration 0002, documented in stats/formulas.ts), the deltas and rollups summed from it, the
// fold, the snapshot counts, drill-down and recount.
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db/database.ts';
import { CASE_SUMMARY_COLUMNS } from './cases.ts';

/** China-time local date of a timestamptz column. */
const ld = (col: string) => sql.raw(`((${col} AT TIME ZONE 'UTC') + interval '8 hours')::date`);

/**
 * Re-applies the facts of some cases: the database function stats_apply_case_facts (migration
 * 0002) recomputes their rows from the view stats_contributions - THE definition of every rollup
 * metric, described in stats/formulas.ts METRICS - replaces the rows that changed and appends the
 * differences to stats_rollup_deltas. Nothing written is keyed across cases, so concurrent writers
 * never wait on each other; the hot rollup rows are written only by the folder (foldRollupDeltas).
 * A function, so each connection plans the statement once (planning it costs ten times running it).
 */
export async function applyContributionChanges(db: Executor, caseIds: number[]): Promise<void> {
  if (!caseIds.length) return;
  await sql`SELECT stats_apply_case_facts(ARRAY[${sql.join(caseIds)}]::int[])`.execute(db);
}

/** Queues cases for their figures to be re-applied (one append, in the caller's transaction). */
export async function queueCases(db: Executor, caseIds: number[]): Promise<void> {
  if (!caseIds.length) return;
  await db.insertInto('stats_case_queue').values(caseIds.map((case_id) => ({ case_id }))).execute();
}

/** Takes at most `limit` queued entries (deleting them) and returns their distinct case ids in
 * order. The caller holds the folder's lock, so no other settler takes the same entries. */
export async function takeQueuedCases(db: Executor, limit: number): Promise<{ taken: number; caseIds: number[] }> {
  const r = await sql<{ case_id: number }>`
    DELETE FROM stats_case_queue WHERE ctid = ANY(ARRAY(SELECT ctid FROM stats_case_queue LIMIT ${limit})) RETURNING case_id`.execute(db);
  return { taken: r.rows.length, caseIds: [...new Set(r.rows.map((x) => Number(x.case_id)))].sort((a, b) => a - b) };
}

export async function anyQueuedCases(db: Executor): Promise<boolean> {
  const r = await sql<{ any: boolean }>`SELECT EXISTS (SELECT 1 FROM stats_case_queue) AS any`.execute(db);
  return !!r.rows[0]?.any;
}

/** Queued entries not yet settled (monitoring, tests). */
export async function countQueuedCases(db: Executor): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM stats_case_queue`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** The ids of an organisation's materialised path: the body itself and every body above it. */
const ANCESTORS = (pathCol: string) => sql.raw(`unnest(string_to_array(trim(both '/' from ${pathCol}), '/'))::int`);

/**
 * Folds at most `limit` deltas into stats_rollups in one statement: deletes them (RETURNING),
 * spreads each over the body alone and every body on its path, by day and by month, sums per
 * rollup key and upserts in key order. Run by one folder at a time (the caller holds the lock);
 * readers see either the deltas or the rollups they became, never both (one commit).
 * Returns how many deltas were folded.
 */
export async function foldRollupDeltas(db: Executor, limit: number): Promise<number> {
  const r = await sql<{ moved: number }>`
WITH moved AS (
  DELETE FROM stats_rollup_deltas WHERE ctid = ANY(ARRAY(SELECT ctid FROM stats_rollup_deltas LIMIT ${limit}))
  RETURNING org_id, org_path, day, metric, dim, n, w),
per_day AS (SELECT org_id, org_path, day, metric, dim, sum(n) AS n, sum(w) AS w FROM moved GROUP BY org_id, org_path, day, metric, dim),
spread AS (
  SELECT t.org_id, t.tree, g.grain, CASE g.grain WHEN 'd' THEN p.day ELSE date_trunc('month', p.day)::date END AS bucket, p.metric, p.dim, sum(p.n) AS n, sum(p.w) AS w
  FROM per_day p
  CROSS JOIN LATERAL (SELECT p.org_id AS org_id, false AS tree UNION ALL SELECT ${ANCESTORS('p.org_path')}, true) t
  CROSS JOIN (VALUES ('d'), ('m')) g(grain)
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(p.n) <> 0 OR sum(p.w) <> 0),
up AS (
  INSERT INTO stats_rollups (org_id, tree, grain, bucket, metric, dim, n, w)
  SELECT org_id, tree, grain, bucket, metric, dim, n, w FROM spread ORDER BY org_id, tree, metric, grain, bucket, dim
  ON CONFLICT (org_id, tree, metric, grain, bucket, dim) DO UPDATE SET n = stats_rollups.n + excluded.n, w = stats_rollups.w + excluded.w)
SELECT count(*)::int AS moved FROM moved`.execute(db);
  return Number(r.rows[0]?.moved ?? 0);
}

/** Deltas not yet folded (monitoring, tests). */
export async function countRollupDeltas(db: Executor): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM stats_rollup_deltas`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Serialises folders (and the rebuild) across connections and app nodes, until the transaction ends. */
export async function lockRollupFolder(db: Executor): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(724102)`.execute(db);
}

/**
 * After a body moved (it and the bodies below it now have paths under `path`): their figures leave the
 * tree rollups of the bodies above that it left, and join those of the bodies above that it joined.
 * The rollups of each body alone, and the tree rollups of the moved bodies, stay as they are; the
 * unfolded deltas follow their rewritten paths when folded. Under the folder's lock.
 */
export async function moveTreeRollups(db: Executor, path: string, left: number[], joined: number[]): Promise<void> {
  const sums = sql`SELECT grain, bucket, metric, dim, sum(n) AS n, sum(w) AS w FROM stats_rollups
    WHERE tree = false AND org_id IN (SELECT id FROM organisations WHERE path LIKE ${`${path}%`}) GROUP BY grain, bucket, metric, dim`;
  if (left.length) {
    await sql`UPDATE stats_rollups r SET n = r.n - s.n, w = r.w - s.w FROM (${sums}) s
      WHERE r.tree = true AND r.org_id IN (${sql.join(left)}) AND r.grain = s.grain AND r.bucket = s.bucket AND r.metric = s.metric AND r.dim = s.dim`.execute(db);
    await sql`DELETE FROM stats_rollups WHERE tree = true AND org_id IN (${sql.join(left)}) AND n = 0 AND w = 0`.execute(db);
  }
  if (joined.length) {
    await sql`INSERT INTO stats_rollups (org_id, tree, grain, bucket, metric, dim, n, w)
      SELECT a.id, true, s.grain, s.bucket, s.metric, s.dim, s.n, s.w FROM (${sums}) s CROSS JOIN unnest(ARRAY[${sql.join(joined)}]::int[]) AS a(id)
      ON CONFLICT (org_id, tree, metric, grain, bucket, dim) DO UPDATE SET n = stats_rollups.n + excluded.n, w = stats_rollups.w + excluded.w`.execute(db);
  }
}

export interface BucketRange { grain: 'd' | 'm'; from: string; to: string }

const pad2 = (x: number) => String(x).padStart(2, '0');
/** The last day of the month starting at `monthStart` ('YYYY-MM-01'). */
function monthEndOf(monthStart: string): string {
  const y = Number(monthStart.slice(0, 4)), m = Number(monthStart.slice(5, 7));
  return `${y}-${pad2(m)}-${pad2(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}
/** Rollup rows of the bucket ranges. */
const bucketCond = (ranges: BucketRange[]) =>
  sql`(${sql.join(ranges.map((r) => sql`(grain = ${r.grain} AND bucket >= ${r.from} AND bucket <= ${r.to})`), sql` OR `)})`;
/** Delta rows (dated by day) of the same ranges. */
const dayCond = (ranges: BucketRange[]) =>
  sql`(${sql.join(ranges.map((r) => sql`(day >= ${r.from} AND day <= ${r.grain === 'm' ? monthEndOf(r.to) : r.to})`), sql` OR `)})`;
/** Deltas of a body alone, or of every body of its subtree (by the body's path). */
const deltaOrgCond = (orgId: number, tree: boolean) =>
  (tree ? sql`org_path LIKE (SELECT path FROM organisations WHERE id = ${orgId}) || '%'` : sql`org_id = ${orgId}`);

/**
 * Sums of the rollups of one body (alone or with its subtree) over some bucket ranges, plus the
 * deltas not yet folded (one statement, so one snapshot: a fold is seen whole or not at all).
 * Index: the primary key (org_id, tree, metric, grain, bucket, dim) - one range scan per metric and range.
 */
export async function sumRollups(db: Executor, orgId: number, tree: boolean, ranges: BucketRange[], metrics: readonly string[]) {
  if (!ranges.length || !metrics.length) return [];
  const ms = sql.join([...metrics]);
  const r = await sql<{ metric: string; dim: string; n: number; w: number }>`
    SELECT metric, dim, sum(n)::bigint AS n, sum(w)::bigint AS w FROM (
      SELECT metric, dim, n, w FROM stats_rollups
      WHERE org_id = ${orgId} AND tree = ${tree} AND metric IN (${ms}) AND ${bucketCond(ranges)}
      UNION ALL
      SELECT metric, dim, n, w FROM stats_rollup_deltas
      WHERE ${deltaOrgCond(orgId, tree)} AND metric IN (${ms}) AND ${dayCond(ranges)}) x
    GROUP BY metric, dim`.execute(db);
  return r.rows;
}

/** Per-body sums for a set of bodies (the ranking), with the unfolded deltas. Same index, one scan per body. */
export async function sumRollupsByOrg(db: Executor, orgIds: number[], tree: boolean, ranges: BucketRange[], metrics: readonly string[]) {
  if (!orgIds.length || !ranges.length || !metrics.length) return [];
  const ms = sql.join([...metrics]);
  const ids = sql.join(orgIds);
  const r = await sql<{ org_id: number; metric: string; dim: string; n: number; w: number }>`
    SELECT org_id, metric, dim, sum(n)::bigint AS n, sum(w)::bigint AS w FROM (
      SELECT org_id, metric, dim, n, w FROM stats_rollups
      WHERE org_id IN (${ids}) AND tree = ${tree} AND metric IN (${ms}) AND ${bucketCond(ranges)}
      UNION ALL
      SELECT o.id, d.metric, d.dim, d.n, d.w FROM stats_rollup_deltas d
      JOIN organisations o ON ${tree ? sql`d.org_path LIKE o.path || '%'` : sql`d.org_id = o.id`}
      WHERE o.id IN (${ids}) AND d.metric IN (${ms}) AND ${dayCond(ranges)}) x
    GROUP BY org_id, metric, dim`.execute(db);
  return r.rows;
}

const pathCond = (col: string, path: string, tree: boolean) =>
  tree ? sql`${sql.ref(col)} LIKE ${`${path}%`}` : sql`${sql.ref(col)} = ${path}`;

export function prevDay(d: string): string {
  const t = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Reception figures of the leaders of a body (and below): days held (a cancelled day is not), visits and their headcount. */
export async function receptionCounts(db: Executor, path: string, tree: boolean, from: string, to: string) {
  const days = await sql<{ leader_user_id: number; days: number; fixed_days: number; field_days: number }>`
    SELECT leader_user_id, count(DISTINCT day)::int AS days, (count(DISTINCT day) FILTER (WHERE kind = 'fixed'))::int AS fixed_days,
      (count(DISTINCT day) FILTER (WHERE kind = 'field'))::int AS field_days FROM reception_days
    WHERE ${pathCond('org_path', path, tree)} AND day >= ${from} AND day <= ${to} AND cancelled_at IS NULL GROUP BY leader_user_id`.execute(db);
  const visits = await sql<{ leader_user_id: number; visits: number; headcount: number; appointment_headcount: number }>`
    SELECT v.leader_user_id, count(*)::int AS visits, COALESCE(sum(v.headcount), 0)::int AS headcount,
      COALESCE(sum(v.headcount) FILTER (WHERE d.kind = 'appointment'), 0)::int AS appointment_headcount
    FROM reception_visits v JOIN reception_days d ON d.id = v.reception_day_id
    WHERE ${pathCond('d.org_path', path, tree)} AND v.day >= ${from} AND v.day <= ${to} GROUP BY v.leader_user_id`.execute(db);
  return { days: days.rows, visits: visits.rows };
}

export async function leaderNames(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  return db.selectFrom('users').select(['id', 'display_name', 'org_id']).where('id', 'in', ids).execute();
}

export interface DrillFilter { metric: string; dims?: readonly string[] }

/** Case ids behind contribution rows, keyset-paged by case id (index stats_case_contrib_drill). */
export async function drillContribCaseIds(db: Executor, parts: DrillFilter[], path: string, tree: boolean, from: string, to: string, after: number, limit: number): Promise<number[]> {
  const rows = await db.selectFrom('stats_case_contrib').select('case_id').distinct()
    .where((eb) => eb.or(parts.map((p) => (p.dims ? eb.and([eb('metric', '=', p.metric), eb('dim', 'in', [...p.dims])]) : eb('metric', '=', p.metric)))))
    .where(tree ? sql<boolean>`org_path LIKE ${`${path}%`}` : sql<boolean>`org_path = ${path}`)
    .where('day', '>=', from).where('day', '<=', to).where('case_id', '>', after).where('n', '>', 0)
    .orderBy('case_id').limit(limit).execute();
  return rows.map((r) => r.case_id);
}

export async function drillReceptionCaseIds(db: Executor, path: string, tree: boolean, from: string, to: string, after: number, limit: number, kind?: string): Promise<number[]> {
  const r = await sql<{ case_id: number }>`
    SELECT DISTINCT v.case_id FROM reception_visits v JOIN reception_days d ON d.id = v.reception_day_id
    WHERE ${pathCond('d.org_path', path, tree)} AND v.day >= ${from} AND v.day <= ${to} AND v.case_id > ${after}
      ${kind ? sql`AND d.kind = ${kind}` : sql``}
    ORDER BY v.case_id LIMIT ${limit}`.execute(db);
  return r.rows.map((x) => x.case_id);
}

/** The cases of a drill-down page, with what the summary presenter and the scope policy need. */
export async function casesForDrill(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  return db.selectFrom('cases')
    .leftJoin('organisations as o', 'o.id', 'cases.current_org_id')
    .leftJoin('categories as c', 'c.id', 'cases.category_id')
    .select([...CASE_SUMMARY_COLUMNS, 'cases.current_org_path', 'cases.registered_org_path', 'cases.handling_org_path', 'cases.accused_org_path'])
    .where('cases.id', 'in', ids).orderBy('cases.id').execute();
}

export async function childOrgs(db: Executor, parentId: number) {
  return db.selectFrom('organisations').select(['id', 'name', 'path']).where('parent_id', '=', parentId).where('is_active', '=', true).orderBy('id').execute();
}

export async function orgById(db: Executor, id: number) {
  return db.selectFrom('organisations').select(['id', 'name', 'path', 'parent_id', 'kind']).where('id', '=', id).executeTakeFirst();
}

export async function rootOrgs(db: Executor) {
  return db.selectFrom('organisations').select(['id', 'name', 'path']).where('parent_id', 'is', null).orderBy('id').execute();
}

/**
 * The parts a rebuild fills, by metric: the submissions' (one pass over the submissions gives six or
 * more rows each) and all the others; of 1,000,000 generated cases, 6.2 and 5.2 million contribution
 * rows. Each part's rows, daily and monthly sums are independent of the other's.
 */
export const REBUILD_PARTS = ['submissions', 'others'] as const;
export type RebuildPart = (typeof REBUILD_PARTS)[number];
const partCond = (part: RebuildPart | null, col: string) =>
  part === null ? sql`true` : part === 'submissions' ? sql`${sql.ref(col)} LIKE 'sub%'` : sql`${sql.ref(col)} NOT LIKE 'sub%'`;

/** Memory for a rebuild's big sorts and hash aggregates (else they spill to disk); for its transaction only. */
export async function setRebuildMemory(db: Executor): Promise<void> {
  await sql`SET LOCAL work_mem = '256MB'`.execute(db);
  await sql`SET LOCAL maintenance_work_mem = '512MB'`.execute(db);
}

/** A rebuild's first step: empties the contributions, rollups and deltas, and drops their indexes and key (built once after). */
export async function clearForRebuild(db: Executor): Promise<void> {
  await sql`TRUNCATE stats_case_contrib, stats_rollups, stats_rollup_deltas`.execute(db);
  await sql`DROP INDEX IF EXISTS stats_case_contrib_case`.execute(db);
  await sql`DROP INDEX IF EXISTS stats_case_contrib_drill`.execute(db);
  await sql`ALTER TABLE stats_rollups DROP CONSTRAINT IF EXISTS stats_rollups_pkey`.execute(db);
}

/**
 * Fills one part (or, with null, all) of the contributions from the cases, then its daily and monthly
 * rollups: the body alone, and every body above (and including) it, the ids of its materialised path.
 */
export async function fillRebuildPart(db: Executor, part: RebuildPart | null): Promise<void> {
  await sql`INSERT INTO stats_case_contrib (case_id, metric, dim, org_id, org_path, day, n, w)
    SELECT case_id, metric, dim, org_id, org_path, day, n, w FROM stats_contributions WHERE ${partCond(part, 'metric')}`.execute(db);
  await sql`INSERT INTO stats_rollups (org_id, tree, grain, bucket, metric, dim, n, w)
    SELECT org_id, false, 'd', day, metric, dim, sum(n), sum(w) FROM stats_case_contrib WHERE ${partCond(part, 'metric')}
    GROUP BY org_id, day, metric, dim`.execute(db);
  await sql`INSERT INTO stats_rollups (org_id, tree, grain, bucket, metric, dim, n, w)
    SELECT org_id, false, 'm', date_trunc('month', bucket)::date, metric, dim, sum(n), sum(w)
    FROM stats_rollups WHERE tree = false AND grain = 'd' AND ${partCond(part, 'metric')}
    GROUP BY org_id, date_trunc('month', bucket), metric, dim`.execute(db);
  // each body's ancestors once (a few thousand rows), not a path split for every rollup row
  await sql`INSERT INTO stats_rollups (org_id, tree, grain, bucket, metric, dim, n, w)
    WITH anc AS MATERIALIZED (SELECT o.id AS org_id, ${ANCESTORS('o.path')} AS anc_id FROM organisations o)
    SELECT a.anc_id, true, r.grain, r.bucket, r.metric, r.dim, sum(r.n), sum(r.w)
    FROM stats_rollups r JOIN anc a ON a.org_id = r.org_id
    WHERE r.tree = false AND ${partCond(part, 'r.metric')}
    GROUP BY a.anc_id, r.grain, r.bucket, r.metric, r.dim`.execute(db);
}

/** A rebuild's last steps, one table each: the contributions' indexes, or the rollups' key; then its statistics. */
export async function indexAfterRebuild(db: Executor, table: 'contributions' | 'rollups'): Promise<void> {
  if (table === 'contributions') {
    await sql`CREATE INDEX stats_case_contrib_case ON stats_case_contrib(case_id)`.execute(db);
    await sql`CREATE INDEX stats_case_contrib_drill ON stats_case_contrib(metric, org_path text_pattern_ops, day, case_id)`.execute(db);
    await sql`ANALYZE stats_case_contrib`.execute(db);
  } else {
    // same definition as in 0002_stats.sql
    await sql`ALTER TABLE stats_rollups ADD CONSTRAINT stats_rollups_pkey PRIMARY KEY (org_id, tree, metric, grain, bucket, dim)`.execute(db);
    await sql`ANALYZE stats_rollups`.execute(db);
  }
}

/** Recomputes every contribution and rollup from the cases (set-based; one transaction; the deltas are dropped). */
export async function rebuildAll(db: Executor): Promise<void> {
  await lockRollupFolder(db);
  await setRebuildMemory(db);
  await clearForRebuild(db);
  await fillRebuildPart(db, null);
  await indexAfterRebuild(db, 'contributions');
  await indexAfterRebuild(db, 'rollups');
}

/**
 * Every non-zero rollup total in key order, the unfolded deltas included: to compare the
 * incremental rollups with a rebuild (verification only).
 */
export async function rollupTotalsByKey(db: Executor) {
  const r = await sql<{ org_id: number; tree: boolean; grain: string; bucket: string; metric: string; dim: string; n: number; w: number }>`
    SELECT org_id, tree, grain, bucket, metric, dim, sum(n)::bigint AS n, sum(w)::bigint AS w FROM (
      SELECT org_id, tree, grain::text AS grain, bucket, metric, dim, n, w FROM stats_rollups
      UNION ALL
      SELECT t.org_id, t.tree, g.grain, CASE g.grain WHEN 'd' THEN d.day ELSE date_trunc('month', d.day)::date END, d.metric, d.dim, d.n, d.w
      FROM stats_rollup_deltas d
      CROSS JOIN LATERAL (SELECT d.org_id AS org_id, false AS tree UNION ALL SELECT ${ANCESTORS('d.org_path')}, true) t
      CROSS JOIN (VALUES ('d'), ('m')) g(grain)) x
    GROUP BY org_id, tree, grain, bucket, metric, dim
    HAVING sum(n) <> 0 OR sum(w) <> 0
    ORDER BY org_id, tree, grain, bucket, metric, dim`.execute(db);
  return r.rows;
}

/**
 * An independent full recount of the main figures from the cases, submissions, events and
 * evaluations, written plainly (no contribution rows, no rollups). Used only to verify them.
 */
export async function recountFigures(db: Executor, path: string, tree: boolean, from: string, to: string, today: string) {
  const inOrg = (col: string) => sql.raw(`(SELECT path FROM organisations WHERE id = ${col})`);
  const under = (col: string) => (tree ? sql`${inOrg(col)} LIKE ${`${path}%`}` : sql`${inOrg(col)} = ${path}`);
  const inPeriod = (expr: RawBuilder<unknown>) => sql`${expr} BETWEEN ${from}::date AND ${to}::date`;
  const r = await sql<Record<string, number>>`SELECT
    (SELECT count(*) FROM submissions s JOIN cases c ON c.id = s.case_id WHERE ${under('COALESCE(s.received_org_id, c.registered_org_id)')} AND ${inPeriod(ld('s.received_at'))})::int AS submissions,
    (SELECT COALESCE(sum(s.headcount), 0) FROM submissions s JOIN cases c ON c.id = s.case_id WHERE ${under('COALESCE(s.received_org_id, c.registered_org_id)')} AND ${inPeriod(ld('s.received_at'))})::int AS headcount,
    (SELECT count(*) FROM submissions s JOIN cases c ON c.id = s.case_id WHERE s.channel = 'online' AND ${under('COALESCE(s.received_org_id, c.registered_org_id)')} AND ${inPeriod(ld('s.received_at'))})::int AS "onlineSubmissions",
    (SELECT count(*) FROM submissions s JOIN cases c ON c.id = s.case_id WHERE s.is_collective AND ${under('COALESCE(s.received_org_id, c.registered_org_id)')} AND ${inPeriod(ld('s.received_at'))})::int AS "collectiveSubmissions",
    (SELECT count(*) FROM submissions s JOIN cases c ON c.id = s.case_id WHERE s.is_repeat AND ${under('COALESCE(s.received_org_id, c.registered_org_id)')} AND ${inPeriod(ld('s.received_at'))})::int AS "repeatSubmissions",
    (SELECT count(*) FROM cases c WHERE c.accepted_on IS NOT NULL AND ${under('c.handling_org_id')} AND ${inPeriod(sql`c.accepted_on`)})::int AS accepted,
    (SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id WHERE e.type = 'decline' AND c.state IN ('declined', 'archived') AND ${under('c.current_org_id')} AND ${inPeriod(sql`COALESCE(c.concluded_on, c.received_on)`)})::int AS declined,
    (SELECT count(*) FROM cases c WHERE c.divert_procedure IS NOT NULL AND ${under('c.current_org_id')} AND ${inPeriod(sql`c.concluded_on`)})::int AS diverted,
    (SELECT count(*) FROM cases c WHERE c.answered_on IS NOT NULL AND ${under('c.handling_org_id')} AND ${inPeriod(sql`c.answered_on`)})::int AS answered,
    (SELECT count(*) FROM cases c WHERE c.answered_on IS NOT NULL AND (c.answer_due IS NULL OR c.answered_on <= c.answer_due) AND ${under('c.handling_org_id')} AND ${inPeriod(sql`c.answered_on`)})::int AS "answeredOnTime",
    (SELECT count(*) FROM cases c WHERE EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type IN ('deliver', 'mediate')) AND c.concluded_on IS NOT NULL AND c.answered_on IS NOT NULL AND ${under('c.handling_org_id')} AND ${inPeriod(sql`c.concluded_on`)})::int AS concluded,
    (SELECT count(*) FROM cases c WHERE c.accepted_on IS NOT NULL AND EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type IN ('deliver', 'mediate')) AND c.concluded_on IS NOT NULL AND c.answered_on IS NOT NULL AND ${under('c.handling_org_id')} AND ${inPeriod(sql`c.accepted_on`)})::int AS "acceptedConcluded",
    (SELECT count(*) FROM evaluations v WHERE ${under('v.body_org_id')} AND ${inPeriod(ld('v.at'))})::int AS "evaluatedBody",
    (SELECT count(*) FROM evaluations v WHERE v.body_rating IN ('satisfied', 'basically_satisfied') AND ${under('v.body_org_id')} AND ${inPeriod(ld('v.at'))})::int AS "satisfiedOrBasicBody",
    (SELECT count(*) FROM evaluations v WHERE ${under('v.bureau_org_id')} AND ${inPeriod(ld('v.at'))})::int AS "evaluatedBureau",
    (SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id WHERE e.type = 'approve_extension' AND ${under('COALESCE(c.handling_org_id, c.current_org_id)')} AND ${inPeriod(ld('e.at'))})::int AS "extensionsApproved",
    (SELECT count(*) FROM supervision_notices n WHERE ${under('n.issuer_org_id')} AND ${inPeriod(ld('n.issued_at'))})::int AS "supervisionIssued",
    (SELECT count(*) FROM case_events e WHERE e.type = 'instruct' AND ${under('e.actor_org_id')} AND ${inPeriod(ld('e.at'))})::int AS instructions,
    (SELECT count(*) FROM cases c WHERE c.state IN ('registered', 'awaiting_acceptance', 'handling', 'answered', 'reviewing', 're_reviewing') AND ${under('c.current_org_id')})::int AS "openNow",
    (SELECT count(*) FROM cases c WHERE c.state IN ('registered', 'awaiting_acceptance', 'handling', 'answered', 'reviewing', 're_reviewing') AND c.next_due < ${today}::date AND ${under('c.current_org_id')})::int AS "overdueNow",
    (SELECT count(*) FROM cases c WHERE c.state IN ('handling') AND c.answer_due < ${today}::date AND ${under('c.handling_org_id')} AND ${inPeriod(sql`c.answer_due`)})::int AS "unansweredOverdue"
  `.execute(db);
  return Object.fromEntries(Object.entries(r.rows[0]!).map(([k, v]) => [k, Number(v)]));
}

/**
 * Buckets (not summed over time) of the given bodies' subtrees (public figures by month), with the
 * unfolded deltas put in the bucket of their range (the day, or its month). Index: the primary key.
 */
export async function rollupBuckets(db: Executor, orgIds: number[], ranges: BucketRange[], metrics: string[]) {
  if (!orgIds.length || !ranges.length || !metrics.length) return [];
  const ms = sql.join(metrics);
  const ids = sql.join(orgIds);
  const deltaParts = ranges.map((r) => sql`
      SELECT ${r.grain === 'm' ? sql`date_trunc('month', d.day)::date` : sql`d.day`} AS bucket, d.metric, d.dim, d.n, d.w
      FROM stats_rollup_deltas d JOIN organisations o ON d.org_path LIKE o.path || '%'
      WHERE o.id IN (${ids}) AND d.metric IN (${ms}) AND ${dayCond([r])}`);
  const r = await sql<{ bucket: string; metric: string; dim: string; n: number; w: number }>`
    SELECT bucket, metric, dim, sum(n)::bigint AS n, sum(w)::bigint AS w FROM (
      SELECT bucket, metric, dim, n, w FROM stats_rollups
      WHERE org_id IN (${ids}) AND tree = true AND metric IN (${ms}) AND ${bucketCond(ranges)}
      UNION ALL ${sql.join(deltaParts, sql` UNION ALL `)}) x
    GROUP BY bucket, metric, dim`.execute(db);
  return r.rows;
}
