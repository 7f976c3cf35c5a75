// Reception days (领导接待日): the calendar, scheduling, editing and cancelling a day, recording the visits received on it.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { LIMITS, RECEPTION_KINDS, RECEPTION_TIME_PATTERN } from '../../shared/enums.ts';
import type { AppContext } from '../context.ts';
import { requireStaff, staffPrincipal } from '../http/auth.ts';
import { idempotencyKeyOf, runIdempotent } from '../http/idempotency.ts';
import { ReceptionDayView } from '../presenters/reception-presenter.ts';
import { scheduleReceptionDay, type ScheduleInput } from '../services/schedule-reception-day.ts';
import { editReceptionDay, type EditReceptionDayInput } from '../services/edit-reception-day.ts';
import { cancelReceptionDay, type CancelReceptionDayInput } from '../services/cancel-reception-day.ts';
import { listReceptionDays, viewReceptionDay } from '../services/list-reception-days.ts';
import { recordReceptionVisit, type RecordVisitInput } from '../services/record-reception-visit.ts';
import { listReceptionOptions } from '../services/list-reception-options.ts';
import { RECEPTION_SCHEDULERS, RECEPTION_RECORDERS } from '../policies/reception-policy.ts';
import { RegisterBody } from './cases.ts';

const Time = Type.String({ pattern: RECEPTION_TIME_PATTERN });
const Day = Type.String({ format: 'date' });
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const IdParams = Type.Object({ id: Id });
const IdemHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 200 })) });

const Place = Type.String({ minLength: 1, maxLength: LIMITS.addressMax });
const Topic = Type.Union([Type.String({ maxLength: LIMITS.titleMax }), Type.Null()]);
const Version = Type.Integer({ minimum: 1, maximum: 2147483647 });
const CaseIds = Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true, description: '约访: the matters whose petitioners the leader invites (an appointment day only)' }));

const ScheduleBody = Type.Object({
  leaderUserId: Type.Optional(Id),
  orgId: Type.Optional(Id),
  day: Day,
  startsAt: Time,
  endsAt: Time,
  place: Place,
  topic: Type.Optional(Topic),
  kind: Type.Optional(Type.Enum([...RECEPTION_KINDS])),
  caseIds: CaseIds,
}, { additionalProperties: false });

/** An edit names the fields it changes (as scheduling takes them) and the version it was made on. */
const EditBody = Type.Object({
  version: Version,
  leaderUserId: Type.Optional(Id),
  orgId: Type.Optional(Id),
  day: Type.Optional(Day),
  startsAt: Type.Optional(Time),
  endsAt: Type.Optional(Time),
  place: Type.Optional(Place),
  topic: Type.Optional(Topic),
  kind: Type.Optional(Type.Enum([...RECEPTION_KINDS])),
  caseIds: CaseIds,
}, { additionalProperties: false });

const CancelBody = Type.Object({
  version: Version,
  reason: Type.String({ maxLength: LIMITS.reasonMax }),
}, { additionalProperties: false });

const VisitBody = Type.Object({
  caseId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  registration: Type.Optional(Type.Omit(RegisterBody, ['channel', 'receivedAt'], { additionalProperties: false })),
  note: Type.Optional(Type.Union([Type.String({ maxLength: LIMITS.reasonMax }), Type.Null()])),
}, { additionalProperties: false });

export const VisitResult = Type.Object({
  id: Type.Integer(), receptionDayId: Type.Integer(), caseId: Type.Integer(), caseNo: Type.String(),
  queryCode: Type.Union([Type.String(), Type.Null()]), submissionId: Type.Union([Type.Integer(), Type.Null()]), headcount: Type.Integer(),
});

export const Options = Type.Object({
  canSchedule: Type.Boolean(),
  leaders: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), orgId: Type.Integer(), orgName: Type.String() })),
  bodies: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), level: Type.String() })),
});

export default async function receptionRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get('/reception-days', {
    schema: {
      tags: ['reception'], summary: '领导接待日日历 Reception-day calendar',
      querystring: Type.Object({ from: Day, to: Day, leaderUserId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })) }, { additionalProperties: false }),
      response: { 200: Type.Array(ReceptionDayView) },
    },
  }, async (req) => listReceptionDays(ctx, requireStaff(req), req.query as { from: string; to: string; leaderUserId?: number }));

  app.get('/reception-days/options', {
    schema: { tags: ['reception'], summary: '可安排的接待领导和单位 Leaders and bodies one may schedule', response: { 200: Options } },
  }, async (req) => listReceptionOptions(ctx, requireStaff(req)));

  app.get('/reception-days/:id', {
    schema: { tags: ['reception'], summary: '接待日详情 Reception day', params: IdParams, response: { 200: ReceptionDayView } },
  }, async (req) => viewReceptionDay(ctx.reader, requireStaff(req), (req.params as { id: number }).id, ctx.clock.now()));

  app.post('/reception-days', {
    schema: {
      tags: ['reception'], summary: '安排领导接待日 Schedule a reception day', body: ScheduleBody, headers: IdemHeaders,
      response: { 201: ReceptionDayView },
    },
  }, async (req, reply) => {
    const actor = requireStaff(req, RECEPTION_SCHEDULERS);
    const body = req.body as ScheduleInput;
    const r = await runIdempotent(ctx, `reception-day:${actor.userId}`, idempotencyKeyOf(req), body, 201, async (trx) => {
      const id = await scheduleReceptionDay(ctx, trx, actor, body);
      return viewReceptionDay(trx, actor, id, ctx.clock.now());
    });
    return reply.status(r.status as 201).send(r.body);
  });

  app.patch('/reception-days/:id', {
    schema: {
      tags: ['reception'], summary: '修改接待日（尚未开始、未登记接访） Edit a reception day not yet begun and with no visit',
      params: IdParams, body: EditBody, response: { 200: ReceptionDayView },
    },
  }, async (req) => {
    const actor = requireStaff(req, RECEPTION_SCHEDULERS);
    const id = (req.params as { id: number }).id;
    return ctx.db.transaction().execute(async (trx) => {
      await editReceptionDay(ctx, trx, actor, id, req.body as EditReceptionDayInput);
      return viewReceptionDay(trx, actor, id, ctx.clock.now());
    });
  });

  app.post('/reception-days/:id/cancel', {
    schema: {
      tags: ['reception'], summary: '取消接访（须说明原因） Cancel a reception day, with the reason',
      params: IdParams, body: CancelBody, headers: IdemHeaders, response: { 200: ReceptionDayView },
    },
  }, async (req, reply) => {
    const actor = requireStaff(req, RECEPTION_SCHEDULERS);
    const id = (req.params as { id: number }).id;
    const body = req.body as CancelReceptionDayInput;
    const r = await runIdempotent(ctx, `reception-cancel:${actor.userId}:${id}`, idempotencyKeyOf(req), body, 200, async (trx) => {
      await cancelReceptionDay(ctx, trx, actor, id, body);
      return viewReceptionDay(trx, actor, id, ctx.clock.now());
    });
    return reply.status(r.status as 200).send(r.body);
  });

  app.post('/reception-days/:id/visits', {
    schema: {
      tags: ['reception'], summary: '登记接待日接访（关联或新登记事项） Record a visit received (link or register a case)',
      params: IdParams, body: VisitBody, headers: IdemHeaders, response: { 201: VisitResult },
    },
  }, async (req, reply) => {
    const principal = staffPrincipal(req, RECEPTION_RECORDERS);
    const dayId = (req.params as { id: number }).id;
    const body = req.body as RecordVisitInput;
    const r = await runIdempotent(ctx, `reception-visit:${principal.actor.userId}:${dayId}`, idempotencyKeyOf(req), body, 201,
      (trx) => recordReceptionVisit(ctx, trx, principal, dayId, body));
    return reply.status(r.status as 201).send(r.body);
  });
}
