// Runs periodic jobs inside the server process. Several app nodes may run it: the sweep is
// idempotent (one reminder per case, clock and due date), so running twice changes nothing.
import type { AppContext } from '../context.ts';
import { sweepDeadlines } from './sweep-deadlines.ts';

export function startJobs(ctx: AppContext, everyMs = 15 * 60_000): () => void {
  const run = () => { sweepDeadlines(ctx).catch((e: unknown) => console.error('deadline sweep failed', e)); };
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, everyMs);
  return () => { clearTimeout(first); clearInterval(timer); };
}
