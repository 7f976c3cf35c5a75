// The five workloads: what each sends to the server, and the same database work done directly
// (the raw limit: the equivalent SQL through the driver, in one transaction where ours needs one; no
// HTTP, no validation).
import { generateIdCardNumber } from '../src/shared/validators.ts';
import { localDate, addCalendarDays } from '../src/domain/calendar.ts';
import { queryCodeFor } from './generator/cases.ts';
import { PORTAL_CASE_COLUMNS } from '../src/server/presenters/portal-presenter.ts';
import type { Request } from 'autocannon';

/** The driver-level executor of the raw limit: PostgreSQL through `pg`, or PGlite in process. */
export interface RawSql {
  /** Runs `fn` in one transaction; `q` runs a (prepared, where the driver can) statement. */
  tx<T>(fn: (q: RawQuery) => Promise<T>, rollback?: boolean): Promise<T>;
  query: RawQuery;
  close(): Promise<void>;
}
export type RawQuery = (text: string, params?: unknown[]) => Promise<Record<string, any>[]>;

/** What the workloads need from the loaded data set, read before the server starts. */
export interface BenchData {
  categoryId: number;
  countyArea: string;
  bureauId: number;
  bureauPath: string;
  clerkUserId: number;
  /** Look-up targets: query code and the mobile's last 4 digits. */
  lookups: { code: string; last4: string }[];
  /** Cases to accept and to answer (each used once), split between ours and raw; `user` may act on it. */
  accept: { ours: PoolCase[]; raw: PoolCase[] };
  answer: { ours: PoolCase[]; raw: PoolCase[] };
  handler: { username: string; orgId: number; scopePath: string };
  supervisor: { username: string; scopePath: string };
  /** A staff user for the raw transitions' event and audit rows. */
  actorUserId: number;
  actorOrgId: number;
}

export interface PoolCase { id: number; version: number; user: string }

const OPEN = `('registered','awaiting_acceptance','handling','answered','reviewing','re_reviewing')`;

/** Reads the targets of every workload from the loaded database. */
export async function readBenchData(raw: RawSql, poolCap: number): Promise<BenchData> {
  const one = async (text: string, params: unknown[] = []) => (await raw.query(text, params))[0]!;
  const cat = await one(`SELECT id FROM categories WHERE code = '0601'`);
  const bureau = await one(`SELECT o.id, o.path, o.area_code, p.path AS parent_path FROM organisations o JOIN organisations p ON p.id = o.parent_id WHERE o.name = '清河县信访局'`);
  const clerk = await one(`SELECT id FROM users WHERE username = 'clerk'`);
  const town = await one(`SELECT u.org_id, o.path FROM users u JOIN organisations o ON o.id = u.org_id WHERE u.username = 'town.handler'`);
  const actor = await one(`SELECT u.id, u.org_id, o.path FROM users u JOIN organisations o ON o.id = u.org_id WHERE u.username = 'county.handler'`);
  const scope = String(actor.path);
  // not the petitioners W1 may match (same 身份证 prefix): a match brings their mobile up to date,
  // and the digits read here would no longer be theirs
  const lookups = (await raw.query(`
    SELECT c.query_code, right(p.mobile, 4) AS last4 FROM cases c JOIN petitioners p ON p.id = c.petitioner_id
    WHERE p.mobile IS NOT NULL AND c.id % 97 = 5 AND coalesce(p.id_number, '') NOT LIKE $1 ORDER BY c.id LIMIT 5000`, [`${BENCH_ID_AREA}%`])).map((r) => ({ code: String(r.query_code), last4: String(r.last4) }));
  // the handlers of the city governments act on cases anywhere in their city: every county feeds the pools
  const actors = await raw.query(`
    SELECT DISTINCT ON (o.id) u.username, o.path FROM users u JOIN organisations o ON o.id = u.org_id
    WHERE u.role = 'handler' AND o.level = 'city' AND o.kind = 'government' ORDER BY o.id, u.id`);
  const pool = async (state: string) => {
    const rows: PoolCase[] = [];
    for (const a of actors) {
      const scopePath = String(a.path);
      for (const r of await raw.query(`
        SELECT id, version FROM cases WHERE state = $1 AND current_org_path LIKE $2 AND extension_status <> 'requested' AND hearing_started_on IS NULL
          AND NOT (kind = 'accusation' AND accused_org_path IS NOT NULL AND $3 LIKE accused_org_path || '%')
        ORDER BY id DESC LIMIT $4`, [state, `${scopePath}%`, scopePath, poolCap * 2])) rows.push({ id: Number(r.id), version: Number(r.version), user: String(a.username) });
    }
    return rows.sort((x, y) => x.id - y.id).slice(0, poolCap * 2);
  };
  const split = (rows: PoolCase[]) => ({ ours: rows.filter((_, i) => i % 2 === 0), raw: rows.filter((_, i) => i % 2 === 1) });
  return {
    categoryId: Number(cat.id), countyArea: String(bureau.area_code), bureauId: Number(bureau.id), bureauPath: String(bureau.path),
    clerkUserId: Number(clerk.id), lookups,
    accept: split(await pool('awaiting_acceptance')),
    answer: split(await pool('handling')),
    handler: { username: 'town.handler', orgId: Number(town.org_id), scopePath: String(town.path) },
    supervisor: { username: 'supervisor', scopePath: String(bureau.parent_path) },
    actorUserId: Number(actor.id), actorOrgId: Number(actor.org_id),
  };
}

// ---- W1 intake -------------------------------------------------------------------------------

const NAMES = ['王建国', '李秀英', '张志强', '刘海燕', '陈玉梅', '杨国华', '赵淑珍', '黄建军', '周丽娟', '吴明亮'];
let personSeq = 0;
/** The 身份证 area of W1's petitioners (清河县). */
const BENCH_ID_AREA = '130534';
/** A new petitioner each time (valid 身份证 and mobile); unique across the run. */
export function benchPerson(runTag: number) {
  const n = personSeq++;
  const day = new Date(Date.UTC(1950, 0, 1) + ((n * 37 + runTag) % 18_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  return {
    name: NAMES[n % NAMES.length]!,
    idNumber: generateIdCardNumber(BENCH_ID_AREA, day, (n + runTag) % 1000),
    mobile: `13${String(100_000_000 + ((n * 7919 + runTag) % 900_000_000)).slice(0, 9)}`,
    address: `清河县葛仙庄镇东街${1 + (n % 300)}号`,
  };
}

export function petitionBody(d: BenchData, runTag: number) {
  const p = benchPerson(runTag);
  return {
    kind: 'claim', categoryId: d.categoryId, areaCode: d.countyArea,
    title: '反映建筑工地拖欠农民工工资问题',
    content: `本人在县城开发区某工地务工，工资${(1 + (personSeq % 90)) * 1000}元至今未付，多次讨要无果，请求协调解决。`,
    petitioner: p,
  };
}

/** Idempotency keys of W1 count on across repeated runs (a key used again would be a retry). */
let intakeKeys = 0;
let rawIntakeRuns = 0;

/** W1 through the portal: POST /api/v1/portal/petitions with an Idempotency-Key each. */
export function intakeRequests(d: BenchData, runTag: number): Request[] {
  return [{
    method: 'POST', path: '/api/v1/portal/petitions', headers: { 'content-type': 'application/json' },
    setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': `bench-${runTag}-${intakeKeys++}` }, body: JSON.stringify(petitionBody(d, runTag)) }),
  }];
}

/** W1 raw: the statements of a registration (key claim, petitioner match, repeat check, case, submission, event, audit, figures queue, key answer). */
export function intakeRaw(raw: RawSql, d: BenchData, runTag: number) {
  const run = rawIntakeRuns++;
  return async (n: number) => {
    const i = run * 100_000_000 + n;
    const b = petitionBody(d, runTag + 1);
    const now = new Date();
    await raw.tx(async (q) => {
      await q(`INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response, created_at) VALUES ('raw', $1, 'h', 0, '{}', $2) ON CONFLICT DO NOTHING`, [`raw-${runTag}-${i}`, now]);
      await q(`SELECT id, kind, level, area_code, path FROM organisations WHERE kind = 'petition_bureau' AND area_code = $1 LIMIT 1`, [d.countyArea]);
      const found = await q(`SELECT id FROM petitioners WHERE id_number = $1 ORDER BY id LIMIT 1`, [b.petitioner.idNumber]);
      const pid = found[0]
        ? Number(found[0].id)
        : Number((await q(`INSERT INTO petitioners (name, id_number, mobile, address, area_code) VALUES ($1, $2, $3, $4, NULL) RETURNING id`, [b.petitioner.name, b.petitioner.idNumber, b.petitioner.mobile, b.petitioner.address]))[0]!.id);
      await q(`SELECT id, state FROM cases WHERE petitioner_id = $1 AND category_id = $2 AND area_code = $3 ORDER BY id DESC LIMIT 1`, [pid, d.categoryId, d.countyArea]);
      const seq = Number((await q(`SELECT nextval('case_number_seq')::int8 AS n`))[0]!.n);
      const today = localDate(now);
      const due = addCalendarDays(today, 15);
      const row = (await q(`INSERT INTO cases (case_no, query_code, title, content, kind, category_id, channel, area_code, petitioner_id, registered_org_id, current_org_id,
          current_org_path, registered_org_path, state, level_reached, received_at, received_on, route_due, next_due, created_at, updated_at)
        VALUES ($1, $2, $3, $4, 'claim', $5, 'online', $6, $7, $8, $8, $9, $9, 'registered', 'county', $10, $11, $12, $12, $10, $10) RETURNING *`,
      [`RAW${runTag}${String(seq).padStart(9, '0')}`, `R${queryCodeFor(seq + 1_000_000_000).slice(1)}${i % 10}`.slice(0, 12), b.title, b.content, d.categoryId, d.countyArea, pid, d.bureauId, d.bureauPath, now, today, due]))[0]!;
      await q(`INSERT INTO submissions (case_id, channel, received_at, received_org_id, headcount, is_collective, is_repeat, level_reached) VALUES ($1, 'online', $2, $3, 1, false, false, 'county') RETURNING id`, [row.id, now, d.bureauId]);
      await q(`INSERT INTO case_events (case_id, type, to_state, actor_org_id, actor_kind, at, data, is_public) VALUES ($1, 'register', 'registered', $2, 'petitioner', $3, $4, true) RETURNING id`, [row.id, d.bureauId, now, JSON.stringify({ channel: 'online', headcount: 1 })]);
      await q(`INSERT INTO audit_log (at, actor_kind, action, case_id, petitioner_id, detail) VALUES ($1, 'petitioner', 'case.register', $2, $3, $4)`, [now, row.id, pid, JSON.stringify({ caseNo: row.case_no })]);
      // queued for its figures, as every registration is (applied by the fold beside the load)
      await q(`INSERT INTO stats_case_queue (case_id) VALUES ($1)`, [row.id]);
      await q(`UPDATE idempotency_keys SET status_code = 201, response = $2 WHERE scope = 'raw' AND key = $1`, [`raw-${runTag}-${i}`, JSON.stringify({ caseId: row.id })]);
    });
  };
}

// ---- W2 look-up ------------------------------------------------------------------------------

export function lookupRequests(d: BenchData): Request[] {
  let n = 0;
  return [{
    method: 'POST', path: '/api/v1/portal/lookup', headers: { 'content-type': 'application/json' },
    setupRequest: (req) => {
      const t = d.lookups[n++ % d.lookups.length]!;
      return { ...req, body: JSON.stringify({ queryCode: t.code, last4: t.last4 }) };
    },
  }];
}

/** Audit rows written together by whoever is waiting (the server's insertAuditGrouped, at the driver). */
function groupedAudit(raw: RawSql) {
  let waiting: { row: unknown[]; done: (e?: unknown) => void }[] = [];
  let writing = false;
  const write = async () => {
    writing = true;
    while (waiting.length) {
      const batch = waiting.splice(0, 1000);
      const values = batch.map((_, i) => `($${i * 4 + 1}, 'petitioner', $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4})`).join(', ');
      try {
        await raw.query(`INSERT INTO audit_log (at, actor_kind, action, case_id, petitioner_id) VALUES ${values}`, batch.flatMap((b) => b.row));
        for (const b of batch) b.done();
      } catch (e) {
        for (const b of batch) b.done(e);
      }
    }
    writing = false;
  };
  return (row: unknown[]) => new Promise<void>((resolve, reject) => {
    waiting.push({ row, done: (e) => (e ? reject(e) : resolve()) });
    if (!writing) void write();
  });
}

/** W2 raw: the case by code (the columns the view is made of) with the mobile and 身份证 number and its public view in one read, then the audit entry
 * of the view (grouped with concurrent ones). The session is a signed token: no statement. */
export function lookupRaw(raw: RawSql, d: BenchData) {
  const audit = groupedAudit(raw);
  return async (i: number) => {
    const t = d.lookups[i % d.lookups.length]!;
    const c = (await raw.query(`SELECT ${PORTAL_CASE_COLUMNS.map((k) => `c.${k}`).join(', ')}, p.mobile, p.id_number,
        (SELECT coalesce(json_agg(x), '[]') FROM (SELECT e.id, e.type, e.at, e.data, o.name FROM case_events e LEFT JOIN organisations o ON o.id = e.actor_org_id
          WHERE e.case_id = c.id AND e.is_public ORDER BY e.id) x) AS events,
        (SELECT coalesce(json_agg(x), '[]') FROM (SELECT a.id, a.filename, a.mime, a.size FROM attachments a WHERE a.case_id = c.id AND a.is_public ORDER BY a.id) x) AS public_docs,
        (SELECT coalesce(json_agg(x), '[]') FROM (SELECT a.id, a.filename, a.mime, a.size FROM attachments a WHERE a.case_id = c.id AND a.uploaded_by IS NULL ORDER BY a.id) x) AS mine,
        (SELECT h.name FROM organisations h WHERE h.id = c.handling_org_id) AS handling_org_name
      FROM cases c LEFT JOIN petitioners p ON p.id = c.petitioner_id WHERE c.query_code = $1`, [t.code]))[0];
    if (!c || (String(c.mobile).slice(-4) !== t.last4 && String(c.id_number).slice(-4).toUpperCase() !== t.last4)) throw new Error('lookup failed');
    await audit([new Date(), 'portal.lookup', c.id, c.petitioner_id]);
  };
}

// ---- W3 work queue ---------------------------------------------------------------------------

export interface QueuePage { user: string; path: string; scopePath: string; orgId: number | null; states: string[]; cursor: { v: string | null; id: number } | null }

/** The two queues: a township handler's open matters (most urgent first) and the county supervisor's matters in handling. */
export function queuePaths(d: BenchData): { user: string; first: string; scopePath: string; orgId: number | null; states: string[] }[] {
  return [
    { user: d.handler.username, first: '/api/v1/cases?queue=mine_open&limit=20', scopePath: d.handler.scopePath, orgId: d.handler.orgId, states: ['registered', 'awaiting_acceptance', 'handling', 'answered', 'reviewing', 're_reviewing'] },
    { user: d.supervisor.username, first: '/api/v1/cases?state=handling&sort=due_asc&limit=20', scopePath: d.supervisor.scopePath, orgId: null, states: ['handling'] },
  ];
}

/** W3 raw: the list query (scope, filter, keyset, order, limit) and nothing else. */
export function queueRaw(raw: RawSql, pages: QueuePage[]) {
  return async (i: number) => {
    const p = pages[i % pages.length]!;
    // as listCases builds it: `state IN ($1, …)` as the query builder writes it (one state is then
    // `state = $1`, which the (state, next_due, id) index serves in order; `= ANY($1)` with an array
    // would not); the scope condition unless the queue is of the user's own body (which lies in their
    // scope); every state runs a clock, so `next_due IS NOT NULL` and a row cursor
    const params: unknown[] = [...p.states];
    let where = `c.state IN (${p.states.map((_, i) => `$${i + 1}`).join(', ')}) AND c.next_due IS NOT NULL`;
    if (p.orgId) { params.push(p.orgId); where += ` AND c.current_org_id = $${params.length}`; }
    else { params.push(`${p.scopePath}%`); where += ` AND (c.current_org_path LIKE $${params.length} OR c.registered_org_path LIKE $${params.length} OR c.handling_org_path LIKE $${params.length})`; }
    if (p.cursor) {
      params.push(p.cursor.v, p.cursor.id);
      where += ` AND (c.next_due, c.id) > ($${params.length - 1}::date, $${params.length}::int)`;
    }
    await raw.query(`SELECT c.id, c.case_no, c.title, c.kind, c.state, c.channel, c.category_id, c.received_at, c.next_due, c.current_org_id, c.is_repeat,
        c.is_collective, c.headcount, c.extension_status, c.evaluation_status, c.version, c.is_owned, o.name AS current_org_name, k.name_zh, k.name_en
      FROM cases c LEFT JOIN organisations o ON o.id = c.current_org_id LEFT JOIN categories k ON k.id = c.category_id
      WHERE ${where} ORDER BY c.next_due ASC NULLS LAST, c.id ASC LIMIT 21`, params);
  };
}

// ---- W4 transitions --------------------------------------------------------------------------

export function transitionRequests(d: BenchData, count: number, cookieOf: (username: string) => string): Request[] {
  // accept and answer, alternating, each on a case of its own, by a handler whose scope holds it
  const jobs: { path: string; body: string; cookie: string }[] = [];
  for (let i = 0; i < count; i++) {
    const a = i % 2 === 0 ? d.accept.ours[i >> 1] : d.answer.ours[i >> 1];
    if (!a) continue;
    const cookie = cookieOf(a.user);
    jobs.push(i % 2 === 0
      ? { path: `/api/v1/cases/${a.id}/accept`, body: JSON.stringify({ version: a.version }), cookie }
      : { path: `/api/v1/cases/${a.id}/answer`, body: JSON.stringify({ version: a.version, outcome: 'explained', text: '经调查核实，现将有关政策答复如下，请予理解。' }), cookie });
  }
  let n = 0;
  return [{
    method: 'POST', path: '/', headers: { 'content-type': 'application/json' },
    setupRequest: (req) => {
      const j = jobs[n++ % jobs.length]!;
      return { ...req, path: j.path, body: j.body, headers: { ...req.headers, cookie: j.cookie } };
    },
  }];
}

/** The handlers the transitions need signed in. */
export function transitionUsers(d: BenchData): string[] {
  return [...new Set([...d.accept.ours, ...d.answer.ours].map((c) => c.user))];
}

export function transitionJobs(d: BenchData): number {
  return Math.min(d.accept.ours.length, d.answer.ours.length) * 2;
}

/** W4 raw: the case with its parties (the actor's view of the result shows them), then one statement
 * that applies the versioned update with the new clock and, only if it matched, writes the event,
 * the action's and the view's audit entries and the figures' queue entry (no transaction needed). */
export function transitionRaw(raw: RawSql, d: BenchData) {
  return async (i: number) => {
    const isAccept = i % 2 === 0;
    const c = isAccept ? d.accept.raw[i >> 1] : d.answer.raw[i >> 1];
    if (!c) throw new Error('no case left for the raw transition');
    const now = new Date();
    const today = localDate(now);
    const row = (await raw.query(`SELECT c.*, (SELECT to_jsonb(p) FROM petitioners p WHERE p.id = c.petitioner_id) AS party_petitioner,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('submission_id', sp.submission_id, 'role', sp.role, 'id', p.id, 'name', p.name,
          'id_number', p.id_number, 'mobile', p.mobile, 'address', p.address) ORDER BY sp.submission_id, p.id), '[]'::jsonb)
          FROM submission_people sp JOIN submissions s ON s.id = sp.submission_id JOIN petitioners p ON p.id = sp.petitioner_id WHERE s.case_id = c.id) AS party_people
      FROM cases c WHERE c.id = $1`, [c.id]))[0]!;
    if (Number(row.version) !== c.version) throw new Error('version');
    const update = isAccept
      ? `UPDATE cases SET state = 'handling', accepted_on = $3, handling_org_id = current_org_id, handling_org_path = current_org_path, answer_due = $4, next_due = $4,
          version = $2 + 1, updated_at = $5 WHERE id = $1 AND version = $2 RETURNING *`
      : `UPDATE cases SET state = 'answered', outcome = 'explained', answer_text = $3, answered_on = $4, version = $2 + 1, updated_at = $5
          WHERE id = $1 AND version = $2 RETURNING *`;
    const written = await raw.query(`WITH u AS (${update}),
      e AS (INSERT INTO case_events (case_id, type, from_state, to_state, actor_user_id, actor_org_id, actor_kind, at, data, is_public)
        SELECT id, $6, $7, state, $8, $9, 'staff', $5, $10, $11 FROM u RETURNING id),
      q AS (INSERT INTO stats_case_queue (case_id) SELECT id FROM u),
      a0 AS (INSERT INTO audit_log (at, actor_user_id, actor_kind, action, case_id, detail) SELECT $5, $8, 'staff', $12, id, $13 FROM u),
      a1 AS (INSERT INTO audit_log (at, actor_user_id, actor_kind, action, case_id, petitioner_id, detail) SELECT $5, $8, 'staff', 'case.view', id, petitioner_id, $14 FROM u)
      SELECT u.*, (SELECT id FROM e) AS event_id FROM u`,
    [c.id, c.version, isAccept ? today : '经调查核实，现将有关政策答复如下，请予理解。', isAccept ? addCalendarDays(today, 60) : today, now,
      isAccept ? 'accept' : 'answer', row.state, d.actorUserId, d.actorOrgId, JSON.stringify({ note: null }), isAccept,
      isAccept ? 'case.accept' : 'case.answer', JSON.stringify({ from: row.state, version: c.version + 1 }),
      JSON.stringify({ people: (row.party_people as { id: number }[]).map((p) => p.id), masked: true })]);
    if (!written[0]) throw new Error('conflict');
  };
}

// ---- W5 deadline sweep -----------------------------------------------------------------------

/** W5 raw: the sweep's statements (reminders near and overdue in one INSERT, lapsed evaluations), rolled back. */
export async function sweepRaw(raw: RawSql, now: Date): Promise<void> {
  const today = localDate(now);
  const soon = addCalendarDays(today, 3);
  const clock = `CASE state WHEN 'registered' THEN 'route' WHEN 'awaiting_acceptance' THEN 'accept' WHEN 'handling' THEN 'answer' WHEN 'answered' THEN 'answer' WHEN 'reviewing' THEN 'review' WHEN 're_reviewing' THEN 'reReview' END`;
  await raw.tx(async (q) => {
    await q(`SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`);
    await q(`WITH ins AS (INSERT INTO reminders (case_id, clock, due, kind, org_id, created_at)
      SELECT id, ${clock}, next_due, CASE WHEN next_due < $1 THEN 'overdue' ELSE 'near' END, current_org_id, $3 FROM cases
      WHERE next_due <= $2 ORDER BY id ON CONFLICT DO NOTHING RETURNING kind)
      SELECT kind, count(*)::int AS n FROM ins GROUP BY kind`, [today, soon, now]);
    await q(`WITH lapsed AS (UPDATE cases SET evaluation_status = 'expired', updated_at = $2 WHERE evaluation_status = 'pending' AND evaluation_due < $1 RETURNING id, state, evaluation_due)
      INSERT INTO case_events (case_id, type, from_state, to_state, actor_kind, at, data, is_public)
      SELECT id, 'evaluation_expired', state, state, 'system', $2, jsonb_build_object('evaluationDue', evaluation_due), true FROM lapsed`, [today, now]);
  }, true);
}

export const OPEN_STATES_SQL = OPEN;
