// Sends a composed document as an A4 PDF download (the console's and the portal's document routes).
import type { FastifyReply } from 'fastify';
import { DOCUMENT_TITLES } from '../../shared/documents.ts';
import type { ComposedDocument } from '../services/compose-document.ts';
import { renderDocumentPdf } from '../services/render-document-pdf.ts';

export async function sendDocumentPdf(reply: FastifyReply, doc: ComposedDocument): Promise<FastifyReply> {
  const { pdf, pages } = await renderDocumentPdf(doc);
  const filename = `${DOCUMENT_TITLES[doc.type][0]}-${doc.caseNo}.pdf`;
  return reply.header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${doc.type}-${doc.caseNo}.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('x-page-count', String(pages)).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').send(pdf);
}
