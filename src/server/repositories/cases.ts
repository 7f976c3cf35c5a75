// SQL for cases, their submissions, people and events.
import { sql, type ExpressionBuilder, type InferResult, type Kysely } from 'kysely';
import type { Executor } from '../db/database.ts';
import { named, prepare, rowOf, ShapedStatements } from '../db/prepared.ts';
import type { CaseRow, CaseUpdate, DB, NewCase, PetitionerRow } from '../db/schema.ts';
import { auditRow, type AuditEntry } from './audit.ts';
import { CLOCKS, REPEAT_OF_FINAL_UNDECIDED_STATES, RUNNING_CLOCK, type CaseState, type ClockName, type Dues } from '../../domain/lifecycle.ts';

export const DUE_COLUMNS: Record<ClockName, keyof CaseRow & `${string}_due`> = {
  route: 'route_due',
  accept: 'accept_due',
  objection: 'objection_due',
  answer: 'answer_due',
  reviewRequest: 'review_request_due',
  evaluation: 'evaluation_due',
  review: 'review_due',
  reReviewRequest: 're_review_request_due',
  reReview: 're_review_due',
};

export function duesOf(row: CaseRow): Dues {
  return Object.fromEntries(CLOCKS.map((c) => [c, row[DUE_COLUMNS[c]] as string | null])) as Dues;
}

export function duesToColumns(dues: Dues): Partial<Record<(typeof DUE_COLUMNS)[ClockName], string | null>> {
  return Object.fromEntries(CLOCKS.map((c) => [DUE_COLUMNS[c], dues[c]]));
}

export async function nextCaseSequence(db: Executor): Promise<number> {
  const r = await sql<{ n: number }>`SELECT nextval('case_number_seq')::int8 AS n`.execute(db);
  return Number(r.rows[0]!.n);
}

export async function insertCase(db: Executor, c: NewCase): Promise<CaseRow> {
  return db.insertInto('cases').values(c).returningAll().executeTakeFirstOrThrow();
}

/** Inserts a case numbered `prefix` + the next case sequence (at least 7 digits), in one statement, with
 *  a query code drawn by `drawCode`; a code already in use
 *  (rare: one in about 10^12 per case) is drawn again instead of failing the registration. */
export async function insertNumberedCase(db: Executor, prefix: string, c: Omit<NewCase, 'case_no' | 'query_code'>, drawCode: () => string): Promise<NumberedCase> {
  for (let attempt = 1; ; attempt++) {
    const [row] = await NUMBERED_CASE.run(db, { prefix, query_code: drawCode(), ...named('c_', c) });
    if (row) return row;
    if (attempt === 5) throw new Error('no free query code after 5 draws');
  }
}

/** What a numbered insert returns: the new case's id, number and 查询码 (the rest is what was given). */
export type NumberedCase = Pick<CaseRow, 'id' | 'case_no' | 'query_code'>;

/** insertNumberedCase's statement, by the columns given (compiled once per set of columns). */
const NUMBERED_CASE = new ShapedStatements<NumberedCase>((d, v, names) => d.insertInto('cases').values({
  ...rowOf(v, names, 'c_'), query_code: v.query_code,
  case_no: sql<string>`${v.prefix} || (SELECT CASE WHEN length(s) >= 7 THEN s ELSE lpad(s, 7, '0') END FROM (SELECT nextval('case_number_seq')::text AS s) AS seq)`,
} as NewCase).onConflict((oc) => oc.column('query_code').doNothing()).returning(['id', 'case_no', 'query_code']));

const LATEST_OF_PETITIONER = prepare<{ petitionerId: number; categoryId: number; areaCode: string }, CaseRow>(['petitionerId', 'categoryId', 'areaCode'], (db, p) =>
  db.selectFrom('cases').selectAll().where('petitioner_id', '=', p.petitionerId).where('category_id', '=', p.categoryId).where('area_code', '=', p.areaCode)
    .orderBy('id', 'desc').limit(1));

/** The petitioner's latest case of this category and area (the repeat check at registration). */
export async function findLatestCaseOf(db: Executor, petitionerId: number, categoryId: number, areaCode: string): Promise<CaseRow | undefined> {
  return (await LATEST_OF_PETITIONER.run(db, { petitionerId, categoryId, areaCode }))[0];
}

export async function findCase(db: Executor, id: number): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the case row for the rest of the transaction. */
export async function findCaseForUpdate(db: Executor, id: number): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findCaseByQueryCode(db: Executor, code: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('query_code', '=', code).executeTakeFirst();
}

/** Applies a change only if the case is still at `version` (optimistic concurrency). */
export async function updateCaseIfVersion(db: Executor, id: number, version: number, patch: CaseUpdate): Promise<CaseRow | undefined> {
  return db.updateTable('cases').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version)
    .returningAll().executeTakeFirst();
}

export async function updateCase(db: Executor, id: number, patch: CaseUpdate): Promise<void> {
  await db.updateTable('cases').set(patch).where('id', '=', id).execute();
}

export interface NewEvent {
  caseId: number;
  type: string;
  fromState: string | null;
  toState: string | null;
  actorUserId: number | null;
  actorOrgId: number | null;
  actorKind: 'staff' | 'petitioner' | 'system';
  at: Date;
  data: Record<string, unknown>;
  isPublic: boolean;
}

const eventRow = (e: NewEvent) => ({
  case_id: e.caseId, type: e.type, from_state: e.fromState, to_state: e.toState, actor_user_id: e.actorUserId,
  actor_org_id: e.actorOrgId, actor_kind: e.actorKind, at: e.at, data: JSON.stringify(e.data), is_public: e.isPublic,
});

export async function insertEvent(db: Executor, e: NewEvent): Promise<number> {
  const r = await db.insertInto('case_events').values(eventRow(e)).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Writes events and their audit entries in one statement; the events' ids in order. */
export async function insertEventsAndAudit(db: Executor, events: NewEvent[], audit: AuditEntry[]): Promise<number[]> {
  if (!events.length) throw new Error('insertEventsAndAudit needs an event');
  const withEvents = db.with('e', (d) => d.insertInto('case_events').values(events.map(eventRow)).returning('id'));
  const q = audit.length ? withEvents.with('a', (d) => d.insertInto('audit_log').values(audit.map(auditRow))) : withEvents;
  return (await q.selectFrom('e').select('id').orderBy('id').execute()).map((r) => r.id);
}

/** `INSERT INTO table (columns) SELECT values FROM u`: the row is written only when the update `u`
 * of the same statement matched (PostgreSQL types each value by its target column). */
function insertWhenUpdated(d: any, table: string, row: Record<string, unknown>) {
  const columns = Object.keys(row);
  return d.insertInto(table).columns(columns)
    .expression((eb: ExpressionBuilder<any, any>) => eb.selectFrom('u').select(columns.map((c) => eb.val(row[c]).as(c))));
}

type Written = CaseRow & { event_id: number };

/** The statement of updateCaseWithEvent for one shape (which columns the change sets, how many audit
 * entries), built with the values as parameters: `v` maps `p_<column>`, `e_<column>`, `a<i>_<column>`,
 * `id` and `version` to their stand-ins. */
function caseUpdateStatement(db: Executor, v: Record<string, unknown>, patchColumns: string[], eventColumns: string[], auditColumns: string[][]) {
  const pick = (prefix: string, columns: string[]) => Object.fromEntries(columns.map((c) => [c, v[`${prefix}${c}`]]));
  const q = db
    .with('u', (d) => d.updateTable('cases').set({ ...pick('p_', patchColumns), version: sql<number>`version + 1` })
      .where('id', '=', v.id as number).where('version', '=', v.version as number).returningAll())
    .with('e', (d) => (insertWhenUpdated(d, 'case_events', pick('e_', eventColumns)) as ReturnType<typeof d.insertInto<'case_events'>>).returning('id'))
    // the case is queued for its figures (services/queue-case-facts.ts) in the same statement
    .with('q', (d) => d.insertInto('stats_case_queue').columns(['case_id']).expression((eb) => eb.selectFrom('u').select('u.id')));
  // one insert per entry (at most a few): a multi-row VALUES in a SELECT would not take the columns' types
  const withAudit = auditColumns.reduce<any>((acc, columns, i) => acc.with(`a${i}`, (d: any) => insertWhenUpdated(d, 'audit_log', pick(`a${i}_`, columns))), q) as typeof q;
  return withAudit.selectFrom('u').selectAll('u').select((eb) => eb.selectFrom('e').select('e.id').as('event_id')).$castTo<Written>();
}

/** updateCaseWithEvent's statement, compiled once per shape: the shapes come from the lifecycle's
 * actions (a few dozen at most). */
const CASE_UPDATES = new ShapedStatements<Written>((d, v, names) => caseUpdateStatement(d, v,
  names.filter((n) => n.startsWith('p_')).map((n) => n.slice(2)), names.filter((n) => n.startsWith('e_')).map((n) => n.slice(2)),
  rowsOf(names, 'a').map((i) => names.filter((n) => n.startsWith(`a${i}_`)).map((n) => n.slice(`a${i}_`.length)))));

/**
 * Applies a change only if the case is still at `version`, and in the same statement writes its
 * event and audit entries and queues the case for its figures: all of it or, when the version
 * moved, nothing (undefined). One statement, so it needs no transaction of its own. It is compiled
 * once per shape; each call binds its values.
 */
export async function updateCaseWithEvent(db: Executor, id: number, version: number, patch: CaseUpdate, event: NewEvent, audit: AuditEntry[]): Promise<Written | undefined> {
  const values: Record<string, unknown> = { id, version };
  for (const [c, x] of Object.entries(patch)) if (c !== 'version') values[`p_${c}`] = x;
  Object.assign(values, named('e_', eventRow(event)));
  audit.forEach((a, i) => Object.assign(values, named(`a${i}_`, auditRow(a))));
  const [row] = await CASE_UPDATES.run(db, values);
  return row;
}

export async function listEvents(db: Executor, caseId: number, onlyPublic = false) {
  let q = db.selectFrom('case_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .leftJoin('organisations as o', 'o.id', 'e.actor_org_id')
    .select(['e.id', 'e.type', 'e.from_state', 'e.to_state', 'e.at', 'e.data', 'e.is_public', 'e.actor_kind', 'u.display_name as actor_name', 'o.name as actor_org_name'])
    .where('e.case_id', '=', caseId);
  if (onlyPublic) q = q.where('e.is_public', '=', true);
  return q.orderBy('e.id').execute();
}

export interface NewSubmission {
  caseId: number; channel: string; receivedAt: Date; receivedBy: number | null; receivedOrgId: number | null; headcount: number;
  isCollective: boolean; isRepeat: boolean; levelReached: string | null; agentName: string | null; note: string | null;
}

const submissionRow = (s: NewSubmission) => ({
  case_id: s.caseId, channel: s.channel, received_at: s.receivedAt, received_by: s.receivedBy, received_org_id: s.receivedOrgId,
  headcount: s.headcount, is_collective: s.isCollective, is_repeat: s.isRepeat, level_reached: s.levelReached, agent_name: s.agentName, note: s.note,
});

export async function insertSubmission(db: Executor, s: NewSubmission): Promise<number> {
  const r = await db.insertInto('submissions').values(submissionRow(s)).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** A new case's submission with its people, events and audit entries, queuing the case (and any in
 * `queue`, e.g. the case it repeats) for its figures, in one statement; a deferred write (database.ts
 * deferWrite: on PGlite it goes to the engine with the transaction's next statement or COMMIT). */
export async function insertSubmissionWithRecords(db: Executor, s: NewSubmission, people: { petitionerId: number; role: string }[], events: NewEvent[], audit: AuditEntry[], queue: number[] = []): Promise<void> {
  if (!events.length || !audit.length) throw new Error('insertSubmissionWithRecords needs an event and an audit entry');
  const values: Record<string, unknown> = { ...named('s_', submissionRow(s)) };
  if (people.length) Object.assign(values, { people_ids: people.map((p) => p.petitionerId), people_roles: people.map((p) => p.role) });
  events.forEach((e, i) => Object.assign(values, named(`e${i}_`, eventRow(e))));
  audit.forEach((a, i) => Object.assign(values, named(`a${i}_`, auditRow(a))));
  [...new Set([s.caseId, ...queue])].forEach((id, i) => { values[`q${i}`] = id; });
  await SUBMISSION_WITH_RECORDS.defer(db, values);
}

/** The distinct row numbers of names `<letter><i>_...` (or `<letter><i>` alone): how many rows of that kind. */
const rowsOf = (names: readonly string[], letter: string) =>
  [...new Set(names.map((n) => new RegExp(`^${letter}(\\d+)(_|$)`).exec(n)?.[1]).filter((x): x is string => x !== undefined))].map(Number).sort((x, y) => x - y);

/** insertSubmissionWithRecords's statement, compiled once per shape (people or not, how many events,
 * audit entries and queued cases, which columns). */
const SUBMISSION_WITH_RECORDS = new ShapedStatements<{ id: number }>((d, v, names) => {
  const base = d.with('s', (w) => w.insertInto('submissions').values(rowOf(v, names, 's_') as never).returning('id'));
  const withPeople = names.includes('people_ids')
    ? base.with('sp', (w) => w.insertInto('submission_people').columns(['submission_id', 'petitioner_id', 'role'])
      .expression((eb) => eb.selectFrom('s').select([
        's.id as submission_id', sql<number>`unnest(${v.people_ids}::int[])`.as('petitioner_id'), sql<string>`unnest(${v.people_roles}::text[])`.as('role'),
      ]))
      .onConflict((oc) => oc.doNothing()))
    : base;
  return withPeople
    .with('e', (w) => w.insertInto('case_events').values(rowsOf(names, 'e').map((i) => rowOf(v, names, `e${i}_`)) as never))
    .with('a', (w) => w.insertInto('audit_log').values(rowsOf(names, 'a').map((i) => rowOf(v, names, `a${i}_`)) as never))
    // the cases whose figures change, queued in the same statement (services/queue-case-facts.ts)
    .with('q', (w) => w.insertInto('stats_case_queue').values(rowsOf(names, 'q').map((i) => ({ case_id: v[`q${i}`] as number }))))
    .selectFrom('s').select('id');
});

export async function insertSubmissionPeople(db: Executor, rows: { submissionId: number; petitionerId: number; role: string }[]): Promise<void> {
  if (!rows.length) return;
  await db.insertInto('submission_people').values(rows.map((r) => ({ submission_id: r.submissionId, petitioner_id: r.petitionerId, role: r.role })))
    .onConflict((oc) => oc.doNothing()).execute();
}

export async function listSubmissions(db: Executor, caseId: number) {
  return db.selectFrom('submissions').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

export type CaseParty = Pick<PetitionerRow, 'id' | 'name' | 'id_number' | 'mobile' | 'address'> & { role: string; submission_id: number };

/** The case's petitioner and the people of its submissions, as two columns of a query on `cases as c`. */
const PARTY_COLUMNS = [
  sql<Record<string, unknown> | null>`(SELECT to_jsonb(p) FROM petitioners p WHERE p.id = c.petitioner_id)`.as('party_petitioner'),
  sql<CaseParty[]>`(SELECT coalesce(jsonb_agg(jsonb_build_object('submission_id', sp.submission_id, 'role', sp.role, 'id', p.id, 'name', p.name,
    'id_number', p.id_number, 'mobile', p.mobile, 'address', p.address) ORDER BY sp.submission_id, p.id), '[]'::jsonb)
    FROM submission_people sp JOIN submissions s ON s.id = sp.submission_id JOIN petitioners p ON p.id = sp.petitioner_id WHERE s.case_id = c.id)`.as('party_people'),
] as const;

type Parties = { petitioner: PetitionerRow | undefined; people: CaseParty[] };

function toParties(pp: Record<string, unknown> | null, people: CaseParty[]): Parties {
  const petitioner = pp ? {
    id: Number(pp.id), name: String(pp.name), id_number: (pp.id_number ?? null) as string | null, mobile: (pp.mobile ?? null) as string | null,
    address: (pp.address ?? null) as string | null, area_code: (pp.area_code ?? null) as string | null, created_at: new Date(String(pp.created_at)),
  } as PetitionerRow : undefined;
  return { petitioner, people };
}

/** The case's petitioner and the people of its submissions (one statement). */
export async function findCaseParties(db: Executor, caseId: number): Promise<Parties> {
  const r = await db.selectFrom('cases as c').select([...PARTY_COLUMNS]).where('c.id', '=', caseId).executeTakeFirst();
  return r ? toParties(r.party_petitioner, r.party_people) : { petitioner: undefined, people: [] };
}

const caseWithParties = (db: Executor, id: number) => db.selectFrom('cases as c').selectAll('c').select([...PARTY_COLUMNS]).where('c.id', '=', id);
type CaseWithPartiesRow = CaseRow & { party_petitioner: Record<string, unknown> | null; party_people: CaseParty[] };
const CASE_WITH_PARTIES = prepare<{ id: number }, CaseWithPartiesRow>(['id'], (db, p) => caseWithParties(db, p.id));
const CASE_WITH_PARTIES_LOCKED = prepare<{ id: number }, CaseWithPartiesRow>(['id'], (db, p) => caseWithParties(db, p.id).forUpdate('c'));

/** The case with its parties (as findCaseParties gives them), in one statement; locked for the rest
 * of the transaction when `lock`. */
export async function findCaseWithParties(db: Executor, id: number, lock: boolean): Promise<{ row: CaseRow; parties: Parties } | undefined> {
  const [r] = await (lock ? CASE_WITH_PARTIES_LOCKED : CASE_WITH_PARTIES).run(db, { id });
  if (!r) return undefined;
  const { party_petitioner, party_people, ...row } = r;
  return { row: row as CaseRow, parties: toParties(party_petitioner, party_people) };
}

export async function listSubmissionPeople(db: Executor, caseId: number) {
  return db.selectFrom('submission_people as sp')
    .innerJoin('submissions as s', 's.id', 'sp.submission_id')
    .innerJoin('petitioners as p', 'p.id', 'sp.petitioner_id')
    .select(['sp.submission_id', 'sp.role', 'p.id', 'p.name', 'p.id_number', 'p.mobile', 'p.address'])
    .where('s.case_id', '=', caseId).orderBy('sp.submission_id').execute();
}

/** Earlier cases of a petitioner, newest first (repeat detection, registration look-up). */
export async function listCasesOfPetitioner(db: Executor, petitionerId: number, limit = 20) {
  return db.selectFrom('cases')
    .select(['id', 'case_no', 'title', 'state', 'kind', 'category_id', 'received_at', 'current_org_id', 'area_code'])
    .where('petitioner_id', '=', petitionerId).orderBy('id', 'desc').limit(limit).execute();
}

export interface CaseFilter {
  scopePath: string;
  states?: string[];
  kind?: string;
  categoryIds?: number[];
  orgPath?: string;
  currentOrgId?: number;
  /** The path of currentOrgId: when it lies in the scope, the scope condition is implied and left out
   * (the planner then estimates the rows of the body right and reads its queue in due order). */
  currentOrgPath?: string;
  channel?: string;
  receivedFrom?: Date;
  receivedTo?: Date;
  dueBefore?: string;
  dueFrom?: string;
  extensionPending?: boolean;
  evaluationPending?: boolean;
  isRepeat?: boolean;
  isCollective?: boolean;
  /** Marked as a possible repeat of a final matter and not decided yet (REPEAT_OF_FINAL_UNDECIDED_STATES, not routed). */
  repeatOfFinalUndecided?: boolean;
  text?: string;
  petitionerId?: number;
  ownedBy?: number;
  /** Reported as major or urgent (Art 25) to a government at or below this path. */
  urgentUnder?: string;
  /** Co-handled (Art 24) by this body: its membership, not the scope, decides what it sees. */
  coOrgId?: number;
}

export type CaseSort = 'received_desc' | 'received_asc' | 'due_asc';
export interface Cursor { v: string | null; id: number }

function scopeClause(eb: ExpressionBuilder<DB, 'cases'>, scopeLike: string) {
  return eb.or([
    eb('cases.current_org_path', 'like', scopeLike),
    eb('cases.registered_org_path', 'like', scopeLike),
    eb('cases.handling_org_path', 'like', scopeLike),
  ]);
}

/** What a case list row shows (with `o` the current body and `c` the category joined). */
export const CASE_SUMMARY_COLUMNS = [
  'cases.id', 'cases.case_no', 'cases.title', 'cases.kind', 'cases.state', 'cases.channel', 'cases.category_id', 'cases.received_at',
  'cases.next_due', 'cases.current_org_id', 'cases.is_repeat', 'cases.is_collective', 'cases.headcount', 'cases.extension_status',
  'cases.evaluation_status', 'cases.version', 'cases.is_owned', 'cases.repeat_of_final', 'cases.route_kind', 'cases.urgent_reported_at', 'o.name as current_org_name', 'c.name_zh as category_name_zh', 'c.name_en as category_name_en',
] as const;

const listBase = (d: Kysely<DB>) => d.selectFrom('cases')
  .leftJoin('organisations as o', 'o.id', 'cases.current_org_id')
  .leftJoin('categories as c', 'c.id', 'cases.category_id')
  .select(CASE_SUMMARY_COLUMNS);
export type CaseSummaryRow = InferResult<ReturnType<typeof listBase>>[number];

/** listCases's statement, built and compiled once per shape: which filters are given (the names of
 * the values), how many states and categories; the tag: sort, kind of cursor, the undecided-repeat
 * filter, whether every state asked for runs a clock, and the filters that take no value. */
const LIST_CASES = new ShapedStatements<CaseSummaryRow>((d, v, names, tag) => {
  const has = (n: string) => names.includes(n);
  const [sort, cursorKind, undecided, due, flags] = tag.split('|') as [CaseSort, 'none' | 'null' | 'value', 'yes' | 'no' | '', 'due' | 'any', string];
  let q = listBase(d);
  if (has('scope')) q = q.where((eb) => scopeClause(eb, v.scope as string));
  // the partial GIN index holds the co-handled cases only, hence the first condition
  if (has('coOrgId')) q = q.where(sql<boolean>`cases.co_org_ids <> '{}'`).where(sql<boolean>`cases.co_org_ids @> array[${v.coOrgId}]::int[]`);
  if (has('currentOrgId')) q = q.where('cases.current_org_id', '=', v.currentOrgId as number);
  if (has('orgPath')) q = q.where('cases.current_org_path', 'like', v.orgPath as string);
  const states = rowsOf(names, 'state').map((i) => v[`state${i}`] as string);
  if (states.length) q = q.where('cases.state', 'in', states);
  if (has('kind')) q = q.where('cases.kind', '=', v.kind as string);
  const categories = rowsOf(names, 'category').map((i) => v[`category${i}`] as number);
  if (categories.length) q = q.where('cases.category_id', 'in', categories);
  if (has('channel')) q = q.where('cases.channel', '=', v.channel as string);
  if (has('receivedFrom')) q = q.where('cases.received_at', '>=', v.receivedFrom as Date);
  if (has('receivedTo')) q = q.where('cases.received_at', '<', v.receivedTo as Date);
  if (has('dueBefore')) q = q.where('cases.next_due', '<=', v.dueBefore as string);
  if (has('dueFrom')) q = q.where('cases.next_due', '>=', v.dueFrom as string);
  if (flags.includes('extension')) q = q.where('cases.extension_status', '=', 'requested');
  if (has('urgentUnder')) q = q.where('cases.urgent_reported_at', 'is not', null).where('cases.urgent_org_path', 'like', v.urgentUnder as string);
  if (flags.includes('evaluation')) q = q.where('cases.evaluation_status', '=', 'pending');
  if (has('isRepeat')) q = q.where('cases.is_repeat', '=', v.isRepeat as boolean);
  if (has('isCollective')) q = q.where('cases.is_collective', '=', v.isCollective as boolean);
  if (undecided) {
    const cond = (eb: ExpressionBuilder<DB, 'cases'>) => eb.and([
      eb('cases.repeat_of_final', '=', true), eb('cases.state', 'in', [...REPEAT_OF_FINAL_UNDECIDED_STATES]), eb('cases.route_kind', 'is', null),
    ]);
    q = undecided === 'yes' ? q.where(cond) : q.where((eb) => eb.not(cond(eb)));
  }
  if (has('petitionerId')) q = q.where('cases.petitioner_id', '=', v.petitionerId as number);
  if (has('textLike')) q = q.where((eb) => eb.or([eb('cases.title', 'like', v.textLike as string), eb('cases.case_no', '=', v.text as string)]));
  if (has('ownedBy')) q = q.where('cases.id', 'in', (eb) => eb.selectFrom('case_ownerships').select('case_id').where('leader_user_id', '=', v.ownedBy as number));

  // every state asked for runs a clock, so every row has a due date: said in the query, the partial
  // indexes by due date apply and the next page starts at the cursor's key in the index
  const allDue = states.length > 0 && due === 'due';
  if (sort === 'due_asc' && allDue) {
    q = q.where('cases.next_due', 'is not', null);
    if (cursorKind === 'null') q = q.where(sql<boolean>`false`);
    if (cursorKind === 'value') q = q.where(sql`(cases.next_due, cases.id)`, '>', sql`(${v.cursorV}::date, ${v.cursorId}::int)`);
    q = q.orderBy(sql`cases.next_due asc nulls last`).orderBy('cases.id', 'asc');
  } else if (sort === 'due_asc') {
    if (cursorKind === 'null') q = q.where('cases.next_due', 'is', null).where('cases.id', '>', v.cursorId as number);
    if (cursorKind === 'value') {
      q = q.where((eb) => eb.or([
        eb('cases.next_due', '>', v.cursorV as string),
        eb.and([eb('cases.next_due', '=', v.cursorV as string), eb('cases.id', '>', v.cursorId as number)]),
        eb('cases.next_due', 'is', null),
      ]));
    }
    q = q.orderBy(sql`cases.next_due asc nulls last`).orderBy('cases.id', 'asc');
  } else {
    const dir = sort === 'received_asc' ? 'asc' : 'desc';
    if (cursorKind === 'value') q = q.where((eb) => eb(sql`(cases.received_at, cases.id)`, dir === 'asc' ? '>' : '<', sql`(${v.cursorAt}::timestamptz, ${v.cursorId}::int)`));
    q = q.orderBy('cases.received_at', dir).orderBy('cases.id', dir);
  }
  return q.limit(v.limit as number);
});

/** One page of cases matching the filter, keyset-paginated on (sort key, id). The statement is
 * compiled once per shape (LIST_CASES); this gives it the values. */
export async function listCases(db: Executor, f: CaseFilter, sort: CaseSort, limit: number, cursor: Cursor | null): Promise<CaseSummaryRow[]> {
  const v: Record<string, unknown> = { limit };
  const scopeImplied = (!!f.currentOrgId && !!f.currentOrgPath && f.currentOrgPath.startsWith(f.scopePath)) || f.coOrgId !== undefined;
  if (!scopeImplied) v.scope = `${f.scopePath}%`;
  if (f.coOrgId !== undefined) v.coOrgId = f.coOrgId;
  if (f.currentOrgId) v.currentOrgId = f.currentOrgId;
  if (f.orgPath) v.orgPath = `${f.orgPath}%`;
  f.states?.forEach((st, i) => { v[`state${i}`] = st; });
  if (f.kind) v.kind = f.kind;
  f.categoryIds?.forEach((id, i) => { v[`category${i}`] = id; });
  if (f.channel) v.channel = f.channel;
  if (f.receivedFrom) v.receivedFrom = f.receivedFrom;
  if (f.receivedTo) v.receivedTo = f.receivedTo;
  if (f.dueBefore) v.dueBefore = f.dueBefore;
  if (f.dueFrom) v.dueFrom = f.dueFrom;
  if (f.urgentUnder !== undefined) v.urgentUnder = `${f.urgentUnder}%`;
  if (f.isRepeat !== undefined) v.isRepeat = f.isRepeat;
  if (f.isCollective !== undefined) v.isCollective = f.isCollective;
  if (f.petitionerId) v.petitionerId = f.petitionerId;
  if (f.text) { v.textLike = `%${f.text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`; v.text = f.text; }
  if (f.ownedBy) v.ownedBy = f.ownedBy;
  const allDue = !!f.states?.length && f.states.every((st) => !!RUNNING_CLOCK[st as CaseState]);
  let cursorKind: 'none' | 'null' | 'value' = 'none';
  if (cursor) {
    if (sort === 'due_asc') {
      cursorKind = cursor.v === null ? 'null' : 'value';
      v.cursorId = cursor.id;
      if (cursor.v !== null) v.cursorV = cursor.v;
      // with every row due, a null cursor (past the last due date) has nothing after it
      if (allDue && cursor.v === null) delete v.cursorId;
    } else if (cursor.v) {
      cursorKind = 'value';
      v.cursorAt = new Date(cursor.v);
      v.cursorId = cursor.id;
    }
  }
  const undecided = f.repeatOfFinalUndecided === undefined ? '' : f.repeatOfFinalUndecided ? 'yes' : 'no';
  const flags = [f.extensionPending && 'extension', f.evaluationPending && 'evaluation'].filter(Boolean).join(',');
  return LIST_CASES.run(db, v, `${sort}|${cursorKind}|${undecided}|${allDue ? 'due' : 'any'}|${flags}`);
}

/** The work-queue counts for a scope, in one pass. */
export async function countQueues(db: Executor, scopePath: string, orgId: number, today: string, soon: string) {
  const r = await db.selectFrom('cases')
    .select((eb) => [
      sql<number>`count(*) filter (where state = 'registered' and channel = 'online')`.as('to_register'),
      sql<number>`count(*) filter (where state = 'registered')`.as('to_route'),
      sql<number>`count(*) filter (where state = 'awaiting_acceptance')`.as('to_accept'),
      sql<number>`count(*) filter (where state = 'handling')`.as('in_handling'),
      sql<number>`count(*) filter (where state = 'answered')`.as('to_deliver'),
      sql<number>`count(*) filter (where next_due >= ${today} and next_due <= ${soon})`.as('due_soon'),
      sql<number>`count(*) filter (where next_due < ${today})`.as('overdue'),
      sql<number>`count(*) filter (where extension_status = 'requested' and state = 'handling')`.as('extension_approval'),
      sql<number>`count(*) filter (where evaluation_status = 'pending')`.as('awaiting_evaluation'),
      sql<number>`count(*) filter (where state in ('reviewing', 're_reviewing'))`.as('in_review'),
      sql<number>`count(*) filter (where urgent_reported_at is not null and urgent_org_path like ${`${scopePath}%`} and state in ('registered','awaiting_acceptance','handling','answered','reviewing','re_reviewing'))`.as('urgent'),
      eb.selectFrom('supervision_notices as n').innerJoin('organisations as t', 't.id', 'n.target_org_id')
        .select(sql<number>`count(*)`.as('n')).where('n.status', '=', 'open').where('t.path', 'like', `${scopePath}%`).as('supervision_open'),
      sql<number>`count(*) filter (where current_org_id = ${orgId} and state in ('registered','awaiting_acceptance','handling','answered','reviewing','re_reviewing'))`.as('mine_open'),
      // [T22] Art 24: open matters this body co-handles, wherever they are
      sql<number>`(select count(*) from cases k where k.co_org_ids <> '{}' and k.co_org_ids @> array[${orgId}]::int[] and k.state in ('registered','awaiting_acceptance','handling','answered','reviewing','re_reviewing'))`.as('co_handling'),
    ])
    .where('current_org_path', 'like', `${scopePath}%`)
    .executeTakeFirstOrThrow();
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v ?? 0)])) as Record<keyof typeof r, number>;
}
