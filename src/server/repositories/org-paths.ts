// SQL that moves a body, and everything under it, below a new parent: each materialised path that
// starts with the body's old path gets its new one, in the organisations and in every copy kept with
// a row that names a body (the scopes of cases, reception days, disputes, suggestions and figures).
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db/database.ts';

/** Every column that keeps a copy of a body's path, by table (a test checks it against the schema). */
export const PATH_COLUMNS: Record<string, { text: readonly string[]; arrays: readonly string[] }> = {
  organisations: { text: ['path'], arrays: [] },
  cases: { text: ['current_org_path', 'registered_org_path', 'handling_org_path', 'accused_org_path', 'urgent_org_path'], arrays: ['co_org_paths', 'objected_org_paths'] },
  reception_days: { text: ['org_path'], arrays: [] },
  disputes: { text: ['org_path', 'responsible_org_path'], arrays: [] },
  citizen_suggestions: { text: ['org_path'], arrays: [] },
  stats_case_contrib: { text: ['org_path'], arrays: [] },
  stats_rollup_deltas: { text: ['org_path'], arrays: [] },
};

/**
 * Replaces the prefix `from` by `to` in every path column (one statement per table, each row once).
 * Returns the rows changed by table.
 */
export async function rewritePathPrefix(db: Executor, from: string, to: string): Promise<Record<string, number>> {
  const like = `${from}%`;
  const rest = from.length + 1;
  const swap = (c: string) => sql`CASE WHEN ${sql.ref(c)} LIKE ${like} THEN ${to}::text || substr(${sql.ref(c)}, ${rest}::int) ELSE ${sql.ref(c)} END`;
  const swapAll = (c: string) => sql`ARRAY(SELECT CASE WHEN u.p LIKE ${like} THEN ${to}::text || substr(u.p, ${rest}::int) ELSE u.p END
    FROM unnest(${sql.ref(c)}) WITH ORDINALITY AS u(p, i) ORDER BY u.i)`;
  const changed: Record<string, number> = {};
  for (const [table, { text, arrays }] of Object.entries(PATH_COLUMNS)) {
    const sets: RawBuilder<unknown>[] = [...text.map((c) => sql`${sql.ref(c)} = ${swap(c)}`), ...arrays.map((c) => sql`${sql.ref(c)} = ${swapAll(c)}`)];
    const hits: RawBuilder<unknown>[] = [...text.map((c) => sql`${sql.ref(c)} LIKE ${like}`), ...arrays.map((c) => sql`EXISTS (SELECT 1 FROM unnest(${sql.ref(c)}) AS u(p) WHERE u.p LIKE ${like})`)];
    const r = await sql`UPDATE ${sql.table(table)} SET ${sql.join(sets)} WHERE ${sql.join(hits, sql` OR `)}`.execute(db);
    changed[table] = Number(r.numAffectedRows ?? 0);
  }
  return changed;
}

/** Sets a body's parent (its path is rewritten with the others). */
export async function setOrgParent(db: Executor, id: number, parentId: number): Promise<void> {
  await db.updateTable('organisations').set({ parent_id: parentId }).where('id', '=', id).execute();
}

/** Keeps others from changing the organisations while a body moves (reads go on). */
export async function lockOrganisations(db: Executor): Promise<void> {
  await sql`LOCK TABLE organisations IN SHARE ROW EXCLUSIVE MODE`.execute(db);
}

/** The copies of a body's path that sit beside its id (a row names the body by both). */
const ID_BACKED: { table: string; id: string; path: string }[] = [
  { table: 'cases', id: 'current_org_id', path: 'current_org_path' },
  { table: 'cases', id: 'registered_org_id', path: 'registered_org_path' },
  { table: 'cases', id: 'handling_org_id', path: 'handling_org_path' },
  { table: 'cases', id: 'accused_org_id', path: 'accused_org_path' },
  { table: 'reception_days', id: 'org_id', path: 'org_path' },
  { table: 'disputes', id: 'org_id', path: 'org_path' },
  { table: 'disputes', id: 'responsible_org_id', path: 'responsible_org_path' },
  { table: 'citizen_suggestions', id: 'org_id', path: 'org_path' },
];

/**
 * Sets every copy of a path that sits beside its body's id, for the bodies under `path`, to the
 * body's path where it differs: a row written with a path read before the body moved (a request in
 * flight, or a node's cached reference data). Returns the rows changed, by table and column.
 */
export async function healPathCopies(db: Executor, path: string): Promise<Record<string, number>> {
  const under = sql`SELECT id FROM organisations WHERE path LIKE ${`${path}%`}`;
  const changed: Record<string, number> = {};
  for (const c of ID_BACKED) {
    const r = await sql`UPDATE ${sql.table(c.table)} t SET ${sql.ref(c.path)} = o.path FROM organisations o
      WHERE o.id = t.${sql.ref(c.id)} AND t.${sql.ref(c.id)} IN (${under}) AND t.${sql.ref(c.path)} IS DISTINCT FROM o.path`.execute(db);
    changed[`${c.table}.${c.path}`] = Number(r.numAffectedRows ?? 0);
  }
  const co = await sql`UPDATE cases c SET co_org_paths = ARRAY(SELECT o.path FROM unnest(c.co_org_ids) WITH ORDINALITY AS u(id, i) JOIN organisations o ON o.id = u.id ORDER BY u.i)
    WHERE c.co_org_ids <> '{}' AND c.co_org_ids && ARRAY(${under})
      AND c.co_org_paths IS DISTINCT FROM ARRAY(SELECT o.path FROM unnest(c.co_org_ids) WITH ORDINALITY AS u(id, i) JOIN organisations o ON o.id = u.id ORDER BY u.i)`.execute(db);
  changed['cases.co_org_paths'] = Number(co.numAffectedRows ?? 0);
  return changed;
}
