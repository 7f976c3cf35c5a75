// Opening the embedded engine, shared by the server's thread (tests, the bench's raw limit, the
// bulk load) and the engine's own thread (pglite-thread.ts). Kept apart from database.ts so the
// engine's thread loads PGlite and nothing of the query builder or the PostgreSQL driver.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/** int8 (counts, sums) as JS numbers; dates as 'YYYY-MM-DD' strings (as pg is set in database.ts). */
export const PGLITE_PARSERS = { 20: (v: string) => Number(v), 1700: (v: string) => Number(v), 1082: (v: string) => v };

export const PGLITE_EXTENSIONS = { pg_trgm };

/** PGlite's buffer cache, inside the process's memory. Its default (128 MB) lives in the
 * WebAssembly memory, which never shrinks; the data folder's pages are also in the operating
 * system's file cache, so a small cache costs little. Measured on the bench's 100,000 cases:
 * resident 419 -> 310 MB after start and 871 -> 761 MB at peak, throughput within the noise. */
const PGLITE_SHARED_BUFFERS = '32MB';

/** Opens (creating if needed) a PGlite data folder; every open passes the same extensions. */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir) mkdirSync(path.dirname(dataDir), { recursive: true });
  return PGlite.create({
    dataDir, extensions: PGLITE_EXTENSIONS, parsers: PGLITE_PARSERS, loadDataDir,
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  });
}
