// Generates cases as COPY text rows: each case is walked through its life with the real state
// machine (domain/lifecycle.ts) and due-date rules (domain/deadlines.ts) on a travelling date, so
// states, clocks, versions, events and audit entries are what the services would have written.
import { initialDues, planTransition, runningDue, type Action, type CaseSnapshot, type CaseState, type Dues, type TransitionContext } from '../../src/domain/lifecycle.ts';
import { DEFAULT_PROFILE } from '../../src/domain/deadlines.ts';
import { localDate, type WorkCalendar } from '../../src/domain/calendar.ts';
import { generateIdCardNumber } from '../../src/shared/validators.ts';
import { MATTERS, GIVEN, SURNAMES, type MatterTemplate } from '../../src/server/seed/matters.ts';
import { EXTRA_MATTERS, EXTRA_SENTENCES } from './matters-extra.ts';
import type { GenCounty, GenOrg } from './org-tree.ts';

const DAY = 86_400_000;

/** Column lists of the tables the generator fills (COPY order). */
export const COLUMNS = {
  petitioners: ['id', 'name', 'id_number', 'mobile', 'address', 'area_code', 'created_at'],
  cases: [
    'id', 'case_no', 'query_code', 'title', 'content', 'kind', 'category_id', 'channel', 'area_code', 'matter_address', 'petitioner_id',
    'registered_org_id', 'current_org_id', 'current_org_path', 'registered_org_path', 'handling_org_id', 'handling_org_path', 'review_org_id',
    'accused_org_id', 'accused_org_path', 'accused_name', 'state', 'version', 'is_collective', 'headcount', 'is_repeat', 'repeat_of_case_id',
    'repeat_of_final', 'level_reached', 'is_skip_level', 'received_at', 'received_on', 'registered_by', 'route_kind', 'route_due', 'accept_due', 'objection_due',
    'answer_due', 'review_request_due', 'evaluation_due', 'review_due', 're_review_request_due', 're_review_due', 'next_due', 'extension_status',
    'extension_days', 'extension_reason', 'hearing_started_on', 'accepted_on', 'answered_on', 'delivered_on', 'concluded_on', 'outcome',
    'answer_text', 'decline_reason', 'proper_channel', 'divert_procedure', 'review_outcome', 're_review_outcome', 'is_evaluated_at_stage',
    'evaluation_status', 'is_owned', 'created_at', 'updated_at',
  ],
  submissions: ['id', 'case_id', 'channel', 'received_at', 'received_by', 'received_org_id', 'headcount', 'is_collective', 'is_repeat', 'level_reached', 'agent_name', 'note'],
  submission_people: ['submission_id', 'petitioner_id', 'role'],
  case_events: ['id', 'case_id', 'type', 'from_state', 'to_state', 'actor_user_id', 'actor_org_id', 'actor_kind', 'at', 'data', 'is_public'],
  audit_log: ['id', 'at', 'actor_user_id', 'actor_kind', 'action', 'case_id', 'petitioner_id', 'ip', 'detail'],
  evaluations: ['id', 'case_id', 'stage', 'bureau_rating', 'body_rating', 'body_org_id', 'bureau_org_id', 'comment', 'at'],
  case_ownerships: ['id', 'case_id', 'leader_user_id', 'plan', 'closing_standard', 'due_on', 'created_at', 'concluded_at'],
  supervision_notices: ['id', 'case_id', 'issued_by', 'issuer_org_id', 'target_org_id', 'text', 'issued_at', 'due_on', 'status', 'answered_at', 'answer_text'],
} as const;
export type GenTable = keyof typeof COLUMNS;
export const GEN_TABLES = Object.keys(COLUMNS) as GenTable[];

/** One batch of rows per table, in COPY text format (one line per row, ending in \n). */
export type Batch = Record<GenTable, string[]>;
export const emptyBatch = (): Batch => ({
  petitioners: [], cases: [], submissions: [], submission_people: [], case_events: [], audit_log: [], evaluations: [], case_ownerships: [], supervision_notices: [],
});

type Cell = string | number | boolean | null | undefined;
/** COPY text format: tab-separated, \N for null, backslash escapes. */
function esc(v: Cell): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : v;
}
const line = (cells: Cell[]) => `${cells.map(esc).join('\t')}\n`;

/** A deterministic generator (xorshift128+ on two 32-bit halves, seeded by splitmix). */
export function createRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  const next32 = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  return () => next32() / 4294967296;
}

const QUERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A query code unique per case id: the id scrambled by a bijection of 40 bits, in base 32. */
export function queryCodeFor(id: number): string {
  // multiply by an odd constant modulo 2^40 (a bijection), then xor a constant
  let x = (BigInt(id) * 0x9e3779b97fn + 0x5a5a5a5a5an) & 0xffffffffffn;
  x ^= 0x3c3c3c3c3cn;
  let s = '';
  for (let i = 0; i < 8; i++) { s += QUERY_ALPHABET[Number(x & 31n)]; x >>= 5n; }
  return s;
}

export interface UserIds {
  /** Handler, leader, clerk and supervisor per organisation (when there is one). */
  handler: Map<number, number>;
  leader: Map<number, number>;
  clerk: Map<number, number>;
  supervisor: Map<number, number>;
}

export interface CaseGenOptions {
  cases: number;
  seed: number;
  /** The day the data set ends (cases are received over the year before). */
  asOf: Date;
  counties: GenCounty[];
  /** Share of cases in the demo county (the bench's logins work there). */
  demoCountyShare: number;
  categoryIds: Map<string, number>;
  users: UserIds;
  calendar: WorkCalendar;
  /** First ids to use (after what the database already holds). */
  firstIds: { petitioner: number; case: number; submission: number; event: number; audit: number; evaluation: number; ownership: number; notice: number };
}

export interface GenStats {
  cases: number; petitioners: number; events: number; audit: number; submissions: number; people: number; evaluations: number;
  ownerships: number; notices: number;
  byState: Record<string, number>; byChannel: Record<string, number>; repeats: number; collective: number; overdue: number;
}

interface CaseSim {
  id: number; caseNo: string; state: CaseState; dues: Dues; version: number;
  extensionStatus: 'none' | 'requested' | 'approved' | 'rejected'; extensionDays: number | null; extensionReason: string | null;
  hearingStartedOn: string | null; routeKind: CaseSnapshot['routeKind']; isEvaluatedAtStage: boolean;
  currentOrg: GenOrg; handlingOrg: GenOrg | null; reviewOrg: GenOrg | null;
  acceptedOn: string | null; answeredOn: string | null; deliveredOn: string | null; concludedOn: string | null;
  outcome: string | null; answerText: string | null; declineReason: string | null; properChannel: string | null; divertProcedure: string | null;
  reviewOutcome: string | null; reReviewOutcome: string | null; evaluationStatus: string; updatedAt: number;
}

const ALL_MATTERS: MatterTemplate[] = [...MATTERS, ...EXTRA_MATTERS];
const TOWNSHIP_MATTERS = new Set(['1301', '1302', '1201', '1402']);
const CHANNEL_WEIGHTS: [string, number][] = [['online', 0.42], ['letter', 0.24], ['visit', 0.2], ['phone', 0.11], ['fax', 0.02], ['agent', 0.01]];

/** Generates `cases` cases in batches of `batchSize`, handing each batch to `sink`. */
export async function generateCases(o: CaseGenOptions, batchSize: number, sink: (b: Batch) => Promise<void>): Promise<GenStats> {
  const rnd = createRandom(o.seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const chance = (p: number) => rnd() < p;
  const between = (a: number, b: number) => a + rnd() * (b - a);
  const asOfMs = o.asOf.getTime();
  const asOfDay = localDate(o.asOf);
  const start = asOfMs - 365 * DAY;
  const ids = { ...o.firstIds };
  const stats: GenStats = { cases: 0, petitioners: 0, events: 0, audit: 0, submissions: 0, people: 0, evaluations: 0, ownerships: 0, notices: 0, byState: {}, byChannel: {}, repeats: 0, collective: 0, overdue: 0 };
  // leaders' ownership (包案) and supervision notices (督办) draw from their own sequence, so the rest of the data set stays as it was
  const extra = createRandom(o.seed ^ 0x2b8c);
  const extraChance = (p: number) => extra() < p;
  const otherCounties = o.counties.slice(1);
  const history: { petitionerId: number; name: string; matter: MatterTemplate; area: string; county: GenCounty; sim: CaseSim; caseNo: string }[] = [];
  const HISTORY_MAX = 50_000;
  const catId = (code: string) => {
    const id = o.categoryIds.get(code);
    if (!id) throw new Error(`category ${code} is not installed`);
    return id;
  };
  const rules = (ms: number): TransitionContext => ({ today: localDate(new Date(ms)), profile: DEFAULT_PROFILE, calendar: o.calendar });
  const fill = (s: string) => s
    .replace(/\{place\}/g, () => pick(PLACE_WORDS))
    .replace(/\{n\}/g, () => String(2 + Math.floor(rnd() * 60)))
    .replace(/\{money\}/g, () => String((1 + Math.floor(rnd() * 90)) * 1000))
    .replace(/\{year\}/g, () => String(2012 + Math.floor(rnd() * 13)));
  let PLACE_WORDS: string[] = [];
  const surnames = [...SURNAMES];
  const newPerson = (county: GenCounty) => {
    const birth = `${1945 + Math.floor(rnd() * 57)}${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const t = pick(county.townships);
    return {
      name: pick(surnames) + pick(GIVEN),
      idNumber: generateIdCardNumber(county.areaCode, birth, Math.floor(rnd() * 1000)),
      mobile: `1${pick(['3', '5', '7', '8', '9'])}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`,
      address: `${county.name}${t.org.name.replace(county.name, '')}${pick(['东街', '西街', '南街', '北街', '中心街'])}${1 + Math.floor(rnd() * 300)}号`,
      areaCode: county.areaCode,
    };
  };
  const competent = (county: GenCounty, code: string, township: GenOrg | null): GenOrg => {
    const parent = code.slice(0, 2);
    const fits = (g: GenOrg) => g.categories.includes(code) || g.categories.includes(parent);
    if (township && fits(township)) return township;
    return county.departments.find(fits) ?? (fits(county.discipline) ? county.discipline : county.gov);
  };
  const parentOf = (org: GenOrg, county: GenCounty): GenOrg | null => {
    if (org.id === county.gov.id) return county.city;
    if (org.parentId === county.gov.id) return county.gov;
    const t = county.townships.find((x) => x.org.id === org.parentId);
    return t ? t.org : county.gov;
  };

  let batch = emptyBatch();
  for (let i = 0; i < o.cases; i++) {
    const county = otherCounties.length === 0 || rnd() < o.demoCountyShare ? o.counties[0]! : pick(otherCounties);
    PLACE_WORDS = county.townships.map((t) => t.org.name.replace(county.name, '')).concat(['县城开发区', '城东新区', '西关街道', '人民路', '工业园区']);
    const receivedMs = start + Math.floor((i / o.cases) * 364 * DAY) + Math.floor(rnd() * 10 * 3_600_000);
    const repeat = history.length > 50 && chance(0.15) ? pick(history) : null;
    const matter = repeat?.matter ?? pick(ALL_MATTERS);
    const caseCounty = repeat?.county ?? county;
    const townshipEntry = pick(caseCounty.townships);
    const areaIsTownship = TOWNSHIP_MATTERS.has(matter.category);
    const area = repeat?.area ?? (areaIsTownship ? townshipEntry.org.areaCode : caseCounty.areaCode);
    let channel = (() => { let r = rnd(); for (const [c, w] of CHANNEL_WEIGHTS) { if ((r -= w) < 0) return c; } return 'online'; })();
    const collective = chance(0.03);
    if (collective) channel = 'visit';
    const headcount = collective ? 6 + Math.floor(rnd() * 55) : 1;
    const bureau = caseCounty.bureau;
    const isOnline = channel === 'online';
    const clerkId = isOnline ? null : (o.users.clerk.get(bureau.id) ?? null);
    const actorKind = isOnline ? 'petitioner' : 'staff';
    const receivedAt = new Date(receivedMs).toISOString();
    const receivedOn = localDate(new Date(receivedMs));

    // the petitioner: the same person again for a repeat, else a new one
    let petitionerId: number;
    let petitionerName: string;
    if (repeat) { petitionerId = repeat.petitionerId; petitionerName = repeat.name; stats.repeats++; }
    else {
      const p = newPerson(caseCounty);
      petitionerId = ids.petitioner++;
      petitionerName = p.name;
      batch.petitioners.push(line([petitionerId, p.name, p.idNumber, p.mobile, p.address, p.areaCode, receivedAt]));
      stats.petitioners++;
    }
    const title = fill(pick(matter.titles)).slice(0, 100);
    let content = fill(matter.body);
    for (let k = Math.floor(rnd() * 4); k > 0; k--) content += fill(pick(EXTRA_SENTENCES));
    if (collective) content += `本次来访群众共${headcount}人，推选代表反映诉求。`;
    const levelReached = chance(0.03) ? 'city' : chance(0.015) ? 'province' : 'county';
    const accused = matter.kind === 'accusation' ? pick(townshipEntry.villages.length ? townshipEntry.villages : [townshipEntry.org]) : null;

    const id = ids.case++;
    const caseNo = `XF${receivedOn.slice(0, 4)}${bureau.areaCode.slice(0, 6)}${String(id).padStart(7, '0')}`;
    const init = initialDues(true, receivedOn, rules(receivedMs));
    const sim: CaseSim = {
      id, caseNo, state: init.state, dues: init.dues, version: 1, extensionStatus: 'none', extensionDays: null, extensionReason: null,
      hearingStartedOn: null, routeKind: null, isEvaluatedAtStage: false, currentOrg: bureau, handlingOrg: null, reviewOrg: null,
      acceptedOn: null, answeredOn: null, deliveredOn: null, concludedOn: null, outcome: null, answerText: null, declineReason: null,
      properChannel: null, divertProcedure: null, reviewOutcome: null, reReviewOutcome: null, evaluationStatus: 'not_due', updatedAt: receivedMs,
    };
    const event = (type: string, from: CaseState | null, to: CaseState, at: number, userId: number | null, orgId: number | null, kind: string, data: object, isPublic: boolean) => {
      batch.case_events.push(line([ids.event++, id, type, from, to, userId, orgId, kind, new Date(at).toISOString(), JSON.stringify(data), isPublic]));
      stats.events++;
    };
    const audit = (at: number, userId: number | null, kind: string, action: string, pid: number | null, detail: object) => {
      batch.audit_log.push(line([ids.audit++, new Date(at).toISOString(), userId, kind, action, id, pid, null, JSON.stringify(detail)]));
      stats.audit++;
    };

    // registration (register-case.ts): a final matter raised again is registered and marked; a clerk
    // declines it after looking (Art 36), below
    const isFinalRepeat = repeat?.sim.state === 'final' || (repeat?.sim.state === 'archived' && repeat.sim.reReviewOutcome !== null);
    event('register', null, 'registered', receivedMs, clerkId, bureau.id, actorKind,
      { channel, headcount, isRepeat: !!repeat, repeatOfCaseNo: repeat?.caseNo ?? null, repeatOfFinal: isFinalRepeat, atBureau: true }, true);
    audit(receivedMs, clerkId, actorKind, 'case.register', petitionerId, { caseNo, isRepeat: !!repeat, state: sim.state });

    // one action through the state machine; false when it would happen after the data set's end
    let t = receivedMs;
    const fire = (action: Action, at: number, who: 'handler' | 'clerk' | 'supervisor' | 'leader' | 'petitioner', patch: (today: string) => Partial<CaseSim>, data: object, isPublic: boolean, params: { days?: number } = {}): boolean => {
      if (at > asOfMs) return false;
      const r = rules(at);
      let plan;
      try {
        plan = planTransition({
          state: sim.state, dues: sim.dues, extensionStatus: sim.extensionStatus, extensionDays: sim.extensionDays,
          hearingStartedOn: sim.hearingStartedOn, routeKind: sim.routeKind, isEvaluatedAtStage: sim.isEvaluatedAtStage, disputed: false, designated: false,
        }, action, params, r);
      } catch {
        return false;
      }
      const org = who === 'petitioner' ? null : who === 'clerk' || who === 'supervisor' ? bureau : sim.currentOrg;
      const userId = org ? (o.users[who === 'petitioner' ? 'handler' : who].get(org.id) ?? null) : null;
      const from = sim.state;
      const dueChanges = Object.fromEntries(Object.entries(plan.dues).filter(([k, v]) => v !== sim.dues[k as keyof Dues]));
      Object.assign(sim, patch(r.today));
      sim.state = plan.to;
      sim.dues = plan.dues;
      const ch = plan.changes;
      if (ch.extensionStatus !== undefined) sim.extensionStatus = ch.extensionStatus;
      if (ch.extensionDays !== undefined) sim.extensionDays = ch.extensionDays;
      if (ch.hearingStartedOn !== undefined) sim.hearingStartedOn = ch.hearingStartedOn;
      if (ch.routeKind !== undefined) sim.routeKind = ch.routeKind;
      if (ch.isEvaluatedAtStage !== undefined) sim.isEvaluatedAtStage = ch.isEvaluatedAtStage;
      sim.version++;
      sim.updatedAt = at;
      const kind = who === 'petitioner' ? 'petitioner' : 'staff';
      event(action, from, plan.to, at, userId, org?.id ?? null, kind, { ...data, dues: dueChanges }, isPublic);
      audit(at, userId, kind, `case.${action}`, null, { from, to: plan.to, version: sim.version });
      t = at;
      return true;
    };
    const later = (minDays: number, maxDays: number) => t + between(minDays, maxDays) * DAY;

    let lastRating = '';
    // 包案: the leader of the handling body owns the matter until its answer is delivered
    let owned: { id: number; leaderUserId: number; at: number; dueOn: string } | null = null;
    let ownedConcludedAt: number | null = null;
    const own = () => {
      const leaderUserId = o.users.leader.get(sim.currentOrg.id);
      if (!leaderUserId || !extraChance(0.015)) return;
      const dueOn = localDate(new Date(t + 40 * DAY));
      const plan = '成立专班，逐户核实，一周内形成处理方案';
      const closingStandard = '群众诉求依法解决，签订息访协议';
      if (fire('own', later(1, 3), 'leader', () => ({}), { plan, closingStandard, dueOn, leader: null }, false)) owned = { id: ids.ownership++, leaderUserId, at: t, dueOn };
    };
    // 督办: the bureau's supervisor issues a notice on a matter stalled in handling; about half are answered
    const supervise = () => {
      const supervisorId = o.users.supervisor.get(bureau.id);
      if (!supervisorId || !extraChance(0.5)) return;
      const text = '该件即将超期，请抓紧办理并按时反馈。';
      const at = t + (45 + extra() * 10) * DAY;
      const dueOn = localDate(new Date(at + 10 * DAY));
      const target = sim.currentOrg;
      if (!fire('supervise', at, 'supervisor', () => ({}), { text, dueOn, targetOrgId: target.id }, false)) return;
      const answeredAt = at + (2 + extra() * 8) * DAY;
      const answered = extraChance(0.5) && answeredAt <= asOfMs;
      batch.supervision_notices.push(line([
        ids.notice++, id, supervisorId, bureau.id, target.id, text, new Date(at).toISOString(), dueOn, answered ? 'answered' : 'open',
        answered ? new Date(answeredAt).toISOString() : null, answered ? '已加快办理，预计本月内答复。' : null,
      ]));
      stats.notices++;
    };
    if (isFinalRepeat) {
      const reason = '该事项已经复核终结，以同一事实和理由提出的信访不再受理（《信访工作条例》第三十六条）';
      const properChannel = '如有新的事实和理由，可以依法另行提出';
      fire('decline', later(1, 5), 'clerk', (d) => ({ declineReason: reason, properChannel, concludedOn: d }), { reason, properChannel }, true);
    } else simulate();
    function simulate(): void {
      const r = rnd();
      if (r < 0.01) return; // waiting to be routed (some of these run over their 15 days)
      if (r < 0.035) {
        fire('decline', later(1, 5), 'clerk', (d) => ({ declineReason: '所反映事项不属于信访事项受理范围', properChannel: '请向有关行政机关依法申请', concludedOn: d }),
          { reason: '所反映事项不属于信访事项受理范围', properChannel: '请向有关行政机关依法申请' }, true);
        return;
      }
      if (r < 0.075) {
        const procedure = matter.category.startsWith('06') ? 'labour_arbitration' : 'litigation';
        fire('divert', later(1, 5), 'clerk', (d) => ({ divertProcedure: procedure, declineReason: '该事项应当通过法定途径解决', properChannel: '依法申请仲裁或提起诉讼', concludedOn: d }),
          { procedure, reason: '该事项应当通过法定途径解决', properChannel: '依法申请仲裁或提起诉讼' }, true);
        return;
      }
      const target = competent(caseCounty, matter.category, areaIsTownship ? townshipEntry.org : null);
      const route: Action = chance(0.6) ? 'forward' : 'assign';
      if (!fire(route, later(0.5, 9), 'clerk', () => ({ currentOrg: target }), { targetOrgId: target.id, targetOrgName: target.name, note: null }, true)) return;
      if (chance(0.03)) return; // never accepted: runs over its acceptance clock
      if (!fire('accept', later(1, 10), 'handler', (d) => ({ acceptedOn: d, handlingOrg: sim.currentOrg }), { note: null }, true)) return;
      own();
      if (chance(0.08)) {
        if (!fire('request_extension', later(40, 55), 'handler', () => ({ extensionReason: '案情复杂，需进一步调查核实' }), { days: 30, reason: '案情复杂，需进一步调查核实' }, false, { days: 30 })) return;
        if (!fire('approve_extension', later(0.2, 3), 'leader', () => ({}), { days: 30, reason: '案情复杂，需进一步调查核实', note: null }, true)) return;
      }
      if (chance(0.085)) { supervise(); return; } // stalls in handling: overdue once its 60 days run out
      if (chance(0.04)) {
        const agreement = '经调解，双方自愿达成和解协议，款项已当场结清。';
        if (!fire('mediate', later(5, 40), 'handler', (d) => ({ outcome: 'upheld', answerText: agreement, answeredOn: d, deliveredOn: d, concludedOn: d, evaluationStatus: 'pending' }),
          { agreement, deliveredOn: localDate(new Date(t)), mediation: true }, true)) return;
        ownedConcludedAt = t;
      } else {
        const outcome = pick(['upheld', 'upheld', 'explained', 'explained', 'not_upheld']);
        const text = `经调查核实，${title.replace(/^反映|^请求|^建议/, '')}一事，现答复如下：${outcome === 'upheld' ? '已责成有关单位限期解决。' : outcome === 'explained' ? '有关政策规定如下，请予理解。' : '所提诉求缺乏政策依据，不予支持。'}`;
        if (!fire('answer', later(8, chance(0.03) ? 75 : 55), 'handler', (d) => ({ outcome, answerText: text, answeredOn: d }), { outcome, text }, false)) return;
        if (chance(0.01)) return; // answered, not yet delivered
        const deliverAt = later(0.5, 3);
        const on = localDate(new Date(Math.min(deliverAt, asOfMs)));
        if (!fire('deliver', deliverAt, 'handler', () => ({ deliveredOn: on, concludedOn: on, evaluationStatus: 'pending', isEvaluatedAtStage: false }),
          { deliveredOn: on, method: isOnline ? 'online' : 'in_person', outcome, text }, true)) return;
        ownedConcludedAt = t;
      }
      if (!rateOrLapse('answer')) return;
      if (sim.evaluationStatus === 'done' && lastRating === 'dissatisfied' && chance(0.6)) {
        const body = parentOf(sim.currentOrg, caseCounty) ?? caseCounty.gov;
        if (!fire('request_review', later(2, 20), 'petitioner', () => ({ reviewOrg: body, currentOrg: body, evaluationStatus: sim.evaluationStatus === 'pending' ? 'expired' : sim.evaluationStatus }),
          { reason: '对处理意见不服，申请复查', reviewOrgId: body.id, reviewOrgName: body.name }, true)) return;
        const outcome = pick(['maintained', 'maintained', 'changed']);
        const decideAt = later(10, 28);
        const on = localDate(new Date(Math.min(decideAt, asOfMs)));
        if (!fire('decide_review', decideAt, 'handler', () => ({ reviewOutcome: outcome, deliveredOn: on, evaluationStatus: 'pending' }),
          { outcome, text: '经复查，原处理意见认定事实清楚，适用政策正确。', deliveredOn: on }, true)) return;
        if (chance(0.4)) {
          const up = parentOf(sim.currentOrg, caseCounty) ?? caseCounty.city;
          if (!fire('request_re_review', later(2, 20), 'petitioner', () => ({ reviewOrg: up, currentOrg: up, evaluationStatus: sim.evaluationStatus === 'pending' ? 'expired' : sim.evaluationStatus }),
            { reason: '对复查意见不服，申请复核', reviewOrgId: up.id, reviewOrgName: up.name }, true)) return;
          const at = later(10, 28);
          const on2 = localDate(new Date(Math.min(at, asOfMs)));
          if (!fire('decide_re_review', at, 'handler', () => ({ reReviewOutcome: 'maintained', deliveredOn: on2, evaluationStatus: 'pending' }),
            { outcome: 'maintained', text: '经复核，维持复查意见。本复核意见为终结意见。', deliveredOn: on2 }, true)) return;
          rateOrLapse('re_review');
          return;
        }
        rateOrLapse('review');
        if (chance(0.5)) fire('archive', later(31, 45), 'clerk', () => ({}), {}, false);
        return;
      }
      if (chance(0.5)) fire('archive', later(31, 45), 'clerk', () => ({}), {}, false);
    }

    // the petitioner rates (72%) within the window, or the sweep marks it lapsed (超期未评价)
    function rateOrLapse(stage: 'answer' | 'review' | 're_review'): boolean {
      if (chance(0.72)) {
        const dissatisfied = chance(0.12);
        const rating = dissatisfied ? 'dissatisfied' : pick(['satisfied', 'satisfied', 'basically_satisfied']);
        lastRating = rating;
        const bureauRating = dissatisfied ? 'basically_satisfied' : rating;
        const at = later(1, 12);
        if (fire('evaluate', at, 'petitioner', () => ({ evaluationStatus: 'done' }), { stage, bureauRating, bodyRating: rating, comment: null }, true)) {
          batch.evaluations.push(line([ids.evaluation++, id, stage, bureauRating, rating, sim.handlingOrg?.id ?? sim.currentOrg.id, bureau.id, null, new Date(at).toISOString()]));
          stats.evaluations++;
          return true;
        }
        return sim.evaluationStatus !== 'pending';
      }
      const lapse = sim.dues.evaluation;
      if (lapse && lapse < asOfDay) {
        const at = new Date(`${lapse}T00:00:00+08:00`).getTime() + DAY + 3_600_000;
        if (at <= asOfMs) {
          sim.evaluationStatus = 'expired';
          sim.updatedAt = at;
          event('evaluation_expired', sim.state, sim.state, at, null, null, 'system', { evaluationDue: lapse }, true);
          t = at;
        }
      }
      return true;
    }

    // the case row as it stands at the end of the data set
    const nextDue = runningDue(sim.state, sim.dues);
    const d = sim.dues;
    batch.cases.push(line([
      id, caseNo, queryCodeFor(id), title, content, matter.kind, catId(matter.category), channel, area, null, petitionerId,
      bureau.id, sim.currentOrg.id, sim.currentOrg.path, bureau.path, sim.handlingOrg?.id ?? null, sim.handlingOrg?.path ?? null, sim.reviewOrg?.id ?? null,
      accused?.id ?? null, accused?.path ?? null, accused ? `${accused.name}村委会`.replace('村村', '村') : null, sim.state, sim.version, collective, headcount,
      !!repeat, repeat?.sim.id ?? null, isFinalRepeat, levelReached, levelReached === 'province', receivedAt, receivedOn, clerkId, sim.routeKind,
      d.route, d.accept, d.objection, d.answer, d.reviewRequest, d.evaluation, d.review, d.reReviewRequest, d.reReview, nextDue,
      sim.extensionStatus, sim.extensionDays, sim.extensionReason, sim.hearingStartedOn, sim.acceptedOn, sim.answeredOn, sim.deliveredOn, sim.concludedOn,
      sim.outcome, sim.answerText, sim.declineReason, sim.properChannel, sim.divertProcedure, sim.reviewOutcome, sim.reReviewOutcome,
      sim.isEvaluatedAtStage, sim.evaluationStatus, owned !== null, receivedAt, new Date(sim.updatedAt).toISOString(),
    ]));
    const ownership = owned as { id: number; leaderUserId: number; at: number; dueOn: string } | null;
    if (ownership) {
      batch.case_ownerships.push(line([
        ownership.id, id, ownership.leaderUserId, '成立专班，逐户核实，一周内形成处理方案', '群众诉求依法解决，签订息访协议', ownership.dueOn,
        new Date(ownership.at).toISOString(), ownedConcludedAt !== null ? new Date(ownedConcludedAt).toISOString() : null,
      ]));
      stats.ownerships++;
    }
    const sid = ids.submission++;
    batch.submissions.push(line([sid, id, channel, receivedAt, clerkId, bureau.id, headcount, collective, !!repeat, levelReached, channel === 'agent' ? `${pick(surnames)}${pick(GIVEN)}` : null, null]));
    stats.submissions++;
    if (collective) {
      // at most 5 representatives (Art 20), recorded as petitioners of their own
      for (let k = 1 + Math.floor(rnd() * 5); k > 0; k--) {
        const p = newPerson(caseCounty);
        const pid = ids.petitioner++;
        batch.petitioners.push(line([pid, p.name, p.idNumber, p.mobile, p.address, p.areaCode, receivedAt]));
        batch.submission_people.push(line([sid, pid, 'representative']));
        stats.petitioners++;
        stats.people++;
      }
      stats.collective++;
    }
    stats.cases++;
    stats.byState[sim.state] = (stats.byState[sim.state] ?? 0) + 1;
    stats.byChannel[channel] = (stats.byChannel[channel] ?? 0) + 1;
    if (nextDue && nextDue < asOfDay) stats.overdue++;
    if (!repeat) {
      const entry = { petitionerId, name: petitionerName, matter, area, county: caseCounty, sim, caseNo };
      if (history.length < HISTORY_MAX) history.push(entry); else history[Math.floor(rnd() * HISTORY_MAX)] = entry;
    }
    if (batch.cases.length >= batchSize) {
      await sink(batch);
      batch = emptyBatch();
    }
  }
  if (batch.cases.length) await sink(batch);
  return stats;
}

/** Which actions the generator fires (so a reviewer can see every state is reachable). */
export const GENERATED_ACTIONS: Action[] = ['decline', 'divert', 'forward', 'assign', 'accept', 'own', 'request_extension', 'approve_extension', 'supervise', 'mediate', 'answer', 'deliver', 'evaluate', 'request_review', 'decide_review', 'request_re_review', 'decide_re_review', 'archive'];
