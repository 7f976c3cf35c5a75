// Stores an attachment outside the database after checking its type (by content, not by name) and size.
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import { ATTACHMENT_TYPES, LIMITS } from '../../shared/enums.ts';
import type { Actor, AppContext } from '../context.ts';
import { findCase } from '../repositories/cases.ts';
import { countAttachments, insertAttachment } from '../repositories/case-records.ts';
import { insertAudit } from '../repositories/audit.ts';
import { assertCanViewCase, isAccusedViewer } from '../policies/case-policy.ts';

/** Recognises the file by its first bytes; a declared type that does not match is refused. */
export function sniffMime(data: Buffer, declared: string): string | null {
  const head = data.subarray(0, 12);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (head[0] === 0x50 && head[1] === 0x4b && declared === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return declared;
  if (declared === 'text/plain' && !data.includes(0)) return 'text/plain';
  return null;
}

export async function uploadAttachment(ctx: AppContext, actor: Actor | null, caseId: number, file: { filename: string; mimetype: string; data: Buffer; isPublic: boolean }, ip?: string) {
  const c = await findCase(ctx.db, caseId);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  if (actor) {
    assertCanViewCase(actor, c);
    if (isAccusedViewer(actor, c)) throw new AppError('FORBIDDEN');
  }
  if (file.data.length > LIMITS.attachmentMaxBytes) throw new AppError('FILE_TOO_LARGE');
  if (file.data.length === 0) throw new AppError('VALIDATION_FAILED', { reason: 'empty file' });
  const mime = sniffMime(file.data, file.mimetype);
  if (!mime || !ATTACHMENT_TYPES[mime]) throw new AppError('FILE_TYPE_NOT_ALLOWED');
  if ((await countAttachments(ctx.db, caseId)) >= LIMITS.attachmentsPerCase) throw new AppError('TOO_MANY_ATTACHMENTS');
  const key = await ctx.storage.put(file.data);
  try {
    const row = await insertAttachment(ctx.db, {
      caseId, eventId: null, filename: file.filename.slice(0, 200), mime, size: file.data.length,
      sha256: createHash('sha256').update(file.data).digest('hex'), storageKey: key, isPublic: file.isPublic, uploadedBy: actor?.userId ?? null, at: ctx.clock.now(),
    });
    await insertAudit(ctx.db, [{ at: ctx.clock.now(), actorUserId: actor?.userId ?? null, actorKind: actor ? 'staff' : 'petitioner', action: 'attachment.upload', caseId, ip, detail: { id: row.id, mime, size: row.size } }]);
    return row;
  } catch (e) {
    await ctx.storage.remove(key);
    throw e;
  }
}
