// A written notice or opinion addressed to the petitioner, for the portal session's own case: the same
// composition as the console's (compose-document.ts), offered only once it is theirs (shared/documents.ts
// PETITIONER_DOCUMENT_EVENTS: an opinion once delivered, never the 督办单), and each download audited.
import { localDate } from '../../domain/calendar.ts';
import { AppError } from '../../shared/errors.ts';
import { petitionerDocuments, type PetitionerDocumentType } from '../../shared/documents.ts';
import type { AppContext } from '../context.ts';
import { findCase } from '../repositories/cases.ts';
import { listDocumentEvents } from '../repositories/documents.ts';
import { insertAudit } from '../repositories/audit.ts';
import { composeFromCase, type ComposedDocument } from './compose-document.ts';

export async function composePortalDocument(ctx: AppContext, caseId: number, type: PetitionerDocumentType, ip: string): Promise<ComposedDocument> {
  // the events are read once: the public ones say which documents are the petitioner's, and the
  // composition reads them all
  const [c, events] = await Promise.all([findCase(ctx.db, caseId), listDocumentEvents(ctx.db, caseId)]);
  if (!c) throw new AppError('PORTAL_SESSION_EXPIRED');
  const available = petitionerDocuments(events.filter((e) => e.is_public).map((e) => ({ type: e.type, on: localDate(new Date(e.at)) })));
  if (!available.some((d) => d.type === type)) throw new AppError('DOCUMENT_NOT_AVAILABLE', { type, state: c.state });
  const doc = await composeFromCase(ctx, c, type, undefined, events);
  await insertAudit(ctx.db, [{
    at: ctx.clock.now(), actorUserId: null, actorKind: 'petitioner', action: 'document.pdf', caseId: c.id,
    petitionerId: c.petitioner_id, ip, detail: { type, number: doc.number },
  }]);
  return doc;
}
