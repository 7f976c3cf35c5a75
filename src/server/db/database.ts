// Opens the database: the embedded PGlite engine (one connection, serialised by a mutex) or a
// PostgreSQL server through a `pg` pool. Both speak the same SQL; Kysely gives typed queries.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, parse as pgliteParse, protocol as pgliteProtocol } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import {
  CompiledQuery, Kysely, PostgresAdapter, PostgresDialect, PostgresIntrospector, PostgresQueryCompiler,
  type DatabaseConnection, type Dialect, type Driver, type QueryResult, type Transaction,
} from 'kysely';
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { DB } from './schema.ts';

export type Database = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Either the database or an open transaction: repositories take this. */
export type Executor = Kysely<DB> | Transaction<DB>;

// int8 (counts, sums) as JS numbers; dates as 'YYYY-MM-DD' strings, on both engines.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);
const PGLITE_PARSERS = { 20: (v: string) => Number(v), 1700: (v: string) => Number(v), 1082: (v: string) => v };

export const PGLITE_EXTENSIONS = { pg_trgm };

/** PGlite's buffer cache, inside the process's memory. Its default (128 MB) lives in the
 * WebAssembly memory, which never shrinks; the data folder's pages are also in the operating
 * system's file cache, so a small cache costs little. Measured on the bench's 100,000 cases:
 * resident 419 -> 310 MB after start and 871 -> 761 MB at peak, throughput within the noise. */
const PGLITE_SHARED_BUFFERS = '32MB';

/** Opens (creating if needed) a PGlite data folder; every open passes the same extensions. */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir) mkdirSync(path.dirname(dataDir), { recursive: true });
  const db = await PGlite.create({
    dataDir, extensions: PGLITE_EXTENSIONS, parsers: PGLITE_PARSERS, loadDataDir,
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  });
  return db;
}

class Mutex {
  #tail: Promise<void> = Promise.resolve();
  async lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const prev = this.#tail;
    this.#tail = prev.then(() => next);
    await prev;
    return release;
  }
}

const { serialize } = pgliteProtocol;
/** BEGIN as a simple-protocol message, sent ahead of a transaction's first statement. */
const BEGIN_MESSAGE = serialize.query('BEGIN');
const concatBytes = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
};

/** Statements prepared in each PGlite engine (its one session, whatever Kysely handles share it), by
 * text: their name and parameter types. */
const preparedIn = new WeakMap<PGlite, Map<string, { name: string; paramTypes: number[] }>>();

class PgliteConnection implements DatabaseConnection {
  readonly pglite: PGlite;
  readonly #prepared: Map<string, { name: string; paramTypes: number[] }>;
  constructor(pglite: PGlite) {
    this.pglite = pglite;
    let known = preparedIn.get(pglite);
    if (!known) preparedIn.set(pglite, (known = new Map()));
    this.#prepared = known;
  }
  /** A BEGIN asked for and not sent yet: it goes to the engine with the transaction's first statement. */
  #beginPending = false;
  /** Opens a transaction: BEGIN travels with the first statement (one exchange with the engine fewer
   * per transaction); a transaction with no statement sends nothing. */
  begin(): void {
    this.#beginPending = true;
  }
  /** COMMIT or ROLLBACK, or nothing if no statement ran since begin(). */
  async end(statement: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    if (this.#beginPending) { this.#beginPending = false; return; }
    await this.pglite.exec(statement);
  }
  /** Sends a pending BEGIN on its own (before a statement that cannot carry it). */
  async #flushBegin(): Promise<void> {
    if (!this.#beginPending) return;
    this.#beginPending = false;
    await this.pglite.exec('BEGIN');
  }
  /** The protocol bytes of a pending BEGIN, to send ahead of a statement (and no longer pending). */
  #takeBegin(): Uint8Array[] {
    if (!this.#beginPending) return [];
    this.#beginPending = false;
    return [BEGIN_MESSAGE];
  }
  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    if (q.parameters.length === 0 && q.sql.includes(';')) {
      // several statements (a migration file): the simple protocol
      await this.#flushBegin();
      const all = await this.pglite.exec(q.sql);
      const last = all[all.length - 1];
      return { rows: (last?.rows ?? []) as R[], numAffectedRows: last?.affectedRows != null ? BigInt(last.affectedRows) : undefined };
    }
    const name = preparedNameOf(q.sql);
    if (!name) await this.#flushBegin();
    const res = name
      ? await this.#runPrepared<R>(name, q.sql, q.parameters)
      : await this.pglite.query<R>(q.sql, q.parameters as unknown[], { rowMode: 'object' });
    return { rows: res.rows ?? [], numAffectedRows: res.affectedRows != null ? BigInt(res.affectedRows) : undefined };
  }
  /**
   * Runs a statement as a named prepared statement, by the rules of the server (preparedNameOf):
   * parsed and described once per engine (its one session), then each call is one exchange (bind,
   * describe, execute, sync) instead of the six of PGlite's query(), and PostgreSQL plans it with its
   * values without parsing it again. On the bench's 100,000 cases the portal look-up took 1.6 ms
   * through query() and 0.5 ms prepared. Values are serialised by the parameter types PostgreSQL
   * inferred, with PGlite's own serialisers, as query() does; rows are parsed by PGlite's parsers.
   * A pending BEGIN goes in the same exchange, ahead of the statement. `syncToFs: false`: the data
   * folder is the node file system, which the engine writes as it goes (the sync is for browser
   * storage, and a no-op here).
   */
  async #runPrepared<R>(name: string, text: string, parameters: readonly unknown[]): Promise<{ rows: R[]; affectedRows?: number }> {
    return this.pglite.runExclusive(async () => {
      let st = this.#prepared.get(text);
      if (!st) {
        const described = await this.pglite.execProtocol(concatBytes([...this.#takeBegin(), serialize.parse({ name, text, types: [] }), serialize.describe({ type: 'S', name }), serialize.sync()]), { syncToFs: false });
        st = { name, paramTypes: pgliteParse.parseDescribeStatementResults(described.messages) };
        this.#prepared.set(text, st);
      }
      const serializers = this.pglite.serializers;
      const values = parameters.map((v, i) => {
        if (v === null || v === undefined) return null;
        const ser = serializers[st.paramTypes[i]!];
        return ser ? ser(v) : String(v);
      });
      const { messages } = await this.pglite.execProtocol(concatBytes([
        ...this.#takeBegin(), serialize.bind({ statement: name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync(),
      ]), { syncToFs: false });
      // the statement's result is the last (a BEGIN sent with it has its own before it)
      const results = pgliteParse.parseResults(messages, this.pglite.parsers, { rowMode: 'object' });
      const res = results[results.length - 1];
      return { rows: (res?.rows ?? []) as R[], affectedRows: res?.affectedRows };
    });
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on PGlite');
  }
}

/** PGlite has one connection: the mutex gives it to one transaction or query at a time, so
 * concurrent requests never run inside each other's transactions. */
class PgliteDriver implements Driver {
  readonly #conn: PgliteConnection;
  readonly #mutex = new Mutex();
  readonly #releases: (() => void)[] = [];
  constructor(pglite: PGlite) {
    this.#conn = new PgliteConnection(pglite);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#mutex.lock();
    this.#releases.push(release);
    return this.#conn;
  }
  // transaction control by the simple protocol (COMMIT, ROLLBACK; BEGIN goes with the first statement)
  async beginTransaction(): Promise<void> {
    this.#conn.begin();
  }
  async commitTransaction(): Promise<void> {
    await this.#conn.end('COMMIT');
  }
  async rollbackTransaction(): Promise<void> {
    await this.#conn.end('ROLLBACK');
  }
  async releaseConnection(): Promise<void> {
    this.#releases.shift()?.();
  }
  async destroy(): Promise<void> {
    if (!this.#conn.pglite.closed) await this.#conn.pglite.close();
  }
}

class PgliteMutexDialect implements Dialect {
  readonly #pglite: PGlite;
  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }
  createAdapter() { return new PostgresAdapter(); }
  createDriver() { return new PgliteDriver(this.#pglite); }
  createQueryCompiler() { return new PostgresQueryCompiler(); }
  createIntrospector(db: Kysely<any>) { return new PostgresIntrospector(db); }
}

export interface DatabaseHandle {
  db: Database;
  /** Read-only queries (lists, statistics) go here; the primary when there is no replica. */
  reader: Database;
  engine: 'pglite' | 'postgres';
  /** The raw PGlite instance (for snapshots), when embedded. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export function databaseFromPglite(pglite: PGlite): DatabaseHandle {
  const db = new Kysely<DB>({ dialect: new PgliteMutexDialect(pglite) });
  return { db, reader: db, engine: 'pglite', pglite, close: () => db.destroy() };
}

/** How many distinct statement texts a process prepares; texts beyond it run unnamed (as before), so
 * builder output of unbounded variety (`IN` lists of any length) cannot grow every connection. */
export const MAX_PREPARED_TEXTS = 2_000;
const preparedNames = new Map<string, string>();
/** Transaction control and session settings: nothing to plan, sent as they are. */
const CONTROL = /^\s*(begin|commit|rollback|savepoint|release|start|set|show|reset|listen|notify)\b/i;

/**
 * The name a statement text is prepared under, or undefined to run it unnamed. A named statement is
 * parsed once per connection and its plan can be reused; PostgreSQL still plans each execution with
 * its values until a generic plan proves as cheap. Statements with LIKE stay unnamed: a generic plan
 * cannot use the prefix index of `path LIKE $1` (the scope of every list), so they are planned with
 * their value each time. Several statements in one text (a migration) need the simple protocol.
 */
export function preparedNameOf(text: string): string | undefined {
  const known = preparedNames.get(text);
  if (known) return known;
  if (/\blike\b/i.test(text) || text.includes(';') || CONTROL.test(text) || preparedNames.size >= MAX_PREPARED_TEXTS) return undefined;
  const name = `xf_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
  preparedNames.set(text, name);
  return name;
}

/** A pg client that sends parameterised statements as named prepared statements (see preparedNameOf). */
class PreparingClient extends pg.Client {
  // pg's overloads are many; Kysely calls query(text, values), the one form changed here
  override query(...args: any[]): any {
    const [text, values] = args;
    if (typeof text === 'string' && Array.isArray(values) && args.length === 2) {
      const name = preparedNameOf(text);
      if (name) return super.query({ name, text, values });
    }
    return (super.query as (...a: any[]) => any)(...args);
  }
}

export function databaseFromUrl(url: string, poolSize: number, replicaUrls: string[] = []): DatabaseHandle {
  // An idle connection the server ends (restart, failover, admin shutdown) is dropped from the pool
  // and replaced on next use; without a listener pg would raise it as an uncaught error.
  const pool = (connectionString: string) => {
    const p = new pg.Pool({ connectionString, max: poolSize, Client: PreparingClient });
    p.on('error', () => {});
    return p;
  };
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool(url) }) });
  const replicas = replicaUrls.map((u) => new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool(u) }) }));
  const reader = replicas[0] ?? db;
  return {
    db, reader, engine: 'postgres',
    close: async () => { await Promise.all([db.destroy(), ...replicas.map((r) => r.destroy())]); },
  };
}

/** Opens the configured engine: PostgreSQL when a URL is given, else PGlite in dataDir. */
export async function openDatabase(opts: { databaseUrl: string | null; dataDir: string; poolSize: number; readReplicaUrls?: string[] }): Promise<DatabaseHandle> {
  if (opts.databaseUrl) return databaseFromUrl(opts.databaseUrl, opts.poolSize, opts.readReplicaUrls);
  return databaseFromPglite(await openPglite(opts.dataDir));
}
