// Loads a generated data set: reference data and the demo county through the normal installers,
// the rest of the province and the cases by bulk paths (COPY FROM STDIN on PostgreSQL, COPY from a
// Blob on PGlite), with secondary indexes built once after the load.
import { existsSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { PGlite } from '@electric-sql/pglite';
import { databaseFromPglite, openDatabase, openPglite, type Database, type DatabaseHandle } from '../../src/server/db/database.ts';
import { rebuildRollupsSideBySide } from '../../src/server/services/rebuild-rollups.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { installCategories, installDemoOrgs, installDemoUsers } from '../../src/server/seed/reference-data.ts';
import { replaceCalendarYear, listCalendarDays } from '../../src/server/repositories/settings.ts';
import { CALENDAR_2026 } from '../../src/server/seed/calendar-2026.ts';
import { createWorkCalendar } from '../../src/domain/calendar.ts';
import { buildProvinceTree, treeShapeFor, type GenOrg } from './org-tree.ts';
import { COLUMNS, GEN_TABLES, generateCases, type Batch, type GenStats, type GenTable, type UserIds } from './cases.ts';

export interface BulkSeedOptions {
  cases: number;
  seed: number;
  /** PostgreSQL URL; null for the embedded engine in dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  /** Empty the database first (drops every table of a PostgreSQL schema, or the PGlite folder). */
  fresh: boolean;
  asOf: Date;
  batchSize?: number;
  log?: (s: string) => void;
}

export interface BulkSeedReport {
  engine: 'pglite' | 'postgres';
  stats: GenStats;
  orgs: number;
  users: number;
  seconds: { reference: number; generate: number; indexes: number; rollups: number; total: number };
}

/** Tables whose secondary indexes are dropped for the load and built afterwards. */
const BULK_TABLES = ['petitioners', 'cases', 'submissions', 'submission_people', 'case_events', 'audit_log', 'evaluations', 'case_ownerships', 'supervision_notices'];
const ID_TABLES = ['organisations', 'users', 'petitioners', 'cases', 'submissions', 'case_events', 'audit_log', 'evaluations', 'case_ownerships', 'supervision_notices'];

async function emptyDatabase(opts: BulkSeedOptions): Promise<void> {
  if (opts.databaseUrl) {
    const c = new pg.Client({ connectionString: opts.databaseUrl });
    await c.connect();
    try {
      await c.query('DROP SCHEMA IF EXISTS public CASCADE');
      await c.query('CREATE SCHEMA public');
    } finally {
      await c.end();
    }
  } else if (existsSync(opts.dataDir)) {
    rmSync(opts.dataDir, { recursive: true, force: true });
  }
}

/** The bulk writer of one engine: take a batch, finish. */
interface BulkWriter { write(b: Batch): Promise<void>; finish(): Promise<void> }

async function postgresWriter(url: string): Promise<{ writer: BulkWriter; close: () => Promise<void> }> {
  // one COPY stream per table, each on its own connection, so the server spreads the work over cores
  const clients: pg.Client[] = [];
  const streams = new Map<GenTable, NodeJS.WritableStream>();
  const done: Promise<unknown>[] = [];
  for (const t of GEN_TABLES) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    // rows are consistent by construction: skip the per-row foreign-key triggers during the load
    await c.query('SET session_replication_role = replica');
    await c.query('SET synchronous_commit = off');
    const s = c.query(copyFrom(`COPY ${t} (${COLUMNS[t].join(', ')}) FROM STDIN`));
    done.push(new Promise((resolve, reject) => { s.on('finish', resolve); s.on('error', reject); }));
    clients.push(c);
    streams.set(t, s);
  }
  return {
    writer: {
      async write(b) {
        const waits: Promise<unknown>[] = [];
        for (const t of GEN_TABLES) {
          if (!b[t].length) continue;
          const s = streams.get(t)!;
          if (!s.write(b[t].join(''))) waits.push(once(s, 'drain'));
        }
        await Promise.all(waits);
      },
      async finish() {
        for (const s of streams.values()) s.end();
        await Promise.all(done);
      },
    },
    close: async () => { await Promise.all(clients.map((c) => c.end())); },
  };
}

function pgliteWriter(pglite: PGlite): BulkWriter {
  return {
    async write(b) {
      for (const t of GEN_TABLES) {
        if (!b[t].length) continue;
        await pglite.query(`COPY ${t} (${COLUMNS[t].join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob([b[t].join('')]) });
      }
    },
    async finish() {},
  };
}

async function insertChunks<T>(rows: T[], size: number, run: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await run(rows.slice(i, i + size));
}

/** Generates and loads a province-sized data set; the database must be empty unless `fresh`. */
export async function seedBulk(opts: BulkSeedOptions): Promise<BulkSeedReport> {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  if (opts.fresh) await emptyDatabase(opts);
  // on PGlite the engine in this thread: the bulk writer copies into it directly (pgliteWriter)
  const handle: DatabaseHandle = opts.databaseUrl
    ? await openDatabase({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir, poolSize: 4 })
    : databaseFromPglite(await openPglite(opts.dataDir));
  const db = handle.db;
  try {
    await migrate(db);
    const existing = Number((await db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    if (existing > 0) throw new Error('the database already holds data: pass --fresh to replace it');

    // reference data and the demo county with its logins, through the normal installers
    const demo = await db.transaction().execute(async (trx) => {
      const cat = await installCategories(trx);
      const orgs = await installDemoOrgs(trx, cat);
      await installDemoUsers(trx, orgs);
      await replaceCalendarYear(trx, 2026, CALENDAR_2026);
      return { cat };
    });
    const orgRows = await db.selectFrom('organisations').select(['id', 'parent_id', 'name', 'level', 'kind', 'area_code', 'path']).execute();
    const ocRows = await db.selectFrom('org_categories as oc').innerJoin('categories as c', 'c.id', 'oc.category_id').select(['oc.org_id', 'c.code']).execute();
    const orgCategories = new Map<number, string[]>();
    for (const r of ocRows) orgCategories.set(r.org_id, [...(orgCategories.get(r.org_id) ?? []), r.code]);
    const shape = treeShapeFor(opts.cases);
    const tree = buildProvinceTree({ orgs: orgRows, orgCategories }, shape);

    // the rest of the province: organisations, their competences and a handler, leader, clerk or supervisor each
    const hash = (await db.selectFrom('users').select('password_hash').where('username', '=', 'clerk').executeTakeFirstOrThrow()).password_hash;
    let nextUserId = Number((await db.selectFrom('users').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m) + 1;
    const newUsers: { id: number; org_id: number; username: string; display_name: string; role: string; password_hash: string }[] = [];
    const addUser = (org: GenOrg, role: string, prefix: string, label: string) => {
      newUsers.push({ id: nextUserId++, org_id: org.id, username: `${prefix}${org.id}`, display_name: `${org.name}${label}`, role, password_hash: hash });
    };
    for (const o of tree.added) {
      if (o.kind === 'village') continue;
      if (o.kind === 'petition_bureau') { addUser(o, 'clerk', 'c', '登记员'); addUser(o, 'supervisor', 's', '督办员'); }
      else { addUser(o, 'handler', 'h', '承办人'); addUser(o, 'leader', 'l', '负责人'); }
    }
    await db.transaction().execute(async (trx) => {
      await insertChunks(tree.added, 500, (chunk) => trx.insertInto('organisations').values(chunk.map((o) => ({
        id: o.id, parent_id: o.parentId, name: o.name, level: o.level, kind: o.kind, area_code: o.areaCode, path: o.path,
      }))).execute());
      const oc = tree.added.flatMap((o) => o.categories.map((code) => ({ org_id: o.id, category_id: demo.cat.get(code)! })));
      await insertChunks(oc, 1000, (chunk) => trx.insertInto('org_categories').values(chunk).execute());
      await insertChunks(newUsers, 500, (chunk) => trx.insertInto('users').values(chunk).execute());
    });
    const users: UserIds = { handler: new Map(), leader: new Map(), clerk: new Map(), supervisor: new Map() };
    for (const u of await db.selectFrom('users').select(['id', 'org_id', 'role']).orderBy('id').execute()) {
      const m = users[u.role as keyof UserIds];
      if (m && !m.has(u.org_id)) m.set(u.org_id, u.id);
    }
    const calendar = createWorkCalendar((await listCalendarDays(db)).map((d) => ({ date: d.day, kind: d.kind as 'holiday' | 'workday' })));
    const tRef = performance.now();
    log(`reference data: ${orgRows.length + tree.added.length} organisations (${tree.counties.length} counties), ${await countUsers(db)} users (${((tRef - t0) / 1000).toFixed(1)} s)`);

    // secondary indexes come back after the load (built once instead of maintained row by row)
    const indexes = (await sql<{ indexname: string; indexdef: string }>`
      SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename IN (${sql.join(BULK_TABLES)})
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`.execute(db)).rows;
    for (const ix of indexes) await sql.raw(`DROP INDEX ${ix.indexname}`).execute(db);

    const ids = async (table: string) => Number((await sql<{ m: number | null }>`SELECT coalesce(max(id), 0)::int8 AS m FROM ${sql.table(table)}`.execute(db)).rows[0]!.m) + 1;
    const firstIds = {
      petitioner: await ids('petitioners'), case: await ids('cases'), submission: await ids('submissions'),
      event: await ids('case_events'), audit: await ids('audit_log'), evaluation: await ids('evaluations'),
      ownership: await ids('case_ownerships'), notice: await ids('supervision_notices'),
    };
    const categoryIds = new Map((await db.selectFrom('categories').select(['id', 'code']).execute()).map((c) => [c.code, c.id]));

    let writer: BulkWriter;
    let closeWriter = async () => {};
    if (handle.engine === 'postgres') {
      const w = await postgresWriter(opts.databaseUrl!);
      writer = w.writer;
      closeWriter = w.close;
    } else {
      await handle.pglite!.exec('SET session_replication_role = replica');
      writer = pgliteWriter(handle.pglite!);
    }
    let written = 0;
    let lastLog = performance.now();
    const stats = await generateCases({
      cases: opts.cases, seed: opts.seed, asOf: opts.asOf, counties: tree.counties, demoCountyShare: Math.max(0.1, 1 / tree.counties.length),
      categoryIds, users, calendar, firstIds,
    }, opts.batchSize ?? 5_000, async (b) => {
      await writer.write(b);
      written += b.cases.length;
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        log(`  ${written.toLocaleString('en')} cases written (${((lastLog - tRef) / 1000).toFixed(0)} s)`);
      }
    });
    await writer.finish();
    await closeWriter();
    if (handle.engine === 'pglite') await handle.pglite!.exec('SET session_replication_role = origin');
    const tGen = performance.now();
    log(`generated and copied ${stats.cases.toLocaleString('en')} cases, ${stats.events.toLocaleString('en')} events, ${stats.audit.toLocaleString('en')} audit entries (${((tGen - tRef) / 1000).toFixed(1)} s)`);

    await buildIndexes(opts, db, indexes.map((i) => i.indexdef));
    for (const t of ID_TABLES) await sql.raw(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), greatest((SELECT max(id) FROM ${t}), 1))`).execute(db);
    await sql`SELECT setval('case_number_seq', greatest((SELECT max(id) FROM cases), 1))`.execute(db);
    // VACUUM sets the visibility map as a long-running database has it (index-only scans in the sweep)
    await sql`VACUUM ANALYZE`.execute(db);
    const tIdx = performance.now();
    log(`indexes and statistics (${((tIdx - tGen) / 1000).toFixed(1)} s)`);

    // the figures, side by side on two connections (nothing else uses the database yet)
    await rebuildRollupsSideBySide(db);
    // the figures' tables were filled after the statistics above: the visibility map too, as autovacuum would set it
    await sql`VACUUM ANALYZE stats_case_contrib, stats_rollups`.execute(db);
    const tRoll = performance.now();
    log(`rollups rebuilt and analysed (${((tRoll - tIdx) / 1000).toFixed(1)} s)`);
    return {
      engine: handle.engine, stats, orgs: orgRows.length + tree.added.length, users: newUsers.length,
      seconds: { reference: (tRef - t0) / 1000, generate: (tGen - tRef) / 1000, indexes: (tIdx - tGen) / 1000, rollups: (tRoll - tIdx) / 1000, total: (tRoll - t0) / 1000 },
    };
  } finally {
    await handle.close();
  }
}

async function countUsers(db: Database): Promise<number> {
  return Number((await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

/** Builds the dropped indexes: two at a time on PostgreSQL (two cores), in turn on PGlite. */
async function buildIndexes(opts: BulkSeedOptions, db: Database, defs: string[]): Promise<void> {
  if (!opts.databaseUrl) {
    for (const d of defs) await sql.raw(d).execute(db);
    return;
  }
  const queue = [...defs];
  const worker = async () => {
    const c = new pg.Client({ connectionString: opts.databaseUrl! });
    await c.connect();
    try {
      await c.query(`SET maintenance_work_mem = '256MB'`);
      for (let d = queue.shift(); d; d = queue.shift()) await c.query(d);
    } finally {
      await c.end();
    }
  };
  await Promise.all([worker(), worker()]);
}
