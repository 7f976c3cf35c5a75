// SQL for petitioners.
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { PetitionerRow } from '../db/schema.ts';

export async function findPetitioner(db: Executor, id: number): Promise<PetitionerRow | undefined> {
  return db.selectFrom('petitioners').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Petitioners matching an identity number or a mobile number. */
export async function findPetitionersBy(db: Executor, by: { idNumber?: string; mobile?: string }, limit = 10): Promise<PetitionerRow[]> {
  let q = db.selectFrom('petitioners').selectAll();
  if (by.idNumber) q = q.where('id_number', '=', by.idNumber);
  else if (by.mobile) q = q.where('mobile', '=', by.mobile);
  else return [];
  return q.orderBy('id').limit(limit).execute();
}

export async function insertPetitioner(db: Executor, p: { name: string; idNumber: string | null; mobile: string | null; address: string | null; areaCode: string | null }): Promise<PetitionerRow> {
  return db.insertInto('petitioners').values({ name: p.name, id_number: p.idNumber, mobile: p.mobile, address: p.address, area_code: p.areaCode })
    .returningAll().executeTakeFirstOrThrow();
}

export async function updatePetitionerContact(db: Executor, id: number, p: { mobile?: string | null; address?: string | null; areaCode?: string | null }): Promise<void> {
  const patch = {
    ...(p.mobile ? { mobile: p.mobile } : {}),
    ...(p.address ? { address: p.address } : {}),
    ...(p.areaCode ? { area_code: p.areaCode } : {}),
  };
  if (Object.keys(patch).length) await db.updateTable('petitioners').set(patch).where('id', '=', id).execute();
}

/**
 * The petitioner with this 身份证 (else this mobile and name), with their contact brought up to date,
 * or a new petitioner: one statement. `isNew` tells which.
 */
export async function matchOrInsertPetitioner(db: Executor, p: { name: string; idNumber: string | null; mobile: string | null; address: string | null; areaCode: string | null }): Promise<{ id: number; isNew: boolean }> {
  const patch = {
    ...(p.mobile ? { mobile: p.mobile } : {}),
    ...(p.address ? { address: p.address } : {}),
    ...(p.areaCode ? { area_code: p.areaCode } : {}),
  };
  const found = db.with('found', (d) => {
    const q = d.selectFrom('petitioners').select('id').orderBy('id').limit(1);
    return p.idNumber ? q.where('id_number', '=', p.idNumber) : p.mobile ? q.where('mobile', '=', p.mobile).where('name', '=', p.name) : q.where(sql<boolean>`false`);
  });
  const updated = Object.keys(patch).length
    ? found.with('upd', (d) => d.updateTable('petitioners').set(patch).where('id', '=', (eb) => eb.selectFrom('found').select('id')))
    : found;
  const r = await updated
    .with('ins', (d) => d.insertInto('petitioners').columns(['name', 'id_number', 'mobile', 'address', 'area_code'])
      .expression(d.selectNoFrom([
        sql<string>`${p.name}::text`.as('name'), sql<string | null>`${p.idNumber}::text`.as('id_number'), sql<string | null>`${p.mobile}::text`.as('mobile'),
        sql<string | null>`${p.address}::text`.as('address'), sql<string | null>`${p.areaCode}::text`.as('area_code'),
      ]).where((w) => w.not(w.exists(w.selectFrom('found').select('id')))))
      .returning('id'))
    .selectFrom('found').select(['id', sql<boolean>`false`.as('is_new')])
    .unionAll((eb) => eb.selectFrom('ins').select(['id', sql<boolean>`true`.as('is_new')]))
    .executeTakeFirstOrThrow();
  return { id: r.id, isNew: r.is_new };
}
