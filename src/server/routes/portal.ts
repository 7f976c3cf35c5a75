// The citizen portal (网上信访 · 查询评价): online petition, follow-up look-up by 查询码, rating,
// review requests, citizen suggestions (their staff side is routes/suggestions.ts). Public routes,
// rate-limited per IP and per number; after a look-up the citizen holds an HTTP-only cookie scoped
// to that case, so no personal data travels in URLs.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { KINDS, LIMITS, RATINGS, type Rating } from '../../shared/enums.ts';
import { AppError } from '../../shared/errors.ts';
import { LAST4_PATTERN } from '../../shared/validators.ts';
import type { AppContext } from '../context.ts';
import { idempotencyKeyOf, runIdempotent } from '../http/idempotency.ts';
import { PortalCaseView, PortalDocument } from '../presenters/portal-presenter.ts';
import { insertAudit } from '../repositories/audit.ts';
import { listCategories } from '../repositories/categories.ts';
import { findCaseAttachment, listPortalAreas } from '../repositories/portal.ts';
import { closePortalSession, findPortalSession, openPortalSession, PORTAL_COOKIE, resolvePortalSession } from '../services/open-portal-session.ts';
import { lookUpCase, normalizeQueryCode } from '../services/look-up-case.ts';
import { viewPortalCase } from '../services/view-portal-case.ts';
import { submitOnlinePetition, type OnlinePetitionInput } from '../services/submit-online-petition.ts';
import { rateAnswer } from '../services/rate-answer.ts';
import { requestReview } from '../services/request-review.ts';
import { uploadAttachment } from '../services/upload-attachment.ts';
import { SUGGESTION_TOPICS, submitSuggestion } from '../services/submit-suggestion.ts';
import { lookUpSuggestion } from '../services/look-up-suggestion.ts';
import { composePortalDocument } from '../services/compose-portal-document.ts';
import { sendDocumentPdf } from '../http/send-document-pdf.ts';
import { PETITIONER_DOCUMENT_TYPES, type PetitionerDocumentType } from '../../shared/documents.ts';

const Str = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Opt = <T extends Parameters<typeof Type.Optional>[0]>(t: T) => Type.Optional(Type.Union([t, Type.Null()]));
const Last4 = Type.String({ pattern: '^\\d{4}$' });
const QueryCode = Type.String({ minLength: 4, maxLength: 20 });
const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 200 })) });
const Ok = Type.Object({ ok: Type.Boolean() });

export const PetitionBody = Type.Object({
  kind: Type.Enum([...KINDS]),
  categoryId: Type.Integer({ minimum: 1 }),
  areaCode: Type.String({ maxLength: 12 }),
  matterAddress: Opt(Type.String({ maxLength: LIMITS.addressMax })),
  title: Str(LIMITS.titleMax),
  content: Str(LIMITS.contentMax),
  petitioner: Type.Object({
    name: Str(LIMITS.nameMax),
    idNumber: Type.String({ minLength: 15, maxLength: 18 }),
    mobile: Type.String({ minLength: 11, maxLength: 11 }),
    address: Opt(Type.String({ maxLength: LIMITS.addressMax })),
  }, { additionalProperties: false }),
  agentName: Opt(Type.String({ maxLength: LIMITS.nameMax })),
  accusedName: Opt(Type.String({ maxLength: LIMITS.nameMax * 2 })),
}, { additionalProperties: false });

export const PetitionReceipt = Type.Object({
  caseNo: Type.String(), queryCode: Type.String(), state: Type.String(),
  acceptDueBy: Type.Union([Type.String(), Type.Null()]), declineReason: Type.Union([Type.String(), Type.Null()]),
});

const SuggestionStatus = Type.Object({
  refCode: Type.String(), topic: Type.String(), title: Type.String(), status: Type.String(), reply: Type.Union([Type.String(), Type.Null()]),
  submittedOn: Type.String(), decidedAt: Type.Union([Type.String(), Type.Null()]),
});

export default async function portalRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const perMinute = (name: string, max: number, key: (req: FastifyRequest) => string | null) => {
    const check = app.createRateLimit({ max, timeWindow: 60_000, keyGenerator: (req) => `${name}:${key(req) ?? req.ip}` });
    return async (req: FastifyRequest) => {
      const r = await check(req);
      if (!r.isAllowed && r.isExceeded) throw new AppError('RATE_LIMITED', { retryAfterSeconds: r.ttlInSeconds });
    };
  };
  const body = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
  const lookupLimits = [
    perMinute('lookup-ip', ctx.config.portalLookupPerMinute, (req) => req.ip),
    perMinute('lookup-code', ctx.config.portalLookupPerMinute, (req) => {
      const code = body(req).queryCode ?? body(req).refCode;
      return typeof code === 'string' ? normalizeQueryCode(code) : null;
    }),
  ];
  const submitLimits = [
    perMinute('submit-ip', ctx.config.portalSubmitPerMinute, (req) => req.ip),
    perMinute('submit-mobile', ctx.config.portalSubmitPerMinute, (req) => {
      const b = body(req);
      const m = (b.petitioner as { mobile?: unknown } | undefined)?.mobile ?? b.mobile;
      return typeof m === 'string' ? m : null;
    }),
  ];

  const setSession = (reply: FastifyReply, token: string, maxAge: number) => {
    void reply.setCookie(PORTAL_COOKIE, token, { path: '/api/v1/portal', httpOnly: true, sameSite: 'strict', secure: ctx.config.secureCookies, maxAge });
  };
  const sessionCase = (req: FastifyRequest) => resolvePortalSession(ctx, ctx.db, req.cookies[PORTAL_COOKIE]);

  app.get('/portal/areas', {
    schema: { tags: ['portal'], summary: '事项所在地 Areas a matter can be in', security: [], response: { 200: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() })) } },
  }, async () => (await listPortalAreas(ctx.reader)).map((o) => ({
    // 9-digit township codes are given as the 12-digit statistical code
    code: o.area_code.length === 9 ? `${o.area_code}000` : o.area_code, name: o.name, level: o.level,
  })).filter((a) => /^\d{6}(\d{6})?$/.test(a.code)));

  app.get('/portal/categories', {
    schema: {
      tags: ['portal'], summary: '内容分类（可选项） Categories a citizen can choose', security: [],
      response: { 200: Type.Array(Type.Object({ id: Type.Integer(), parentId: Type.Union([Type.Integer(), Type.Null()]), code: Type.String(), nameZh: Type.String(), nameEn: Type.String(), isActive: Type.Boolean() })) },
    },
  }, async () => (await listCategories(ctx.reader)).filter((c) => c.is_active)
    .map((c) => ({ id: c.id, parentId: c.parent_id, code: c.code, nameZh: c.name_zh, nameEn: c.name_en, isActive: c.is_active })));

  app.get('/portal/suggestion-topics', {
    schema: { tags: ['portal'], summary: '人民建议征集主题 Suggestion topics', security: [], response: { 200: Type.Array(Type.Object({ key: Type.String(), zh: Type.String(), en: Type.String() })) } },
  }, async () => SUGGESTION_TOPICS.map((t) => ({ ...t })));

  app.post('/portal/petitions', {
    preHandler: submitLimits,
    schema: {
      tags: ['portal'], summary: '网上信访 Submit a petition online (Idempotency-Key required)', security: [], body: PetitionBody, headers: IdempotencyHeaders,
      response: { 201: PetitionReceipt },
    },
  }, async (req, reply) => {
    const key = idempotencyKeyOf(req);
    if (!key) throw new AppError('PORTAL_IDEMPOTENCY_KEY_REQUIRED');
    const input = req.body as OnlinePetitionInput;
    // one transaction: the registration and the new case's session, which lets the citizen add
    // attachments straight away (a replay opens a new session on the same case)
    const r = await runIdempotent(ctx, 'portal-petition', key, input, 201, async (trx) => {
      const receipt = await submitOnlinePetition(ctx, trx, req.ip, input);
      return { ...receipt };
    }, (trx, receipt) => openPortalSession(ctx, trx, receipt.caseId));
    setSession(reply, r.then.token, r.then.maxAgeSeconds);
    const { caseNo, queryCode, state, acceptDueBy, declineReason } = r.body;
    return reply.status(201).send({ caseNo, queryCode, state, acceptDueBy, declineReason });
  });

  app.post('/portal/lookup', {
    preHandler: lookupLimits,
    schema: {
      tags: ['portal'], summary: '查询码查询 Look up a matter by 查询码 and the last 4 of the mobile or ID number', security: [],
      body: Type.Object({
        queryCode: QueryCode,
        last4: Type.String({ pattern: LAST4_PATTERN, description: '手机号或身份证号后四位 Last 4 of the mobile or ID number (X allowed last)' }),
      }, { additionalProperties: false }), response: { 200: PortalCaseView },
    },
  }, async (req, reply) => {
    const input = req.body as { queryCode: string; last4: string };
    // no transaction: one read, and the audit entry written with those of concurrent look-ups
    const { view, session } = await lookUpCase(ctx, input, req.ip);
    setSession(reply, session.token, session.maxAgeSeconds);
    return view;
  });

  // what a page asks when it opens, before any look-up: an answer, not a 401, when none is open
  app.get('/portal/session', {
    schema: {
      tags: ['portal'], summary: '查询会话 The looked-up matter if a look-up is still open, else null', security: [],
      response: { 200: Type.Object({ view: Type.Union([PortalCaseView, Type.Null()]) }) },
    },
  }, async (req) => {
    const caseId = await findPortalSession(ctx, ctx.db, req.cookies[PORTAL_COOKIE]);
    return { view: caseId === null ? null : await viewPortalCase(ctx, ctx.db, caseId) };
  });

  app.get('/portal/case', {
    schema: { tags: ['portal'], summary: '我的事项（查询后） The looked-up matter', security: [], response: { 200: PortalCaseView } },
  }, async (req) => viewPortalCase(ctx, ctx.db, await sessionCase(req)));

  app.post('/portal/case/evaluate', {
    schema: {
      tags: ['portal'], summary: '满意度评价 Rate the answer (信访部门 and handling body separately)', security: [],
      body: Type.Object({ bureauRating: Type.Enum([...RATINGS]), bodyRating: Type.Enum([...RATINGS]), comment: Opt(Type.String({ maxLength: LIMITS.reasonMax })) }, { additionalProperties: false }),
      response: { 200: PortalCaseView },
    },
  }, async (req) => {
    const caseId = await sessionCase(req);
    const b = req.body as { bureauRating: Rating; bodyRating: Rating; comment?: string | null };
    return ctx.db.transaction().execute(async (trx) => {
      await rateAnswer(ctx, trx, caseId, b, req.ip);
      return viewPortalCase(ctx, trx, caseId);
    });
  });

  app.post('/portal/case/review-request', {
    schema: {
      tags: ['portal'], summary: '申请复查/复核 Ask for review or re-review', security: [],
      body: Type.Object({ reason: Str(LIMITS.textMax) }, { additionalProperties: false }), response: { 200: PortalCaseView },
    },
  }, async (req) => {
    const caseId = await sessionCase(req);
    return ctx.db.transaction().execute(async (trx) => {
      await requestReview(ctx, trx, caseId, { reason: (req.body as { reason: string }).reason }, req.ip);
      return viewPortalCase(ctx, trx, caseId);
    });
  });

  app.post('/portal/case/attachments', {
    schema: { tags: ['portal'], summary: '上传材料 Add a file to the matter (multipart: file)', security: [], consumes: ['multipart/form-data'], response: { 201: PortalDocument } },
  }, async (req, reply) => {
    const caseId = await sessionCase(req);
    const part = await req.file();
    if (!part) throw new AppError('VALIDATION_FAILED', { field: 'file', reason: 'required' });
    const data = await part.toBuffer();
    const row = await uploadAttachment(ctx, null, caseId, { filename: part.filename, mimetype: part.mimetype, data, isPublic: false }, req.ip);
    return reply.status(201).send({ id: row.id, filename: row.filename, mime: row.mime, size: row.size, mine: true });
  });

  app.get('/portal/case/documents/:id', {
    schema: { tags: ['portal'], summary: '下载文书 Download a document of the matter', security: [], params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }) },
  }, async (req, reply) => {
    const caseId = await sessionCase(req);
    const a = await findCaseAttachment(ctx.db, caseId, (req.params as { id: number }).id);
    // the petitioner's own files and the documents marked for them; nothing else
    if (!a || !(a.is_public || a.uploaded_by === null)) throw new AppError('NOT_FOUND');
    await insertAudit(ctx.db, [{ at: ctx.clock.now(), actorUserId: null, actorKind: 'petitioner', action: 'attachment.download', caseId, ip: req.ip, detail: { id: a.id } }]);
    const data = await ctx.storage.get(a.storage_key);
    return reply.header('content-type', a.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
      .header('x-content-type-options', 'nosniff').send(data);
  });

  app.get('/portal/case/official-documents/:type', {
    schema: {
      tags: ['portal'], summary: '下载告知书、意见书（PDF） Download a notice or opinion addressed to the petitioner', security: [],
      params: Type.Object({ type: Type.Enum([...PETITIONER_DOCUMENT_TYPES]) }),
      produces: ['application/pdf'],
      response: { 200: Type.String({ contentMediaType: 'application/pdf' }) },
    },
  }, async (req, reply) => {
    const caseId = await sessionCase(req);
    const type = (req.params as { type: PetitionerDocumentType }).type;
    return sendDocumentPdf(reply, await composePortalDocument(ctx, caseId, type, req.ip));
  });

  app.post('/portal/logout', {
    schema: { tags: ['portal'], summary: '结束查询 End the look-up session', security: [], response: { 200: Ok } },
  }, async (req, reply) => {
    await closePortalSession(ctx, ctx.db, req.cookies[PORTAL_COOKIE]);
    void reply.clearCookie(PORTAL_COOKIE, { path: '/api/v1/portal' });
    return { ok: true };
  });

  app.post('/portal/suggestions', {
    preHandler: submitLimits,
    schema: {
      tags: ['portal'], summary: '人民建议征集 Send a suggestion', security: [], headers: IdempotencyHeaders,
      body: Type.Object({
        topic: Str(50), title: Str(LIMITS.titleMax), content: Str(LIMITS.contentMax), name: Str(LIMITS.nameMax), mobile: Type.String({ minLength: 11, maxLength: 11 }),
        areaCode: Type.String({ maxLength: 12, description: 'the area the suggestion concerns (GET /portal/areas); it goes to that area\'s petition bureau' }),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ refCode: Type.String(), topic: Type.String(), status: Type.String() }) },
    },
  }, async (req, reply) => {
    const input = req.body as { topic: string; title: string; content: string; name: string; mobile: string; areaCode: string };
    const r = await runIdempotent(ctx, 'portal-suggestion', idempotencyKeyOf(req), input, 201, (trx) => submitSuggestion(ctx, trx, input, req.ip));
    return reply.status(201).send(r.body);
  });

  app.post('/portal/suggestions/lookup', {
    preHandler: lookupLimits,
    schema: {
      tags: ['portal'], summary: '建议办理结果 Check a suggestion', security: [],
      body: Type.Object({ refCode: QueryCode, mobileLast4: Last4 }, { additionalProperties: false }), response: { 200: SuggestionStatus },
    },
  }, async (req) => lookUpSuggestion(ctx, ctx.db, req.body as { refCode: string; mobileLast4: string }));
}
