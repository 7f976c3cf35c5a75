// Printable documents of a case (文书): JSON for the console's print page, and the same document as PDF.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { DOCUMENT_TYPES, type DocumentType } from '../../shared/documents.ts';
import type { AppContext } from '../context.ts';
import { requireStaff } from '../http/auth.ts';
import { CASEWORK_ROLES } from '../../shared/enums.ts';
import { composeCaseDocument } from '../services/compose-document.ts';
import { sendDocumentPdf } from '../http/send-document-pdf.ts';
import { DocumentView } from '../presenters/document-presenter.ts';

const Params = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }), type: Type.Enum([...DOCUMENT_TYPES]) });
const Query = Type.Object({ noticeId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })) }, { additionalProperties: false });

export default async function documentRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get('/cases/:id/documents/:type', {
    schema: {
      tags: ['documents'], summary: '事项文书（告知书、意见书、督办单） A case document', params: Params, querystring: Query,
      response: { 200: DocumentView },
    },
  }, async (req) => {
    const { id, type } = req.params as { id: number; type: DocumentType };
    return composeCaseDocument(ctx, requireStaff(req, CASEWORK_ROLES), id, type, { noticeId: (req.query as { noticeId?: number }).noticeId, ip: req.ip, format: 'json' });
  });

  app.get('/cases/:id/documents/:type/pdf', {
    schema: {
      tags: ['documents'], summary: '事项文书 PDF（A4） A case document as PDF', params: Params, querystring: Query,
      produces: ['application/pdf'],
      response: { 200: Type.String({ contentMediaType: 'application/pdf', description: 'A4 PDF; header x-page-count gives its pages' }) },
    },
  }, async (req, reply) => {
    const { id, type } = req.params as { id: number; type: DocumentType };
    return sendDocumentPdf(reply, await composeCaseDocument(ctx, requireStaff(req, CASEWORK_ROLES), id, type, { noticeId: (req.query as { noticeId?: number }).noticeId, ip: req.ip, format: 'pdf' }));
  });
}
