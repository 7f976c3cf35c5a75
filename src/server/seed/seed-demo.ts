// Demo data for a new embedded database: one county's bodies and users, and cases spread over every
// state, made by driving the real services with a travelling clock (so every case, event, due date
// and audit entry is exactly what the product would have written).
import type { Actor, AppContext, Principal } from '../context.ts';
import { createTestClock } from '../../domain/clock.ts';
import { generateIdCardNumber } from '../../shared/validators.ts';
import { AppError } from '../../shared/errors.ts';
import type { Action } from '../../domain/lifecycle.ts';
import { installCategories, installDemoOrgs, installDemoUsers, type DemoOrgs, type DemoUser } from './reference-data.ts';
import { MATTERS, GIVEN, SURNAMES, fillTemplate, seededRandom } from './matters.ts';
import { loadActor } from '../policies/scope.ts';
import { registerCase, type PersonInput } from '../services/register-case.ts';
import { transitionCase, type ActionParams } from '../services/transition-case.ts';
import { findCase } from '../repositories/cases.ts';
import { replaceCalendarYear } from '../repositories/settings.ts';
import { CALENDAR_2026 } from './calendar-2026.ts';
import { seedReceptionDays } from './seed-reception.ts';
import { settleFigures } from '../services/settle-figures.ts';

const DAY = 86_400_000;

export interface SeedSummary { users: DemoUser[]; cases: number; orgs: DemoOrgs }

/** Installs reference data and `caseCount` demo cases received over the year before `ctx.clock.now()`. */
export async function seedDemo(ctx: AppContext, caseCount: number, log: (s: string) => void = () => {}): Promise<SeedSummary> {
  const db = ctx.db;
  const { orgs, users } = await db.transaction().execute(async (trx) => {
    const cat = await installCategories(trx);
    const o = await installDemoOrgs(trx, cat);
    const u = await installDemoUsers(trx, o);
    await replaceCalendarYear(trx, 2026, CALENDAR_2026);
    return { orgs: o, users: u };
  });
  const realNow = ctx.clock.now();
  const clock = createTestClock(realNow);
  const sctx: AppContext = { ...ctx, clock };
  const rnd = seededRandom(20261124);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const chance = (p: number) => rnd() < p;
  // matters of several bodies (Art 24) draw from their own sequence, so the rest of the demo stays as it was
  const jointRnd = seededRandom(24);
  const jointChance = (p: number) => jointRnd() < p;
  // so do revocations on review and re-review (撤销重办)
  const reviewRnd = seededRandom(35);
  const reviewChance = (p: number) => reviewRnd() < p;

  const catIds = new Map((await db.selectFrom('categories').select(['id', 'code']).execute()).map((c) => [c.code, c.id]));
  const orgCats = await db.selectFrom('org_categories').selectAll().execute();
  const actors = new Map<string, Actor>();
  const actor = async (username: string) => {
    let a = actors.get(username);
    if (!a) actors.set(username, (a = await loadActor(db, { username })));
    return a;
  };
  const handlerOf = (orgId: number) => {
    const named = users.find((u) => u.orgId === orgId && u.role === 'handler');
    return named ? named.username : `h${orgId}`;
  };
  const headOf = (orgId: number) => {
    const named = users.find((u) => u.orgId === orgId && u.role === 'leader');
    return named ? named.username : `l${orgId}`;
  };
  const competentOrg = (categoryCode: string, areaTownship: number | null): number => {
    const cid = catIds.get(categoryCode)!;
    const candidates = orgCats.filter((oc) => oc.category_id === cid).map((oc) => oc.org_id);
    if (areaTownship && candidates.includes(areaTownship)) return areaTownship;
    const dept = candidates.find((id) => orgs.departments.some((d) => d.id === id) || id === orgs.discipline);
    return dept ?? (areaTownship ?? orgs.departments[0]!.id);
  };

  // a pool of petitioners; some come back (repeats)
  const people: PersonInput[] = [];
  for (let i = 0; i < Math.max(50, Math.floor(caseCount * 0.8)); i++) {
    const t = pick(orgs.townships);
    const birth = `${1950 + Math.floor(rnd() * 50)}${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    people.push({
      name: pick([...SURNAMES]) + pick(GIVEN),
      idNumber: generateIdCardNumber('130534', birth, Math.floor(rnd() * 999)),
      mobile: `1${pick(['3', '5', '7', '8', '9'])}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`,
      address: `河北省邢台市清河县${t.name}${pick(['东街', '西街', '南街', '北街'])}${1 + Math.floor(rnd() * 200)}号`,
      areaCode: '130534',
    });
  }
  /** After a revocation the body that answered answers again and delivers, as time allows. */
  const answerAgain = async (caseId: number, handler: string, from: number) => {
    const answeredAt = from + (10 + reviewRnd() * 30) * DAY;
    if (await act(caseId, handler, 'answer', { outcome: 'upheld', text: '经重新调查核实，原反映问题属实，已责成有关单位依法处理，现重新答复如下：……' }, answeredAt)) {
      await act(caseId, handler, 'deliver', { method: 'in_person' }, answeredAt + (1 + reviewRnd() * 3) * DAY);
    }
  };
  const history: { person: PersonInput; category: string; area: string }[] = [];
  // two years back, so that each month and the year so far have last year's to be compared with (同比)
  const start = realNow.getTime() - 730 * DAY;
  const clerk = await actor('clerk');
  let made = 0;

  const act = async (caseId: number, username: string | 'petitioner', action: Action, params: ActionParams, at: number): Promise<boolean> => {
    if (at > realNow.getTime()) return false;
    clock.set(new Date(at));
    const principal: Principal = username === 'petitioner' ? { kind: 'petitioner' } : { kind: 'staff', actor: await actor(username) };
    try {
      await db.transaction().execute(async (trx) => {
        const c = (await findCase(trx, caseId))!;
        await transitionCase(sctx, trx, principal, { caseId, action, version: c.version, params });
      });
      return true;
    } catch (e) {
      if (e instanceof AppError) return false;
      throw e;
    }
  };

  for (let i = 0; i < caseCount; i++) {
    let t = start + Math.floor((i / caseCount) * 729 * DAY) + Math.floor(rnd() * 8 * 3_600_000);
    clock.set(new Date(t));
    const repeat = history.length > 20 && chance(0.12) ? pick(history) : null;
    const matter = repeat ? MATTERS.find((m) => m.category === repeat.category)! : pick(MATTERS);
    const person = repeat?.person ?? pick(people);
    const township = pick(orgs.townships);
    const areaIsTownship = ['1301', '1302', '1201', '1402'].includes(matter.category);
    const area = repeat?.area ?? (areaIsTownship ? orgs.all.find((o) => o.id === township.id)!.areaCode : '130534');
    const channel = pick(['online', 'online', 'online', 'letter', 'letter', 'visit', 'visit', 'phone', 'fax'] as const);
    const collective = channel === 'visit' && chance(0.12);
    const headcount = collective ? 6 + Math.floor(rnd() * 30) : 1;
    const reps = collective ? people.slice(i % (people.length - 5), (i % (people.length - 5)) + 1 + Math.floor(rnd() * 5)).filter((p) => p.idNumber !== person.idNumber) : [];
    const input = {
      channel, petitioner: person, kind: matter.kind, categoryId: catIds.get(matter.category)!, title: fillTemplate(pick(matter.titles), rnd),
      content: fillTemplate(matter.body, rnd), areaCode: area, headcount, representatives: reps,
      ...(matter.kind === 'accusation' ? { accusedName: `${township.name}某村村委会`, accusedOrgId: township.villages[0] } : {}),
      levelReached: chance(0.04) ? pick(['city', 'province'] as const) : undefined,
    };
    let reg;
    try {
      reg = await db.transaction().execute((trx) =>
        registerCase(sctx, trx, channel === 'online' ? { kind: 'petitioner' } : { kind: 'staff', actor: clerk }, input));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      continue;
    }
    made++;
    if (!repeat) history.push({ person, category: matter.category, area });
    if (reg.state === 'declined') continue;
    const id = reg.caseId;
    const step = (minDays: number, maxDays: number) => (t += (minDays + rnd() * (maxDays - minDays)) * DAY);

    // route
    const r = rnd();
    if (r < 0.03) { await act(id, 'clerk', 'decline', { reason: '所反映事项不属于信访事项受理范围', properChannel: '请向有关行政机关依法申请' }, step(1, 5)); continue; }
    if (r < 0.07) { await act(id, 'clerk', 'divert', { procedure: 'litigation', reason: '该事项属于人民法院受理范围', properChannel: '清河县人民法院' }, step(1, 5)); continue; }
    const target = competentOrg(matter.category, areaIsTownship ? township.id : null);
    // Art 24: some matters concern another department too, which takes part as a co-handling body
    const others = orgs.departments.filter((d) => d.id !== target);
    const coOrg = jointChance(0.06) ? others[Math.floor(jointRnd() * others.length)]!.id : null;
    const routeAs = chance(0.6) ? 'forward' : 'assign';
    if (coOrg && jointChance(0.3)) {
      // acceptance disputed: both receivers object (Art 23), and the bureau's superior designates the lead (Art 24)
      const at = t + DAY;
      if (!(await act(id, 'clerk', 'forward', { targetOrgId: coOrg }, at))) continue;
      await act(id, handlerOf(coOrg), 'object', { reason: '该事项主要涉及其他部门职责，本单位仅涉及配合事项' }, at + 2 * DAY);
      await act(id, 'clerk', 'forward', { targetOrgId: target }, at + 3 * DAY);
      await act(id, handlerOf(target), 'object', { reason: '该事项涉及多个部门，应由牵头部门受理' }, at + 5 * DAY);
      if (!(await act(id, 'supervisor', 'designate', { targetOrgId: target, coOrgIds: [coOrg], reason: '经县政府协调会商，明确由该部门主办，相关部门协办' }, at + 7 * DAY))) continue;
      t = at + 7 * DAY;
      step(1, 9);
    } else if (!(await act(id, 'clerk', routeAs, { targetOrgId: target, ...(coOrg && { coOrgIds: [coOrg] }) }, step(1, 9)))) continue;
    // a matter received in the last two months may still wait for acceptance; an older one that
    // waited was accepted late (reminded, supervised), as bureaus do not leave matters for months
    if (chance(0.03)) { if (t + 60 * DAY > realNow.getTime()) continue; step(15, 40); }
    const handler = handlerOf(target);
    if (!(await act(id, handler, 'accept', {}, step(1, 10)))) continue;
    if (coOrg && jointChance(0.8)) await act(id, handlerOf(coOrg), 'contribute', { text: '经本单位核查，涉及本单位职责部分的情况如下：相关手续已依法办理，可在答复中一并说明。' }, t + 3 * DAY);
    if (chance(0.02)) await act(id, 'leader', 'instruct', { text: '请认真核实，依法依规妥善处理，及时答复群众。' }, t + DAY);
    if (chance(0.015)) await act(id, 'leader', 'own', { plan: '成立专班，逐户核实，一周内形成处理方案', closingStandard: '群众诉求依法解决，签订息访协议', dueOn: new Date(t + 40 * DAY).toISOString().slice(0, 10) }, t + 2 * DAY);
    if (chance(0.08)) {
      await act(id, handler, 'request_extension', { days: 30, reason: '案情复杂，需进一步调查核实' }, step(40, 55));
      await act(id, headOf(target), 'approve_extension', {}, step(0.2, 2));
    }
    if (chance(0.1)) { // stalls in handling: the recent ones are overdue now, the older were answered late
      if (chance(0.5)) await act(id, 'supervisor', 'supervise', { text: '该件即将超期，请抓紧办理并按时反馈。' }, t + 50 * DAY);
      if (t + 120 * DAY > realNow.getTime()) continue;
      step(50, 80);
    }
    if (chance(0.04)) { await act(id, handler, 'mediate', { agreement: '经调解，双方自愿达成和解协议，款项已当场结清。' }, step(5, 40)); }
    else {
      const outcome = pick(['upheld', 'upheld', 'explained', 'explained', 'not_upheld'] as const);
      if (!(await act(id, handler, 'answer', { outcome, text: `经调查核实，${input.title.replace(/^反映|^请求|^建议/, '')}一事情况属实部分已责成有关单位整改，现答复如下：……` }, step(8, 55)))) continue;
      if (chance(0.02)) {
        // sent back: the body answers again, as time allows
        if (await act(id, 'supervisor', 'send_back', { reason: '答复内容未回应群众主要诉求，退回重办' }, step(1, 3))) await answerAgain(id, handler, t);
        continue;
      }
      if (!(await act(id, handler, 'deliver', { method: channel === 'online' ? 'online' : 'in_person' }, step(0.5, 3)))) continue;
    }
    if (chance(0.72)) {
      const dissatisfied = chance(0.12);
      const rating = dissatisfied ? 'dissatisfied' : pick(['satisfied', 'satisfied', 'basically_satisfied']);
      await act(id, 'petitioner', 'evaluate', { bureauRating: dissatisfied ? 'basically_satisfied' : rating, bodyRating: rating }, step(1, 12));
      if (dissatisfied && chance(0.6)) {
        if (!(await act(id, 'petitioner', 'request_review', { reason: '对处理意见不服，申请复查' }, step(2, 20)))) continue;
        const c = (await findCase(db, id))!;
        const outcome = pick(['maintained', 'maintained', 'changed']);
        const text = outcome === 'changed' ? '经复查，原处理意见适用政策有误，予以变更，按现行政策重新核定。' : '经复查，原处理意见认定事实清楚，适用政策正确，予以维持。';
        const decidedAt = step(10, 28);
        // now and then the review revokes the answer and the body answers again (撤销重办)
        if (reviewChance(0.15)) {
          if (await act(id, handlerOf(c.current_org_id), 'redo', { text: '经复查，原处理意见认定事实不清、证据不足，撤销原处理意见，由原办理机关重新办理。' }, decidedAt)) await answerAgain(id, handler, decidedAt);
          continue;
        }
        if (!(await act(id, handlerOf(c.current_org_id), 'decide_review', { outcome, text }, decidedAt))) continue;
        if (chance(0.4)) {
          if (!(await act(id, 'petitioner', 'request_re_review', { reason: '对复查意见不服，申请复核' }, step(2, 20)))) continue;
          const c2 = (await findCase(db, id))!;
          const reDecidedAt = step(10, 28);
          if (reviewChance(0.2)) {
            if (await act(id, handlerOf(c2.current_org_id), 'redo_re_review', { text: '经复核，复查未调取原始凭证，认定事实不清，撤销复查意见和原处理意见，由原办理机关重新办理。' }, reDecidedAt)) await answerAgain(id, handler, reDecidedAt);
          } else {
            await act(id, handlerOf(c2.current_org_id), 'decide_re_review', { outcome: 'maintained', text: '经复核，维持复查意见。本复核意见为终结意见。' }, reDecidedAt);
          }
        }
        continue;
      }
    }
    if (chance(0.3)) await act(id, 'supervisor', 'follow_up', { method: 'phone', summary: '电话回访，信访人表示问题已解决。' }, step(3, 10));
    if (chance(0.5)) await act(id, 'clerk', 'archive', {}, step(31, 40));
    if (i % 250 === 0) log(`  demo cases: ${i}/${caseCount}`);
  }
  // staff have read the notices of the matters' steps of the past year; those of the last three days wait for them
  await ctx.db.updateTable('staff_notifications').set({ read_at: realNow }).where('read_at', 'is', null).where('case_id', 'is not', null)
    .where('created_at', '<', new Date(realNow.getTime() - 3 * 86_400_000)).execute();
  // leaders' reception days of the last weeks and the next, with visits received on them
  const reception = await seedReceptionDays(ctx);
  log(`  reception days: ${reception.days}, visits: ${reception.visits}`);
  // the figures of everything just made, before the server answers its first request
  await settleFigures(db, Number.POSITIVE_INFINITY);
  return { users, cases: made, orgs };
}
