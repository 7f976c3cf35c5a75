// Queries on the hottest paths, built and compiled once. Kysely builds an operation tree and compiles
// it to SQL on every call (a tenth of the server's CPU on a portal look-up); a query whose shape
// never changes is built here once with placeholders, and each call only binds its values. The SQL
// is the same text each time, so on PostgreSQL it is also a named prepared statement
// (database.ts preparedNameOf).
import { CompiledQuery, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type Compilable } from 'kysely';
import type { DB } from './schema.ts';
import type { Executor } from './database.ts';

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
  return {
    sql,
    async run(db, params) {
      const values = slots.map((name, i) => (name === undefined ? fixed[i] : params[name]));
      return (await db.executeQuery<R>(CompiledQuery.raw(sql, values))).rows;
    },
  };
}
