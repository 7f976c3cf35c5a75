// SQL for printable documents: the events a document is issued from and its running number
// (〔year〕n号: the n-th document of its kind issued by the same body in that year).
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

/** A case's events with the acting body's id (documents name their issuing body). */
export async function listDocumentEvents(db: Executor, caseId: number) {
  return db.selectFrom('case_events as e')
    .leftJoin('organisations as o', 'o.id', 'e.actor_org_id')
    .select(['e.id', 'e.type', 'e.at', 'e.data', 'e.is_public', 'e.actor_org_id', 'o.name as actor_org_name'])
    .where('e.case_id', '=', caseId)
    .orderBy('e.id').execute();
}

/** An event of a case as the documents read it. */
export type DocumentEvent = Awaited<ReturnType<typeof listDocumentEvents>>[number];

const yearRange = (year: number) => [new Date(`${year}-01-01T00:00:00+08:00`), new Date(`${year + 1}-01-01T00:00:00+08:00`)] as const;

/** The running number of an event-based document: events of the same types by the same body in the year, up to this one. */
export async function countEventsIssued(db: Executor, f: { types: readonly string[]; orgId: number | null; year: number; upToEventId: number }): Promise<number> {
  const [from, to] = yearRange(f.year);
  let q = db.selectFrom('case_events').select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('type', 'in', [...f.types]).where('at', '>=', from).where('at', '<', to).where('id', '<=', f.upToEventId);
  q = f.orgId === null ? q.where('actor_org_id', 'is', null) : q.where('actor_org_id', '=', f.orgId);
  const r = await q.executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The supervision notices of a case, newest first, with the issuing and target bodies' names. */
export async function listCaseNotices(db: Executor, caseId: number) {
  return db.selectFrom('supervision_notices as n')
    .innerJoin('organisations as i', 'i.id', 'n.issuer_org_id')
    .innerJoin('organisations as t', 't.id', 'n.target_org_id')
    .select(['n.id', 'n.issuer_org_id', 'n.text', 'n.issued_at', 'n.due_on', 'n.status', 'i.name as issuer_name', 't.name as target_name'])
    .where('n.case_id', '=', caseId).orderBy('n.id', 'desc').execute();
}

/** The running number of a supervision notice: notices by the same body in the year, up to this one. */
export async function countNoticesIssued(db: Executor, f: { issuerOrgId: number; year: number; upToId: number }): Promise<number> {
  const [from, to] = yearRange(f.year);
  const r = await db.selectFrom('supervision_notices').select(sql<number | string>`count(*)`.as('n'))
    .where('issuer_org_id', '=', f.issuerOrgId).where('issued_at', '>=', from).where('issued_at', '<', to).where('id', '<=', f.upToId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
