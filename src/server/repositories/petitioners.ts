// SQL for petitioners.
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import { rowOf, ShapedStatements } from '../db/prepared.ts';
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
 * or a new petitioner: one statement (compiled once per shape). `isNew` tells which.
 */
export async function matchOrInsertPetitioner(db: Executor, p: { name: string; idNumber: string | null; mobile: string | null; address: string | null; areaCode: string | null }): Promise<{ id: number; isNew: boolean }> {
  const values: Record<string, unknown> = {
    name: p.name, id_number: p.idNumber, mobile: p.mobile, address: p.address, area_code: p.areaCode,
    // the contact fields given replace the stored ones
    set_mobile: p.mobile || undefined, set_address: p.address || undefined, set_area_code: p.areaCode || undefined,
  };
  const [r] = await MATCH_OR_INSERT.run(db, values, p.idNumber ? 'id' : p.mobile ? 'mobile' : 'none');
  return { id: r!.id, isNew: r!.is_new };
}

const MATCH_OR_INSERT = new ShapedStatements<{ id: number; is_new: boolean }>((db, v, names, by) => {
  const patch = rowOf(v, names, 'set_');
  const found = db.with('found', (d) => {
    const q = d.selectFrom('petitioners').select('id').orderBy('id').limit(1);
    return by === 'id' ? q.where('id_number', '=', v.id_number as string) : by === 'mobile' ? q.where('mobile', '=', v.mobile as string).where('name', '=', v.name as string) : q.where(sql<boolean>`false`);
  });
  const updated = Object.keys(patch).length
    ? found.with('upd', (d) => d.updateTable('petitioners').set(patch).where('id', '=', (eb) => eb.selectFrom('found').select('id')))
    : found;
  return updated
    .with('ins', (d) => d.insertInto('petitioners').columns(['name', 'id_number', 'mobile', 'address', 'area_code'])
      .expression(d.selectNoFrom([
        sql<string>`${v.name}::text`.as('name'), sql<string | null>`${v.id_number}::text`.as('id_number'), sql<string | null>`${v.mobile}::text`.as('mobile'),
        sql<string | null>`${v.address}::text`.as('address'), sql<string | null>`${v.area_code}::text`.as('area_code'),
      ]).where((w) => w.not(w.exists(w.selectFrom('found').select('id')))))
      .returning('id'))
    .selectFrom('found').select(['id', sql<boolean>`false`.as('is_new')])
    .unionAll((eb) => eb.selectFrom('ins').select(['id', sql<boolean>`true`.as('is_new')]));
});
