// The dispute-screening register (矛盾纠纷排查): record, correct, resolve, convert to a case, 化解率.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { CHANNELS, KINDS, LEVELS_REACHED, LIMITS } from '../../shared/enums.ts';
import { DISPUTE_LIMITS, DISPUTE_PERIOD_PATTERN, DISPUTE_RESOLUTIONS, DISPUTE_STATUSES, DISPUTE_TYPES, RISK_LEVELS } from '../../shared/disputes.ts';
import type { AppContext } from '../context.ts';
import { requireStaff } from '../http/auth.ts';
import { idempotencyKeyOf, runIdempotent } from '../http/idempotency.ts';
import { DisputeRateRow, DisputeView } from '../presenters/dispute-presenter.ts';
import { recordDispute, type DisputeInput } from '../services/record-dispute.ts';
import { editDispute, type DisputePatch } from '../services/edit-dispute.ts';
import { updateDisputeResolution, type ResolutionInput } from '../services/update-dispute-resolution.ts';
import { convertDisputeToCase, type ConvertInput } from '../services/convert-dispute-to-case.ts';
import { disputeRates, listDisputesFor, viewDispute, viewDisputeOfCase, type DisputeListQuery, type RateQuery } from '../services/list-disputes.ts';
import { PersonInput, RegisterResponse } from './cases.ts';

const Opt = <T extends Parameters<typeof Type.Optional>[0]>(t: T) => Type.Optional(Type.Union([t, Type.Null()]));
const Period = Type.String({ pattern: DISPUTE_PERIOD_PATTERN, maxLength: 7 });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const IdParams = Type.Object({ id: Id });
const Version = Type.Integer({ minimum: 1 });
const IdemHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 200 })) });

const fields = {
  period: Period,
  foundOn: Opt(Type.String({ format: 'date' })),
  areaCode: Type.String({ maxLength: 12 }),
  location: Opt(Type.String({ maxLength: LIMITS.addressMax })),
  partiesCount: Type.Integer({ minimum: 1, maximum: DISPUTE_LIMITS.partiesMax }),
  summary: Text(DISPUTE_LIMITS.summaryMax),
  type: Type.Enum([...DISPUTE_TYPES]),
  riskLevel: Type.Enum([...RISK_LEVELS]),
  responsibleOrgId: Opt(Id),
  responsiblePerson: Text(DISPUTE_LIMITS.personMax),
};
const RecordBody = Type.Object({ orgId: Opt(Id), ...fields }, { additionalProperties: false });
const EditBody = Type.Object({
  version: Version,
  period: Type.Optional(fields.period), foundOn: fields.foundOn, areaCode: Type.Optional(fields.areaCode), location: fields.location,
  partiesCount: Type.Optional(fields.partiesCount), summary: Type.Optional(fields.summary), type: Type.Optional(fields.type),
  riskLevel: Type.Optional(fields.riskLevel), responsibleOrgId: fields.responsibleOrgId, responsiblePerson: Type.Optional(fields.responsiblePerson),
}, { additionalProperties: false });
const ResolutionBody = Type.Object({
  version: Version, resolution: Type.Enum([...DISPUTE_RESOLUTIONS]), note: Text(DISPUTE_LIMITS.noteMax), resolvedOn: Opt(Type.String({ format: 'date' })),
}, { additionalProperties: false });
const ConvertBody = Type.Object({
  version: Version,
  channel: Type.Enum([...CHANNELS]),
  levelReached: Type.Optional(Type.Enum([...LEVELS_REACHED])),
  petitioner: PersonInput,
  coPetitioners: Type.Optional(Type.Array(PersonInput, { maxItems: 200 })),
  representatives: Type.Optional(Type.Array(PersonInput, { maxItems: 50 })),
  headcount: Opt(Type.Integer({ minimum: 1, maximum: LIMITS.headcountMax })),
  kind: Type.Enum([...KINDS]),
  categoryId: Type.Integer({ minimum: 1 }),
  title: Opt(Type.String({ maxLength: LIMITS.titleMax })),
  content: Opt(Type.String({ maxLength: LIMITS.contentMax })),
  areaCode: Opt(Type.String({ maxLength: 12 })),
  matterAddress: Opt(Type.String({ maxLength: LIMITS.addressMax })),
  accusedOrgId: Opt(Type.Integer({ minimum: 1 })),
  accusedName: Opt(Type.String({ maxLength: LIMITS.nameMax * 2 })),
  note: Opt(Type.String({ maxLength: LIMITS.reasonMax })),
}, { additionalProperties: false });

const ListQuery = Type.Object({
  orgId: Type.Optional(Id),
  status: Type.Optional(Type.Enum([...DISPUTE_STATUSES])),
  riskLevel: Type.Optional(Type.Enum([...RISK_LEVELS])),
  type: Type.Optional(Type.Enum([...DISPUTE_TYPES])),
  periodFrom: Type.Optional(Period),
  periodTo: Type.Optional(Period),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
}, { additionalProperties: false });
const RateQuerySchema = Type.Object({
  orgId: Type.Optional(Id),
  periodFrom: Type.Optional(Period),
  periodTo: Type.Optional(Period),
  groupBy: Type.Optional(Type.Enum(['org', 'period', 'org_period'])),
}, { additionalProperties: false });

export default async function disputeRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get('/disputes', {
    schema: {
      tags: ['disputes'], summary: '矛盾纠纷排查台账 Dispute register', querystring: ListQuery,
      response: { 200: Type.Object({ items: Type.Array(DisputeView), total: Type.Integer() }) },
    },
  }, async (req) => listDisputesFor(ctx, requireStaff(req), req.query as DisputeListQuery));

  app.post('/disputes', {
    schema: { tags: ['disputes'], summary: '登记排查出的矛盾纠纷 Record a screened dispute', body: RecordBody, headers: IdemHeaders, response: { 201: DisputeView } },
  }, async (req, reply) => {
    const actor = requireStaff(req);
    const body = req.body as DisputeInput;
    const r = await runIdempotent(ctx, `dispute:${actor.userId}`, idempotencyKeyOf(req), body, 201, (trx) => recordDispute(ctx, trx, actor, body));
    return reply.status(201).send(r.body);
  });

  app.get('/disputes/rates', {
    schema: {
      tags: ['disputes'], summary: '化解率（按单位、期次） Resolution rate by body and period', querystring: RateQuerySchema,
      response: { 200: Type.Object({ rows: Type.Array(DisputeRateRow), total: DisputeRateRow }) },
    },
  }, async (req) => disputeRates(ctx, requireStaff(req), req.query as RateQuery));

  app.get('/disputes/by-case/:id', {
    schema: {
      tags: ['disputes'], summary: '事项来源的矛盾纠纷 The dispute a case came from', params: IdParams,
      response: { 200: Type.Object({ dispute: Type.Union([DisputeView, Type.Null()]) }) },
    },
  }, async (req) => ({ dispute: await viewDisputeOfCase(ctx, requireStaff(req), (req.params as { id: number }).id) }));

  app.get('/disputes/:id', {
    schema: { tags: ['disputes'], summary: '矛盾纠纷详情 Dispute detail', params: IdParams, response: { 200: DisputeView } },
  }, async (req) => viewDispute(ctx, requireStaff(req), (req.params as { id: number }).id));

  app.patch('/disputes/:id', {
    schema: { tags: ['disputes'], summary: '更正台账 Correct an entry', params: IdParams, body: EditBody, response: { 200: DisputeView } },
  }, async (req) => {
    const actor = requireStaff(req);
    return ctx.db.transaction().execute((trx) => editDispute(ctx, trx, actor, (req.params as { id: number }).id, req.body as DisputePatch));
  });

  app.post('/disputes/:id/resolution', {
    schema: { tags: ['disputes'], summary: '化解情况（化解 / 未化解） Record the resolution', params: IdParams, body: ResolutionBody, response: { 200: DisputeView } },
  }, async (req) => {
    const actor = requireStaff(req);
    return ctx.db.transaction().execute((trx) => updateDisputeResolution(ctx, trx, actor, (req.params as { id: number }).id, req.body as ResolutionInput));
  });

  app.post('/disputes/:id/convert', {
    schema: {
      tags: ['disputes'], summary: '转入信访（登记为信访事项） Convert to a case', params: IdParams, body: ConvertBody, headers: IdemHeaders,
      response: { 201: Type.Object({ dispute: DisputeView, case: RegisterResponse }) },
    },
  }, async (req, reply) => {
    const actor = requireStaff(req);
    const id = (req.params as { id: number }).id;
    const body = req.body as ConvertInput;
    const r = await runIdempotent(ctx, `dispute-convert:${actor.userId}:${id}`, idempotencyKeyOf(req), body, 201, (trx) => convertDisputeToCase(ctx, trx, actor, id, body, req.ip));
    return reply.status(201).send(r.body);
  });
}
