// Opens the database: the embedded PGlite engine (one connection, serialised by a mutex) or a
// PostgreSQL server through a `pg` pool. Both speak the same SQL; Kysely gives typed queries.
import { parse as pgliteParse, protocol as pgliteProtocol, type PGlite, type Results } from '@electric-sql/pglite';
import {
  CompiledQuery, Kysely, PostgresAdapter, PostgresDialect, PostgresIntrospector, PostgresQueryCompiler,
  type DatabaseConnection, type Dialect, type Driver, type QueryResult, type Transaction,
} from 'kysely';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { PgliteThread, type EngineStart } from './pglite-thread.ts';
import type { DB } from './schema.ts';

export type Database = Kysely<DB>;
/** A message from the embedded engine, as PGlite's protocol parser gives it. */
type BackendMessage = Parameters<typeof pgliteParse.parseResults>[0][number];
export type Tx = Transaction<DB>;
/** Either the database or an open transaction: repositories take this. */
export type Executor = Kysely<DB> | Transaction<DB>;

// int8 (counts, sums) as JS numbers; dates as 'YYYY-MM-DD' strings, on both engines.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);
export { PGLITE_EXTENSIONS, openPglite } from './pglite-open.ts';

/**
 * What the server's connection uses of an embedded engine, with PGlite's meaning: a PGlite in this
 * thread (tests, the bench's raw limit, the bulk load), or one running in a thread of its own
 * (pglite-thread.ts: the server).
 */
export interface EmbeddedEngine {
  execProtocol(message: Uint8Array, opts: { syncToFs: boolean }): Promise<{ messages: BackendMessage[] }>;
  query<R>(sql: string, params?: unknown[], opts?: { rowMode?: 'object' }): Promise<Results<R>>;
  exec(sql: string): Promise<Results[]>;
  runExclusive<T>(fn: () => Promise<T>): Promise<T>;
  readonly serializers: Record<number | string, (x: any) => string>;
  readonly parsers: Record<number | string, (x: string, typeId?: number) => any>;
  readonly closed: boolean;
  close(): Promise<void>;
  /** Answers exchanges in the order they were sent, each on its own, so one may be sent before the
   * last is answered (the engine in its own thread); PGlite in this thread collects one at a time. */
  readonly inOrder?: boolean;
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
/** Transaction control as simple-protocol messages, sent in the same exchange as other statements. */
const BEGIN_MESSAGE = serialize.query('BEGIN');
const END_MESSAGES = { COMMIT: serialize.query('COMMIT'), ROLLBACK: serialize.query('ROLLBACK') };
const concatBytes = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
};

const EXECUTE_SYNC = concatBytes([serialize.execute({}), serialize.sync()]);

/**
 * Bind (all values and results as text), execute and sync, as one buffer: what PGlite's serializer
 * writes, in one allocation with Node's native string writes (its writer grows a small buffer and
 * encodes each value through a new view; on a registration's forty values that was a twelfth of the
 * server's time).
 */
export function bindExecuteSync(statement: string, values: readonly (string | null)[]): Uint8Array {
  const lengths = values.map((v) => (v === null ? -1 : Buffer.byteLength(v)));
  let size = 1 + 4 + 1 + Buffer.byteLength(statement) + 1 + 2 + 2 * values.length + 2 + 2 + EXECUTE_SYNC.length;
  for (const n of lengths) size += 4 + Math.max(n, 0);
  const buf = Buffer.allocUnsafe(size);
  buf[0] = 0x42; // 'B', its length at 1
  buf[5] = 0; // the unnamed portal
  let at = 6 + buf.write(statement, 6);
  buf[at++] = 0;
  // a format code per value, each text (0), as PGlite's serializer writes them
  at = buf.writeInt16BE(values.length, at);
  buf.fill(0, at, at + 2 * values.length);
  at += 2 * values.length;
  at = buf.writeInt16BE(values.length, at);
  for (let i = 0; i < values.length; i++) {
    at = buf.writeInt32BE(lengths[i]!, at);
    if (lengths[i]! > 0) at += buf.write(values[i]!, at);
  }
  at = buf.writeInt16BE(0, at); // no result format codes: all text
  buf.writeInt32BE(at - 1, 1);
  buf.set(EXECUTE_SYNC, at);
  return buf;
}

/** Statements prepared in each PGlite engine (its one session, whatever Kysely handles share it), by
 * text. */
const preparedIn = new WeakMap<EmbeddedEngine, Map<string, PgliteStatement>>();
/** A statement prepared in a PGlite engine: its name, parameter types and the row description its
 * results have (none for a statement that returns no rows), all from one describe when prepared. */
interface PgliteStatement { name: string; paramTypes: number[]; rowDescription: BackendMessage | undefined }

/** Writes whose result nobody reads (deferWrite). */
const deferrable = new WeakSet<CompiledQuery>();

/**
 * Runs a write whose result the caller does not read. In a transaction on PGlite it travels with the
 * transaction's next exchange with the engine (the next statement, or the COMMIT), saving one
 * exchange; if it fails, that statement or the COMMIT fails with its error and the transaction is
 * rolled back, as if it had failed here. Elsewhere (PostgreSQL, or outside a transaction) it runs at
 * once. For the last writes of a transaction: an idempotency key's answer, the records of a new case.
 */
export async function deferWrite(db: Executor, q: CompiledQuery): Promise<void> {
  deferrable.add(q);
  await db.executeQuery(q);
}

/**
 * One use of the embedded engine's one session (a statement, or a transaction), from the driver's
 * mutex to its release. Each acquisition gets its own, so the transaction state of one use never
 * meets the next one's.
 */
class PgliteConnection implements DatabaseConnection {
  readonly pglite: EmbeddedEngine;
  readonly #prepared: Map<string, PgliteStatement>;
  readonly #release: () => void;
  #released = false;
  constructor(pglite: EmbeddedEngine, release: () => void) {
    this.pglite = pglite;
    let known = preparedIn.get(pglite);
    if (!known) preparedIn.set(pglite, (known = new Map()));
    this.#prepared = known;
    this.#release = release;
  }
  /** Gives the session to the next one waiting (once; the driver's release, or earlier: see #sent). */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    this.#release();
  }
  /**
   * After this use's last exchange is on its way: on an engine that answers in order (its own thread),
   * the next use may send its own at once, behind it, instead of waiting for this answer (the engine
   * then goes from one to the next without waiting for this thread to read each answer). A transaction
   * keeps the session until its COMMIT or ROLLBACK is sent.
   */
  #sent(): void {
    if (this.pglite.inOrder && !this.#inTransaction) this.release();
  }
  /** Inside a transaction (between begin() and end()). */
  #inTransaction = false;
  /** The transaction's COMMIT or ROLLBACK was asked for. */
  #ended = false;
  /** A BEGIN asked for and not sent yet: it goes to the engine with the transaction's first statement. */
  #beginPending = false;
  /** Deferred writes not sent yet (bind, execute, sync each): they go with the next exchange. */
  #deferred: Uint8Array[] = [];
  /** Opens a transaction: BEGIN travels with the first statement (one exchange with the engine fewer
   * per transaction); a transaction with no statement sends nothing. */
  begin(): void {
    this.#beginPending = true;
    this.#inTransaction = true;
  }
  /** COMMIT (with the deferred writes, in one exchange) or ROLLBACK (the deferred writes are dropped),
   * or nothing if nothing was sent or deferred since begin(). */
  async end(statement: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    // a COMMIT that failed has ended the transaction in the engine (rolled back); the ROLLBACK asked
    // for after it must not be sent: the session may already be another use's (#sent)
    if (this.#ended) return;
    this.#ended = true;
    this.#inTransaction = false;
    if (statement === 'ROLLBACK') this.#deferred = [];
    if (this.#beginPending && !this.#deferred.length) { this.#beginPending = false; return; }
    const { answer } = await this.#startExclusive([END_MESSAGES[statement]]);
    this.#sent();
    await answer;
  }
  /**
   * Starts one exchange with the engine: a pending BEGIN and the deferred writes, then `messages`.
   * `answer` gives the answers to `messages` (those ahead of them each end in a ready-for-query and are
   * left out); the first error among them all is thrown (the engine answers the rest of an aborted
   * transaction with errors too). On an engine that does not answer in order, `answer` is awaited
   * before anything else is sent to it (PGlite in this thread collects one exchange's answer at a time).
   */
  #start(messages: Uint8Array[]): { answer: Promise<BackendMessage[]> } {
    const ahead: Uint8Array[] = this.#beginPending ? [BEGIN_MESSAGE, ...this.#deferred] : this.#deferred;
    this.#beginPending = false;
    this.#deferred = [];
    const skip = ahead.length;
    const answer = this.pglite.execProtocol(concatBytes([...ahead, ...messages]), { syncToFs: false }).then(({ messages: answers }) => {
      let from = 0;
      for (let left = skip; left > 0; from++) if (answers[from]!.name === 'readyForQuery') left--;
      return from ? answers.slice(from) : answers;
    });
    return { answer };
  }
  /** #start holding the engine: until the exchange is sent (an engine that answers in order) or answered. */
  #startExclusive(messages: Uint8Array[]): Promise<{ answer: Promise<BackendMessage[]> }> {
    return this.pglite.runExclusive(async () => {
      const { answer } = this.#start(messages);
      return { answer: this.pglite.inOrder ? answer : Promise.resolve(await answer) };
    });
  }
  /** Sends a pending BEGIN and the deferred writes on their own (before a statement that cannot carry them). */
  async #flush(): Promise<void> {
    if (this.#beginPending || this.#deferred.length) await (await this.#startExclusive([])).answer;
  }
  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    if (q.parameters.length === 0 && q.sql.includes(';')) {
      // several statements (a migration file): the simple protocol
      await this.#flush();
      const all = await this.pglite.exec(q.sql);
      const last = all[all.length - 1];
      return { rows: (last?.rows ?? []) as R[], numAffectedRows: last?.affectedRows != null ? BigInt(last.affectedRows) : undefined };
    }
    const name = preparedNameOf(q.sql);
    if (!name) await this.#flush();
    const res = name
      ? await this.#runPrepared<R>(name, q.sql, q.parameters, this.#inTransaction && deferrable.has(q))
      : await this.pglite.query<R>(q.sql, q.parameters as unknown[], { rowMode: 'object' });
    return { rows: res.rows ?? [], numAffectedRows: res.affectedRows != null ? BigInt(res.affectedRows) : undefined };
  }
  /**
   * Runs a statement as a named prepared statement, by the rules of the server (preparedNameOf):
   * parsed and described once per engine (its one session), then each call is one exchange (bind,
   * execute, sync) instead of the six of PGlite's query(), and PostgreSQL plans it with its values
   * without parsing it again. On the bench's 100,000 cases the portal look-up took 1.6 ms through
   * query() and 0.5 ms prepared. The description of the result rows is kept from the statement's
   * describe, so an execution asks for none: the engine neither builds nor sends it again, and it is
   * not parsed again here (a case row has over sixty columns). Values are serialised by the
   * parameter types PostgreSQL inferred, with PGlite's own serialisers, as query() does; rows are
   * parsed by PGlite's parsers. A pending BEGIN and deferred writes go in the same exchange, ahead of
   * the statement; a deferred write (`defer`) waits for the next exchange itself. `syncToFs: false`
   * (in #start): the data folder is the node file system, which the engine writes as it goes (the
   * sync is for browser storage, and a no-op here). Outside a transaction, on an engine that answers
   * in order, the session passes to the next use once the statement is sent (#sent).
   */
  async #runPrepared<R>(name: string, text: string, parameters: readonly unknown[], defer: boolean): Promise<{ rows: R[]; affectedRows?: number }> {
    const started = await this.pglite.runExclusive(async () => {
      let st = this.#prepared.get(text);
      if (!st) {
        const described = await this.#start([serialize.parse({ name, text, types: [] }), serialize.describe({ type: 'S', name }), serialize.sync()]).answer;
        st = { name, paramTypes: pgliteParse.parseDescribeStatementResults(described), rowDescription: described.find((m) => m.name === 'rowDescription') };
        this.#prepared.set(text, st);
      }
      const serializers = this.pglite.serializers;
      const values = parameters.map((v, i) => {
        if (v === null || v === undefined) return null;
        const ser = serializers[st.paramTypes[i]!];
        return ser ? String(ser(v)) : String(v);
      });
      const run = bindExecuteSync(name, values);
      if (defer) {
        this.#deferred.push(run);
        return null;
      }
      const { answer } = this.#start([run]);
      return { st, answer: this.pglite.inOrder ? answer : Promise.resolve(await answer) };
    });
    if (!started) return { rows: [] };
    this.#sent();
    const answers = await started.answer;
    // the rows are read by the description kept from the statement
    const { st } = started;
    const [res] = pgliteParse.parseResults(st.rowDescription ? [st.rowDescription, ...answers] : answers, this.pglite.parsers, { rowMode: 'object' });
    return { rows: (res?.rows ?? []) as R[], affectedRows: res?.affectedRows };
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on PGlite');
  }
}

/** PGlite has one connection: the mutex gives it to one transaction or query at a time, so
 * concurrent requests never run inside each other's transactions. */
class PgliteDriver implements Driver {
  readonly #engine: EmbeddedEngine;
  readonly #mutex = new Mutex();
  constructor(pglite: EmbeddedEngine) {
    this.#engine = pglite;
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new PgliteConnection(this.#engine, await this.#mutex.lock());
  }
  // transaction control by the simple protocol (COMMIT, ROLLBACK; BEGIN goes with the first statement)
  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    (conn as PgliteConnection).begin();
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await (conn as PgliteConnection).end('COMMIT');
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await (conn as PgliteConnection).end('ROLLBACK');
  }
  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    (conn as PgliteConnection).release();
  }
  async destroy(): Promise<void> {
    if (!this.#engine.closed) await this.#engine.close();
  }
}

class PgliteMutexDialect implements Dialect {
  readonly #pglite: EmbeddedEngine;
  constructor(pglite: EmbeddedEngine) {
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

/** The embedded engine in a thread of its own (pglite-thread.ts), on a data folder, in memory
 * (no folder) or loaded from a dump: how the server runs it. */
export async function openPgliteThread(opts: EngineStart): Promise<DatabaseHandle> {
  const db = new Kysely<DB>({ dialect: new PgliteMutexDialect(await PgliteThread.start(opts)) });
  return { db, reader: db, engine: 'pglite', close: () => db.destroy() };
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
  return openPgliteThread({ dataDir: opts.dataDir });
}
