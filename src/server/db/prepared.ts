// Queries on the hottest paths, built and compiled once. Kysely builds an operation tree and compiles
// it to SQL on every call (a tenth of the server's CPU on a portal look-up); a query whose shape
// never changes is built here once with placeholders, and each call only binds its values. The SQL
// is the same text each time, so on PostgreSQL it is also a named prepared statement
// (database.ts preparedNameOf).
import { CompiledQuery, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type Compilable } from 'kysely';
import type { DB } from './schema.ts';
import { deferWrite, type Executor } from './database.ts';

/** Builds queries for compiling only (no connection). */
const compiler = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const MARK = '\u0000xf-param:';

/** A query compiled once: `run` binds the values and executes it on the database or a transaction. */
export interface Prepared<P, R> {
  readonly sql: string;
  run(db: Executor, params: P): Promise<R[]>;
  /** Runs it as a write whose result is not read (database.ts deferWrite): on PGlite in a
   * transaction it goes with the transaction's next exchange. */
  defer(db: Executor, params: P): Promise<void>;
}

/**
 * Compiles `build` once. `build` receives stand-ins for the parameters (use each only as a value:
 * in a comparison, an insert, `sql` `${p.x}`; not as a list, a column name or to choose the query's
 * shape). Throws at start if a parameter is not used or the query takes a value it cannot bind.
 */
export function prepare<P extends Record<string, unknown>, R>(names: readonly (keyof P & string)[], build: (db: Kysely<DB>, p: P) => Compilable<R>): Prepared<P, R> {
  const stand = Object.fromEntries(names.map((n) => [n, `${MARK}${n}`])) as P;
  const compiled = build(compiler, stand).compile();
  const slots = compiled.parameters.map((v) => (typeof v === 'string' && v.startsWith(MARK) ? v.slice(MARK.length) : undefined));
  for (const n of names) if (!slots.includes(n)) throw new Error(`prepare: parameter ${n} is not used by the query`);
  const fixed = compiled.parameters;
  const { sql } = compiled;
  const bind = (params: P) => slots.map((name, i) => (name === undefined ? fixed[i] : params[name]));
  return {
    sql,
    async run(db, params) {
      return (await db.executeQuery<R>(CompiledQuery.raw(sql, bind(params)))).rows;
    },
    async defer(db, params) {
      await deferWrite(db, CompiledQuery.raw(sql, bind(params)));
    },
  };
}

/** How many shapes a ShapedStatements keeps compiled; beyond it a shape is compiled for each call. */
const MAX_SHAPES = 500;

/**
 * Statements whose shape varies a little (which columns are set, how many rows) compiled once per
 * shape. `run` takes every value by name (undefined ones are left out, as Kysely leaves out an
 * undefined column) and a tag for what else shapes the statement; the shape is the tag and the names.
 * `build` receives stand-ins under the same names, the names and the tag. Shapes come from the code
 * (which optional fields a caller has, which filters a list is asked for), never from a value; at
 * most MAX_SHAPES are kept.
 */
export class ShapedStatements<R> {
  readonly #byShape = new Map<string, Prepared<Record<string, unknown>, R>>();
  readonly #build: (db: Kysely<DB>, v: Record<string, unknown>, names: readonly string[], tag: string) => Compilable<R>;
  constructor(build: (db: Kysely<DB>, v: Record<string, unknown>, names: readonly string[], tag: string) => Compilable<R>) {
    this.#build = build;
  }
  run(db: Executor, values: Record<string, unknown>, tag = ''): Promise<R[]> {
    return this.#statement(values, tag).run(db, values);
  }
  /** As run, as a write whose result is not read (Prepared.defer). */
  defer(db: Executor, values: Record<string, unknown>, tag = ''): Promise<void> {
    return this.#statement(values, tag).defer(db, values);
  }
  #statement(values: Record<string, unknown>, tag: string): Prepared<Record<string, unknown>, R> {
    const names = Object.keys(values).filter((k) => values[k] !== undefined);
    const shape = `${tag}|${names.join(',')}`;
    let statement = this.#byShape.get(shape);
    if (!statement) {
      statement = prepare<Record<string, unknown>, R>(names, (d, v) => this.#build(d, v, names, tag));
      // shapes that callers' choices can multiply (a list's filters) are kept up to a bound
      if (this.#byShape.size < MAX_SHAPES) this.#byShape.set(shape, statement);
    }
    return statement;
  }
}

/** The values named `<prefix><column>` as a row (column -> stand-in), in the order given. */
export function rowOf(v: Record<string, unknown>, names: readonly string[], prefix: string): Record<string, unknown> {
  return Object.fromEntries(names.filter((n) => n.startsWith(prefix)).map((n) => [n.slice(prefix.length), v[n]]));
}

/** Values of a row under `<prefix><column>` names, for ShapedStatements.run. */
export function named(prefix: string, row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, x]) => [`${prefix}${k}`, x]));
}
