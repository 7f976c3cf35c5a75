// Runs periodic jobs inside the server process. Several app nodes may run it: the sweep is
// idempotent (one reminder per case, clock and due date), so running twice changes nothing; the
// rollup fold takes a lock, so one node folds at a time; after it, the second pass over the paths of a
// body moved on this node, when due (heal-moved-paths.ts). On the embedded engine, which has no
// autovacuum, it also vacuums (vacuum-embedded.ts).
import type { AppContext } from '../context.ts';
import { foldRollups } from './fold-rollup-deltas.ts';
import { sweepDeadlines } from './sweep-deadlines.ts';
import { runDueHeals } from './heal-moved-paths.ts';
import { analyzeGrownEmbedded, inNightWindow, vacuumEmbedded } from './vacuum-embedded.ts';
import { localDate } from '../../domain/calendar.ts';

/** On the embedded engine: the grown tables analysed every 2 seconds (a millisecond's read of the
 * statistics counters when none has grown), the churned tables vacuumed every 5 minutes, the whole database once a night. */
const GROWN_ANALYZE_MS = 2_000;
const CHURNED_VACUUM_MS = 5 * 60_000;
const NIGHTLY_CHECK_MS = 60 * 60_000;

export function startJobs(ctx: AppContext, everyMs = 15 * 60_000, foldEveryMs = 1_000): () => void {
  const run = () => { sweepDeadlines(ctx).catch((e: unknown) => console.error('deadline sweep failed', e)); };
  // the fold: one run at a time in this process; the next one starts foldEveryMs after it ends
  let stopped = false;
  let foldTimer: NodeJS.Timeout | undefined;
  const fold = () => {
    foldRollups(ctx.db)
      .catch((e: unknown) => console.error('rollup fold failed', e))
      // and the second pass over the paths of a body that moved, when due (nothing to do otherwise)
      .then(() => runDueHeals(ctx))
      .catch((e: unknown) => console.error('path heal after a move failed', e))
      .finally(() => { if (!stopped) foldTimer = setTimeout(fold, foldEveryMs); });
  };
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, everyMs);
  foldTimer = setTimeout(fold, foldEveryMs);
  const vacuums: NodeJS.Timeout[] = [];
  if (ctx.engine === 'pglite') {
    let lastNight = '';
    let analysing = false; // one pass at a time: a pass on a large table may outlast the interval
    vacuums.push(setInterval(() => {
      if (analysing) return;
      analysing = true;
      analyzeGrownEmbedded(ctx).catch((e: unknown) => console.error('analyze failed', e)).finally(() => { analysing = false; });
    }, GROWN_ANALYZE_MS));
    vacuums.push(setInterval(() => { vacuumEmbedded(ctx, 'churned').catch((e: unknown) => console.error('vacuum failed', e)); }, CHURNED_VACUUM_MS));
    vacuums.push(setInterval(() => {
      const now = ctx.clock.now();
      const night = localDate(now);
      if (!inNightWindow(now) || night === lastNight) return;
      lastNight = night;
      vacuumEmbedded(ctx, 'all').catch((e: unknown) => console.error('nightly vacuum failed', e));
    }, NIGHTLY_CHECK_MS));
  }
  return () => { stopped = true; clearTimeout(first); clearInterval(timer); clearTimeout(foldTimer); for (const v of vacuums) clearInterval(v); };
}
