// Administration of reference data: organisations, users, categories, the time-limit profile and
// the working-day calendar. Only administrators change them; every change is audited.
import { AppError } from '../../shared/errors.ts';
import { isValidAreaCode } from '../../shared/validators.ts';
import { validateProfile, DEFAULT_PROFILE, type TimeLimitProfile } from '../../domain/deadlines.ts';
import { isValidLocalDate } from '../../domain/calendar.ts';
import type { Actor, AppContext } from '../context.ts';
import { findOrg, insertOrg, setOrgCategories, updateOrg } from '../repositories/organisations.ts';
import { findUserByUsername, insertUser, updateUser, findUser } from '../repositories/users.ts';
import { findCategory, insertCategory, updateCategory } from '../repositories/categories.ts';
import { putSetting, replaceCalendarYear } from '../repositories/settings.ts';
import { insertAudit } from '../repositories/audit.ts';
import { hashPassword } from './sign-in.ts';
import { forgetRules, PROFILE_KEY, readRules } from './load-rules.ts';

const audit = (ctx: AppContext, actor: Actor, action: string, detail: Record<string, unknown>) =>
  insertAudit(ctx.db, [{ at: ctx.clock.now(), actorUserId: actor.userId, actorKind: 'staff', action, detail }]);

export async function createOrg(ctx: AppContext, actor: Actor, o: { parentId: number | null; name: string; level: string; kind: string; areaCode: string; categoryIds?: number[] }) {
  if (!isValidAreaCode(o.areaCode)) throw new AppError('INVALID_AREA_CODE');
  if (o.parentId && !(await findOrg(ctx.db, o.parentId))) throw new AppError('UNKNOWN_ORG');
  const row = await ctx.db.transaction().execute(async (trx) => {
    const r = await insertOrg(trx, o);
    if (o.categoryIds) await setOrgCategories(trx, r.id, o.categoryIds);
    return r;
  });
  await audit(ctx, actor, 'admin.org.create', { id: row.id });
  return row;
}

export async function changeOrg(ctx: AppContext, actor: Actor, id: number, patch: { name?: string; areaCode?: string; isActive?: boolean; categoryIds?: number[] }) {
  if (!(await findOrg(ctx.db, id))) throw new AppError('UNKNOWN_ORG');
  if (patch.areaCode && !isValidAreaCode(patch.areaCode)) throw new AppError('INVALID_AREA_CODE');
  await ctx.db.transaction().execute(async (trx) => {
    await updateOrg(trx, id, patch);
    if (patch.categoryIds) {
      for (const c of patch.categoryIds) if (!(await findCategory(trx, c))) throw new AppError('UNKNOWN_CATEGORY');
      await setOrgCategories(trx, id, patch.categoryIds);
    }
  });
  await audit(ctx, actor, 'admin.org.update', { id, ...patch });
}

export async function createUser(ctx: AppContext, actor: Actor, u: { orgId: number; username: string; displayName: string; role: string; password: string }) {
  if (!(await findOrg(ctx.db, u.orgId))) throw new AppError('UNKNOWN_ORG');
  if (await findUserByUsername(ctx.db, u.username)) throw new AppError('VALIDATION_FAILED', { field: 'username', reason: 'taken' });
  const row = await insertUser(ctx.db, { ...u, passwordHash: await hashPassword(u.password) });
  await audit(ctx, actor, 'admin.user.create', { id: row.id, role: u.role });
  return row;
}

export async function changeUser(ctx: AppContext, actor: Actor, id: number, patch: { displayName?: string; role?: string; orgId?: number; isActive?: boolean; password?: string }) {
  if (!(await findUser(ctx.db, id))) throw new AppError('UNKNOWN_USER');
  if (patch.orgId && !(await findOrg(ctx.db, patch.orgId))) throw new AppError('UNKNOWN_ORG');
  const { password, ...rest } = patch;
  await updateUser(ctx.db, id, { ...rest, ...(password && { passwordHash: await hashPassword(password) }) });
  await audit(ctx, actor, 'admin.user.update', { id, ...rest, passwordChanged: !!password });
}

export async function createCategory(ctx: AppContext, actor: Actor, c: { parentId: number | null; code: string; nameZh: string; nameEn: string; sort?: number }) {
  if (c.parentId && !(await findCategory(ctx.db, c.parentId))) throw new AppError('UNKNOWN_CATEGORY');
  const exists = await ctx.db.selectFrom('categories').select('id').where('code', '=', c.code).executeTakeFirst();
  if (exists) throw new AppError('VALIDATION_FAILED', { field: 'code', reason: 'taken' });
  const row = await insertCategory(ctx.db, { ...c, sort: c.sort ?? 0 });
  await audit(ctx, actor, 'admin.category.create', { id: row.id });
  return row;
}

export async function changeCategory(ctx: AppContext, actor: Actor, id: number, patch: { nameZh?: string; nameEn?: string; sort?: number; isActive?: boolean }) {
  if (!(await findCategory(ctx.db, id))) throw new AppError('UNKNOWN_CATEGORY');
  await updateCategory(ctx.db, id, patch);
  await audit(ctx, actor, 'admin.category.update', { id, ...patch });
}

/** Sets the deployment's time limits; DOMAIN.md's defaults fill what is not given. */
export async function setTimeLimits(ctx: AppContext, actor: Actor, input: Partial<TimeLimitProfile>): Promise<TimeLimitProfile> {
  let profile: TimeLimitProfile;
  try {
    profile = validateProfile({ ...(await readRules(ctx.db)).profile, ...input });
  } catch (e) {
    throw new AppError('VALIDATION_FAILED', { reason: (e as Error).message });
  }
  await putSetting(ctx.db, PROFILE_KEY, profile, ctx.clock.now());
  forgetRules(ctx);
  await audit(ctx, actor, 'admin.time_limits.update', { profile });
  return profile;
}

export async function resetTimeLimits(ctx: AppContext, actor: Actor) {
  return setTimeLimits(ctx, actor, DEFAULT_PROFILE);
}

/** Replaces one year's holidays and make-up working days (调休). */
export async function setCalendarYear(ctx: AppContext, actor: Actor, year: number, days: { day: string; kind: 'holiday' | 'workday'; name?: string }[]) {
  for (const d of days) {
    if (!isValidLocalDate(d.day) || !d.day.startsWith(`${year}-`)) throw new AppError('INVALID_DATE', { day: d.day });
  }
  if (new Set(days.map((d) => d.day)).size !== days.length) throw new AppError('VALIDATION_FAILED', { reason: 'duplicate day' });
  await ctx.db.transaction().execute((trx) => replaceCalendarYear(trx, year, days.map((d) => ({ day: d.day, kind: d.kind, name: d.name ?? '' }))));
  forgetRules(ctx);
  await audit(ctx, actor, 'admin.calendar.update', { year, count: days.length });
}
