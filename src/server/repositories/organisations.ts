// SQL for organisations and their competent categories.
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { OrgRow } from '../db/schema.ts';

export async function findOrg(db: Executor, id: number): Promise<OrgRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listOrgs(db: Executor): Promise<OrgRow[]> {
  return db.selectFrom('organisations').selectAll().orderBy('path').execute();
}

/** Active petition bureaus only (a few per city), not the whole tree: online registration looks one up per submission. */
export async function listActiveBureaus(db: Executor): Promise<OrgRow[]> {
  return db.selectFrom('organisations').selectAll().where('kind', '=', 'petition_bureau').where('is_active', '=', true).orderBy('path').execute();
}

/** Inserts an organisation and sets its materialised path from its parent's. */
export async function insertOrg(db: Executor, org: { parentId: number | null; name: string; level: string; kind: string; areaCode: string }): Promise<OrgRow> {
  const row = await db.insertInto('organisations')
    .values({ parent_id: org.parentId, name: org.name, level: org.level, kind: org.kind, area_code: org.areaCode })
    .returningAll().executeTakeFirstOrThrow();
  const parentPath = org.parentId ? (await findOrg(db, org.parentId))?.path ?? '/' : '/';
  const path = `${parentPath}${row.id}/`;
  await db.updateTable('organisations').set({ path }).where('id', '=', row.id).execute();
  return { ...row, path };
}

export async function updateOrg(db: Executor, id: number, patch: { name?: string; areaCode?: string; isActive?: boolean; kind?: string; level?: string }): Promise<void> {
  await db.updateTable('organisations').set({
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.level !== undefined && { level: patch.level }),
    ...(patch.areaCode !== undefined && { area_code: patch.areaCode }),
    ...(patch.isActive !== undefined && { is_active: patch.isActive }),
    ...(patch.kind !== undefined && { kind: patch.kind }),
  }).where('id', '=', id).execute();
}

export async function setOrgCategories(db: Executor, orgId: number, categoryIds: number[]): Promise<void> {
  await db.deleteFrom('org_categories').where('org_id', '=', orgId).execute();
  if (categoryIds.length) await db.insertInto('org_categories').values(categoryIds.map((c) => ({ org_id: orgId, category_id: c }))).execute();
}

export async function listOrgCategories(db: Executor): Promise<{ org_id: number; category_id: number }[]> {
  return db.selectFrom('org_categories').selectAll().execute();
}

/** Bodies under `parentId` that are competent for a category (routing suggestion). */
export async function findCompetentOrgs(db: Executor, scopePath: string, categoryId: number): Promise<OrgRow[]> {
  // competent for the category or its parent: each body once, even when it is competent for both
  return db.selectFrom('organisations as o')
    .selectAll('o')
    .where('o.path', 'like', `${scopePath}%`)
    .where('o.is_active', '=', true)
    .where((eb) => eb.exists(eb.selectFrom('org_categories as oc').select('oc.org_id').whereRef('oc.org_id', '=', 'o.id')
      .where((e) => e.or([e('oc.category_id', '=', categoryId), e('oc.category_id', '=', e.selectFrom('categories').select('parent_id').where('id', '=', categoryId))]))))
    .orderBy(sql`length(o.path)`).orderBy('o.id')
    .limit(5)
    .execute();
}

export async function listChildOrgs(db: Executor, parentId: number): Promise<OrgRow[]> {
  return db.selectFrom('organisations').selectAll().where('parent_id', '=', parentId).execute();
}
