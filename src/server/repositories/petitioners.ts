// SQL for petitioners.
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
