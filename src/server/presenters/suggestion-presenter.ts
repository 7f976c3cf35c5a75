// What leaves the server about a citizen suggestion for staff (the response schemas are the
// allow-lists). A list row carries nothing about the citizen; the one suggestion carries the citizen's
// name and mobile masked, and each such view is audited by the service that shows it.
import { Type, type Static } from 'typebox';
import { maskMobile, maskName } from '../../shared/validators.ts';
import type { findSuggestion, listSuggestions } from '../repositories/portal.ts';

const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const iso = (d: Date | string) => new Date(d).toISOString();

export const SuggestionSummary = Type.Object({
  id: Type.Integer(),
  refCode: Type.String(),
  topic: Type.String(),
  title: Type.String(),
  status: Type.String(),
  /** The petition bureau it went to (that of the area the citizen chose). */
  orgName: N(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  decidedAt: N(Type.String({ format: 'date-time' })),
});
export type SuggestionSummaryT = Static<typeof SuggestionSummary>;

export const SuggestionPage = Type.Object({ items: Type.Array(SuggestionSummary), nextCursor: N(Type.String()) });

/** 人民建议征集 figures over a period (services/count-suggestions.ts). */
export const SuggestionFigures = Type.Object({
  range: Type.Object({ from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) }),
  /** Sent in the period. */
  received: Type.Integer(),
  /** Decided in the period, and how. */
  decided: Type.Integer(),
  adopted: Type.Integer(),
  partlyAdopted: Type.Integer(),
  notAdopted: Type.Integer(),
  /** (adopted + partly adopted) / decided; null when none was decided. */
  adoptionRate: N(Type.Number()),
  /** Waiting for a decision now, whenever sent. */
  pendingNow: Type.Integer(),
  topics: Type.Array(Type.Object({ topic: Type.String(), received: Type.Integer(), adopted: Type.Integer() })),
});
export type SuggestionFiguresT = Static<typeof SuggestionFigures>;
export type SuggestionPageT = Static<typeof SuggestionPage>;

export const SuggestionDetail = Type.Object({
  id: Type.Integer(),
  refCode: Type.String(),
  topic: Type.String(),
  title: Type.String(),
  content: Type.String(),
  status: Type.String(),
  orgName: N(Type.String()),
  areaCode: N(Type.String()),
  /** What the citizen reads through the portal look-up, once decided. */
  reply: N(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  decidedAt: N(Type.String({ format: 'date-time' })),
  decidedByName: N(Type.String()),
  submitter: Type.Object({ name: Type.String(), mobile: Type.String(), masked: Type.Literal(true) }),
});
export type SuggestionDetailT = Static<typeof SuggestionDetail>;

type ListRow = Awaited<ReturnType<typeof listSuggestions>>[number];
type DetailRow = NonNullable<Awaited<ReturnType<typeof findSuggestion>>>;

export function presentSuggestionSummary(r: ListRow): SuggestionSummaryT {
  return { id: r.id, refCode: r.ref_code, topic: r.topic, title: r.title, status: r.status, orgName: r.org_name ?? null, createdAt: iso(r.created_at), decidedAt: r.decided_at ? iso(r.decided_at) : null };
}

export function presentSuggestionDetail(r: DetailRow): SuggestionDetailT {
  return {
    id: r.id, refCode: r.ref_code, topic: r.topic, title: r.title, content: r.content, status: r.status, orgName: r.org_name ?? null, areaCode: r.area_code, reply: r.reply,
    createdAt: iso(r.created_at), decidedAt: r.decided_at ? iso(r.decided_at) : null, decidedByName: r.decided_by_name ?? null,
    submitter: { name: maskName(r.name), mobile: maskMobile(r.mobile), masked: true },
  };
}
