// CPU time spent by the server process and by the database server's processes, read from /proc, so
// each workload can print the work one request costs (ms of CPU per request). On a shared or noisy
// machine throughput moves with the neighbours; CPU per request moves much less, so it is the figure
// to compare a change by. Linux only; elsewhere every reading is 0.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime + stime of one process in ms, or undefined when it is gone. */
function cpuMsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the fields after the command name (which may hold spaces) start after the last ')'
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** The pids of the PostgreSQL server's processes (postmaster and backends) on this machine. */
function postgresPids(): number[] {
  const out: number[] = [];
  let entries: string[] = [];
  try { entries = readdirSync('/proc'); } catch { return out; }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (readFileSync(`/proc/${e}/comm`, 'utf8').trim() === 'postgres') out.push(Number(e));
    } catch { /* gone */ }
  }
  return out;
}

export interface CpuSnapshot { server: number; db: Map<number, number>; self: number }

/** A reading of the server's (pid), the database's and this process's CPU time. */
export function cpuSnapshot(serverPid: number | null, withDatabase: boolean): CpuSnapshot {
  const db = new Map<number, number>();
  if (withDatabase) for (const pid of postgresPids()) { const ms = cpuMsOf(pid); if (ms !== undefined) db.set(pid, ms); }
  const u = process.cpuUsage();
  return { server: serverPid ? cpuMsOf(serverPid) ?? 0 : 0, db, self: (u.user + u.system) / 1000 };
}

export interface CpuCost { serverMs: number; dbMs: number; selfMs: number }

/** CPU used between two readings (database processes that began in between count from zero). */
export function cpuSince(a: CpuSnapshot, b: CpuSnapshot): CpuCost {
  let dbMs = 0;
  for (const [pid, ms] of b.db) dbMs += ms - (a.db.get(pid) ?? 0);
  return { serverMs: b.server - a.server, dbMs, selfMs: b.self - a.self };
}
