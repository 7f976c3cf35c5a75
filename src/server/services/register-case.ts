// Registers a submission (登记): matches the petitioner, detects a repeat, sets the first clock.
// Registration declines nothing: a likely repeat of a matter final after re-review is marked for a
// person to look at and, if it raises the same facts and reasons, decline (Art 36).
import { randomInt } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import { LIMITS, type Channel, type Kind, type LevelReached } from '../../shared/enums.ts';
import { isValidAreaCode, isValidIdCardNumber, isValidMobile, normalizeIdCardNumber } from '../../shared/validators.ts';
import { localDate } from '../../domain/calendar.ts';
import { initialDues, runningDue, type CaseState, OPEN_STATES } from '../../domain/lifecycle.ts';
import type { AppContext, Principal } from '../context.ts';
import type { Tx } from '../db/database.ts';
import type { CaseRow, OrgRow } from '../db/schema.ts';
import { findOrg, listActiveBureaus } from '../repositories/organisations.ts';
import { matchOrInsertPetitioner } from '../repositories/petitioners.ts';
import {
  duesToColumns, findCase, findCaseForUpdate, findLatestCaseOf, insertEventsAndAudit, insertNumberedCase, insertSubmission, insertSubmissionPeople, insertSubmissionWithRecords,
  updateCase, type NewEvent, type NewSubmission,
} from '../repositories/cases.ts';
import { loadRules } from './load-rules.ts';
import { activeBureaus, categoriesById } from './reference-cache.ts';
import { queueCaseFacts } from './queue-case-facts.ts';

export interface PersonInput {
  name: string;
  idNumber?: string | null;
  mobile?: string | null;
  address?: string | null;
  areaCode?: string | null;
}

export interface RegisterInput {
  channel: Channel;
  receivedAt?: string;
  levelReached?: LevelReached;
  petitioner: PersonInput;
  coPetitioners?: PersonInput[];
  representatives?: PersonInput[];
  headcount?: number;
  kind: Kind;
  categoryId: number;
  title: string;
  content: string;
  areaCode: string;
  matterAddress?: string | null;
  accusedOrgId?: number | null;
  accusedName?: string | null;
  agentName?: string | null;
  /** Staff chose "this is a repeat of case N". */
  repeatOfCaseId?: number | null;
  note?: string | null;
}

export interface RegisterResult {
  caseId: number;
  caseNo: string;
  queryCode: string;
  state: CaseState;
  isRepeat: boolean;
  repeatOfCaseId: number | null;
  repeatOfCaseNo: string | null;
  /** The earlier matter (repeatOfCaseId) is final after re-review: staff check whether the same facts and
   * reasons are raised again and, if so, decline it (不予受理, Art 36). */
  repeatOfFinal: boolean;
  /** Set when the submission was added to an open case instead of opening a new one. */
  addedToExisting: boolean;
  acceptDueBy: string | null;
  /** Always null: registration declines nothing (kept for the clients that read it). */
  declineReason: string | null;
}

const QUERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newQueryCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += QUERY_ALPHABET[randomInt(QUERY_ALPHABET.length)];
  return s;
}

const LEVEL_ORDER: Record<string, number> = { national: 0, province: 1, city: 2, county: 3, township: 4, village: 5 };

/** The lowest government level competent for a matter in this area (GB/T 2260 code shape). */
export function competentLevel(areaCode: string): LevelReached {
  if (areaCode.length === 12) return 'township';
  if (areaCode.endsWith('0000')) return 'province';
  if (areaCode.endsWith('00')) return 'city';
  return 'county';
}

/** 越级访: raised above the competent level and the one above it. */
export function isSkipLevel(levelReached: LevelReached, areaCode: string): boolean {
  return LEVEL_ORDER[levelReached]! < LEVEL_ORDER[competentLevel(areaCode)]! - 1;
}

function validatePerson(p: PersonInput, idRequired: boolean): PersonInput {
  const idNumber = p.idNumber ? normalizeIdCardNumber(p.idNumber) : null;
  if (idNumber && !isValidIdCardNumber(idNumber)) throw new AppError('INVALID_ID_NUMBER', { name: p.name });
  if (idRequired && !idNumber) throw new AppError('INVALID_ID_NUMBER', { name: p.name, reason: 'required' });
  if (p.mobile && !isValidMobile(p.mobile)) throw new AppError('INVALID_MOBILE', { name: p.name });
  if (p.areaCode && !isValidAreaCode(p.areaCode)) throw new AppError('INVALID_AREA_CODE');
  return { ...p, name: p.name.trim(), idNumber, mobile: p.mobile || null };
}

/** Finds the petitioner by 身份证 (else by mobile and name), or records a new one (one statement). */
async function matchPetitioner(trx: Tx, p: PersonInput): Promise<{ id: number; isNew: boolean }> {
  return matchOrInsertPetitioner(trx, { name: p.name, idNumber: p.idNumber ?? null, mobile: p.mobile ?? null, address: p.address ?? null, areaCode: p.areaCode ?? null });
}

/** The petition bureau responsible for an area: the deepest bureau whose area code the matter shares.
 * `bureaus` are the active bureaus when the caller has them (cached), else they are read. */
export async function findBureauForArea(db: Tx | AppContext['db'], areaCode: string, bureaus?: readonly OrgRow[]): Promise<OrgRow> {
  const all = bureaus ?? await listActiveBureaus(db);
  if (!all.length) throw new AppError('UNKNOWN_ORG', { reason: 'no petition bureau configured' });
  // a cached list (reference-cache) keeps its answers per area while it lives
  let known = bureauByArea.get(all);
  if (!known) bureauByArea.set(all, (known = new Map()));
  const hit = known.get(areaCode);
  if (hit) return hit;
  const best = bestBureau(all, areaCode);
  if (known.size < 100_000) known.set(areaCode, best);
  return best;
}

const bureauByArea = new WeakMap<readonly OrgRow[], Map<string, OrgRow>>();

function bestBureau(all: readonly OrgRow[], areaCode: string): OrgRow {
  const a6 = areaCode.slice(0, 6);
  const score = (o: OrgRow) => (o.area_code.slice(0, 6) === a6 ? 3 : o.area_code.slice(0, 4) === a6.slice(0, 4) ? 2 : o.area_code.slice(0, 2) === a6.slice(0, 2) ? 1 : 0) * 100 - (o.path.split('/').length);
  // the first of the best scores in path order (one pass: a province has thousands of bureaus)
  let best = all[0]!;
  let bestScore = score(best);
  for (const o of all) {
    const sc = score(o);
    if (sc > bestScore) { best = o; bestScore = sc; }
  }
  return best;
}

/** Whether a matter is final after re-review (复核): nothing raised again on the same facts and reasons is accepted (Art 36). */
function isFinalMatter(c: CaseRow): boolean {
  return c.state === 'final' || (c.state === 'archived' && c.re_review_outcome !== null);
}

/** A repeat with no handling of its own to link to: declined, or marked as a repeat of a final matter and
 * still where it was registered (not routed, accepted or declined yet). */
function passesThrough(c: CaseRow): boolean {
  if (!c.is_repeat || !c.repeat_of_case_id) return false;
  return c.state === 'declined' || (c.repeat_of_final && (c.state === 'registered' || c.state === 'awaiting_acceptance') && c.route_kind === null);
}

/** Repeat on an earlier matter of the same petitioner: explicit, or same category and same area (a
 * petitioner recorded just now has no earlier matter). */
async function findRepeatTarget(trx: Tx, petitioner: { id: number; isNew: boolean }, input: RegisterInput): Promise<CaseRow | undefined> {
  const petitionerId = petitioner.id;
  let target: CaseRow | undefined;
  if (input.repeatOfCaseId) {
    target = await findCaseForUpdate(trx, input.repeatOfCaseId);
    if (!target) throw new AppError('CASE_NOT_FOUND', { repeatOfCaseId: input.repeatOfCaseId });
  } else if (!petitioner.isNew) {
    target = await findLatestCaseOf(trx, petitionerId, input.categoryId, input.areaCode);
  }
  // a repeat with no handling of its own: link to the matter it repeats, so a third submission on a
  // final matter is marked as a repeat of that matter as well (a further read only in that case)
  for (let hops = 0; hops < 10 && target && passesThrough(target); hops++) {
    target = await findCase(trx, target.repeat_of_case_id!);
  }
  return target;
}

/**
 * Registers a submission. At a petition bureau the case waits to be routed within 15 days
 * ([T22] Art 22); at any other body it is a direct petition to accept within 15 days (Art 23); both
 * counted from the day it was received. A likely repeat on a final matter is registered and marked
 * (repeat_of_final), never declined here: staff decline it after looking (Art 36). At most 5
 * representatives (Art 20).
 */
export async function registerCase(ctx: AppContext, trx: Tx, principal: Principal, input: RegisterInput): Promise<RegisterResult> {
  const now = ctx.clock.now();
  const rules = await loadRules(ctx, trx);
  const reps = input.representatives ?? [];
  const co = input.coPetitioners ?? [];
  if (reps.length > LIMITS.representativesMax) throw new AppError('TOO_MANY_REPRESENTATIVES', { max: LIMITS.representativesMax });
  if (!isValidAreaCode(input.areaCode)) throw new AppError('INVALID_AREA_CODE');
  const isOnline = principal.kind !== 'staff';
  const petitioner = validatePerson(input.petitioner, isOnline);
  if (isOnline && !petitioner.mobile) throw new AppError('INVALID_MOBILE', { reason: 'required' });
  const coValid = co.map((p) => validatePerson(p, false));
  const repValid = reps.map((p) => validatePerson(p, false));
  const headcount = input.headcount ?? 1 + coValid.length;
  if (headcount < 1 + coValid.length) throw new AppError('HEADCOUNT_TOO_SMALL');
  const isCollective = headcount >= LIMITS.collectiveMinHeadcount;
  const category = (await categoriesById(ctx, trx)).get(input.categoryId);
  if (!category || !category.is_active) throw new AppError('UNKNOWN_CATEGORY');
  let accusedOrg: OrgRow | undefined;
  if (input.kind === 'accusation') {
    if (!input.accusedOrgId && !input.accusedName?.trim()) throw new AppError('ACCUSED_REQUIRED');
    if (input.accusedOrgId) {
      accusedOrg = await findOrg(trx, input.accusedOrgId);
      if (!accusedOrg) throw new AppError('UNKNOWN_ORG', { accusedOrgId: input.accusedOrgId });
    }
  }

  // where it is registered: the clerk's own body, or for online submissions the area's bureau
  const regOrg = principal.kind === 'staff' ? (await findOrg(trx, principal.actor.orgId))! : await findBureauForArea(trx, input.areaCode, await activeBureaus(ctx, trx));
  const atBureau = regOrg.kind === 'petition_bureau';
  const levelReached: LevelReached = input.levelReached ?? (regOrg.level === 'village' ? 'township' : regOrg.level as LevelReached);
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (Number.isNaN(receivedAt.getTime()) || receivedAt.getTime() > now.getTime()) throw new AppError('INVALID_DATE', { field: 'receivedAt' });

  const matched = await matchPetitioner(trx, petitioner);
  const petitionerId = matched.id;
  const repeatTarget = await findRepeatTarget(trx, matched, input);
  const actorUserId = principal.kind === 'staff' ? principal.actor.userId : null;
  const actorKind = principal.kind;
  const ip = principal.kind === 'system' ? null : principal.ip ?? null;

  // the co-petitioners and representatives of this submission
  const people: { petitionerId: number; role: string }[] = [];
  for (const p of coValid) people.push({ petitionerId: (await matchPetitioner(trx, p)).id, role: 'co_petitioner' });
  for (const p of repValid) people.push({ petitionerId: (await matchPetitioner(trx, p)).id, role: 'representative' });
  const submission = (caseId: number, isRepeat: boolean): NewSubmission => ({
    caseId, channel: input.channel, receivedAt, receivedBy: actorUserId, receivedOrgId: regOrg.id, headcount, isCollective,
    isRepeat, levelReached, agentName: input.agentName ?? null, note: input.note ?? null,
  });

  // staff explicitly added it to a matter still open: one more submission on the same case
  if (input.repeatOfCaseId && repeatTarget && (OPEN_STATES as readonly string[]).includes(repeatTarget.state) && principal.kind === 'staff') {
    const sid = await insertSubmission(trx, submission(repeatTarget.id, true));
    await insertSubmissionPeople(trx, people.map((p) => ({ submissionId: sid, ...p })));
    await updateCase(trx, repeatTarget.id, {
      is_repeat: true, updated_at: now, version: repeatTarget.version + 1,
      ...(isCollective && { is_collective: true, headcount: Math.max(headcount, repeatTarget.headcount) }),
    });
    await insertEventsAndAudit(trx, [{
      caseId: repeatTarget.id, type: 'add_submission', fromState: repeatTarget.state, toState: repeatTarget.state, actorUserId,
      actorOrgId: regOrg.id, actorKind, at: now, data: { submissionId: sid, channel: input.channel, headcount }, isPublic: true,
    }], [{ at: now, actorUserId, actorKind, action: 'case.add_submission', caseId: repeatTarget.id, petitionerId, ip }]);
    await queueCaseFacts(trx, [repeatTarget.id]);
    return {
      caseId: repeatTarget.id, caseNo: repeatTarget.case_no, queryCode: repeatTarget.query_code, state: repeatTarget.state as CaseState,
      isRepeat: true, repeatOfCaseId: repeatTarget.id, repeatOfCaseNo: repeatTarget.case_no, repeatOfFinal: false, addedToExisting: true, acceptDueBy: repeatTarget.next_due, declineReason: null,
    };
  }

  const isRepeat = !!repeatTarget;
  // a likely repeat of a final matter: only marked, with the link to it; whether it raises the same facts
  // and reasons is for a person to judge, who then declines it with the decline action (Art 36)
  const repeatOfFinal = !!repeatTarget && isFinalMatter(repeatTarget);
  // the first clock runs from the day it was received (收到之日起), not the day it is registered
  const { state, dues } = initialDues(atBureau, localDate(receivedAt), rules);
  // numbered XF + year + area + the case sequence, in the insert itself
  const row = await insertNumberedCase(trx, `XF${localDate(now).slice(0, 4)}${regOrg.area_code.slice(0, 6)}`, {
    title: input.title.trim(), content: input.content, kind: input.kind, category_id: category.id,
    channel: input.channel, area_code: input.areaCode, matter_address: input.matterAddress ?? null, petitioner_id: petitionerId,
    registered_org_id: regOrg.id, current_org_id: regOrg.id, current_org_path: regOrg.path, registered_org_path: regOrg.path,
    accused_org_id: accusedOrg?.id ?? null, accused_org_path: accusedOrg?.path ?? null, accused_name: input.accusedName?.trim() || null,
    state, is_collective: isCollective, headcount, is_repeat: isRepeat, repeat_of_case_id: repeatTarget?.id ?? null, repeat_of_final: repeatOfFinal,
    level_reached: levelReached, is_skip_level: isSkipLevel(levelReached, input.areaCode), received_at: receivedAt,
    received_on: localDate(receivedAt), registered_by: actorUserId, ...duesToColumns(dues), next_due: runningDue(state, dues),
    decline_reason: null, proper_channel: null, created_at: now, updated_at: now,
  }, newQueryCode);
  const queryCode = row.query_code;
  const caseNo = row.case_no;
  const events: NewEvent[] = [{
    caseId: row.id, type: 'register', fromState: null, toState: state, actorUserId, actorOrgId: regOrg.id, actorKind,
    at: now, data: { channel: input.channel, headcount, isRepeat, repeatOfCaseNo: repeatTarget?.case_no ?? null, repeatOfFinal, atBureau }, isPublic: true,
  }];
  // the submission, its people, the events and the audit entry in one statement, which also queues
  // the new case (and the one it repeats: its first-time conclusion changes) for the figures
  await insertSubmissionWithRecords(trx, submission(row.id, isRepeat), people, events, [
    { at: now, actorUserId, actorKind, action: 'case.register', caseId: row.id, petitionerId, ip, detail: { caseNo, isRepeat, repeatOfFinal, state } },
  ], repeatTarget ? [repeatTarget.id] : []);
  return {
    caseId: row.id, caseNo, queryCode, state, isRepeat, repeatOfCaseId: repeatTarget?.id ?? null, repeatOfCaseNo: repeatTarget?.case_no ?? null, repeatOfFinal, addedToExisting: false,
    acceptDueBy: dues.accept ?? dues.route, declineReason: null,
  };
}
