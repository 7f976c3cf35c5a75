// Administration of reference data: organisations, users, categories, the time-limit profile and
// the working-day calendar. Only administrators change them; every change is audited.
import { AppError } from '../../shared/errors.ts';
import { isValidAreaCode } from '../../shared/validators.ts';
import { validateProfile, DEFAULT_PROFILE, type TimeLimitProfile } from '../../domain/deadlines.ts';
import { isValidLocalDate } from '../../domain/calendar.ts';
import type { Actor, AppContext } from '../context.ts';
import { randomInt } from 'node:crypto';
import { ORG_LEVELS } from '../../shared/enums.ts';
import type { Executor } from '../db/database.ts';
import { findOrg, insertOrg, listChildOrgs, setOrgCategories, updateOrg } from '../repositories/organisations.ts';
import { deleteUserSessions, findUserByUsername, insertUser, updateUser, findUser } from '../repositories/users.ts';
import { findCategory, insertCategory, updateCategory } from '../repositories/categories.ts';
import { putSetting, replaceCalendarYear } from '../repositories/settings.ts';
import { insertAudit } from '../repositories/audit.ts';
import { hashPassword } from './sign-in.ts';
import { forgetRules, PROFILE_KEY, readRules } from './load-rules.ts';
import { forgetReferenceData } from './reference-cache.ts';
import { forgetSessions } from '../http/auth.ts';

const audit = (ctx: AppContext, actor: Actor, action: string, detail: Record<string, unknown>) =>
  insertAudit(ctx.db, [{ at: ctx.clock.now(), actorUserId: actor.userId, actorKind: 'staff', action, detail }]);

const levelRank = (level: string) => ORG_LEVELS.indexOf(level as (typeof ORG_LEVELS)[number]);

/** A body sits at its parent's level or below it, and at or above its children's (a department of a county is a county body). */
export async function assertLevelFits(db: Executor, level: string, parentId: number | null, orgId?: number) {
  const parent = parentId ? await findOrg(db, parentId) : undefined;
  if (parentId && !parent) throw new AppError('UNKNOWN_ORG');
  if (parent && levelRank(level) < levelRank(parent.level)) throw new AppError('ADMIN_ORG_LEVEL', { parentLevel: parent.level });
  if (orgId) {
    const higher = (await listChildOrgs(db, orgId)).find((c) => levelRank(c.level) < levelRank(level));
    if (higher) throw new AppError('ADMIN_ORG_LEVEL', { childLevel: higher.level });
  }
}

async function assertCategoriesExist(db: Executor, ids: number[] | undefined) {
  for (const c of new Set(ids ?? [])) if (!(await findCategory(db, c))) throw new AppError('UNKNOWN_CATEGORY', { id: c });
}

export async function createOrg(ctx: AppContext, actor: Actor, o: { parentId: number | null; name: string; level: string; kind: string; areaCode: string; categoryIds?: number[] }) {
  if (!isValidAreaCode(o.areaCode)) throw new AppError('INVALID_AREA_CODE');
  await assertLevelFits(ctx.db, o.level, o.parentId);
  await assertCategoriesExist(ctx.db, o.categoryIds);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const r = await insertOrg(trx, o);
    if (o.categoryIds) await setOrgCategories(trx, r.id, [...new Set(o.categoryIds)]);
    return r;
  });
  forgetReferenceData(ctx);
  await audit(ctx, actor, 'admin.org.create', { id: row.id });
  return row;
}

/** Changes a body's name, level, kind, area code, competent categories (归口) or disables it. */
export async function changeOrg(ctx: AppContext, actor: Actor, id: number, patch: { name?: string; level?: string; kind?: string; areaCode?: string; isActive?: boolean; categoryIds?: number[] }) {
  const org = await findOrg(ctx.db, id);
  if (!org) throw new AppError('UNKNOWN_ORG');
  if (patch.areaCode && !isValidAreaCode(patch.areaCode)) throw new AppError('INVALID_AREA_CODE');
  if (patch.level && patch.level !== org.level) await assertLevelFits(ctx.db, patch.level, org.parent_id, id);
  await assertCategoriesExist(ctx.db, patch.categoryIds);
  await ctx.db.transaction().execute(async (trx) => {
    // an empty change (or one of the categories only) updates no column: an empty SET is not SQL
    if (Object.keys(patch).some((k) => k !== 'categoryIds')) await updateOrg(trx, id, patch);
    if (patch.categoryIds) await setOrgCategories(trx, id, [...new Set(patch.categoryIds)]);
  });
  forgetReferenceData(ctx);
  forgetSessions(ctx);
  await audit(ctx, actor, 'admin.org.update', { id, ...patch });
}

/** Adds a staff member; the initial password is the administrator's, so the member must change it at the first sign-in. */
export async function createUser(ctx: AppContext, actor: Actor, u: { orgId: number; username: string; displayName: string; role: string; password: string }) {
  if (!(await findOrg(ctx.db, u.orgId))) throw new AppError('UNKNOWN_ORG');
  if (await findUserByUsername(ctx.db, u.username)) throw new AppError('VALIDATION_FAILED', { field: 'username', reason: 'taken' });
  const row = await insertUser(ctx.db, { ...u, passwordHash: await hashPassword(u.password), mustChangePassword: true });
  await audit(ctx, actor, 'admin.user.create', { id: row.id, role: u.role });
  return row;
}

/** Edits a staff member. A password set here for someone else is a reset: it ends their sessions and
 * they must change it at the next sign-in, as after resetUserPassword. */
export async function changeUser(ctx: AppContext, actor: Actor, id: number, patch: { displayName?: string; role?: string; orgId?: number; isActive?: boolean; password?: string }) {
  if (!(await findUser(ctx.db, id))) throw new AppError('UNKNOWN_USER');
  // an administrator cannot lock themselves out of administration
  if (id === actor.userId && (patch.isActive === false || (patch.role !== undefined && patch.role !== 'admin'))) throw new AppError('ADMIN_SELF_CHANGE');
  if (patch.orgId && !(await findOrg(ctx.db, patch.orgId))) throw new AppError('UNKNOWN_ORG');
  const { password, ...rest } = patch;
  const isReset = !!password && id !== actor.userId;
  const passwordChange = password ? { passwordHash: await hashPassword(password), ...(isReset && { mustChangePassword: true }) } : {};
  if (Object.keys(rest).length || password) {
    await ctx.db.transaction().execute(async (trx) => {
      await updateUser(trx, id, { ...rest, ...passwordChange });
      if (isReset) await deleteUserSessions(trx, id);
    });
  }
  forgetSessions(ctx);
  await audit(ctx, actor, 'admin.user.update', { id, ...rest, passwordChanged: !!password });
}

const TEMP_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** Sets a new temporary password, unlocks the account and ends its sessions; the password is shown once
 * and the user must replace it with their own at the next sign-in. */
export async function resetUserPassword(ctx: AppContext, actor: Actor, id: number): Promise<{ temporaryPassword: string }> {
  if (!(await findUser(ctx.db, id))) throw new AppError('UNKNOWN_USER');
  let pw = '';
  for (let i = 0; i < 10; i++) pw += TEMP_ALPHABET[randomInt(TEMP_ALPHABET.length)];
  const temporaryPassword = `Xf-${pw}`;
  const passwordHash = await hashPassword(temporaryPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, id, { passwordHash, mustChangePassword: true });
    await deleteUserSessions(trx, id);
  });
  forgetSessions(ctx);
  await audit(ctx, actor, 'admin.user.reset_password', { id });
  return { temporaryPassword };
}

export async function createCategory(ctx: AppContext, actor: Actor, c: { parentId: number | null; code: string; nameZh: string; nameEn: string; sort?: number }) {
  if (c.parentId && !(await findCategory(ctx.db, c.parentId))) throw new AppError('UNKNOWN_CATEGORY');
  const exists = await ctx.db.selectFrom('categories').select('id').where('code', '=', c.code).executeTakeFirst();
  if (exists) throw new AppError('VALIDATION_FAILED', { field: 'code', reason: 'taken' });
  const row = await insertCategory(ctx.db, { ...c, sort: c.sort ?? 0 });
  forgetReferenceData(ctx);
  await audit(ctx, actor, 'admin.category.create', { id: row.id });
  return row;
}

export async function changeCategory(ctx: AppContext, actor: Actor, id: number, patch: { nameZh?: string; nameEn?: string; sort?: number; isActive?: boolean }) {
  if (!(await findCategory(ctx.db, id))) throw new AppError('UNKNOWN_CATEGORY');
  if (Object.keys(patch).length) await updateCategory(ctx.db, id, patch);
  forgetReferenceData(ctx);
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
