// SQL for the citizen portal: ended look-up tokens, the petitioner's contact for the look-up check,
// public events and documents of a case, and citizen suggestions.
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Executor } from '../db/database.ts';
import { PORTAL_CASE_COLUMNS, type PortalCaseRow } from '../presenters/portal-presenter.ts';
import { prepare } from '../db/prepared.ts';

/** How many lapsed revocations each new one clears (skipping rows another request holds), so the
 * table holds only tokens that could still be presented, without a job or contention. */
const PURGE_PER_REVOCATION = 8;

/** Records a look-up token ended before it ran out, clearing a few lapsed ones, in one statement. */
export async function insertPortalRevocation(db: Executor, r: { tokenHash: string; expiresAt: Date; now: Date }): Promise<void> {
  await db.with('purged', (d) => d.deleteFrom('portal_revocations').where('token_hash', 'in', (eb) => eb.selectFrom('portal_revocations')
    .select('token_hash').where('expires_at', '<=', r.now).orderBy('expires_at').limit(PURGE_PER_REVOCATION).forUpdate().skipLocked()))
    .insertInto('portal_revocations').values({ token_hash: r.tokenHash, expires_at: r.expiresAt })
    .onConflict((oc) => oc.column('token_hash').doNothing()).execute();
}

export async function isPortalTokenRevoked(db: Executor, tokenHash: string): Promise<boolean> {
  return !!(await db.selectFrom('portal_revocations').select('token_hash').where('token_hash', '=', tokenHash).executeTakeFirst());
}

/** The case with the mobile and 身份证 number of its petitioner (for the look-up check only) and everything the
 * petitioner's view shows besides the row: the public events, the documents marked for them, their
 * own files and the handling body's name. One statement, filtered by the caller. */
function portalCaseQuery(db: Executor) {
  return db.selectFrom('cases as c').leftJoin('petitioners as p', 'p.id', 'c.petitioner_id')
    .select(PORTAL_CASE_COLUMNS.map((k) => `c.${k}` as const)).select(['p.mobile as petitioner_mobile', 'p.id_number as petitioner_id_number'])
    .select((eb) => [
      jsonArrayFrom(eb.selectFrom('case_events as e').leftJoin('organisations as o', 'o.id', 'e.actor_org_id')
        .select(['e.id', 'e.type', 'e.at', 'e.data', 'o.name as org_name'])
        .whereRef('e.case_id', '=', 'c.id').where('e.is_public', '=', true).orderBy('e.id')).as('parts_events'),
      jsonArrayFrom(eb.selectFrom('attachments as a').select(['a.id', 'a.filename', 'a.mime', 'a.size'])
        .whereRef('a.case_id', '=', 'c.id').where('a.is_public', '=', true).orderBy('a.id')).as('parts_public'),
      jsonArrayFrom(eb.selectFrom('attachments as m').select(['m.id', 'm.filename', 'm.mime', 'm.size'])
        .whereRef('m.case_id', '=', 'c.id').where('m.uploaded_by', 'is', null).orderBy('m.id')).as('parts_mine'),
      eb.selectFrom('organisations as h').select('h.name').whereRef('h.id', '=', 'c.handling_org_id').as('parts_handling_org_name'),
    ]);
}

type PortalCaseResult = NonNullable<Awaited<ReturnType<ReturnType<typeof portalCaseQuery>['executeTakeFirst']>>>;

function toPortalCase(r: PortalCaseResult) {
  const { petitioner_mobile, petitioner_id_number, parts_events, parts_public, parts_mine, parts_handling_org_name, ...row } = r;
  return {
    row: row as PortalCaseRow, mobile: petitioner_mobile, idNumber: petitioner_id_number,
    parts: { events: parts_events.map((e) => ({ ...e, at: new Date(e.at) })), public: parts_public, mine: parts_mine, handlingOrgName: parts_handling_org_name ?? null },
  };
}

// built once (the look-up is the portal's busiest request)
const BY_CODE = prepare<{ code: string }, PortalCaseResult>(['code'], (db, p) => portalCaseQuery(db).where('c.query_code', '=', p.code));
const BY_ID = prepare<{ id: number }, PortalCaseResult>(['id'], (db, p) => portalCaseQuery(db).where('c.id', '=', p.id));

/** The case by 查询码, with the mobile and 身份证 number for the look-up check and the petitioner's view, in one statement. */
export async function findCaseViewForLookup(db: Executor, queryCode: string) {
  const [r] = await BY_CODE.run(db, { code: queryCode });
  return r && toPortalCase(r);
}

/** The case a portal session is scoped to, with the petitioner's view, in one statement. */
export async function findPortalCase(db: Executor, caseId: number) {
  const [r] = await BY_ID.run(db, { id: caseId });
  return r && toPortalCase(r);
}

/** Documents staff marked for the petitioner (the 意见书 and its annexes). */
export async function listPublicAttachments(db: Executor, caseId: number) {
  return db.selectFrom('attachments').select(['id', 'filename', 'mime', 'size', 'created_at'])
    .where('case_id', '=', caseId).where('is_public', '=', true).orderBy('id').execute();
}

/** Files the petitioner uploaded from the portal (no staff user behind them). */
export async function listPetitionerAttachments(db: Executor, caseId: number) {
  return db.selectFrom('attachments').select(['id', 'filename', 'mime', 'size', 'created_at'])
    .where('case_id', '=', caseId).where('uploaded_by', 'is', null).orderBy('id').execute();
}

export async function findCaseAttachment(db: Executor, caseId: number, id: number) {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).where('case_id', '=', caseId).executeTakeFirst();
}

export async function findOrgName(db: Executor, id: number | null): Promise<string | null> {
  if (!id) return null;
  const r = await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst();
  return r?.name ?? null;
}

/** Areas a citizen can choose: the governments and townships with their area codes. */
export async function listPortalAreas(db: Executor) {
  return db.selectFrom('organisations').select(['name', 'area_code', 'level'])
    .where('is_active', '=', true).where('kind', 'in', ['government', 'township']).orderBy('path').execute();
}

export async function insertSuggestion(db: Executor, s: {
  refCode: string; topic: string; title: string; content: string; name: string; mobile: string; at: Date; areaCode: string; orgId: number; orgPath: string;
}) {
  return db.insertInto('citizen_suggestions').values({
    ref_code: s.refCode, topic: s.topic, title: s.title, content: s.content, name: s.name, mobile: s.mobile, created_at: s.at,
    area_code: s.areaCode, org_id: s.orgId, org_path: s.orgPath,
  }).returningAll().executeTakeFirstOrThrow();
}

export async function findSuggestionByRef(db: Executor, refCode: string) {
  return db.selectFrom('citizen_suggestions').selectAll().where('ref_code', '=', refCode).executeTakeFirst();
}

/** One suggestion for staff, with the name of the bureau it went to and of whoever decided it. */
export async function findSuggestion(db: Executor, id: number) {
  return db.selectFrom('citizen_suggestions as s').leftJoin('users as u', 'u.id', 's.decided_by').leftJoin('organisations as o', 'o.id', 's.org_id')
    .selectAll('s').select(['u.display_name as decided_by_name', 'o.name as org_name']).where('s.id', '=', id).executeTakeFirst();
}

/** The columns a list row shows: no content, reply or anything about the citizen. */
const SUGGESTION_LIST_COLUMNS = ['s.id', 's.ref_code', 's.topic', 's.title', 's.status', 's.created_at', 's.decided_at'] as const;

/** Suggestions to bodies under `scopePath`, newest first, keyset-paged on the id (`beforeId`: the last id of the page before). */
export async function listSuggestions(db: Executor, f: { scopePath: string; topic?: string; status?: string; beforeId?: number; limit: number }) {
  let q = db.selectFrom('citizen_suggestions as s').leftJoin('organisations as o', 'o.id', 's.org_id')
    .select(SUGGESTION_LIST_COLUMNS).select('o.name as org_name')
    .where('s.org_path', 'like', `${f.scopePath}%`);
  if (f.topic) q = q.where('s.topic', '=', f.topic);
  if (f.status) q = q.where('s.status', '=', f.status);
  if (f.beforeId !== undefined) q = q.where('s.id', '<', f.beforeId);
  return q.orderBy('s.id', 'desc').limit(f.limit).execute();
}

/** Records the decision only while the suggestion is undecided; undefined when it is not (any more). */
export async function decideSuggestion(db: Executor, id: number, d: { status: 'adopted' | 'partly_adopted' | 'not_adopted'; reply: string; by: number; at: Date }) {
  return db.updateTable('citizen_suggestions').set({ status: d.status, reply: d.reply, decided_by: d.by, decided_at: d.at })
    .where('id', '=', id).where('status', '=', 'received').returning('id').executeTakeFirst();
}

/** 人民建议征集 figures for the bureaus at or below `scopePath`: sent in [from, to), decided in [from, to)
 * by outcome, each topic's sent and adopted, and those still undecided now (whenever sent). */
export async function countSuggestions(db: Executor, f: { scopePath: string; from: Date; to: Date }) {
  const sent = sql<boolean>`s.created_at >= ${f.from} and s.created_at < ${f.to}`;
  const decided = sql<boolean>`s.decided_at >= ${f.from} and s.decided_at < ${f.to}`;
  const totals = await db.selectFrom('citizen_suggestions as s')
    .select([
      sql<string>`count(*) filter (where ${sent})`.as('received'),
      sql<string>`count(*) filter (where ${decided})`.as('decided'),
      sql<string>`count(*) filter (where ${decided} and s.status = 'adopted')`.as('adopted'),
      sql<string>`count(*) filter (where ${decided} and s.status = 'partly_adopted')`.as('partly_adopted'),
      sql<string>`count(*) filter (where ${decided} and s.status = 'not_adopted')`.as('not_adopted'),
      sql<string>`count(*) filter (where s.status = 'received')`.as('pending_now'),
    ])
    .where('s.org_path', 'like', `${f.scopePath}%`)
    .executeTakeFirstOrThrow();
  const topics = await db.selectFrom('citizen_suggestions as s')
    .select([
      's.topic',
      sql<string>`count(*) filter (where ${sent})`.as('received'),
      sql<string>`count(*) filter (where ${decided} and s.status in ('adopted', 'partly_adopted'))`.as('adopted'),
    ])
    .where('s.org_path', 'like', `${f.scopePath}%`)
    .where((eb) => eb.or([eb.and([eb('s.created_at', '>=', f.from), eb('s.created_at', '<', f.to)]), eb.and([eb('s.decided_at', '>=', f.from), eb('s.decided_at', '<', f.to)])]))
    .groupBy('s.topic').orderBy('s.topic').execute();
  return { totals, topics };
}
