// 人民建议征集 figures for the staff who decide suggestions, over the bureaus of their area and below:
// how many were sent in the period, how many decided in it and how (adopted in full, in part, not),
// the adoption rate of those decided ((in full + in part) / decided), each topic's, and how many wait
// for a decision now. Periods are the figures' (stats/periods.ts): day, month, quarter, year, custom.
import { addCalendarDays, startOfLocalDay } from '../../domain/calendar.ts';
import type { PeriodKind } from '../../shared/figures.ts';
import type { Actor, AppContext } from '../context.ts';
import { countSuggestions } from '../repositories/portal.ts';
import { resolvePeriod } from '../stats/periods.ts';
import type { SuggestionFiguresT } from '../presenters/suggestion-presenter.ts';

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export async function countSuggestionsFor(ctx: AppContext, actor: Actor, q: { period: PeriodKind; from: string; to?: string }): Promise<SuggestionFiguresT> {
  const range = resolvePeriod(q.period, q.from, q.to);
  const { totals, topics } = await countSuggestions(ctx.reader, {
    scopePath: actor.scopePath, from: startOfLocalDay(range.from), to: startOfLocalDay(addCalendarDays(range.to, 1)),
  });
  const n = (v: string | number | bigint) => Number(v);
  const adopted = n(totals.adopted);
  const partly = n(totals.partly_adopted);
  const decided = n(totals.decided);
  return {
    range,
    received: n(totals.received), decided, adopted, partlyAdopted: partly, notAdopted: n(totals.not_adopted),
    adoptionRate: rate(adopted + partly, decided), pendingNow: n(totals.pending_now),
    topics: topics.map((t) => ({ topic: t.topic, received: n(t.received), adopted: n(t.adopted) })),
  };
}
