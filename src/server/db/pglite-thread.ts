// The embedded engine in a thread of its own. PGlite runs PostgreSQL compiled to WebAssembly,
// synchronously, in the thread that calls it: in the server's one thread, the engine's work and the
// HTTP, validation and JSON of every request took turns on one core while the machine's other cores
// idled. Here the engine runs in a worker thread (pglite-thread-main.ts) and this side stands in for
// it: the same few methods the server's connection (database.ts) uses of a PGlite, each a message to
// the engine's thread and its answer. The server's statements travel as protocol bytes and their
// answers are parsed here, as PGlite parses them; the engine's thread does nothing else, so the two
// threads work side by side.
import { Worker } from 'node:worker_threads';
import { Mutex, protocol, types, type Results } from '@electric-sql/pglite';
import { PGLITE_PARSERS } from './pglite-open.ts';

type BackendMessage = Parameters<InstanceType<typeof protocol.Parser>['parse']>[1] extends (m: infer M) => void ? M : never;

/** What the engine's thread is started with: its data folder (none: in memory), or a dump to load. */
export interface EngineStart { dataDir?: string; loadFile?: string }
export interface SentError { message: string; stack?: string; databaseError?: boolean; fields: Record<string, unknown> }
export type EngineStarted = { ok: true; arrayTypes: { oid: number; typarray: number }[] } | { ok: false; error: SentError };
export type EngineRequest =
  | { id: number; op: 'raw'; bytes: Uint8Array }
  | { id: number; op: 'query'; sql: string; params: unknown[] }
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'close' };
export type EngineReply =
  | { id: number; ok: true; bytes?: Uint8Array; result?: Results; results?: Results[] }
  | { id: number; ok: false; error: SentError };

/** The error the engine's thread sent, as it was: a DatabaseError with its code and fields, or an Error. */
function received(e: SentError): Error {
  const err = e.databaseError
    ? new protocol.messages.DatabaseError(e.message, Number(e.fields.length ?? 0), 'error')
    : new Error(e.message);
  Object.assign(err, e.fields);
  if (e.stack) err.stack = e.stack;
  return err;
}

/**
 * Stands in for a PGlite whose engine runs in its own thread: the methods of PGlite the server's
 * connection uses (database.ts EmbeddedEngine), with PGlite's meaning. `execProtocol` sends protocol
 * bytes and parses the answer here; `query` and `exec` run whole in the engine's thread; `runExclusive`
 * gives the engine to one caller at a time (as PGlite's own lock does), and `query` and `exec` take it.
 */
export class PgliteThread {
  readonly serializers: Record<number | string, (x: any) => string>;
  readonly parsers: Record<number | string, (x: string, typeId?: number) => any>;
  /** Exchanges are answered in the order sent (the engine's thread takes one message at a time). */
  readonly inOrder = true;
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (r: EngineReply & { ok: true }) => void; reject: (e: Error) => void }>();
  readonly #lock = new Mutex();
  #nextId = 1;
  #parser = new protocol.Parser();
  /** Why the engine's thread can no longer answer (it ended or failed), once it cannot. */
  #gone: Error | null = null;
  #closed = false;

  private constructor(worker: Worker, arrayTypes: { oid: number; typarray: number }[]) {
    this.#worker = worker;
    const serializers: Record<number | string, (x: any) => string> = { ...types.serializers };
    const parsers: Record<number | string, (x: string, typeId?: number) => any> = { ...types.parsers, ...PGLITE_PARSERS };
    // as PGlite builds them when it opens (its _initArrayTypes), from the engine's array types
    for (const { oid, typarray } of arrayTypes) {
      serializers[typarray] = (x) => types.arraySerializer(x, serializers[oid], typarray);
      parsers[typarray] = (x) => types.arrayParser(x, parsers[oid], typarray);
    }
    this.serializers = serializers;
    this.parsers = parsers;
    worker.on('message', (r: EngineReply) => this.#settle(r));
    worker.on('error', (e) => this.#fail(e));
    worker.on('exit', (code) => this.#fail(new Error(`the embedded engine's thread ended (exit code ${code})`)));
    // idle, the thread does not keep the process alive (a request on its way does)
    worker.unref();
  }

  /** Starts the engine's thread on a data folder (or in memory, or from a dump) and waits until it is open. */
  static async start(opts: EngineStart): Promise<PgliteThread> {
    const worker = new Worker(new URL('./pglite-thread-main.ts', import.meta.url), { workerData: opts });
    let stop = () => {};
    const started = await new Promise<EngineStarted>((resolve, reject) => {
      const ended = (code: number) => reject(new Error(`the embedded engine's thread ended while opening (exit code ${code})`));
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', ended);
      stop = () => {
        worker.off('message', resolve);
        worker.off('error', reject);
        worker.off('exit', ended);
      };
    }).finally(() => stop());
    if (!started.ok) {
      await worker.terminate();
      throw received(started.error);
    }
    return new PgliteThread(worker, started.arrayTypes);
  }

  get closed(): boolean {
    return this.#closed;
  }

  #settle(r: EngineReply) {
    const waiting = this.#pending.get(r.id);
    if (!waiting) return;
    this.#pending.delete(r.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if (r.ok) waiting.resolve(r);
    else waiting.reject(received(r.error));
  }

  #fail(e: Error) {
    this.#gone ??= e;
    for (const w of this.#pending.values()) w.reject(e);
    this.#pending.clear();
  }

  #send(m: EngineRequest, transfer?: ArrayBuffer[]): Promise<EngineReply & { ok: true }> {
    if (this.#gone) return Promise.reject(this.#gone);
    return new Promise((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(m.id, { resolve, reject });
      this.#worker.postMessage(m, transfer);
    });
  }

  /** Protocol bytes to the engine; the answer's messages, parsed as PGlite's execProtocol parses them
   * (up to the first error, which is thrown). `message` is handed over: the caller must not use it again. */
  async execProtocol(message: Uint8Array, _opts?: { syncToFs?: boolean }): Promise<{ messages: BackendMessage[] }> {
    const whole = message.byteOffset === 0 && message.byteLength === message.buffer.byteLength;
    const bytes = whole ? message : message.slice();
    const { bytes: answer } = await this.#send({ id: this.#nextId++, op: 'raw', bytes }, [bytes.buffer as ArrayBuffer]);
    const messages: BackendMessage[] = [];
    let error: Error | null = null;
    this.#parser.parse(answer!, (m) => {
      if (error) return;
      if (m instanceof protocol.messages.DatabaseError) error = m;
      messages.push(m);
    });
    if (error) {
      this.#parser = new protocol.Parser();
      throw error;
    }
    return { messages };
  }

  query<R>(sql: string, params: unknown[] = [], _opts?: { rowMode?: 'object' }): Promise<Results<R>> {
    return this.#lock.runExclusive(async () => (await this.#send({ id: this.#nextId++, op: 'query', sql, params })).result as Results<R>);
  }

  exec(sql: string): Promise<Results[]> {
    return this.#lock.runExclusive(async () => (await this.#send({ id: this.#nextId++, op: 'exec', sql })).results!);
  }

  runExclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.#lock.runExclusive(fn);
  }

  /** Closes the engine (as PGlite's close: it shuts PostgreSQL down cleanly) and ends its thread. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#lock.runExclusive(async () => {
      if (!this.#gone) await this.#send({ id: this.#nextId++, op: 'close' });
    });
    this.#gone ??= new Error('the embedded engine is closed');
    await this.#worker.terminate();
  }
}
