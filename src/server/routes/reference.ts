// Reference data: organisations, categories, users, time limits, the working-day calendar.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { LIMITS, ORG_KINDS, ORG_LEVELS, ROLES } from '../../shared/enums.ts';
import type { AppContext } from '../context.ts';
import { requireStaff } from '../http/auth.ts';
import { listOrgs, listOrgCategories } from '../repositories/organisations.ts';
import { listCategories } from '../repositories/categories.ts';
import { listUsers } from '../repositories/users.ts';
import { listCalendarDays } from '../repositories/settings.ts';
import { readRules } from '../services/load-rules.ts';
import { moveOrg } from '../services/move-org.ts';
import {
  changeCategory, changeOrg, changeUser, createCategory, createOrg, createUser, resetUserPassword, setCalendarYear, setTimeLimits,
} from '../services/manage-reference.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Org = Type.Object({
  id: Type.Integer(), parentId: Nullable(Type.Integer()), name: Type.String(), level: Type.String(), kind: Type.String(),
  areaCode: Type.String(), path: Type.String(), isActive: Type.Boolean(), categoryIds: Type.Array(Type.Integer()),
});
const Category = Type.Object({
  id: Type.Integer(), parentId: Nullable(Type.Integer()), code: Type.String(), nameZh: Type.String(), nameEn: Type.String(), sort: Type.Integer(), isActive: Type.Boolean(),
});
const User = Type.Object({
  id: Type.Integer(), orgId: Type.Integer(), orgName: Type.String(), username: Type.String(), displayName: Type.String(), role: Type.String(),
  isActive: Type.Boolean(), isLocked: Type.Boolean(),
  /** Still on a password an administrator set (reset or initial): to be changed at the next sign-in. */
  mustChangePassword: Type.Boolean(),
});
/** A password an administrator sets: the same rule (LIMITS) as the member's own, routes/auth.ts. */
const NewPassword = Type.String({ minLength: LIMITS.passwordMin, maxLength: LIMITS.passwordMax });
const Limit = Type.Object({ days: Type.Integer({ minimum: 1, maximum: 365 }), unit: Type.Enum(['calendar', 'working']) }, { additionalProperties: false });
const Profile = Type.Object({
  route: Limit, accept: Limit, objection: Limit, answer: Limit, extensionMaxDays: Type.Integer({ minimum: 0, maximum: 90 }),
  reviewRequest: Limit, reviewDecision: Limit, reReviewRequest: Limit, reReviewDecision: Limit, evaluation: Limit,
  supervisionDefaultDays: Type.Integer({ minimum: 1, maximum: 365 }),
}, { additionalProperties: false });
/** Types of what these routes send, for the console (type-only imports). */
export type UserView = Static<typeof User>;
export type TimeLimitProfileView = Static<typeof Profile>;
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
const Ok = Type.Object({ ok: Type.Boolean() });

export default async function referenceRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get('/orgs', { schema: { tags: ['reference'], summary: '单位树 Organisations', response: { 200: Type.Array(Org) } } }, async (req) => {
    requireStaff(req);
    const [orgs, oc] = await Promise.all([listOrgs(ctx.reader), listOrgCategories(ctx.reader)]);
    return orgs.map((o) => ({
      id: o.id, parentId: o.parent_id, name: o.name, level: o.level, kind: o.kind, areaCode: o.area_code, path: o.path, isActive: o.is_active,
      categoryIds: oc.filter((x) => x.org_id === o.id).map((x) => x.category_id),
    }));
  });

  app.post('/orgs', {
    schema: {
      tags: ['admin'], summary: '新增单位 Create organisation',
      body: Type.Object({
        parentId: Nullable(Type.Integer({ minimum: 1 })), name: Type.String({ minLength: 1, maxLength: 100 }), level: Type.Enum([...ORG_LEVELS]),
        kind: Type.Enum([...ORG_KINDS]), areaCode: Type.String({ maxLength: 12 }), categoryIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }))),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ id: Type.Integer() }) },
    },
  }, async (req, reply) => {
    const row = await createOrg(ctx, requireStaff(req, ['admin']), req.body as Parameters<typeof createOrg>[2]);
    return reply.status(201).send({ id: row.id });
  });

  app.patch('/orgs/:id', {
    schema: {
      tags: ['admin'], summary: '修改单位 Update organisation', params: IdParams,
      body: Type.Object({
        name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), areaCode: Type.Optional(Type.String({ maxLength: 12 })),
        level: Type.Optional(Type.Enum([...ORG_LEVELS])), kind: Type.Optional(Type.Enum([...ORG_KINDS])),
        isActive: Type.Optional(Type.Boolean()), categoryIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }))),
      }, { additionalProperties: false }),
      response: { 200: Ok },
    },
  }, async (req) => {
    await changeOrg(ctx, requireStaff(req, ['admin']), (req.params as { id: number }).id, req.body as object);
    return { ok: true };
  });

  app.post('/orgs/:id/move', {
    schema: {
      tags: ['admin'], summary: '调整隶属 Move a body, with the bodies below it, under another parent', params: IdParams,
      body: Type.Object({ parentId: Type.Integer({ minimum: 1, maximum: 2147483647 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ moved: Type.Boolean(), path: Type.String(), rows: Type.Record(Type.String(), Type.Integer()) }) },
    },
  }, async (req) => moveOrg(ctx, requireStaff(req, ['admin']), (req.params as { id: number }).id, (req.body as { parentId: number }).parentId));

  app.get('/categories', { schema: { tags: ['reference'], summary: '内容分类 Categories', response: { 200: Type.Array(Category) } } }, async (req) => {
    requireStaff(req);
    const rows = await listCategories(ctx.reader);
    return rows.map((c) => ({ id: c.id, parentId: c.parent_id, code: c.code, nameZh: c.name_zh, nameEn: c.name_en, sort: c.sort, isActive: c.is_active }));
  });

  app.post('/categories', {
    schema: {
      tags: ['admin'], summary: '新增分类 Create category',
      body: Type.Object({
        parentId: Nullable(Type.Integer({ minimum: 1 })), code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$' }),
        nameZh: Type.String({ minLength: 1, maxLength: 50 }), nameEn: Type.String({ minLength: 1, maxLength: 80 }), sort: Type.Optional(Type.Integer()),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ id: Type.Integer() }) },
    },
  }, async (req, reply) => {
    const row = await createCategory(ctx, requireStaff(req, ['admin']), req.body as Parameters<typeof createCategory>[2]);
    return reply.status(201).send({ id: row.id });
  });

  app.patch('/categories/:id', {
    schema: {
      tags: ['admin'], summary: '修改分类 Update category', params: IdParams,
      body: Type.Object({
        nameZh: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })), nameEn: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
        sort: Type.Optional(Type.Integer()), isActive: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false }),
      response: { 200: Ok },
    },
  }, async (req) => {
    await changeCategory(ctx, requireStaff(req, ['admin']), (req.params as { id: number }).id, req.body as object);
    return { ok: true };
  });

  app.get('/users', { schema: { tags: ['admin'], summary: '用户 Users', response: { 200: Type.Array(User) } } }, async (req) => {
    const actor = requireStaff(req, ['admin', 'leader', 'supervisor']);
    const now = ctx.clock.now();
    const rows = await listUsers(ctx.reader, actor.role === 'admin' ? undefined : actor.scopePath);
    return rows.map((u) => ({
      id: u.id, orgId: u.org_id, orgName: u.org_name, username: u.username, displayName: u.display_name, role: u.role, isActive: u.is_active,
      isLocked: !!u.locked_until && new Date(u.locked_until) > now, mustChangePassword: u.must_change_password,
    }));
  });

  app.post('/users', {
    schema: {
      tags: ['admin'], summary: '新增用户 Create user',
      body: Type.Object({
        orgId: Type.Integer({ minimum: 1 }), username: Type.String({ minLength: 2, maxLength: 64, pattern: '^[a-zA-Z0-9_.-]+$' }),
        displayName: Type.String({ minLength: 1, maxLength: 50 }), role: Type.Enum([...ROLES]), password: NewPassword,
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ id: Type.Integer() }) },
    },
  }, async (req, reply) => {
    const row = await createUser(ctx, requireStaff(req, ['admin']), req.body as Parameters<typeof createUser>[2]);
    return reply.status(201).send({ id: row.id });
  });

  app.patch('/users/:id', {
    schema: {
      tags: ['admin'], summary: '修改用户 Update user', params: IdParams,
      body: Type.Object({
        displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })), role: Type.Optional(Type.Enum([...ROLES])),
        orgId: Type.Optional(Type.Integer({ minimum: 1 })), isActive: Type.Optional(Type.Boolean()), password: Type.Optional(NewPassword),
      }, { additionalProperties: false }),
      response: { 200: Ok },
    },
  }, async (req) => {
    await changeUser(ctx, requireStaff(req, ['admin']), (req.params as { id: number }).id, req.body as object);
    return { ok: true };
  });

  app.post('/users/:id/reset-password', {
    schema: {
      tags: ['admin'], summary: '重置密码（临时密码仅显示一次） Reset a password (the temporary one is shown once)', params: IdParams,
      response: { 200: Type.Object({ temporaryPassword: Type.String() }) },
    },
  }, async (req) => resetUserPassword(ctx, requireStaff(req, ['admin']), (req.params as { id: number }).id));

  app.get('/settings/time-limits', { schema: { tags: ['reference'], summary: '时限配置 Time-limit profile', response: { 200: Profile } } }, async (req) => {
    requireStaff(req);
    return (await readRules(ctx.db)).profile;
  });

  app.put('/settings/time-limits', {
    schema: { tags: ['admin'], summary: '修改时限配置 Set time-limit profile', body: Type.Partial(Profile, { additionalProperties: false }), response: { 200: Profile } },
  }, async (req) => setTimeLimits(ctx, requireStaff(req, ['admin']), req.body as object));

  const CalendarDay = Type.Object({ day: Type.String({ format: 'date' }), kind: Type.Enum(['holiday', 'workday']), name: Type.Optional(Type.String({ maxLength: 50 })) }, { additionalProperties: false });
  app.get('/calendar/:year', {
    schema: { tags: ['reference'], summary: '工作日历 Working-day calendar', params: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }), response: { 200: Type.Array(CalendarDay) } },
  }, async (req) => {
    requireStaff(req);
    const y = (req.params as { year: number }).year;
    return (await listCalendarDays(ctx.reader, `${y}-01-01`, `${y}-12-31`)).map((d) => ({ day: d.day, kind: d.kind as 'holiday', name: d.name }));
  });

  app.put('/calendar/:year', {
    schema: {
      tags: ['admin'], summary: '设置节假日与调休 Set holidays and make-up working days',
      params: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }), body: Type.Array(CalendarDay, { maxItems: 366 }), response: { 200: Ok },
    },
  }, async (req) => {
    await setCalendarYear(ctx, requireStaff(req, ['admin']), (req.params as { year: number }).year, req.body as { day: string; kind: 'holiday' }[]);
    return { ok: true };
  });
}
