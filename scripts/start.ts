// `npm start`: builds the web apps when their build is missing or older than the sources, then
// starts the server (which creates, migrates and seeds the embedded database on first run).
// The server runs in this process, so its V8 flags are on the `node` command of package.json "start":
// --max-semi-space-size=8 caps the young generation at 2 × 8 MB (V8's default on a large machine is
// 2 × 64 MB, touched in full under load; 16 and 32 MB were measured back to back against 8 on the
// bench's look-ups: the same server CPU per look-up within the noise, 5 and 40 MB more at peak);
// --heap-growing-percent=50 lets the old generation grow to
// 1.5 × what survived the last full collection before the next one (V8 otherwise lets it grow up to
// 4 ×: 330-350 MB resident under the bench's look-ups and transitions, 190-215 MB with it, for about
// 5% more CPU per request). It sets no ceiling, so a large export still gets the memory it needs.
// The bench reads the same command (bench/lib/server.ts productionLaunch).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const built = 'dist/web/index.html';
const sources = ['src/web', 'src/shared'].filter(existsSync);
if (sources.length && (!existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs)) {
  console.log('building the web apps…');
  const r = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await import('../src/server/main.ts');
