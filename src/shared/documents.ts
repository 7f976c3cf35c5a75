// The printable documents of a case (文书): their types, titles and the step each belongs to.
// Used by the server (composing, PDF) and the console (document page, links from the case page).

export const DOCUMENT_TYPES = [
  'accept-notice', // 受理告知书 ([T22] Art 23)
  'decline-notice', // 不予受理告知书 (Art 23, 31), naming the proper channel
  'extension-notice', // 延期告知书 (Art 34)
  'opinion', // 信访处理意见书 (Art 32, 34)
  'review-opinion', // 复查意见书 (Art 35)
  'rereview-opinion', // 复核意见书 (Art 36)
  'supervision-notice', // 督办单 (Art 40)
  'forward-sheet', // 信访事项转送单: the bureau's paper to the body a matter is forwarded to (Art 22, 23)
  'assign-sheet', // 信访事项交办单: the same for a matter assigned, whose result is reported back (Art 22)
  'designation-notice', // 指定受理通知: the common superior names the body that accepts a disputed matter (Art 24)
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_TITLES: Record<DocumentType, [zh: string, en: string]> = {
  'accept-notice': ['信访事项受理告知书', 'Notice of acceptance'],
  'decline-notice': ['信访事项不予受理告知书', 'Notice of non-acceptance'],
  'extension-notice': ['信访事项延期办理告知书', 'Notice of extension'],
  opinion: ['信访事项处理意见书', 'Written opinion on the petition'],
  'review-opinion': ['信访事项复查意见书', 'Review opinion'],
  'rereview-opinion': ['信访事项复核意见书', 'Re-review opinion'],
  'supervision-notice': ['信访事项督办单', 'Supervision notice'],
  'forward-sheet': ['信访事项转送单', 'Forwarding sheet'],
  'assign-sheet': ['信访事项交办单', 'Assignment sheet'],
  'designation-notice': ['信访事项指定受理通知', 'Notice of designation'],
};

/** The events after which each document can be issued (the first that exists, latest wins). */
export const DOCUMENT_SOURCE_EVENTS: Record<DocumentType, readonly string[]> = {
  'accept-notice': ['accept'],
  'decline-notice': ['decline', 'divert'],
  'extension-notice': ['approve_extension'],
  opinion: ['answer'],
  'review-opinion': ['decide_review', 'redo'],
  'rereview-opinion': ['decide_re_review', 'redo_re_review'],
  'supervision-notice': ['supervise'],
  'forward-sheet': ['forward'],
  'assign-sheet': ['assign'],
  'designation-notice': ['designate'],
};

/** The documents addressed to the petitioner that the portal gives them, each with the events that
 * make it theirs: a notice once issued, the 处理意见书 once delivered (送达: the portal shows an answer
 * only then), a review or re-review opinion once decided. Never the 督办单 (an internal paper). */
export const PETITIONER_DOCUMENT_EVENTS = {
  'accept-notice': ['accept'],
  'decline-notice': ['decline', 'divert'],
  'extension-notice': ['approve_extension'],
  opinion: ['deliver'],
  'review-opinion': ['decide_review', 'redo'],
  'rereview-opinion': ['decide_re_review', 'redo_re_review'],
} as const satisfies Partial<Record<DocumentType, readonly string[]>>;

/** Events after which a document no longer stands: an answer sent back for rework (退回重办) or revoked on
 * review or re-review (撤销重办), and a review opinion revoked on re-review, until the new one is issued. */
export const DOCUMENT_WITHDRAWN_BY: Partial<Record<DocumentType, readonly string[]>> = {
  opinion: ['send_back', 'redo', 'redo_re_review'],
  'review-opinion': ['redo_re_review'],
  // a routing the receiver objected to, or that a later routing or designation replaced (Art 23, 24)
  'forward-sheet': ['object', 'assign', 'designate'],
  'assign-sheet': ['object', 'forward', 'designate'],
};
/** Whether a document stands after a case's events (in order): issued, and not withdrawn since. */
export function documentStands(type: DocumentType, eventTypes: readonly string[]): boolean {
  let stands = false;
  for (const e of eventTypes) {
    if (DOCUMENT_SOURCE_EVENTS[type].includes(e)) stands = true;
    if (DOCUMENT_WITHDRAWN_BY[type]?.includes(e)) stands = false;
  }
  return stands;
}
export type PetitionerDocumentType = keyof typeof PETITIONER_DOCUMENT_EVENTS;
export const PETITIONER_DOCUMENT_TYPES = Object.keys(PETITIONER_DOCUMENT_EVENTS) as PetitionerDocumentType[];

/** The petitioner's documents a case's public events make available, in the order they became so,
 * each with the day it did (the latest such event's). */
export function petitionerDocuments(events: readonly { type: string; on: string }[]): { type: PetitionerDocumentType; on: string }[] {
  const found = new Map<PetitionerDocumentType, string>();
  for (const e of events) {
    for (const t of PETITIONER_DOCUMENT_TYPES) {
      if ((PETITIONER_DOCUMENT_EVENTS[t] as readonly string[]).includes(e.type)) found.set(t, e.on);
      if (DOCUMENT_WITHDRAWN_BY[t]?.includes(e.type)) found.delete(t);
    }
  }
  return [...found].map(([type, on]) => ({ type, on }));
}

/** Chinese numerals for a date in a document's signature: 二〇二六年三月五日. */
export function chineseDate(isoDate: string): string {
  const digits = '〇一二三四五六七八九';
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const small = (n: number) => (n < 10 ? digits[n]! : n === 10 ? '十' : n < 20 ? `十${digits[n % 10]}` : `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`);
  return `${String(y).split('').map((c) => digits[Number(c)]).join('')}年${small(m)}月${small(d)}日`;
}

/** Arabic date in Chinese form used inside the body text: 2026年3月5日. */
export function textDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
