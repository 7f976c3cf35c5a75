// Runs periodic jobs inside the server process. Several app nodes may run it: the sweep is
// idempotent (one reminder per case, clock and due date), so running twice changes nothing; the
// rollup fold takes a lock, so one node folds at a time.
import type { AppContext } from '../context.ts';
import { foldRollups } from './fold-rollup-deltas.ts';
import { sweepDeadlines } from './sweep-deadlines.ts';

export function startJobs(ctx: AppContext, everyMs = 15 * 60_000, foldEveryMs = 1_000): () => void {
  const run = () => { sweepDeadlines(ctx).catch((e: unknown) => console.error('deadline sweep failed', e)); };
  // the fold: one run at a time in this process; the next one starts foldEveryMs after it ends
  let stopped = false;
  let foldTimer: NodeJS.Timeout | undefined;
  const fold = () => {
    foldRollups(ctx.db)
      .catch((e: unknown) => console.error('rollup fold failed', e))
      .finally(() => { if (!stopped) foldTimer = setTimeout(fold, foldEveryMs); });
  };
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, everyMs);
  foldTimer = setTimeout(fold, foldEveryMs);
  return () => { stopped = true; clearTimeout(first); clearInterval(timer); clearTimeout(foldTimer); };
}
