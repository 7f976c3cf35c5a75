// SQL for the content-category tree.
import type { Executor } from '../db/database.ts';

export async function listCategories(db: Executor) {
  return db.selectFrom('categories').selectAll().orderBy('sort').orderBy('id').execute();
}

export async function findCategory(db: Executor, id: number) {
  return db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCategory(db: Executor, c: { parentId: number | null; code: string; nameZh: string; nameEn: string; sort: number }) {
  return db.insertInto('categories').values({ parent_id: c.parentId, code: c.code, name_zh: c.nameZh, name_en: c.nameEn, sort: c.sort })
    .returningAll().executeTakeFirstOrThrow();
}

export async function updateCategory(db: Executor, id: number, patch: { nameZh?: string; nameEn?: string; sort?: number; isActive?: boolean }) {
  await db.updateTable('categories').set({
    ...(patch.nameZh !== undefined && { name_zh: patch.nameZh }),
    ...(patch.nameEn !== undefined && { name_en: patch.nameEn }),
    ...(patch.sort !== undefined && { sort: patch.sort }),
    ...(patch.isActive !== undefined && { is_active: patch.isActive }),
  }).where('id', '=', id).execute();
}
