// SQL for the dispute-screening register (矛盾纠纷排查).
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { DisputeRow, DisputesTable } from '../db/schema-disputes.ts';
import type { Insertable, Updateable } from 'kysely';

export async function nextDisputeSequence(db: Executor): Promise<number> {
  const r = await sql<{ n: number | string }>`SELECT nextval('dispute_number_seq') AS n`.execute(db);
  return Number(r.rows[0]!.n);
}

export async function insertDispute(db: Executor, d: Insertable<DisputesTable>): Promise<DisputeRow> {
  return db.insertInto('disputes').values(d).returningAll().executeTakeFirstOrThrow();
}

export async function findDispute(db: Executor, id: number): Promise<DisputeRow | undefined> {
  return db.selectFrom('disputes').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDisputeForUpdate(db: Executor, id: number): Promise<DisputeRow | undefined> {
  return db.selectFrom('disputes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findDisputeByCase(db: Executor, caseId: number): Promise<DisputeRow | undefined> {
  return db.selectFrom('disputes').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

/** Writes the patch only if the row still has `version`; returns the new row or undefined. */
export async function updateDisputeIfVersion(db: Executor, id: number, version: number, patch: Updateable<DisputesTable>): Promise<DisputeRow | undefined> {
  return db.updateTable('disputes').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version)
    .returningAll().executeTakeFirst();
}

export interface DisputeFilter {
  /** Disputes found in, or assigned to, this subtree. */
  scopePath: string;
  /** Narrow to the disputes found by this body and below. */
  orgPath?: string;
  status?: string;
  riskLevel?: string;
  type?: string;
  periodFrom?: string;
  periodTo?: string;
  q?: string;
}

function filtered(db: Executor, f: DisputeFilter) {
  let q = db.selectFrom('disputes as d')
    .where((eb) => eb.or([eb('d.org_path', 'like', `${f.scopePath}%`), eb('d.responsible_org_path', 'like', `${f.scopePath}%`)]));
  if (f.orgPath) q = q.where('d.org_path', 'like', `${f.orgPath}%`);
  if (f.status) q = q.where('d.status', '=', f.status);
  if (f.riskLevel) q = q.where('d.risk_level', '=', f.riskLevel);
  if (f.type) q = q.where('d.type', '=', f.type);
  if (f.periodFrom) q = q.where('d.period', '>=', f.periodFrom);
  if (f.periodTo) q = q.where('d.period', '<=', f.periodTo);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('d.summary', 'like', like), eb('d.dispute_no', 'like', like), eb('d.location', 'like', like)]));
  }
  return q;
}

export type DisputeListRow = DisputeRow & { org_name: string; responsible_org_name: string; case_no: string | null };

/** One page of the register, newest screening first. */
export async function listDisputes(db: Executor, f: DisputeFilter, limit: number, offset: number): Promise<{ rows: DisputeListRow[]; total: number }> {
  const rows = await filtered(db, f)
    .innerJoin('organisations as o', 'o.id', 'd.org_id')
    .innerJoin('organisations as r', 'r.id', 'd.responsible_org_id')
    .leftJoin('cases as c', 'c.id', 'd.case_id')
    .selectAll('d').select(['o.name as org_name', 'r.name as responsible_org_name', 'c.case_no'])
    .orderBy('d.period', 'desc').orderBy('d.id', 'desc').limit(limit).offset(offset).execute();
  const total = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

export interface DisputeCountRow { org_id: number; org_name: string; period: string; status: string; n: number }

/**
 * Counts by screening body, period and status: the basis of 化解率. Disputes found by the bodies
 * of the subtree `orgPath` (which the caller has checked is in the user's scope).
 */
export async function countDisputes(db: Executor, f: { orgPath: string; onlyOrgId?: number; periodFrom?: string; periodTo?: string }): Promise<DisputeCountRow[]> {
  let q = db.selectFrom('disputes as d').innerJoin('organisations as o', 'o.id', 'd.org_id')
    .select(['d.org_id', 'o.name as org_name', 'd.period', 'd.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('d.org_path', 'like', `${f.orgPath}%`);
  if (f.onlyOrgId) q = q.where('d.org_id', '=', f.onlyOrgId);
  if (f.periodFrom) q = q.where('d.period', '>=', f.periodFrom);
  if (f.periodTo) q = q.where('d.period', '<=', f.periodTo);
  const rows = await q.groupBy(['d.org_id', 'o.name', 'd.period', 'd.status']).orderBy('d.org_id').orderBy('d.period').execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** One dispute with the names the register shows. */
export async function findDisputeView(db: Executor, id: number): Promise<DisputeListRow | undefined> {
  return db.selectFrom('disputes as d')
    .innerJoin('organisations as o', 'o.id', 'd.org_id')
    .innerJoin('organisations as r', 'r.id', 'd.responsible_org_id')
    .leftJoin('cases as c', 'c.id', 'd.case_id')
    .selectAll('d').select(['o.name as org_name', 'r.name as responsible_org_name', 'c.case_no'])
    .where('d.id', '=', id).executeTakeFirst();
}
