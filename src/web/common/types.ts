// Types of what the API sends, taken from the server's own response schemas (type-only imports:
// nothing of the server reaches the browser bundle). Shapes declared inline in a route are copied
// here with the route named beside them.
import type { CaseDetailView, CaseSummaryView } from '../../server/presenters/case-presenter.ts';
import type { MeView } from '../../server/routes/auth.ts';

export type CaseDetail = CaseDetailView;
export type CaseSummary = CaseSummaryView;

/** GET /auth/me (routes/auth.ts `Me`). */
export type Me = MeView;

/** GET /cases (routes/cases.ts). */
export interface CasePage { items: CaseSummary[]; nextCursor: string | null }

/** GET /cases/:id/events (routes/cases.ts, presenters `EventView`). */
export interface CaseEvent {
  id: number; type: string; fromState: string | null; toState: string | null; at: string;
  actorName: string | null; actorOrgName: string | null; actorKind: string; isPublic: boolean; data: Record<string, unknown>;
}
export interface Submission {
  id: number; channel: string; receivedAt: string; headcount: number; isCollective: boolean; isRepeat: boolean; levelReached: string | null;
}
export interface CaseTimeline { events: CaseEvent[]; submissions: Submission[] }

/** GET /categories and GET /orgs (routes/reference.ts). */
export interface Category { id: number; parentId: number | null; code: string; nameZh: string; nameEn: string; sort: number; isActive: boolean }
export interface Org {
  id: number; parentId: number | null; name: string; level: string; kind: string; areaCode: string; path: string; isActive: boolean; categoryIds: number[];
}

/** POST /cases response (routes/cases.ts `RegisterResponse`). */
export interface RegisterResult {
  caseId: number; caseNo: string; queryCode: string; state: string; isRepeat: boolean; repeatOfCaseId: number | null; repeatOfCaseNo: string | null;
  repeatOfFinal: boolean;
  addedToExisting: boolean; acceptDueBy: string | null; declineReason: string | null;
}

/** POST /petitioners/lookup (routes/petitioners.ts). */
export interface PersonView { id: number; name: string; idNumber: string | null; mobile: string | null; address: string | null; role?: string; masked: boolean }
export interface LookupResult {
  petitioner: PersonView;
  cases: { id: number; caseNo: string; title: string; state: string; kind: string; categoryId: number; receivedAt: string; isVisible: boolean }[];
}

/** GET /cases/:id/attachments (routes/attachments.ts `AttachmentView`). */
export interface Attachment { id: number; filename: string; mime: string; size: number; isPublic: boolean; createdAt: string }

/** GET /cases/:id/routing-suggestions. */
export interface RoutingSuggestion { id: number; name: string; kind: string; level: string }
