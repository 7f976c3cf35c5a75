// 人民建议征集, the staff side: the suggestions citizens sent on the portal (routes/portal.ts), a page at
// a time by status and topic, one suggestion (the citizen's name and mobile masked, each view
// audited), and the decision with the reply the citizen reads through the portal look-up, made once.
// Who may: policies/suggestion-policy.ts.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { LIMITS, SUGGESTION_STATUSES, type SuggestionStatus } from '../../shared/enums.ts';
import type { AppContext } from '../context.ts';
import { requireStaff } from '../http/auth.ts';
import { SUGGESTION_ROLES } from '../policies/suggestion-policy.ts';
import { SuggestionDetail, SuggestionFigures, SuggestionPage } from '../presenters/suggestion-presenter.ts';
import { PERIOD_KINDS, type PeriodKind } from '../../shared/figures.ts';
import { countSuggestionsFor } from '../services/count-suggestions.ts';
import { SUGGESTION_TOPICS } from '../services/submit-suggestion.ts';
import { listSuggestionsFor } from '../services/list-suggestions.ts';
import { viewSuggestion } from '../services/view-suggestion.ts';
import { decideSuggestion } from '../services/decide-suggestion.ts';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

export default async function suggestionRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get('/suggestions', {
    schema: {
      tags: ['suggestions'], summary: '人民建议列表（最新在前，分页） Citizen suggestions, newest first, paged',
      querystring: Type.Object({
        status: Type.Optional(Type.Enum([...SUGGESTION_STATUSES])),
        topic: Type.Optional(Type.Enum(SUGGESTION_TOPICS.map((t) => t.key))),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
        cursor: Type.Optional(Type.String({ maxLength: 200 })),
      }, { additionalProperties: false }),
      response: { 200: SuggestionPage },
    },
  }, async (req) => {
    return listSuggestionsFor(ctx, requireStaff(req, SUGGESTION_ROLES), req.query as { status?: SuggestionStatus; topic?: string; limit?: number; cursor?: string });
  });

  app.get('/suggestions/figures', {
    schema: {
      tags: ['suggestions'], summary: '人民建议征集情况（收到、采纳、采纳率） Citizen suggestion figures: sent, decided, adopted, adoption rate',
      querystring: Type.Object({
        period: Type.Enum([...PERIOD_KINDS]),
        from: Type.String({ format: 'date' }),
        to: Type.Optional(Type.String({ format: 'date', description: 'custom periods only' })),
      }, { additionalProperties: false }),
      response: { 200: SuggestionFigures },
    },
  }, async (req) => countSuggestionsFor(ctx, requireStaff(req, SUGGESTION_ROLES), req.query as { period: PeriodKind; from: string; to?: string }));

  app.get('/suggestions/:id', {
    schema: {
      tags: ['suggestions'], summary: '人民建议详情（建议人信息脱敏，查看记录日志） One suggestion, the citizen masked (view logged)',
      params: IdParams, response: { 200: SuggestionDetail },
    },
  }, async (req) => viewSuggestion(ctx, ctx.db, requireStaff(req, SUGGESTION_ROLES), (req.params as { id: number }).id, req.ip));

  app.post('/suggestions/:id/decision', {
    schema: {
      tags: ['suggestions'], summary: '建议采纳情况及答复（只能决定一次） Record whether a suggestion is adopted, with the reply (once)',
      params: IdParams,
      body: Type.Object({ adopted: Type.Boolean(), partly: Type.Optional(Type.Boolean({ description: 'adopted in part (部分采纳); only with adopted' })), reply: Type.String({ minLength: 1, maxLength: LIMITS.reasonMax, pattern: '\\S' }) }, { additionalProperties: false }),
      response: { 200: SuggestionDetail },
    },
  }, async (req) => {
    const actor = requireStaff(req, SUGGESTION_ROLES);
    const id = (req.params as { id: number }).id;
    const body = req.body as { adopted: boolean; partly?: boolean; reply: string };
    return ctx.db.transaction().execute((trx) => decideSuggestion(ctx, trx, actor, id, body, req.ip));
  });
}
