// Attachments: upload (multipart) to a case, list, download (logged).
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../shared/errors.ts';
import type { AppContext } from '../context.ts';
import { requireStaff } from '../http/auth.ts';
import { CASEWORK_ROLES } from '../../shared/enums.ts';
import { uploadAttachment } from '../services/upload-attachment.ts';
import { findCase } from '../repositories/cases.ts';
import { findAttachment, listAttachments } from '../repositories/case-records.ts';
import { insertAudit } from '../repositories/audit.ts';
import { assertCanViewCase, isAccusedViewer } from '../policies/case-policy.ts';

export const AttachmentView = Type.Object({
  id: Type.Integer(), filename: Type.String(), mime: Type.String(), size: Type.Integer(), isPublic: Type.Boolean(), createdAt: Type.String(),
});
export const presentAttachment = (a: { id: number; filename: string; mime: string; size: number; is_public: boolean; created_at: Date }) => ({
  id: a.id, filename: a.filename, mime: a.mime, size: a.size, isPublic: a.is_public, createdAt: new Date(a.created_at).toISOString(),
});
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

export default async function attachmentRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.post('/cases/:id/attachments', {
    schema: { tags: ['attachments'], summary: '上传附件 Upload attachment (multipart: file, isPublic)', params: IdParams, consumes: ['multipart/form-data'], response: { 201: AttachmentView } },
  }, async (req, reply) => {
    const actor = requireStaff(req, CASEWORK_ROLES);
    const part = await req.file();
    if (!part) throw new AppError('VALIDATION_FAILED', { field: 'file', reason: 'required' });
    const data = await part.toBuffer();
    const isPublicField = part.fields.isPublic as { value?: string } | undefined;
    const row = await uploadAttachment(ctx, actor, (req.params as { id: number }).id, { filename: part.filename, mimetype: part.mimetype, data, isPublic: isPublicField?.value === 'true' }, req.ip);
    return reply.status(201).send(presentAttachment(row));
  });

  app.get('/cases/:id/attachments', { schema: { tags: ['attachments'], summary: '附件列表 Attachments', params: IdParams, response: { 200: Type.Array(AttachmentView) } } }, async (req) => {
    const actor = requireStaff(req, CASEWORK_ROLES);
    const c = await findCase(ctx.db, (req.params as { id: number }).id);
    if (!c) throw new AppError('CASE_NOT_FOUND');
    assertCanViewCase(actor, c);
    if (isAccusedViewer(actor, c)) return [];
    return (await listAttachments(ctx.db, c.id)).map(presentAttachment);
  });

  app.get('/attachments/:id', { schema: { tags: ['attachments'], summary: '下载附件（记录日志） Download attachment (logged)', params: IdParams } }, async (req, reply) => {
    const actor = requireStaff(req, CASEWORK_ROLES);
    const a = await findAttachment(ctx.db, (req.params as { id: number }).id);
    if (!a || !a.case_id) throw new AppError('NOT_FOUND');
    const c = await findCase(ctx.db, a.case_id);
    if (!c) throw new AppError('NOT_FOUND');
    assertCanViewCase(actor, c);
    if (isAccusedViewer(actor, c)) throw new AppError('FORBIDDEN');
    await insertAudit(ctx.db, [{ at: ctx.clock.now(), actorUserId: actor.userId, actorKind: 'staff', action: 'attachment.download', caseId: c.id, ip: req.ip, detail: { id: a.id } }]);
    const data = await ctx.storage.get(a.storage_key);
    return reply.header('content-type', a.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`).header('x-content-type-options', 'nosniff').send(data);
  });
}
