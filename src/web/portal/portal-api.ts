// The portal's calls to /api/v1/portal (and the public reference data it needs). The look-up
// session travels in an HTTP-only cookie, never in a URL.
import { api, apiDownload } from '../common/api.ts';
import { DOCUMENT_TITLES, type PetitionerDocumentType } from '../../shared/documents.ts';
import type { PortalMilestone } from '../../server/presenters/portal-presenter.ts';

export interface Receipt { caseNo: string; queryCode: string; state: string; acceptDueBy: string | null; declineReason: string | null }
/** One public milestone, as the server's allow-list (presenters/portal-presenter.ts) sends it. */
export type Milestone = PortalMilestone;
export interface PortalCase {
  caseNo: string; title: string; kind: string; channel: string; stage: string; receivedOn: string; handlingOrgName: string | null;
  nextDue: { date: string; clock: string } | null;
  milestones: Milestone[];
  documents: { id: number; filename: string; mime: string; size: number; mine: boolean }[];
  /** The notices and opinions addressed to the petitioner, each with the day it became theirs. */
  officialDocuments: { type: PetitionerDocumentType; on: string }[];
  evaluation: { isOpen: boolean; isDone: boolean; lastDay: string | null };
  review: { action: string | null; lastDay: string | null; isOpen: boolean; closedCode: string | null };
}
export interface Category { id: number; parentId: number | null; code: string; nameZh: string; nameEn: string; isActive: boolean }
export interface Area { code: string; name: string; level: string }
export interface Topic { key: string; zh: string; en: string }
export interface SuggestionStatus { refCode: string; topic: string; title: string; status: string; reply: string | null; submittedOn: string; decidedAt: string | null }
export interface Figures {
  year: number;
  months: { month: string; submissions: number; onTimeRate: number | null; satisfactionRate: number | null }[];
  totals: { submissions: number; onTimeRate: number | null; satisfactionRate: number | null };
}

export interface PetitionInput {
  kind: string; categoryId: number; areaCode: string; matterAddress?: string | null; title: string; content: string;
  petitioner: { name: string; idNumber: string; mobile: string }; agentName?: string | null; accusedName?: string | null;
}

export const portalApi = {
  categories: () => api<Category[]>('GET', '/portal/categories'),
  areas: () => api<Area[]>('GET', '/portal/areas'),
  topics: () => api<Topic[]>('GET', '/portal/suggestion-topics'),
  submit: (input: PetitionInput, idempotencyKey: string) => api<Receipt>('POST', '/portal/petitions', input, { 'idempotency-key': idempotencyKey }),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api<{ id: number; filename: string }>('POST', '/portal/case/attachments', form);
  },
  lookUp: (queryCode: string, last4: string) => api<PortalCase>('POST', '/portal/lookup', { queryCode, last4 }),
  current: () => api<PortalCase>('GET', '/portal/case'),
  /** The matter of a look-up still open (HTTP-only cookie), or null: asked when the page opens. */
  session: () => api<{ view: PortalCase | null }>('GET', '/portal/session'),
  rate: (bureauRating: string, bodyRating: string) => api<PortalCase>('POST', '/portal/case/evaluate', { bureauRating, bodyRating }),
  requestReview: (reason: string) => api<PortalCase>('POST', '/portal/case/review-request', { reason }),
  /** A notice or opinion addressed to the petitioner, as PDF (saved by the browser). */
  downloadOfficial: (type: PetitionerDocumentType, caseNo: string) =>
    apiDownload('GET', `/portal/case/official-documents/${type}`, `${DOCUMENT_TITLES[type][0]}-${caseNo}.pdf`),
  logout: () => api<{ ok: boolean }>('POST', '/portal/logout'),
  suggest: (input: { topic: string; areaCode: string; title: string; content: string; name: string; mobile: string }, idempotencyKey: string) =>
    api<{ refCode: string; topic: string; status: string }>('POST', '/portal/suggestions', input, { 'idempotency-key': idempotencyKey }),
  suggestionStatus: (refCode: string, mobileLast4: string) => api<SuggestionStatus>('POST', '/portal/suggestions/lookup', { refCode, mobileLast4 }),
  figures: (year: number) => api<Figures>('GET', `/public/figures?year=${year}`),
};
