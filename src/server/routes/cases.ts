// Case registration, lists, work queues, the case page and its timeline.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { CASEWORK_ROLES, CHANNELS, KINDS, LEVELS_REACHED, LIMITS } from '../../shared/enums.ts';
import { STATES } from '../../domain/lifecycle.ts';
import { addCalendarDays, localDate } from '../../domain/calendar.ts';
import type { AppContext } from '../context.ts';
import { requireStaff, staffPrincipal } from '../http/auth.ts';
import { idempotencyKeyOf, runIdempotent } from '../http/idempotency.ts';
import { registerCase, type RegisterInput } from '../services/register-case.ts';
import { listCasesFor, QUEUES, type ListQuery } from '../services/list-cases.ts';
import { viewCase, viewCaseEvents } from '../services/view-case.ts';
import { suggestRouting } from '../services/suggest-routing.ts';
import { countQueues } from '../repositories/cases.ts';
import { CaseDetail, CaseSummary, EventView } from '../presenters/case-presenter.ts';

const Str = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Opt = <T extends Parameters<typeof Type.Optional>[0]>(t: T) => Type.Optional(Type.Union([t, Type.Null()]));

export const PersonInput = Type.Object({
  name: Str(LIMITS.nameMax),
  idNumber: Opt(Type.String({ maxLength: 18 })),
  mobile: Opt(Type.String({ maxLength: 11 })),
  address: Opt(Type.String({ maxLength: LIMITS.addressMax })),
  areaCode: Opt(Type.String({ maxLength: 12 })),
}, { additionalProperties: false });

export const RegisterBody = Type.Object({
  channel: Type.Enum([...CHANNELS]),
  receivedAt: Type.Optional(Type.String({ format: 'date-time' })),
  levelReached: Type.Optional(Type.Enum([...LEVELS_REACHED])),
  petitioner: PersonInput,
  coPetitioners: Type.Optional(Type.Array(PersonInput, { maxItems: 200 })),
  representatives: Type.Optional(Type.Array(PersonInput, { maxItems: 50 })),
  headcount: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.headcountMax })),
  kind: Type.Enum([...KINDS]),
  categoryId: Type.Integer({ minimum: 1 }),
  title: Str(LIMITS.titleMax),
  content: Str(LIMITS.contentMax),
  areaCode: Type.String({ maxLength: 12 }),
  matterAddress: Opt(Type.String({ maxLength: LIMITS.addressMax })),
  accusedOrgId: Opt(Type.Integer({ minimum: 1 })),
  accusedName: Opt(Type.String({ maxLength: LIMITS.nameMax * 2 })),
  agentName: Opt(Type.String({ maxLength: LIMITS.nameMax })),
  repeatOfCaseId: Opt(Type.Integer({ minimum: 1 })),
  note: Opt(Type.String({ maxLength: LIMITS.reasonMax })),
}, { additionalProperties: false });

export const RegisterResponse = Type.Object({
  caseId: Type.Integer(), caseNo: Type.String(), queryCode: Type.String(), state: Type.String(), isRepeat: Type.Boolean(),
  repeatOfCaseId: Type.Union([Type.Integer(), Type.Null()]), repeatOfCaseNo: Type.Union([Type.String(), Type.Null()]),
  repeatOfFinal: Type.Boolean(), addedToExisting: Type.Boolean(),
  acceptDueBy: Type.Union([Type.String(), Type.Null()]), declineReason: Type.Union([Type.String(), Type.Null()]),
});

const ListQuerySchema = Type.Object({
  queue: Type.Optional(Type.Enum([...QUEUES])),
  state: Type.Optional(Type.String({ pattern: `^(${STATES.join('|')})(,(${STATES.join('|')}))*$` })),
  kind: Type.Optional(Type.Enum([...KINDS])),
  categoryId: Type.Optional(Type.Integer({ minimum: 1 })),
  orgId: Type.Optional(Type.Integer({ minimum: 1 })),
  orgOnly: Type.Optional(Type.Boolean({ description: 'with orgId: the cases whose current body is that body alone, not the bodies below it' })),
  channel: Type.Optional(Type.Enum([...CHANNELS])),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  dueWithin: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  overdue: Type.Optional(Type.Boolean()),
  repeat: Type.Optional(Type.Boolean()),
  collective: Type.Optional(Type.Boolean()),
  repeatOfFinal: Type.Optional(Type.Boolean({ description: 'marked as a possible repeat of a matter final after re-review (Art 36) and not decided yet: not routed, accepted or declined' })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  sort: Type.Optional(Type.Enum(['received_desc', 'received_asc', 'due_asc'])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

export default async function caseRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.post('/cases', {
    schema: {
      tags: ['cases'], summary: '登记信访件 Register a submission', body: RegisterBody,
      headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 200 })) }),
      response: { 201: RegisterResponse },
    },
  }, async (req, reply) => {
    const principal = staffPrincipal(req, ['clerk', 'supervisor', 'handler']);
    const body = req.body as RegisterInput;
    const r = await runIdempotent(ctx, `case:${principal.actor.userId}`, idempotencyKeyOf(req), body, 201, (trx) => registerCase(ctx, trx, principal, body));
    return reply.status(r.status as 201).send(r.body);
  });

  app.get('/cases', {
    schema: {
      tags: ['cases'], summary: '信访事项列表 List cases', querystring: ListQuerySchema,
      response: { 200: Type.Object({ items: Type.Array(CaseSummary), nextCursor: Type.Union([Type.String(), Type.Null()]) }) },
    },
  }, async (req) => listCasesFor(ctx, requireStaff(req, CASEWORK_ROLES), req.query as ListQuery));

  app.get('/cases/queues', {
    schema: { tags: ['cases'], summary: '工作队列计数 Work-queue counts', response: { 200: Type.Record(Type.String(), Type.Integer()) } },
  }, async (req) => {
    const actor = requireStaff(req, CASEWORK_ROLES);
    const today = localDate(ctx.clock.now());
    return countQueues(ctx.reader, actor.scopePath, actor.orgId, today, addCalendarDays(today, 3));
  });

  app.get('/cases/:id', {
    schema: { tags: ['cases'], summary: '事项详情（个人信息脱敏） Case detail, personal data masked', params: IdParams, response: { 200: CaseDetail } },
  }, async (req) => viewCase(ctx, requireStaff(req, CASEWORK_ROLES), (req.params as { id: number }).id, false, req.ip));

  app.post('/cases/:id/reveal', {
    schema: { tags: ['cases'], summary: '查看完整个人信息（记录日志） Reveal personal data (logged)', params: IdParams, response: { 200: CaseDetail } },
  }, async (req) => viewCase(ctx, requireStaff(req, CASEWORK_ROLES), (req.params as { id: number }).id, true, req.ip));

  app.get('/cases/:id/routing-suggestions', {
    schema: {
      tags: ['cases'], summary: '分流建议：归口办理的单位 Routing suggestion: competent bodies', params: IdParams,
      response: { 200: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String(), level: Type.String() })) },
    },
  }, async (req) => suggestRouting(ctx, requireStaff(req, CASEWORK_ROLES), (req.params as { id: number }).id));

  app.get('/cases/:id/events', {
    schema: {
      tags: ['cases'], summary: '事项时间线 Case timeline', params: IdParams,
      response: { 200: Type.Object({ events: Type.Array(EventView), submissions: Type.Array(Type.Object({
        id: Type.Integer(), channel: Type.String(), receivedAt: Type.String(), headcount: Type.Integer(), isCollective: Type.Boolean(),
        isRepeat: Type.Boolean(), levelReached: Type.Union([Type.String(), Type.Null()]),
      })) }) },
    },
  }, async (req) => viewCaseEvents(ctx, requireStaff(req, CASEWORK_ROLES), (req.params as { id: number }).id));
}
