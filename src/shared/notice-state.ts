// The state a supervision notice (督办单) shows: answered, overdue (past its due date unanswered),
// chased (催办 logged, still in time) or open. Used by the server's counts and the console's list.
export const NOTICE_STATES = ['open', 'chased', 'overdue', 'answered'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];
export const NOTICE_STATE_LABELS: Record<NoticeState, [zh: string, en: string]> = {
  open: ['待反馈', 'Open'],
  chased: ['已催办', 'Chased'],
  overdue: ['逾期未反馈', 'Overdue'],
  answered: ['已反馈', 'Answered'],
};

export function noticeState(n: { status: string; dueOn: string; chaseCount: number }, today: string): NoticeState {
  if (n.status === 'answered') return 'answered';
  if (n.dueOn < today) return 'overdue';
  return n.chaseCount > 0 ? 'chased' : 'open';
}
