// The two drivers: HTTP load on the running server (autocannon over loopback) and the raw limit
// (the same database work through the driver at the same concurrency). Both report the same figures.
import autocannon, { type Request } from 'autocannon';

export interface LoadFigures {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** First few error bodies or messages, to say what went wrong. */
  errorSamples: string[];
  /** With --repeat: the throughput of every run, in order (the figures are the median run's). */
  runs?: number[];
}

function figures(lat: number[], errors: number, seconds: number, samples: string[]): LoadFigures {
  const sorted = Float64Array.from(lat).sort();
  const q = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : 0);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: lat.length, errors, seconds: round(seconds), perSecond: round(lat.length / seconds),
    p50: round(q(0.5)), p95: round(q(0.95)), p99: round(q(0.99)), errorSamples: samples,
  };
}

export interface HttpLoad {
  baseUrl: string;
  connections: number;
  /** Seconds to run, and/or a fixed number of requests (whichever ends first). */
  duration?: number;
  amount?: number;
  requests: Request[];
}

/** Drives the server with autocannon and records every response's latency itself (for p95). */
export function runHttp(load: HttpLoad): Promise<LoadFigures> {
  const lat: number[] = [];
  let errors = 0;
  const samples: string[] = [];
  const requests = load.requests.map((r) => ({
    ...r,
    onResponse: (status: number, body: string, context: Record<string, unknown>) => {
      if (status >= 400 && samples.length < 5) samples.push(`${status} ${body.slice(0, 300)}`);
      r.onResponse?.(status, body, context);
    },
  }));
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const inst = autocannon({
      url: load.baseUrl, connections: load.connections, timeout: 30,
      ...(load.amount ? { amount: load.amount } : { duration: load.duration ?? 10 }),
      requests,
    }, (err, res) => {
      clearTimeout(timer);
      if (err) { reject(err); return; }
      const seconds = (performance.now() - t0) / 1000;
      resolve(figures(lat, errors + res.errors + res.timeouts, seconds, samples));
    });
    // both given: the amount, cut short at the duration
    const timer = load.amount && load.duration ? setTimeout(() => inst.stop(), load.duration * 1000) : undefined;
    inst.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      lat.push(ms);
      if (status >= 400) errors++;
    });
  });
}

export interface RawLoad {
  concurrency: number;
  /** Seconds to run, and/or a fixed number of operations (whichever ends first). */
  duration?: number;
  amount?: number;
  /** One operation (usually one transaction); `n` counts from 0 across all workers. */
  op: (n: number) => Promise<void>;
}

/** Runs `op` from `concurrency` workers until the time or the amount is used up. */
export async function runRaw(load: RawLoad): Promise<LoadFigures> {
  const lat: number[] = [];
  let errors = 0;
  const samples: string[] = [];
  let n = 0;
  const t0 = performance.now();
  // both may be given: stop at whichever comes first (10 s when neither is)
  const until = load.duration !== undefined ? t0 + load.duration * 1000 : load.amount === undefined ? t0 + 10_000 : Infinity;
  const more = () => (load.amount === undefined || n < load.amount) && performance.now() < until;
  const worker = async () => {
    while (more()) {
      const i = n++;
      const s = performance.now();
      try {
        await load.op(i);
        lat.push(performance.now() - s);
      } catch (e) {
        errors++;
        if (samples.length < 5) samples.push((e as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: load.concurrency }, worker));
  return figures(lat, errors, (performance.now() - t0) / 1000, samples);
}
