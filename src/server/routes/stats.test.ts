// The figures engine through the HTTP API: a known set of cases built with a scripted clock
// (a year boundary, a repeat, a collective visit, late acceptance and answers, an extension,
// ratings, an expired evaluation window, a review that changed the answer, supervision, leader
// instruction and ownership), every figure asserted against values counted by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type Client } from '../test/harness.ts';
import { buildRegistration, orgId } from '../test/factories.ts';
import { sweepDeadlines } from '../jobs/sweep-deadlines.ts';
import { rebuildRollups } from '../services/rebuild-rollups.ts';
import { recountFigures, rollupTotalsByKey } from '../repositories/stats.ts';
import type { Figures, DrilldownPage, Ranking, PublicFigures } from '../../shared/figures.ts';
import { localDate } from '../../domain/calendar.ts';
import { sql } from 'kysely';
import { listMigrations } from '../db/migrate.ts';

let t: TestApp;
let clerk: Client;
const at = (iso: string, time = '10:00:00') => t.clock.set(new Date(`${iso}T${time}+08:00`));

async function register(body: Record<string, unknown> = {}) {
  const res = await clerk.post('/api/v1/cases', await buildRegistration(t, body));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { caseId: number; caseNo: string; isRepeat: boolean };
}
async function ok(who: string, caseId: number, action: string, body: object = {}) {
  const c = await t.as(who);
  const cur = (await c.get(`/api/v1/cases/${caseId}`)).json() as { version: number };
  const res = await c.post(`/api/v1/cases/${caseId}/${action}`, { version: cur.version, ...body });
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json() as Record<string, unknown>;
}
async function figures(qs: string, who = 'clerk'): Promise<Figures> {
  const res = await (await t.as(who)).get(`/api/v1/stats/figures?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Figures;
}

const P = { name: '刘桂兰', idNumber: '11010519491231002X', mobile: '13912345678', address: '清河县葛仙庄镇东街1号' };
const ids: Record<string, number> = {};
let county = 0, bureau = 0, hrss = 0;

beforeAll(async () => {
  t = await startTestApp('2025-03-10T10:00:00+08:00');
  clerk = await t.as('clerk');
  county = await orgId(t, '清河县人民政府');
  bureau = await orgId(t, '清河县信访局');
  hrss = await orgId(t, '县人力资源和社会保障局');

  // 2025: A0 a letter, accepted and answered on time, rated never (window expires)
  at('2025-03-10');
  ids.A0 = (await register()).caseId;
  await ok('clerk', ids.A0, 'forward', { targetOrgId: hrss });
  at('2025-03-12');
  await ok('hrss.handler', ids.A0, 'accept');
  at('2025-04-01');
  await ok('hrss.handler', ids.A0, 'answer', { outcome: 'explained', text: '解释说明' });
  await ok('hrss.handler', ids.A0, 'deliver');
  at('2025-06-01');
  await sweepDeadlines(t.ctx); // evaluation window (30 days) lapsed: 超期未评价

  // the year boundary: G on the last evening of 2025, H just after midnight
  at('2025-12-31', '23:30:00');
  ids.G = (await register()).caseId;
  at('2026-01-01', '00:30:00');
  ids.H = (await register()).caseId;

  // A: a collective visit of 8, accepted in time, extended, answered within the extension, rated, reviewed and changed
  at('2026-03-02');
  ids.A = (await register({ channel: 'visit', petitioner: P, headcount: 8, representatives: [{ name: '张建国' }, { name: '李秀英' }] })).caseId;
  await ok('clerk', ids.A, 'forward', { targetOrgId: hrss });
  // B: online, accepted late (accept due 03-18), answered late (answer due 05-19)
  at('2026-03-03');
  ids.B = (await register({ channel: 'online' })).caseId;
  await ok('clerk', ids.B, 'forward', { targetOrgId: hrss });
  // C: declined; D: diverted, received at the national level (越级访 for a county matter)
  at('2026-03-04');
  ids.C = (await register()).caseId;
  await ok('clerk', ids.C, 'decline', { reason: '不属于信访事项', properChannel: '向人民法院起诉' });
  at('2026-03-05');
  await ok('hrss.handler', ids.A, 'accept');
  ids.D = (await register({ levelReached: 'national' })).caseId;
  at('2026-03-06');
  await ok('clerk', ids.D, 'divert', { procedure: 'litigation', reason: '已进入诉讼程序' });
  // F: a call, accepted, never answered (answer due 05-05); supervised, instructed, owned
  ids.F = (await register({ channel: 'phone' })).caseId;
  await ok('clerk', ids.F, 'forward', { targetOrgId: hrss });
  await ok('hrss.handler', ids.F, 'accept');
  // E: the same petitioner on the same matter again, a visit of 2: a repeat, left unrouted
  at('2026-03-10');
  const e = await register({ channel: 'visit', petitioner: P, headcount: 2 });
  expect(e.isRepeat).toBe(true);
  ids.E = e.caseId;
  await ok('supervisor', ids.F, 'supervise', { text: '请于十日内办结', dueOn: '2026-03-20' });
  await ok('leader', ids.F, 'instruct', { text: '请依法依规妥善处理' });
  await ok('leader', ids.F, 'own', { plan: '专班办理', closingStandard: '诉求依法解决', dueOn: '2026-09-30' });
  at('2026-03-15');
  const notices = (await (await t.as('supervisor')).get('/api/v1/supervision')).json() as { id: number; caseId: number }[];
  const notice = notices.find((n) => n.caseId === ids.F)!;
  expect((await (await t.as('hrss.handler')).post(`/api/v1/supervision/${notice.id}/answer`, { text: '已加快办理' })).statusCode).toBe(200);
  at('2026-03-20');
  await ok('hrss.handler', ids.B, 'accept');

  at('2026-04-20');
  await ok('hrss.handler', ids.A, 'request-extension', { days: 30, reason: '需要调取记录' });
  await ok('hrss.head', ids.A, 'approve-extension');
  at('2026-05-20');
  await ok('hrss.handler', ids.A, 'answer', { outcome: 'upheld', text: '支持' });
  await ok('hrss.handler', ids.A, 'deliver');
  await ok('clerk', ids.A, 'evaluate', { bureauRating: 'satisfied', bodyRating: 'dissatisfied' });
  at('2026-05-25');
  await ok('hrss.handler', ids.B, 'answer', { outcome: 'explained', text: '解释说明' });
  await ok('hrss.handler', ids.B, 'deliver');
  await ok('clerk', ids.B, 'evaluate', { bureauRating: 'basically_satisfied', bodyRating: 'satisfied' });
  at('2026-06-19');
  await ok('clerk', ids.A, 'request-review', { reason: '补缴年限计算有误' });
  at('2026-07-10');
  await ok('county.handler', ids.A, 'decide-review', { outcome: 'changed', text: '经复查，变更原处理意见。' });
  // a reception day of the county leader on which A's visit (8 people) was received, and one scheduled later
  const leader = await t.ctx.db.selectFrom('users').select(['id', 'org_id']).where('username', '=', 'leader').executeTakeFirstOrThrow();
  const countyPath = (await t.ctx.db.selectFrom('organisations').select('path').where('id', '=', county).executeTakeFirstOrThrow()).path;
  const day = (d: string) => t.ctx.db.insertInto('reception_days').values({
    org_id: county, org_path: countyPath, leader_user_id: leader.id, day: d, starts_at: '09:00', ends_at: '11:30', place: '县信访局接待大厅',
    topic: null, created_by: leader.id, created_at: new Date(`${d}T08:00:00+08:00`),
  }).returning('id').executeTakeFirstOrThrow();
  const held = await day('2026-03-02');
  await day('2026-09-10');
  await t.ctx.db.insertInto('reception_visits').values({
    reception_day_id: held.id, case_id: ids.A, submission_id: null, leader_user_id: leader.id, day: '2026-03-02', headcount: 8, is_collective: true,
    note: null, recorded_by: leader.id, recorded_at: new Date('2026-03-02T10:00:00+08:00'),
  }).execute();
  at('2026-08-15');
});
afterAll(async () => t.close());

describe('figures of a year for the county and everything below it', () => {
  it('counts every figure as counted by hand, with 同比 and 环比', async () => {
    const f = await figures(`org=${county}&period=year&from=2026-06-01`);
    expect(f.query.range).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    // the year is still running on 15 August: 同比 and 环比 (the year before, too) compare 1 January to 15 August
    expect(f.query.prevYear).toEqual({ from: '2025-01-01', to: '2025-08-15' });
    expect(f.query.prevPeriod).toEqual({ from: '2025-01-01', to: '2025-08-15' });
    expect(f.query.comparedThrough).toBe('2026-08-15');
    const v = Object.fromEntries(Object.entries(f.figures).map(([k, x]) => [k, x.value]));
    expect(v).toMatchObject({
      submissions: 7, headcount: 15, onlineSubmissions: 1, letterSubmissions: 3, visitSubmissions: 2, visitHeadcount: 10, phoneSubmissions: 1,
      collectiveSubmissions: 1, collectiveHeadcount: 8, firstSubmissions: 6, repeatSubmissions: 1, skipLevelSubmissions: 1, skipLevelHeadcount: 1,
      accepted: 3, declined: 1, diverted: 1, acceptDecisions: 5, acceptTimely: 4,
      // 受理率: accepted (A, B, F) / decided on acceptance (A, B, F, C declined, D diverted)
      acceptanceRate: 3 / 5,
      // still unrouted and past the 15-day limit: E (due 03-25), G (01-15), H (01-16)
      acceptOverdueUndecided: 3, timelyAcceptRate: 4 / 8,
      answered: 2, answeredOnTime: 1, answeredOnTimeExtended: 1, answeredLate: 1, unansweredOverdue: 1, onTimeRate: 1 / 3,
      concluded: 2, concludedFirstTime: 1, firstTimeRate: 0.5,
      // 办结率: of the matters accepted (A, B, F), those concluded since (A, B)
      acceptedConcluded: 2, completionRate: 2 / 3,
      extensionsRequested: 1, extensionsApproved: 1, extensionsRejected: 0,
      evaluatedBureau: 2, satisfiedBureau: 1, basicallySatisfiedBureau: 1, dissatisfiedBureau: 0, evaluationExpiredBureau: 0,
      participationRateBureau: 1, satisfactionRateBureau: 1,
      evaluatedBody: 2, satisfiedBody: 1, dissatisfiedBody: 1, evaluationExpiredBody: 0, participationRateBody: 1, satisfactionRateBody: 0.5,
      reviewsRequested: 1, reviewsDecided: 1, reviewsChanged: 1, reviewChangeRate: 1, reReviewsRequested: 0,
      supervisionIssued: 1, supervisionAnswered: 1, supervisionAnsweredInTime: 1,
      instructions: 1, ownedCases: 1, ownedConcluded: 0, receptionDays: 1, receptionVisits: 1, receptionHeadcount: 8,
    });
    expect(v.onlineShare).toBeCloseTo(1 / 7);
    expect(v.repeatRate).toBeCloseTo(1 / 7);
    // 2025 to 15 August: A0 (G came on 31 December)
    expect(f.figures.submissions.prevYear).toBe(1);
    expect(f.figures.submissions.yoy).toBeCloseTo(6);
    expect(f.figures.accepted.prevYear).toBe(1);
    expect(f.figures.evaluationExpiredBody.prevYear).toBe(1);
    expect(f.figures.participationRateBody.prevYear).toBe(0);
    expect(f.figures.onTimeRate.prevYear).toBe(1);
    expect(f.figures.onTimeRate.yoy).toBeCloseTo(1 / 3 - 1);
    // 2025: A0 the only decision (accepted) and concluded; 同比 of a rate in points
    expect(f.figures.acceptanceRate).toMatchObject({ prevYear: 1, prevPeriod: 1 });
    expect(f.figures.acceptanceRate.yoy).toBeCloseTo(3 / 5 - 1);
    expect(f.figures.acceptanceRate.mom).toBeCloseTo(3 / 5 - 1);
    expect(f.figures.completionRate).toMatchObject({ prevYear: 1, prevPeriod: 1 });
    expect(f.figures.completionRate.yoy).toBeCloseTo(2 / 3 - 1);
    expect(f.now).toEqual({ openNow: 4, overdueNow: 4 });
    expect(f.breakdowns.channel.find((r) => r.key === 'visit')).toMatchObject({ labelZh: '来访', submissions: { value: 2 }, headcount: { value: 10 } });
    expect(f.breakdowns.channel.find((r) => r.key === 'letter')!.submissions).toMatchObject({ value: 3, prevYear: 1 });
    // the year 2025 is over: compared whole, A0 and G
    const past = await figures(`org=${county}&period=year&from=2025-01-01`);
    expect(past.query).toMatchObject({ range: { from: '2025-01-01', to: '2025-12-31' }, prevYear: { from: '2024-01-01', to: '2024-12-31' }, comparedThrough: null });
    expect(past.figures.submissions.value).toBe(2);
    const y2027 = await figures(`org=${county}&period=year&from=2027-01-01`);
    expect(y2027.query).toMatchObject({ prevYear: { from: '2026-01-01', to: '2026-12-31' }, comparedThrough: null });
    expect(y2027.figures.submissions).toMatchObject({ value: 0, prevYear: 7 });
    expect(f.breakdowns.skipLevel).toMatchObject([{ key: 'national', submissions: { value: 1 } }]);
    expect(f.breakdowns.kind).toMatchObject([{ key: 'claim', submissions: { value: 7 } }]);
    expect(f.breakdowns.categoryParent).toHaveLength(1);
    const leader = f.leaders.find((l) => l.name === '陈副县长')!;
    expect(leader).toMatchObject({ instructions: 1, ownedCases: 1, ownedConcluded: 0, receptionDays: 1, receptionVisits: 1, receptionHeadcount: 8 });
  });

  it('switches the configurable definitions', async () => {
    const f = await figures(`org=${county}&period=year&from=2026-01-01&onTimeVariant=original_limit&satisfactionBasis=satisfied_only`);
    expect(f.figures.answeredOnTime.value).toBe(0);
    expect(f.figures.answeredLate.value).toBe(2);
    expect(f.figures.onTimeRate.value).toBe(0);
    expect(f.figures.satisfactionRateBureau.value).toBe(0.5);
    // 受理率 without the matter diverted to a court (D): accepted (A, B, F) / (those + C declined)
    const base = await figures(`org=${county}&period=year&from=2026-01-01`);
    expect(base.query.acceptanceBasis).toBe('all_decisions');
    const g = await figures(`org=${county}&period=year&from=2026-01-01&acceptanceBasis=excluding_diverted`);
    expect(g.query.acceptanceBasis).toBe('excluding_diverted');
    expect(g.figures.acceptanceRate.value).toBe(3 / 4);
    expect(g.figures.acceptanceRate.value).toBe(g.figures.accepted.value! / (g.figures.accepted.value! + g.figures.declined.value!));
    // everything else stays as it was
    expect({ ...g.figures, acceptanceRate: null }).toEqual({ ...base.figures, acceptanceRate: null });
  });

  it('splits periods at the year boundary, by month, quarter and custom range, and by body alone', async () => {
    const dec = await figures(`org=${county}&period=day&from=2025-12-31`);
    expect(dec.figures.submissions.value).toBe(1);
    expect(dec.figures.submissions.prevPeriod).toBe(0);
    const jan1 = await figures(`org=${county}&period=day&from=2026-01-01`);
    expect(jan1.figures.submissions).toMatchObject({ value: 1, prevPeriod: 1 });
    const custom = await figures(`org=${county}&period=custom&from=2025-12-30&to=2026-01-02`);
    expect(custom.figures.submissions.value).toBe(2);
    const march = await figures(`org=${county}&period=month&from=2026-03-15`);
    expect(march.figures.submissions).toMatchObject({ value: 6, prevYear: 1, prevPeriod: 0 });
    expect(march.figures.accepted.value).toBe(3);
    // March 2026: A, F, B accepted, C declined, D diverted; of those accepted, A and B concluded since (in
    // May); March 2025: A0 accepted (concluded in April); February 2026: no decision, so no rate
    expect(march.figures.acceptanceRate).toEqual({ value: 3 / 5, prevYear: 1, prevPeriod: null, yoy: 3 / 5 - 1, mom: null });
    expect(march.figures.concluded.value).toBe(0);
    expect(march.figures.acceptedConcluded.value).toBe(2);
    expect(march.figures.completionRate).toEqual({ value: 2 / 3, prevYear: 1, prevPeriod: null, yoy: 2 / 3 - 1, mom: null });
    // the second quarter concludes A and B and accepts nothing: no 办结率 (the first quarter's matters
    // count in the first quarter's); a span concluding more than it accepted stays within 100%: of the
    // one matter it accepted (B, 03-20), concluded since
    const q2 = await figures(`org=${county}&period=quarter&from=2026-04-01`);
    expect(q2.figures.concluded.value).toBe(2);
    expect(q2.figures.completionRate).toMatchObject({ value: null, prevPeriod: 2 / 3, mom: null });
    const span = await figures(`org=${county}&period=custom&from=2026-03-20&to=2026-05-31`);
    expect(span.figures.accepted.value).toBe(1);
    expect(span.figures.concluded.value).toBe(2);
    expect(span.figures.completionRate.value).toBe(1);
    const q1 = await figures(`org=${county}&period=quarter&from=2026-02-10`);
    expect(q1.figures.submissions).toMatchObject({ value: 7, prevYear: 1 });
    expect(q1.query.prevPeriod).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(q1.figures.submissions.prevPeriod).toBe(1);
    const bureauAlone = await figures(`org=${bureau}&subtree=false&period=year&from=2026-01-01`);
    expect(bureauAlone.figures.submissions.value).toBe(7);
    expect(bureauAlone.figures.accepted.value).toBe(0);
    expect(bureauAlone.figures.evaluatedBureau.value).toBe(2);
    // the bureau itself declined C and diverted D and accepted nothing
    expect(bureauAlone.figures).toMatchObject({ acceptDecisions: { value: 2 }, acceptanceRate: { value: 0 }, completionRate: { value: null } });
    const hrssAlone = await figures(`org=${hrss}&subtree=false&period=year&from=2026-01-01`);
    expect(hrssAlone.figures).toMatchObject({ accepted: { value: 3 }, answered: { value: 2 }, submissions: { value: 0 }, evaluatedBody: { value: 2 } });
    expect(hrssAlone.figures).toMatchObject({ acceptanceRate: { value: 1 }, completionRate: { value: 2 / 3 } });
    const countyAlone = await figures(`org=${county}&subtree=false&period=year&from=2026-01-01`);
    expect(countyAlone.figures.reviewsDecided.value).toBe(1);
    expect(countyAlone.figures.submissions.value).toBe(0);
  });

  it('compares a month in progress with the same days of the month before and a year before', async () => {
    at('2026-01-20');
    try {
      const jan = await figures(`org=${county}&period=month&from=2026-01-01`);
      expect(jan.query).toMatchObject({
        range: { from: '2026-01-01', to: '2026-01-31' }, prevYear: { from: '2025-01-01', to: '2025-01-20' },
        prevPeriod: { from: '2025-12-01', to: '2025-12-20' }, comparedThrough: '2026-01-20',
      });
      // H on 1 January; G (31 December) is past the 20th of December, so not in 环比
      expect(jan.figures.submissions).toMatchObject({ value: 1, prevYear: 0, prevPeriod: 0 });
      // December compared whole: G
      const dec = await figures(`org=${county}&period=month&from=2025-12-01`);
      expect(dec.query.comparedThrough).toBeNull();
      expect(dec.figures.submissions.value).toBe(1);
    } finally {
      at('2026-08-15');
    }
  });

  it('gives the monthly trend in one request, each month equal to that month\'s figures', async () => {
    const c = await t.as('clerk');
    const thisYear = Number(localDate(t.ctx.clock.now()).slice(0, 4));
    for (const [org, subtree] of [[county, true], [bureau, false]] as const) {
      for (const year of [thisYear - 1, thisYear]) {
        const res = await c.get(`/api/v1/stats/trend?org=${org}&subtree=${subtree}&year=${year}`);
        expect(res.statusCode, res.body).toBe(200);
        const trend = res.json() as { subtree: boolean; months: { month: string; submissions: number | null; prevYear: number }[] };
        expect(trend.subtree).toBe(subtree);
        expect(trend.months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`));
        const thisMonth = year < thisYear ? 12 : Number(localDate(t.ctx.clock.now()).slice(5, 7));
        for (const [i, m] of trend.months.entries()) {
          const f = await figures(`org=${org}&subtree=${subtree}&period=month&from=${m.month}-01`);
          // months to come have no figure yet, only last year's
          // the chart's line for last year is of whole months, the month in progress too
          const last = await figures(`org=${org}&subtree=${subtree}&period=month&from=${year - 1}${m.month.slice(4)}-01`);
          expect({ month: m.month, submissions: m.submissions, prevYear: m.prevYear })
            .toEqual({ month: m.month, submissions: i < thisMonth ? f.figures.submissions.value : null, prevYear: last.figures.submissions.value });
        }
        if (org === county && year === thisYear) expect(trend.months.reduce((s, m) => s + (m.submissions ?? 0), 0)).toBeGreaterThan(0);
      }
    }
    const next = (await c.get(`/api/v1/stats/trend?org=${county}&year=${thisYear + 1}`)).json() as { months: { submissions: number | null }[] };
    expect(next.months.map((m) => m.submissions)).toEqual(Array(12).fill(null));
    const bad = await c.get(`/api/v1/stats/trend?org=${county}&year=1999`);
    expect(bad.statusCode).toBe(400);
    const outside = await (await t.as('town.handler')).get(`/api/v1/stats/trend?org=${county}&year=${thisYear}`);
    expect(outside.statusCode).toBe(403);
  });

  it('opens figures to their cases, page by page, and ranks the bodies', async () => {
    const c = await t.as('clerk');
    const seen: number[] = [];
    let after = 0;
    for (;;) {
      const res = await c.get(`/api/v1/stats/drilldown?org=${county}&period=year&from=2026-01-01&figure=submissions&limit=3&after=${after}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as DrilldownPage;
      seen.push(...page.items.map((i) => i.id));
      if (page.nextAfter === null) break;
      after = page.nextAfter;
    }
    expect(seen).toEqual([ids.H!, ids.A!, ids.B!, ids.C!, ids.D!, ids.F!, ids.E!].sort((a, b) => a - b));
    const den = (await c.get(`/api/v1/stats/drilldown?org=${county}&period=year&from=2026-01-01&figure=onTimeRate&part=denominator`)).json() as DrilldownPage;
    expect(den.items.map((i) => i.id)).toEqual([ids.A!, ids.B!, ids.F!].sort((a, b) => a - b));
    const drillIds = async (figure: string, part: 'numerator' | 'denominator') =>
      ((await c.get(`/api/v1/stats/drilldown?org=${county}&period=year&from=2026-01-01&figure=${figure}&part=${part}`)).json() as DrilldownPage).items.map((i) => i.id);
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    expect(await drillIds('acceptanceRate', 'numerator')).toEqual(sorted([ids.A!, ids.B!, ids.F!]));
    expect(await drillIds('acceptanceRate', 'denominator')).toEqual(sorted([ids.A!, ids.B!, ids.C!, ids.D!, ids.F!]));
    expect(await drillIds('acceptanceRate&acceptanceBasis=excluding_diverted', 'denominator')).toEqual(sorted([ids.A!, ids.B!, ids.C!, ids.F!]));
    expect(await drillIds('completionRate', 'numerator')).toEqual(sorted([ids.A!, ids.B!]));
    expect(await drillIds('completionRate', 'denominator')).toEqual(sorted([ids.A!, ids.B!, ids.F!]));
    const cat = (await c.get(`/api/v1/stats/drilldown?org=${county}&period=year&from=2026-01-01&figure=submissions&breakdown=channel&key=visit`)).json() as DrilldownPage;
    expect(cat.items.map((i) => i.id)).toEqual([ids.A!, ids.E!]);
    const received = (await c.get(`/api/v1/stats/drilldown?org=${county}&period=year&from=2026-01-01&figure=receptionVisits`)).json() as DrilldownPage;
    expect(received.items.map((i) => i.id)).toEqual([ids.A]);
    const overdue = (await c.get(`/api/v1/stats/drilldown?org=${county}&period=year&from=2026-01-01&figure=overdueNow`)).json() as DrilldownPage;
    expect(overdue.items).toHaveLength(4);

    const rank = (await c.get(`/api/v1/stats/ranking?org=${county}&period=year&from=2026-01-01`)).json() as Ranking;
    expect(rank.rows[0]).toMatchObject({ orgId: hrss, rank: 1, answered: 2, satisfactionRateBody: 0.5, overdueNow: 1 });
    expect(rank.rows[0]!.onTimeRate).toBeCloseTo(1 / 3);
  });

  it('refuses bodies outside the scope and bad periods, and needs a sign-in', async () => {
    const town = await t.as('town.handler');
    const res = await town.get(`/api/v1/stats/figures?org=${county}&period=year&from=2026-01-01`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('STATS_ORG_OUT_OF_SCOPE');
    const bad = await clerk.get(`/api/v1/stats/figures?period=custom&from=2026-02-01&to=2026-01-01`);
    expect(bad.json().error.code).toBe('STATS_BAD_PERIOD');
    expect((await clerk.get(`/api/v1/stats/figures?period=month&from=2026-02-30`)).json().error.code).toBe('STATS_BAD_PERIOD');
    expect((await t.anonymous.get(`/api/v1/stats/figures?period=year`)).statusCode).toBe(401);
    // default body: the clerk's scope (the county)
    const own = await figures('period=year&from=2026-01-01');
    expect(own.query.orgId).toBe(county);
  });

  it('publishes the yearly figures without a sign-in', async () => {
    const res = await t.anonymous.get('/api/v1/public/figures?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as PublicFigures;
    expect(p.year).toBe(2026);
    expect(p.months).toHaveLength(12);
    expect(p.months[0]).toEqual({ month: '2026-01', submissions: 1, onTimeRate: null, satisfactionRate: null });
    expect(p.months[2]!.submissions).toBe(6);
    // May: A answered within its extension, B late, F's answer fell due unanswered
    expect(p.months[4]).toMatchObject({ month: '2026-05', submissions: 0, satisfactionRate: 0.5 });
    expect(p.months[4]!.onTimeRate).toBeCloseTo(1 / 3);
    expect(p.totals.submissions).toBe(7);
    expect(p.totals.onTimeRate).toBeCloseTo(1 / 3);
    expect(p.totals.satisfactionRate).toBe(0.5);
    expect((await t.anonymous.get('/api/v1/public/figures?year=abc')).statusCode).toBe(400);
  });

  it('equals a full recount, and a rebuild from the cases changes nothing', async () => {
    const path = (await t.ctx.db.selectFrom('organisations').select('path').where('id', '=', county).executeTakeFirstOrThrow()).path;
    for (const [from, to, period] of [['2026-01-01', '2026-12-31', 'year'], ['2025-01-01', '2025-12-31', 'year'], ['2026-03-01', '2026-03-31', 'month']] as const) {
      const r = await recountFigures(t.ctx.db, path, true, from, to, '2026-08-15');
      const f = await figures(`org=${county}&period=${period}&from=${from}`);
      for (const [k, val] of Object.entries(r)) {
        if (k === 'satisfiedOrBasicBody') expect(val, k).toBe((f.figures.satisfiedBody.value ?? 0) + (f.figures.basicallySatisfiedBody.value ?? 0));
        else if (k === 'openNow' || k === 'overdueNow') expect(val, k).toBe(f.now[k]);
        else expect(val, `${k} ${from}`).toBe(f.figures[k as keyof Figures['figures']].value);
      }
      // the rates made of recounted figures
      const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
      expect(f.figures.acceptanceRate.value, `acceptanceRate ${from}`).toBe(ratio(r.accepted!, r.accepted! + r.declined! + r.diverted!));
      expect(f.figures.completionRate.value, `completionRate ${from}`).toBe(ratio(r.acceptedConcluded!, r.accepted!));
    }
    const before = await rollupTotalsByKey(t.ctx.db);
    await rebuildRollups(t.ctx.db);
    expect(await rollupTotalsByKey(t.ctx.db)).toEqual(before);
  });

  it('gives the matters concluded before migration 0028 their place in 办结率 once they are settled', async () => {
    const year = () => figures(`org=${county}&period=year&from=2026-01-01`);
    const settled = await rollupTotalsByKey(t.ctx.db);
    // the figures of a database made before 0028: no matter counted as accepted and since concluded
    for (const table of ['stats_case_contrib', 'stats_rollups', 'stats_rollup_deltas']) await sql`DELETE FROM ${sql.table(table)} WHERE metric = 'accc'`.execute(t.ctx.db);
    expect((await year()).figures).toMatchObject({ acceptedConcluded: { value: 0 }, completionRate: { value: 0 } });
    // the migration again (its view is the same): it queues the concluded matters, and a read settles them
    await sql.raw(listMigrations().find((m) => m.name.startsWith('0028_'))!.sql).execute(t.ctx.db);
    expect((await year()).figures).toMatchObject({ acceptedConcluded: { value: 2 }, completionRate: { value: 2 / 3 } });
    expect(await rollupTotalsByKey(t.ctx.db)).toEqual(settled);
  });
});
