// Builds the web apps once before the browser tests.
import { spawnSync } from 'node:child_process';

export default function setup() {
  const r = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}
