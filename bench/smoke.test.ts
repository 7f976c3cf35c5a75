// The bench and the generator still work: `bench/run.ts --smoke` loads 2,000 generated cases into a
// fresh PGlite database, starts the real server, runs every workload (twice where it can run again)
// and the raw limits, and writes its JSON. No figures are judged here; only that rows were written and requests completed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BenchResult } from './run.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('bench smoke run', () => {
  it('generates 2,000 cases and completes every workload without errors', () => {
    const out = path.join(ROOT, `.tmp/bench-smoke-${process.pid}-{engine}.json`);
    const file = out.replace('{engine}', 'pglite');
    rmSync(file, { force: true });
    const r = spawnSync(process.execPath, ['bench/run.ts', '--smoke', '--repeat', '2', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 150_000 });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(existsSync(file)).toBe(true);
    const result = JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
    rmSync(file, { force: true });

    expect(result.engine).toBe('pglite');
    expect(result.seed.reused).toBe(false);
    const stats = result.seed.report!.stats;
    expect(stats.cases).toBe(2_000);
    expect(stats.events).toBeGreaterThan(stats.cases);
    expect(stats.audit).toBeGreaterThan(stats.cases);
    expect(stats.petitioners).toBeGreaterThan(1_000);
    // leaders own some matters (包案) and the bureaus supervise some stalled ones (督办)
    expect(stats.ownerships).toBeGreaterThan(0);
    expect(stats.notices).toBeGreaterThan(0);
    // every open and closed state the lifecycle has, apart from the rare re-review stage
    for (const s of ['registered', 'awaiting_acceptance', 'handling', 'concluded', 'archived', 'declined', 'diverted']) expect(stats.byState[s] ?? 0, s).toBeGreaterThan(0);

    expect(result.workloads.map((w) => w.id)).toEqual(['W1', 'W2', 'W3a', 'W3b', 'W4', 'W5', 'W6']);
    for (const w of result.workloads) {
      expect(w.ours.requests, `${w.id} ours`).toBeGreaterThan(0);
      expect(w.ours.errors, `${w.id} ours: ${w.ours.errorSamples.join(' | ')}`).toBe(0);
      expect(w.raw.requests, `${w.id} raw`).toBeGreaterThan(0);
      expect(w.raw.errors, `${w.id} raw: ${w.raw.errorSamples.join(' | ')}`).toBe(0);
      expect(w.ratio).toBeGreaterThan(0);
    }
    // --repeat 2: the workloads that can run again ran twice (a second intake uses new idempotency keys)
    const w = (id: string) => result.workloads.find((x) => x.id === id)!;
    for (const id of ['W1', 'W2', 'W3a', 'W6']) expect([w(id).ours.runs?.length, w(id).raw.runs?.length], id).toEqual([2, 2]);
    expect(w('W4').ours.runs).toBeUndefined();
    expect(result.serverPeakMb).toBeGreaterThan(0);
  }, 180_000);
});
