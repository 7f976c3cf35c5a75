// Starts the real server as a separate process (node src/server/main.ts) on a free port and reads
// its memory from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningServer {
  url: string;
  pid: number;
  /** Peak resident memory so far (VmHWM) and current (VmRSS), in MB. */
  memory(): { peakMb: number; rssMb: number };
  stop(): Promise<void>;
  output(): string;
}

export interface ServerEnv {
  databaseUrl: string | null;
  dataDir: string;
  poolSize: number;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
  cwd?: string;
}

function readStatusKb(pid: number, key: string): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The node flags and environment defaults that `npm start` gives the server (package.json
 *  "scripts.start": `[NAME=value ...] node [--flag ...] scripts/start.ts`), so the bench measures the
 *  server as it runs in production, e.g. with the same heap sizes. */
export function productionLaunch(root: string): { nodeFlags: string[]; env: Record<string, string> } {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const words = (pkg.scripts?.start ?? '').trim().split(/\s+/);
  const env: Record<string, string> = {};
  let i = 0;
  for (; i < words.length && /^[A-Z_][A-Z0-9_]*=/.test(words[i]!); i++) {
    const [name, ...value] = words[i]!.split('=');
    env[name!] = value.join('=');
  }
  const nodeFlags: string[] = [];
  if (words[i] === 'node') for (i++; i < words.length && words[i]!.startsWith('-'); i++) nodeFlags.push(words[i]!);
  return { nodeFlags, env };
}

/** Starts the server and resolves once it listens; rate limits are raised so the load is not refused. */
export async function startServer(opts: ServerEnv): Promise<RunningServer> {
  const root = opts.cwd ?? ROOT;
  const launch = productionLaunch(root);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...launch.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    XF_SEED_DEMO: 'false',
    XF_DATA_DIR: opts.dataDir,
    XF_STORAGE_DIR: path.join(ROOT, '.tmp/bench/files'),
    XF_DB_POOL_SIZE: String(opts.poolSize),
    XF_PORTAL_SUBMIT_PER_MINUTE: '1000000',
    XF_PORTAL_LOOKUP_PER_MINUTE: '1000000',
    XF_PORTAL_SUBMITS_PER_MINUTE: '1000000',
    XF_PORTAL_LOOKUPS_PER_MINUTE: '1000000',
  };
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, [...launch.nodeFlags, ...(opts.nodeFlags ?? []), 'src/server/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 120 s:\n${out}`)), 120_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.length > 100_000) out = out.slice(-50_000);
      const m = out.match(/API reference\s*:\s*(http:\/\/[^/\s]+)/);
      if (m) { clearTimeout(timer); resolve(m[1]!.replace('localhost', '127.0.0.1')); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}) before listening:\n${out}`)); });
  });
  const pid = child.pid!;
  return {
    url,
    pid,
    memory: () => ({ peakMb: readStatusKb(pid, 'VmHWM') / 1024, rssMb: readStatusKb(pid, 'VmRSS') / 1024 }),
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
