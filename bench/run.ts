// `npm run bench`: loads (or reuses) a bench database, starts the real server as a separate process,
// drives it over loopback and prints, per workload, throughput, p50/p95/p99 latency and the server's
// peak memory beside the raw limit of the same database work (`ratio = ours / raw`).
//   --engine pglite|postgres|both   --cases N   --duration S   --only W1,W3   --fresh   --smoke
//   --pg-url postgres://postgres@127.0.0.1:5432   --pool N (server pool)   --cpu-prof DIR   --out FILE
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { CompiledQuery } from 'kysely';
import { databaseFromPglite, databaseFromUrl, openPglite, type DatabaseHandle, type Executor } from '../src/server/db/database.ts';
import { loadConfig } from '../src/server/config.ts';
import { sweepDeadlines } from '../src/server/jobs/sweep-deadlines.ts';
import { computeFigures } from '../src/server/services/compute-figures.ts';
import { settleFigures } from '../src/server/services/settle-figures.ts';
import { foldRollups } from '../src/server/jobs/fold-rollup-deltas.ts';
import { localDate } from '../src/domain/calendar.ts';
import { systemClock } from '../src/domain/clock.ts';
import { createMemoryStorage } from '../src/server/storage/file-storage.ts';
import { DEMO_PASSWORD } from '../src/server/seed/reference-data.ts';
import { seedBulk, type BulkSeedReport } from './generator/load.ts';
import { startServer, type RunningServer } from './lib/server.ts';
import { runHttp, runRaw, type LoadFigures } from './lib/drive.ts';
import { cpuSince, cpuSnapshot } from './lib/cpu.ts';
import {
  intakeRaw, intakeRequests, lookupRaw, lookupRequests, queuePaths, queueRaw, readBenchData, sweepRaw, transitionJobs, transitionRaw,
  transitionRequests, transitionUsers, type BenchData, type QueuePage, type RawSql,
} from './workloads.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MARKER = 'bench_dataset';
type Engine = 'pglite' | 'postgres';

export interface WorkloadResult {
  id: string;
  label: string;
  concurrency: number;
  endpoint: string;
  ours: LoadFigures;
  raw: LoadFigures;
  /** ours / raw, by throughput (for W5: raw seconds / our seconds). */
  ratio: number;
  serverPeakMb: number;
  /** CPU ms per request: our server, the database under our load, the load generator (this process),
   * the raw driver and the database under it. On PGlite the database runs inside the server (or driver). */
  cpu: { oursServerMs: number; oursDbMs: number; oursLoadMs?: number; rawDriverMs: number; rawDbMs: number };
  note?: string;
}

export interface BenchResult {
  engine: Engine;
  cases: number;
  startedAt: string;
  durationSeconds: number;
  machine: { cpu: string; cores: number; memoryMb: number; node: string; database: string; loadAverage: number[] };
  seed: { reused: boolean; seconds: number | null; report: BulkSeedReport | null };
  workloads: WorkloadResult[];
  serverPeakMb: number;
  /** Resident memory of the server once started, before any load. */
  serverIdleMb: number;
}

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    cases: { type: 'string' },
    duration: { type: 'string' },
    only: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
    pool: { type: 'string' },
    'cpu-prof': { type: 'string' },
    // run the server from another checkout of the tree (to compare a change against this one)
    'server-root': { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: '20261125' },
    // run each workload that can run again (not W4, which uses its cases up, nor W5) N times and
    // report the median run by throughput, with every run's throughput beside it
    repeat: { type: 'string', default: '1' },
  },
});

const smoke = args.smoke;
const engines: Engine[] = smoke ? ['pglite'] : args.engine === 'both' ? ['postgres', 'pglite'] : [args.engine as Engine];
if (!engines.every((e) => e === 'pglite' || e === 'postgres')) {
  console.error('--engine must be pglite, postgres or both');
  process.exit(2);
}
const duration = Number(args.duration ?? (smoke ? 2 : 10));
const only = new Set((args.only ?? 'W1,W2,W3,W4,W5,W6').split(',').map((s) => s.trim().toUpperCase()));
const seed = Number(args.seed);
const repeat = Number(args.repeat);
if (!Number.isInteger(repeat) || repeat < 1 || repeat > 9) {
  console.error('--repeat must be an integer from 1 to 9');
  process.exit(2);
}

/** Runs a measurement `repeat` times and keeps the median run by throughput, with every run's
 * throughput in `runs` and every run's errors in `errors`. */
async function median<T extends { figures: LoadFigures }>(measure: () => Promise<T>): Promise<T> {
  const all: T[] = [];
  for (let i = 0; i < repeat; i++) all.push(await measure());
  const mid = [...all].sort((a, b) => a.figures.perSecond - b.figures.perSecond)[Math.floor((all.length - 1) / 2)]!;
  if (repeat === 1) return mid;
  // the errors of every run count, not only the median's
  const errors = all.reduce((n, r) => n + r.figures.errors, 0);
  const errorSamples = all.flatMap((r) => r.figures.errorSamples).slice(0, 5);
  return { ...mid, figures: { ...mid.figures, errors, errorSamples, runs: all.map((r) => r.figures.perSecond) } };
}
const runsText = (f: LoadFigures) => (f.runs ? ` (median of ${f.runs.length}: ${f.runs.map((x) => x.toFixed(0)).join(', ')}/s)` : '');
/** How long a workload runs: a duration, or in smoke mode a fixed number of requests (2 per connection),
 * so it completes however loaded the machine is. */
const span = (connections: number, seconds = duration): { duration: number } | { amount: number } => (smoke ? { amount: connections * 2 } : { duration: seconds });
const log = (s: string) => console.log(s);

function casesFor(engine: Engine): number {
  if (args.cases) return Number(args.cases);
  if (smoke) return 2_000;
  return engine === 'postgres' ? 1_000_000 : 100_000;
}

// ---- raw executors ---------------------------------------------------------------------------

function pgRaw(url: string, max: number): RawSql & { pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max });
  // named statements: each text is parsed once per connection (the fastest way through the driver)
  const named = (text: string) => `b${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
  // a generic plan cannot use the prefix index for `LIKE $n`: those statements stay unnamed (planned per
  // execution with the value, as Kysely's are), everything else is prepared once per connection
  const run = (c: pg.Pool | pg.PoolClient) => async (text: string, params: unknown[] = []) =>
    (await c.query(/\bLIKE\b/i.test(text) ? { text, values: params } : { name: named(text), text, values: params })).rows as Record<string, any>[];
  return {
    pool,
    query: run(pool),
    async tx(fn, rollback = false) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const r = await fn(run(c));
        await c.query(rollback ? 'ROLLBACK' : 'COMMIT');
        return r;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  };
}

/** The engine in process through the server's own connection to it: named prepared statements by the
 * same rules as on PostgreSQL (the fastest way through PGlite), no query builder. */
function pgliteRaw(pglite: PGlite): RawSql & { handle: DatabaseHandle } {
  const handle = databaseFromPglite(pglite);
  const { db } = handle;
  const run = (ex: Executor) => async (text: string, params: unknown[] = []) => (await ex.executeQuery<Record<string, any>>(CompiledQuery.raw(text, params))).rows;
  return {
    handle,
    query: run(db),
    async tx(fn, rollback = false) {
      const trx = await db.startTransaction().execute();
      try {
        const r = await fn(run(trx));
        await (rollback ? trx.rollback() : trx.commit()).execute();
        return r;
      } catch (e) {
        await trx.rollback().execute().catch(() => {});
        throw e;
      }
    },
    close: () => pglite.close(),
  };
}

// ---- the bench database ----------------------------------------------------------------------

interface Prepared { databaseUrl: string | null; dataDir: string; reused: boolean; report: BulkSeedReport | null; seconds: number | null }

async function prepareDatabase(engine: Engine, cases: number): Promise<Prepared> {
  const t0 = performance.now();
  if (engine === 'postgres') {
    const u = new URL(args['pg-url']!);
    u.pathname = '/xf_bench';
    const url = u.toString();
    u.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: u.toString() });
    await admin.connect();
    try {
      const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'xf_bench'`)).rowCount;
      if (!exists) await admin.query('CREATE DATABASE xf_bench');
    } finally {
      await admin.end();
    }
    if (!args.fresh && (await markerOk(() => pgRaw(url, 2), cases))) return { databaseUrl: url, dataDir: '', reused: true, report: null, seconds: null };
    log(`loading ${cases.toLocaleString('en')} cases into PostgreSQL (xf_bench)…`);
    const report = await seedBulk({ cases, seed, databaseUrl: url, dataDir: '', fresh: true, asOf: new Date(), log: (s) => log(`  ${s}`) });
    const raw = pgRaw(url, 2);
    await writeMarker(raw, cases);
    await raw.close();
    return { databaseUrl: url, dataDir: '', reused: false, report, seconds: (performance.now() - t0) / 1000 };
  }
  const dataDir = smoke ? path.join(ROOT, `.tmp/bench/smoke-${process.pid}`) : path.join(ROOT, `.tmp/bench/pglite-${cases}`);
  if (!smoke && !args.fresh && (await markerOk(async () => pgliteRaw(await openPglite(dataDir)), cases))) return { databaseUrl: null, dataDir, reused: true, report: null, seconds: null };
  log(`loading ${cases.toLocaleString('en')} cases into PGlite (${path.relative(ROOT, dataDir)})…`);
  const report = await seedBulk({ cases, seed, databaseUrl: null, dataDir, fresh: true, asOf: new Date(), log: (s) => log(`  ${s}`) });
  const raw = pgliteRaw(await openPglite(dataDir));
  await writeMarker(raw, cases);
  await raw.close();
  return { databaseUrl: null, dataDir, reused: false, report, seconds: (performance.now() - t0) / 1000 };
}

async function markerOk(open: () => RawSql | Promise<RawSql>, cases: number): Promise<boolean> {
  let raw: RawSql | undefined;
  try {
    raw = await open();
    const r = await raw.query(`SELECT value FROM settings WHERE key = $1`, [MARKER]);
    const v = r[0]?.value;
    const m = (typeof v === 'string' ? JSON.parse(v) : v) as { cases?: number } | undefined;
    return m?.cases === cases;
  } catch {
    return false;
  } finally {
    await raw?.close().catch(() => {});
  }
}

async function writeMarker(raw: RawSql, cases: number): Promise<void> {
  await raw.query(`INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, now()) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [MARKER, JSON.stringify({ cases, seed })]);
}

// ---- HTTP helpers ----------------------------------------------------------------------------

async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function getJson(base: string, url: string, cookie: string): Promise<any> {
  const res = await fetch(`${base}${url}`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

function decodeCursor(s: string): { v: string | null; id: number } {
  const [v, id] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as [string | null, number];
  return { v, id };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until no case is queued for its figures and every delta is folded (the server's job folds). */
async function waitUntilFolded(raw: RawSql, timeoutMs = 300_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const r = (await raw.query('SELECT EXISTS (SELECT 1 FROM stats_case_queue) OR EXISTS (SELECT 1 FROM stats_rollup_deltas) AS busy'))[0]!;
    if (!r.busy) return;
    await sleep(100);
  }
  throw new Error('the figures were not settled and folded within 5 minutes');
}

// ---- one engine ------------------------------------------------------------------------------

async function benchEngine(engine: Engine): Promise<BenchResult> {
  const cases = casesFor(engine);
  const startedAt = new Date().toISOString();
  const prep = await prepareDatabase(engine, cases);
  if (prep.reused) log(`reusing the ${engine} bench database with ${cases.toLocaleString('en')} cases`);

  let pglite: PGlite | undefined;
  let pgliteHandle: DatabaseHandle | undefined;
  const openRaw = async (max: number): Promise<RawSql> => {
    if (engine === 'postgres') return pgRaw(prep.databaseUrl!, max);
    pglite = await openPglite(prep.dataDir);
    const r = pgliteRaw(pglite);
    pgliteHandle = r.handle;
    return r;
  };
  let raw = await openRaw(64);
  if (prep.reused) {
    // earlier runs left dead rows (W4's updates, W5's reminders, deltas); a live database has its
    // autovacuum clear them, which a server with autovacuum off (or a reused bench set) lacks
    const v0 = performance.now();
    // (the tables rows are updated or deleted in; the append-only logs need no clearing)
    await raw.query(`VACUUM (ANALYZE) cases, petitioners, idempotency_keys, reminders, stats_case_contrib, stats_rollup_deltas, stats_rollups,
      stats_case_queue, portal_revocations`);
    log(`  vacuumed the tables the workloads write (${((performance.now() - v0) / 1000).toFixed(1)} s)`);
  }
  const poolCap = Math.max(200, Math.min(20_000, duration * 1_500));
  const data = await readBenchData(raw, poolCap);
  const dbVersion = String((await raw.query('SHOW server_version'))[0]!.server_version);
  // W6: the figures of the demo county's city (with every county below it) for this year
  const cityId = Number((await raw.query(`SELECT id FROM organisations WHERE name = '邢台市人民政府'`))[0]!.id);
  const figuresQuery = { orgId: cityId, subtree: true, period: 'year', from: `${localDate(new Date()).slice(0, 4)}-01-01` } as const;
  if (engine === 'pglite') await raw.close();

  const cpuProf = args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args['cpu-prof'])}`] : [];
  const server = await startServer({ databaseUrl: prep.databaseUrl, dataDir: prep.dataDir || path.join(ROOT, '.tmp/bench/unused'), poolSize: Number(args.pool ?? 10), nodeFlags: cpuProf, cwd: args['server-root'] ? path.resolve(args['server-root']) : undefined });
  const ours = new Map<string, { figures: LoadFigures; endpoint: string; concurrency: number; peak: number; cpu: { server: number; db: number; load: number }; note?: string }>();
  const isPg = engine === 'postgres';
  /** Runs one measured load and reads what it cost in CPU (the server's and the database's),
   * including the figures' work it left queued (`settle`, run after the load and inside the CPU
   * window: changes queue their cases and the fold job applies them later, so that work belongs to
   * the workload that caused it, and the next workload starts with nothing queued). */
  const costed = async <T extends LoadFigures>(serverPid: number | null, run: () => Promise<T>, settle?: () => Promise<void>) => {
    // on PostgreSQL, what its autovacuum does on a live server to the tables rows are added to and
    // dropped from every second (the figures' queue, the fold's deltas), before each measurement and
    // outside it; this server may run with autovacuum off. (The embedded server does it itself.)
    if (isPg) await raw.query('VACUUM stats_case_queue, stats_rollup_deltas');
    const a = cpuSnapshot(serverPid, isPg);
    const figures = await run();
    if (settle) await settle();
    const c = cpuSince(a, cpuSnapshot(serverPid, isPg));
    const per = (ms: number) => (figures.requests ? round2(ms / figures.requests) : 0);
    return { figures, server: per(serverPid ? c.serverMs : c.selfMs), db: per(c.dbMs), load: serverPid ? per(c.selfMs) : 0 };
  };
  let lastCpu = { server: 0, db: 0, load: 0 };
  // set once the server answers: a figures read settles every queued case (on the primary, as any read
  // of figures does); on PostgreSQL it then waits for the server's fold job to fold the deltas
  let settleOurs: () => Promise<void> = async () => {};
  const oursRun = async (run: () => Promise<LoadFigures>, again = false) => {
    const r = again ? await median(() => costed(server.pid, run, settleOurs)) : await costed(server.pid, run, settleOurs);
    lastCpu = { server: r.server, db: r.db, load: r.load };
    return r.figures;
  };
  const runTag = Math.floor(Date.now() / 1000) % 100_000;
  let pages: QueuePage[] = [];
  let idleMb = 0;
  try {
    // the server runs its first deadline sweep 5 s after start: let it pass before measuring
    await sleep(smoke ? 0 : 8_000);
    const base = server.url;
    const cookies = new Map<string, string>();
    const cookieOf = async (u: string) => cookies.get(u) ?? (cookies.set(u, await signIn(base, u)), cookies.get(u)!);

    // a request that needs the database: answered only once the previous workload's backlog is through
    const drained = async () => { await getJson(base, '/api/v1/auth/me', await cookieOf('supervisor')); };
    await drained();
    const figuresUrl = `/api/v1/stats/figures?org=${cityId}&period=year&from=${figuresQuery.from}`;
    settleOurs = async () => {
      await getJson(base, figuresUrl, await cookieOf('city.handler'));
      if (isPg) await waitUntilFolded(raw);
    };
    await settleOurs();
    idleMb = server.memory().rssMb;
    const record = async (id: string, endpoint: string, concurrency: number, figures: LoadFigures, note?: string) => {
      await drained();
      const peak = server.memory().peakMb;
      ours.set(id, { figures, endpoint, concurrency, peak, cpu: lastCpu, note });
      log(`  ${id} ours: ${figures.perSecond.toFixed(0)}/s p50 ${figures.p50} ms p95 ${figures.p95} ms p99 ${figures.p99} ms, errors ${figures.errors}${figures.errorSamples[0] ? ` (${figures.errorSamples[0]})` : ''}; CPU/req server ${lastCpu.server} ms, database ${lastCpu.db} ms, load generator ${lastCpu.load} ms${runsText(figures)}`);
    };
    if (only.has('W1')) {
      await record('W1', 'POST /api/v1/portal/petitions', 32, await oursRun(() => runHttp({ baseUrl: base, connections: 32, ...span(32), requests: intakeRequests(data, runTag) }), true));
    }
    if (only.has('W2')) {
      await record('W2', 'POST /api/v1/portal/lookup', 64, await oursRun(() => runHttp({ baseUrl: base, connections: 64, ...span(64), requests: lookupRequests(data) }), true));
    }
    if (only.has('W3')) {
      const queues = queuePaths(data);
      const firsts: { path: string; cookie: string }[] = [];
      const nexts: { path: string; cookie: string }[] = [];
      for (const q of queues) {
        const cookie = await cookieOf(q.user);
        const page = await getJson(base, q.first, cookie);
        firsts.push({ path: q.first, cookie });
        pages.push({ user: q.user, path: q.first, scopePath: q.scopePath, orgId: q.orgId, states: q.states, cursor: null });
        if (page.nextCursor) {
          nexts.push({ path: `${q.first}&cursor=${page.nextCursor}`, cookie });
          pages.push({ user: q.user, path: q.first, scopePath: q.scopePath, orgId: q.orgId, states: q.states, cursor: decodeCursor(page.nextCursor) });
        }
      }
      const reqs = (list: { path: string; cookie: string }[]) => list.map((l) => ({ method: 'GET', path: l.path, headers: { cookie: l.cookie } }));
      await record('W3a', 'GET /api/v1/cases (first page)', 16, await oursRun(() => runHttp({ baseUrl: base, connections: 16, ...span(16, Math.max(1, duration / 2)), requests: reqs(firsts) }), true));
      if (nexts.length) await record('W3b', 'GET /api/v1/cases?cursor= (next page)', 16, await oursRun(() => runHttp({ baseUrl: base, connections: 16, ...span(16, Math.max(1, duration / 2)), requests: reqs(nexts) }), true));
    }
    if (only.has('W4')) {
      const jobs = Math.min(transitionJobs(data), smoke ? 64 : Math.ceil(duration * 3_000));
      if (jobs < 2) throw new Error('W4: no cases left to accept and answer in the bench database; rerun with --fresh');
      for (const u of transitionUsers(data)) await cookieOf(u);
      const reqs = transitionRequests(data, jobs, (u) => cookies.get(u)!);
      // by time, over a list of distinct cases (each case is acted on once): it ends early when the list does
      await record('W4', 'POST /api/v1/cases/:id/accept|answer', 32, await oursRun(() => runHttp({ baseUrl: base, connections: 32, amount: jobs, ...(smoke ? {} : { duration }), requests: reqs })), `${jobs} cases available`);
    }
    if (only.has('W6')) {
      const cookie = await cookieOf('city.handler');
      const url = figuresUrl;
      await getJson(base, url, cookie);
      // one leader opening the dashboard: the latency a user sees (the target is under 100 ms)
      await record('W6', 'GET /api/v1/stats/figures (a city, a year)', 1, await oursRun(() => runHttp({ baseUrl: base, connections: 1, ...span(1), requests: [{ method: 'GET', path: url, headers: { cookie } }] }), true));
    }
  } finally {
    await server.stop();
  }
  const serverPeakMb = server.memory().peakMb || Math.max(0, ...[...ours.values()].map((o) => o.peak));

  // the raw limit of each workload, same concurrency, straight through the driver
  if (engine === 'pglite') raw = await openRaw(1);
  const rawConc = (c: number) => (engine === 'pglite' ? 1 : c);
  // the figures' work of the raw writes is the same as ours: the same queue, applied by the same
  // service (settle-figures.ts) and folded by the same job (fold-rollup-deltas.ts), every second beside
  // the load as the server's job does (on PGlite through the raw load's own handle, whose mutex gives
  // the one connection to the raw statements and the fold in turn, as in the server), and what is
  // left after the load inside the raw CPU window.
  const figuresDb = engine === 'postgres' ? databaseFromUrl(prep.databaseUrl!, 2) : pgliteHandle!;
  const settleRaw = async () => {
    while ((await settleFigures(figuresDb.db, 1_000, 1_000)).cases > 0);
    while ((await foldRollups(figuresDb.db, 20_000, 1_000)).folded > 0);
  };
  let folding = true;
  const foldLoop = (async () => {
    while (folding) {
      await foldRollups(figuresDb.db).catch((e: unknown) => log(`  fold failed: ${String(e)}`));
      await sleep(1_000);
    }
  })();
  const results: WorkloadResult[] = [];
  const push = (id: string, label: string, measured: { figures: LoadFigures; server: number; db: number }) => {
    const o = ours.get(id);
    if (!o) return;
    const rawFig = measured.figures;
    const cpu = { oursServerMs: o.cpu.server, oursDbMs: o.cpu.db, oursLoadMs: o.cpu.load, rawDriverMs: measured.server, rawDbMs: measured.db };
    results.push({ id, label, concurrency: o.concurrency, endpoint: o.endpoint, ours: o.figures, raw: rawFig, ratio: rawFig.perSecond ? round2(o.figures.perSecond / rawFig.perSecond) : 0, serverPeakMb: round2(o.peak), cpu, note: o.note });
    log(`  ${id} raw : ${rawFig.perSecond.toFixed(0)}/s p50 ${rawFig.p50} ms p95 ${rawFig.p95} ms p99 ${rawFig.p99} ms, errors ${rawFig.errors}${rawFig.errorSamples[0] ? ` (${rawFig.errorSamples[0]})` : ''}; CPU/req driver ${measured.server} ms, database ${measured.db} ms${runsText(rawFig)}`);
  };
  try {
    if (only.has('W1')) push('W1', 'intake (online submission)', await median(() => costed(null, () => runRaw({ concurrency: rawConc(32), ...span(32), op: intakeRaw(raw, data, runTag) }), settleRaw)));
    if (only.has('W2')) push('W2', 'look-up by 查询码 + last 4 (mobile or ID)', await median(() => costed(null, () => runRaw({ concurrency: rawConc(64), ...span(64), op: lookupRaw(raw, data) }))));
    if (only.has('W3')) {
      const firstPages = pages.filter((p) => !p.cursor);
      const nextPages = pages.filter((p) => p.cursor);
      push('W3a', 'work queue, first page', await median(() => costed(null, () => runRaw({ concurrency: rawConc(16), ...span(16, Math.max(1, duration / 2)), op: queueRaw(raw, firstPages) }))));
      if (nextPages.length) push('W3b', 'work queue, next page', await median(() => costed(null, () => runRaw({ concurrency: rawConc(16), ...span(16, Math.max(1, duration / 2)), op: queueRaw(raw, nextPages) }))));
    }
    if (only.has('W4') && ours.has('W4')) {
      const jobs = Math.min(Math.min(data.accept.raw.length, data.answer.raw.length) * 2, Math.ceil(duration * 6_000));
      push('W4', 'transitions (accept, answer)', await costed(null, () => runRaw({ concurrency: rawConc(32), amount: jobs, ...(smoke ? {} : { duration }), op: transitionRaw(raw, data) }), settleRaw));
    }
    folding = false;
    await foldLoop;
    if (only.has('W5')) {
      // the sweep over every case, once: raw statements (rolled back), then the job itself
      await raw.query('DELETE FROM reminders');
      const r0 = performance.now();
      await sweepRaw(raw, new Date());
      const rawSeconds = (performance.now() - r0) / 1000;
      let handle: DatabaseHandle;
      if (engine === 'postgres') handle = databaseFromUrl(prep.databaseUrl!, 2);
      else handle = pgliteHandle!;
      const ctx = { db: handle.db, reader: handle.reader, engine: handle.engine, clock: systemClock, config: loadConfig({}), storage: createMemoryStorage() };
      const s0 = performance.now();
      const sweep = await sweepDeadlines(ctx);
      const oursSeconds = (performance.now() - s0) / 1000;
      if (engine === 'postgres') await handle.close();
      const fig = (s: number): LoadFigures => ({ requests: 1, errors: 0, seconds: round2(s), perSecond: round2(1 / s), p50: round2(s * 1000), p95: round2(s * 1000), p99: round2(s * 1000), errorSamples: [] });
      results.push({
        id: 'W5', label: 'deadline sweep, once (in process)', concurrency: 1, endpoint: 'jobs/sweep-deadlines.ts', ours: fig(oursSeconds), raw: fig(rawSeconds),
        ratio: round2(rawSeconds / oursSeconds), serverPeakMb: 0, cpu: { oursServerMs: 0, oursDbMs: 0, rawDriverMs: 0, rawDbMs: 0 }, note: `${sweep.near} near, ${sweep.overdue} overdue, ${sweep.evaluationsExpired} evaluations lapsed`,
      });
      log(`  W5 sweep: ours ${oursSeconds.toFixed(2)} s, raw ${rawSeconds.toFixed(2)} s (${sweep.near} near, ${sweep.overdue} overdue)`);
    }
    if (only.has('W6') && ours.has('W6')) {
      // the engine's own queries in process (no HTTP, no session, no validation), with the figures'
      // work of the raw writes folded, as the server's fold job has done for ours
      await settleRaw();
      const handle = engine === 'postgres' ? databaseFromUrl(prep.databaseUrl!, 8) : pgliteHandle!;
      const ctx = { db: handle.db, reader: handle.reader, engine: handle.engine, clock: systemClock, config: loadConfig({}), storage: createMemoryStorage() };
      push('W6', 'figures of a city for a year', await median(() => costed(null, () => runRaw({ concurrency: 1, ...span(1), op: async () => { await computeFigures(ctx, null, figuresQuery); } }))));
      if (engine === 'postgres') await handle.close();
    }
  } finally {
    folding = false;
    await foldLoop;
    if (engine === 'postgres') await figuresDb.close();
    await raw.close();
  }
  const cpus = os.cpus();
  return {
    engine, cases, startedAt, durationSeconds: duration,
    machine: { cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, memoryMb: Math.round(os.totalmem() / 1_048_576), node: process.version, database: engine === 'postgres' ? `PostgreSQL ${dbVersion}` : `PGlite (PostgreSQL ${dbVersion})`, loadAverage: os.loadavg().map(round2) },
    seed: { reused: prep.reused, seconds: prep.seconds, report: prep.report },
    workloads: results, serverPeakMb: round2(serverPeakMb), serverIdleMb: round2(idleMb),
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function formatTable(r: BenchResult): string {
  const head = `${r.engine} · ${r.cases.toLocaleString('en')} cases · ${r.machine.cpu} × ${r.machine.cores} · ${r.machine.database} · Node ${r.machine.node} · load ${r.machine.loadAverage.join(' ')}`;
  const rows = [['workload', 'conc', 'ours/s', 'p50', 'p95', 'p99', 'err', 'raw/s', 'raw p50', 'raw p95', 'raw p99', 'ratio', 'peak MB', 'cpu srv', 'cpu db', 'cpu gen', 'raw drv', 'raw db']];
  for (const w of r.workloads) {
    rows.push([`${w.id} ${w.label}`, String(w.concurrency), w.ours.perSecond.toFixed(w.id === 'W5' ? 2 : 0), ms(w.ours.p50), ms(w.ours.p95), ms(w.ours.p99), String(w.ours.errors),
      w.raw.perSecond.toFixed(w.id === 'W5' ? 2 : 0), ms(w.raw.p50), ms(w.raw.p95), ms(w.raw.p99), w.ratio.toFixed(2), w.serverPeakMb ? w.serverPeakMb.toFixed(0) : '-',
      ...[w.cpu?.oursServerMs, w.cpu?.oursDbMs, w.cpu?.oursLoadMs, w.cpu?.rawDriverMs, w.cpu?.rawDbMs].map((c) => (w.id === 'W5' || c === undefined ? '-' : c.toFixed(2)))]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((x) => [...x[i]!].length + (x[i]!.match(/[\u4e00-\u9fff]/g)?.length ?? 0))));
  const fmt = (x: string[]) => x.map((c, i) => (i === 0 ? c.padEnd(widths[i]! - (c.match(/[\u4e00-\u9fff]/g)?.length ?? 0)) : c.padStart(widths[i]!))).join('  ');
  return [head, fmt(rows[0]!), ...rows.slice(1).map(fmt), `server memory: ${r.serverIdleMb.toFixed(0)} MB after start, peak (VmHWM) ${r.serverPeakMb.toFixed(0)} MB; latencies in ms; ratio = ours / raw (W5: raw time / our time); cpu = CPU ms per request of the server (srv), the load generator (gen: autocannon, in the bench process, on the same cores) or the raw driver (drv) and of the database's processes (db; on PGlite inside the server)`,
    ...(r.workloads.some((w) => w.ours.runs) ? [`each rerunnable workload ran ${Math.max(...r.workloads.map((w) => w.ours.runs?.length ?? 1))} times, ours and raw: its row is the median run by throughput (every run's throughput is in the log above and the JSON); W4 and W5 ran once`] : [])].join('\n');
}

function ms(n: number): string {
  return n >= 100 ? n.toFixed(0) : n.toFixed(1);
}

// ---- main ------------------------------------------------------------------------------------

const all: BenchResult[] = [];
let failed = false;
for (const engine of engines) {
  log(`\n=== ${engine} ===`);
  try {
    const r = await benchEngine(engine);
    all.push(r);
    const stamp = r.startedAt.replace(/[:.]/g, '-');
    const file = args.out ? path.resolve(args.out.replace('{engine}', engine)) : path.join(ROOT, 'bench/results', `${stamp}-${engine}.json`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
    log(`\n${formatTable(r)}\nresults: ${path.relative(ROOT, file)}`);
  } catch (e) {
    failed = true;
    console.error(`${engine} bench failed:`, e);
  }
}
if (smoke) rmSync(path.join(ROOT, `.tmp/bench/smoke-${process.pid}`), { recursive: true, force: true });
process.exit(failed ? 1 : 0);
