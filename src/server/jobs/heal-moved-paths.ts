// After a body moves, a request already under way, or a node whose cached reference data (5 s) or
// sessions (2 s) still held the old path, may write a row with it. Each move queues a second pass
// here: HEAL_AFTER_MS later the scheduler sets every copy that sits beside its body's id to the
// body's path again (repositories/org-paths.ts healPathCopies). A queue per process: a node that
// stops before the pass leaves those rows as they were written (moving the body to the parent it has
// changes nothing; moving it again heals).
import type { AppContext } from '../context.ts';
import { healPathCopies } from '../repositories/org-paths.ts';

/** Longer than the reference data and the sessions are cached, with a margin for requests under way. */
export const HEAL_AFTER_MS = 15_000;
const queues = new WeakMap<object, { path: string; at: number }[]>();

export function queueHeal(ctx: AppContext, path: string): void {
  let q = queues.get(ctx);
  if (!q) queues.set(ctx, (q = []));
  q.push({ path, at: ctx.clock.now().getTime() + HEAL_AFTER_MS });
}

/** Runs the passes that are due (by the injected clock); returns the rows each changed. */
export async function runDueHeals(ctx: AppContext): Promise<Record<string, number>[]> {
  const q = queues.get(ctx);
  if (!q?.length) return [];
  const now = ctx.clock.now().getTime();
  const due = q.filter((h) => h.at <= now);
  const done: Record<string, number>[] = [];
  for (const h of due) {
    done.push(await healPathCopies(ctx.db, h.path));
    q.splice(q.indexOf(h), 1);
  }
  return done;
}
