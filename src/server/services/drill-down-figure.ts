// Opens a figure to the cases behind it (明细): the contribution rows of the figure's metric for the
// body and period, or the snapshot query of an "as of today" figure; keyset-paged by case id,
// presented as case summaries, and only the cases the user may see.
import { LIMITS } from '../../shared/enums.ts';
import { AppError } from '../../shared/errors.ts';
import { BREAKDOWN_KEYS, FIGURE_KEYS, NOW_KEYS, type BreakdownKey, type DrilldownPage, type DrilldownQuery, type PeriodRange } from '../../shared/figures.ts';
import type { Actor, AppContext } from '../context.ts';
import { canViewCase, isAccusedViewer } from '../policies/case-policy.ts';
import { presentCaseSummary } from '../presenters/case-presenter.ts';
import { casesForDrill, drillContribCaseIds, drillReceptionCaseIds } from '../repositories/stats.ts';
import { figureDefs, NOW_PARTS, type DrillPart, type FigureDef, type Metric } from '../stats/formulas.ts';
import { daysOf, resolveQuery, today as todayOf } from '../stats/engine.ts';
import { settleFigures } from './settle-figures.ts';

const BREAKDOWN_METRIC: Record<BreakdownKey, Metric> = {
  channel: 'sub', kind: 'sub_kind', category: 'sub_cat', categoryParent: 'sub_catp', area: 'sub_area', levelReached: 'sub_level', skipLevel: 'sub_skip',
};

export async function drillDownFigure(ctx: AppContext, actor: Actor, query: DrilldownQuery): Promise<DrilldownPage> {
  const db = ctx.reader;
  // the changes queued so far are applied first (on the primary), so the figures are exact
  await settleFigures(ctx.db);
  const today = todayOf(ctx);
  const q = await resolveQuery(db, actor, query, today);
  const limit = Math.min(Math.max(query.limit ?? 50, 1), LIMITS.pageSizeMax);
  const after = query.after ?? 0;
  let parts: FigureDef['numerator'];
  if ((NOW_KEYS as readonly string[]).includes(query.figure)) {
    parts = NOW_PARTS[query.figure as keyof typeof NOW_PARTS];
  } else if (query.breakdown) {
    if (!(BREAKDOWN_KEYS as readonly string[]).includes(query.breakdown) || query.key === undefined) throw new AppError('STATS_UNKNOWN_FIGURE');
    parts = [{ metric: BREAKDOWN_METRIC[query.breakdown], dims: [query.key] }];
  } else {
    if (!(FIGURE_KEYS as readonly string[]).includes(query.figure)) throw new AppError('STATS_UNKNOWN_FIGURE');
    const def = figureDefs(q)[query.figure as (typeof FIGURE_KEYS)[number]];
    const chosen = query.part === 'denominator' ? def.denominator : def.numerator;
    if (!chosen) throw new AppError('STATS_UNKNOWN_FIGURE', { reason: 'no denominator' });
    parts = chosen;
  }
  let ids: number[];
  if (parts === 'reception' || !Array.isArray(parts)) {
    const kind = parts === 'reception' ? undefined : parts.reception;
    ids = await drillReceptionCaseIds(db, q.orgPath, q.subtree, q.range.from, q.range.to, after, limit + 1, kind);
  } else {
    // parts over the same days go in one query; the pages of the others are merged by case id
    const byDays = new Map<string, { range: PeriodRange; parts: DrillPart[] }>();
    for (const p of parts) {
      const range = daysOf(p.days, q.range, today);
      if (!range) continue;
      const k = `${range.from}/${range.to}`;
      byDays.set(k, { range, parts: [...(byDays.get(k)?.parts ?? []), p] });
    }
    const lists: number[][] = [];
    for (const { range, parts: ps } of byDays.values()) lists.push(await drillContribCaseIds(db, ps, q.orgPath, q.subtree, range.from, range.to, after, limit + 1));
    ids = [...new Set(lists.flat())].sort((a, b) => a - b).slice(0, limit + 1);
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
