// What the suggestion API sends (type-only, from the server's response schemas), and the topics'
// labels (GET /portal/suggestion-topics).
import type { SuggestionDetailT, SuggestionFiguresT, SuggestionPageT, SuggestionSummaryT } from '../../../../server/presenters/suggestion-presenter.ts';
import { PENDING_STYLE, urgencyStyle } from '../../labels.ts';

export type Suggestion = SuggestionSummaryT;
export type SuggestionDetail = SuggestionDetailT;
export type SuggestionPage = SuggestionPageT;
export type SuggestionFigures = SuggestionFiguresT;
export interface Topic { key: string; zh: string; en: string }

/** The status tag's colours, dark text on a light tint (WCAG AA). */
export function statusStyle(status: string) {
  return status === 'received' ? PENDING_STYLE : status === 'adopted' || status === 'partly_adopted' ? urgencyStyle('ok') : urgencyStyle(null);
}
