// `npm test`: type-check, then every test on the embedded engine (PGlite) and again on the
// PostgreSQL server when one is reachable (TEST_DATABASE_URL, default the local test server),
// then the browser tests. Any failure fails the run.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const run = (label: string, cmd: string, args: string[], env: Record<string, string> = {}) => {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n${label} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
};

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

const only = process.argv[2]; // optional: unit | pglite | postgres | e2e
const bin = 'node_modules/.bin';
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

if (!only || only === 'typecheck') run('typecheck', `${bin}/tsc`, ['--noEmit', '-p', '.']);
if (!only || only === 'pglite') run('tests on PGlite', `${bin}/vitest`, ['run'], { TEST_DATABASE_URL: '' });
if (!only || only === 'postgres') {
  if (await reachable(pgUrl)) run('tests on PostgreSQL', `${bin}/vitest`, ['run', 'src/server'], { TEST_DATABASE_URL: pgUrl });
  else if (process.env.CI) { console.error(`PostgreSQL not reachable at ${pgUrl}`); process.exit(1); }
  else console.log(`\n(PostgreSQL not reachable at ${pgUrl}: skipped the server run)`);
}
if (!only || only === 'e2e') run('browser tests', `${bin}/vitest`, ['run', '--config', 'vitest.e2e.config.ts']);
