// Labels of shared vocabulary ([zh, en] pairs from src/shared and src/domain) in the user's language.
import { CHANNEL_LABELS, KIND_LABELS, OUTCOME_LABELS, PROCEDURE_LABELS, RATING_LABELS, RECEPTION_DAY_STATUS_LABELS, RECEPTION_KIND_LABELS, REVIEW_OUTCOME_LABELS, ROLE_LABELS, LEVEL_REACHED_LABELS } from '../../shared/enums.ts';
import { ACTIONS, STATE_LABELS } from '../../domain/lifecycle.ts';
import { localDate, localTimeOfDay } from '../../domain/calendar.ts';
import type { Lang } from './i18n.tsx';

type Pairs = Record<string, readonly [string, string]>;
const pick = (table: Pairs, key: string | null | undefined, lang: Lang) => {
  if (!key) return '';
  const p = table[key];
  return p ? p[lang === 'zh' ? 0 : 1] : key;
};

const ACTION_LABELS: Pairs = Object.fromEntries(Object.entries(ACTIONS).map(([k, v]) => [k, v.label]));

/** Timeline entries that are not lifecycle actions. */
const EVENT_LABELS: Pairs = {
  ...ACTION_LABELS,
  register: ['登记', 'Registered'],
  supervision_answer: ['督办反馈', 'Supervision answered'],
  evaluation_expired: ['超期未评价', 'Evaluation window lapsed'],
  evaluation_lapsed: ['超期未评价', 'Evaluation window lapsed'],
  add_submission: ['同一事项再次来信来访', 'Further submission on this matter'],
  reception_visit: ['领导接待日接访', 'Received on a reception day'],
  reception_invite: ['领导约访', 'Invited to a leader\'s appointment'],
  reception_invite_withdrawn: ['约访取消', 'Appointment withdrawn'],
  from_dispute: ['由矛盾纠纷排查转入', 'Registered from a screened dispute'],
};

const CLOCK_LABELS: Pairs = {
  route: ['转送交办时限', 'Routing limit'],
  accept: ['受理告知时限', 'Acceptance limit'],
  objection: ['异议时限', 'Objection window'],
  answer: ['办理答复时限', 'Answer limit'],
  reviewRequest: ['申请复查期限', 'Review request window'],
  evaluation: ['评价期限', 'Evaluation window'],
  review: ['复查决定时限', 'Review decision limit'],
  reReviewRequest: ['申请复核期限', 'Re-review request window'],
  reReview: ['复核决定时限', 'Re-review decision limit'],
};

export const L = {
  state: (k: string | null | undefined, lang: Lang) => pick(STATE_LABELS, k, lang),
  kind: (k: string | null | undefined, lang: Lang) => pick(KIND_LABELS, k, lang),
  channel: (k: string | null | undefined, lang: Lang) => pick(CHANNEL_LABELS, k, lang),
  role: (k: string | null | undefined, lang: Lang) => pick(ROLE_LABELS, k, lang),
  outcome: (k: string | null | undefined, lang: Lang) => pick({ ...OUTCOME_LABELS, ...REVIEW_OUTCOME_LABELS }, k, lang),
  procedure: (k: string | null | undefined, lang: Lang) => pick(PROCEDURE_LABELS, k, lang),
  rating: (k: string | null | undefined, lang: Lang) => pick(RATING_LABELS, k, lang),
  level: (k: string | null | undefined, lang: Lang) => pick(LEVEL_REACHED_LABELS, k, lang),
  action: (k: string | null | undefined, lang: Lang) => pick(ACTION_LABELS, k, lang),
  event: (k: string | null | undefined, lang: Lang) => pick(EVENT_LABELS, k, lang),
  clock: (k: string | null | undefined, lang: Lang) => pick(CLOCK_LABELS, k, lang),
  receptionStatus: (k: string | null | undefined, lang: Lang) => pick(RECEPTION_DAY_STATUS_LABELS, k, lang),
  receptionKind: (k: string | null | undefined, lang: Lang) => pick(RECEPTION_KIND_LABELS, k, lang),
};

/** Colours of a clock or due date by urgency: dark text on a light tint, each pair at least 7:1
 * (antd's preset green, orange and gold tags fall below the 4.5:1 that WCAG AA asks of small text). */
export function urgencyStyle(urgency: string | null | undefined): { color: string; background: string; borderColor: string } {
  switch (urgency) {
    case 'overdue': return { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' };
    case 'due_today': return { color: '#871400', background: '#fff2e8', borderColor: '#ffbb96' };
    case 'near': return { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' };
    case 'ok': return { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' };
    default: return { color: 'rgba(0,0,0,0.88)', background: '#fafafa', borderColor: '#d9d9d9' };
  }
}

/** The extension-pending marker (dark gold on a light tint, AA contrast). */
export const PENDING_STYLE = { color: '#614700', background: '#fffbe6', borderColor: '#ffe58f' };

/** An instant as a date and time in China time, the time every date and limit of the system is
 * counted in (as the portal and the documents show them), whatever zone the browser is set to. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return `${localDate(d)} ${localTimeOfDay(d)}`;
}
