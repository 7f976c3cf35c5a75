// Opens a figure to the cases behind it (明细): the contribution rows of the figure's metric for the
// body and period, or the snapshot query of an "as of today" figure; keyset-paged by case id,
// presented as case summaries, and only the cases the user may see.
import { LIMITS } from '../../shared/enums.ts';
import { AppError } from '../../shared/errors.ts';
import { BREAKDOWN_KEYS, FIGURE_KEYS, NOW_KEYS, type BreakdownKey, type DrilldownPage, type DrilldownQuery } from '../../shared/figures.ts';
import type { Actor, AppContext } from '../context.ts';
import { canViewCase, isAccusedViewer } from '../policies/case-policy.ts';
import { presentCaseSummary } from '../presenters/case-presenter.ts';
import {
  casesForDrill, drillContribCaseIds, drillReceptionCaseIds, drillSnapshotCaseIds, hasReceptionTables, type DrillFilter,
} from '../repositories/stats.ts';
import { figureDefs } from '../stats/formulas.ts';
import { resolveQuery, today as todayOf } from '../stats/engine.ts';

const BREAKDOWN_METRIC: Record<BreakdownKey, string> = {
  channel: 'sub', kind: 'sub_kind', category: 'sub_cat', categoryParent: 'sub_catp', area: 'sub_area', levelReached: 'sub_level', skipLevel: 'sub_skip',
};

export async function drillDownFigure(ctx: AppContext, actor: Actor, query: DrilldownQuery): Promise<DrilldownPage> {
  const db = ctx.reader;
  const q = await resolveQuery(db, actor, query);
  const today = todayOf(ctx);
  const limit = Math.min(Math.max(query.limit ?? 50, 1), LIMITS.pageSizeMax);
  const after = query.after ?? 0;
  const { from, to } = q.range;
  let ids: number[];
  if ((NOW_KEYS as readonly string[]).includes(query.figure)) {
    ids = await drillSnapshotCaseIds(db, query.figure as 'openNow' | 'overdueNow', q.orgPath, q.subtree, from, to, today, after, limit + 1);
  } else if (query.breakdown) {
    if (!(BREAKDOWN_KEYS as readonly string[]).includes(query.breakdown) || query.key === undefined) throw new AppError('STATS_UNKNOWN_FIGURE');
    ids = await drillContribCaseIds(db, [{ metric: BREAKDOWN_METRIC[query.breakdown], dims: [query.key] }], q.orgPath, q.subtree, from, to, after, limit + 1);
  } else {
    if (!(FIGURE_KEYS as readonly string[]).includes(query.figure)) throw new AppError('STATS_UNKNOWN_FIGURE');
    const def = figureDefs(q)[query.figure as (typeof FIGURE_KEYS)[number]];
    const parts = query.part === 'denominator' ? def.denominator : def.numerator;
    if (!parts) throw new AppError('STATS_UNKNOWN_FIGURE', { reason: 'no denominator' });
    if (parts === 'reception') {
      if (!(await hasReceptionTables(db))) throw new AppError('STATS_UNKNOWN_FIGURE');
      ids = await drillReceptionCaseIds(db, q.orgPath, q.subtree, from, to, after, limit + 1);
    } else if (typeof parts === 'string') {
      ids = await drillSnapshotCaseIds(db, parts, q.orgPath, q.subtree, from, to, today, after, limit + 1);
    } else {
      const contrib = parts.filter((p): p is DrillFilter & { metric: never } => typeof p !== 'string');
      const snaps = parts.filter((p): p is 'unansweredOverdue' | 'acceptOverdueUndecided' => typeof p === 'string');
      const lists = [await drillContribCaseIds(db, contrib, q.orgPath, q.subtree, from, to, after, limit + 1)];
      for (const s of snaps) lists.push(await drillSnapshotCaseIds(db, s, q.orgPath, q.subtree, from, to, today, after, limit + 1));
      ids = [...new Set(lists.flat())].sort((a, b) => a - b).slice(0, limit + 1);
    }
  }
  const more = ids.length > limit;
  const page = ids.slice(0, limit);
  const rows = await casesForDrill(db, page);
  const items = rows.filter((r) => canViewCase(actor, r)).map((r) => {
    const s = presentCaseSummary(r, today);
    return {
      id: s.id, caseNo: s.caseNo, title: isAccusedViewer(actor, r) ? '（检举控告件）' : s.title, state: s.state, kind: s.kind, channel: s.channel,
      receivedAt: s.receivedAt, currentOrgId: s.currentOrgId, currentOrgName: s.currentOrgName,
    };
  });
  return { items, nextAfter: more ? page[page.length - 1]! : null };
}
