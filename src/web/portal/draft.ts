// The petition being written, kept in localStorage on every change so a reload or a dropped
// connection loses nothing. The 身份证 number is not kept (a shared phone would expose it), and
// nothing goes into the URL. The idempotency key belongs to the draft: retries of the same draft
// reuse it, so the server creates one case however often it is sent.
import { newIdempotencyKey } from '../common/api.ts';

export interface Draft {
  key: string;
  kind: string;
  categoryId: number | null;
  areaCode: string;
  matterAddress: string;
  title: string;
  content: string;
  name: string;
  mobile: string;
  agentName: string;
  accusedName: string;
}

const STORAGE_KEY = 'xf.portal.draft';

export function emptyDraft(): Draft {
  return { key: newIdempotencyKey(), kind: '', categoryId: null, areaCode: '', matterAddress: '', title: '', content: '', name: '', mobile: '', agentName: '', accusedName: '' };
}

export function loadDraft(): Draft {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return emptyDraft();
    const d = { ...emptyDraft(), ...(JSON.parse(raw) as Partial<Draft>) };
    return typeof d.key === 'string' && d.key ? d : { ...d, key: newIdempotencyKey() };
  } catch {
    return emptyDraft();
  }
}

export function saveDraft(d: Draft): void {
  try { localStorage.setItem(STORAGE_KEY, JSON.stringify(d)); } catch { /* storage full or private mode */ }
}

export function clearDraft(): void {
  try { localStorage.removeItem(STORAGE_KEY); } catch { /* nothing to clear */ }
}

export function hasContent(d: Draft): boolean {
  return !!(d.kind || d.title || d.content || d.name || d.mobile);
}
