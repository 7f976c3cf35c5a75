// The case list is compiled once per shape of filters (repositories/cases.ts LIST_CASES). Whatever
// the filters, the sort and the page size, paging through it gives exactly the cases the filter
// describes, in the sort's order, each once: checked against the same rules applied in memory to
// every case, over cases of every state, body and flag.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { buildRegistration } from '../test/factories.ts';
import { REPEAT_OF_FINAL_UNDECIDED_STATES, RUNNING_CLOCK, type CaseState } from '../../domain/lifecycle.ts';

const CASE_STATES = Object.keys(RUNNING_CLOCK) as CaseState[];
import type { CaseRow } from '../db/schema.ts';
import { listCases, type CaseFilter, type CaseSort, type Cursor } from './cases.ts';

let t: TestApp;
let all: CaseRow[] = [];
const owned = new Map<number, Set<number>>();
let paths: string[] = [];
let orgs: { id: number; path: string }[] = [];
let categoryIds: number[] = [];
const TITLES = ['拖欠工资', '征地补偿', '物业纠纷', '社保缴纳'];

beforeAll(async () => {
  t = await startTestApp('2026-03-02T10:00:00+08:00');
  const res = await (await t.as('clerk')).post('/api/v1/cases', await buildRegistration(t, {}));
  expect(res.statusCode, res.body).toBe(201);
  const template = await t.ctx.db.selectFrom('cases').selectAll().where('id', '=', res.json().caseId).executeTakeFirstOrThrow();
  orgs = await t.ctx.db.selectFrom('organisations').select(['id', 'path']).orderBy('id').execute();
  paths = [...new Set(orgs.map((o) => o.path))];
  categoryIds = (await t.ctx.db.selectFrom('categories').select('id').execute()).map((c) => c.id);
  const leaders = (await t.ctx.db.selectFrom('users').select('id').where('role', '=', 'leader').limit(2).execute()).map((u) => u.id);
  // a fixed sequence, so a failure can be replayed
  let seed = 20261207;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const { id: _id, version: _v, ...rest } = template;
  const rows = Array.from({ length: 160 }, (_, i) => {
    const state: string = pick(CASE_STATES);
    const current = pick(orgs);
    const handling = rnd() < 0.5 ? pick(orgs) : null;
    const urgent = rnd() < 0.2 ? pick(orgs) : null;
    // the due date of the running clock, as lifecycle.ts runningDue sets it: every state with a clock
    // has one (the list relies on it), the others none
    const due = RUNNING_CLOCK[state as CaseState] ? `2026-0${1 + Math.floor(rnd() * 6)}-1${Math.floor(rnd() * 10)}` : null;
    return {
      ...rest, case_no: `XFLIST${String(i).padStart(4, '0')}`, query_code: `L${String(i).padStart(7, '0')}`, title: `${pick(TITLES)}${i}`,
      state, kind: pick(['suggestion', 'accusation', 'claim']), channel: pick(['online', 'letter', 'visit', 'phone']), category_id: pick(categoryIds),
      // ties on the sort keys, so the id decides
      received_at: new Date(Date.UTC(2025, 6 + Math.floor(rnd() * 6), 1 + Math.floor(rnd() * 3))), next_due: due,
      current_org_id: current.id, current_org_path: current.path, registered_org_path: pick(paths),
      handling_org_id: handling?.id ?? null, handling_org_path: handling?.path ?? null,
      is_repeat: rnd() < 0.3, is_collective: rnd() < 0.2, repeat_of_final: rnd() < 0.3, route_kind: rnd() < 0.5 ? null : pick(['forward', 'assign']),
      extension_status: pick(['none', 'requested', 'approved']), evaluation_status: pick(['none', 'pending', 'rated', 'expired']),
      urgent_reported_at: urgent ? new Date('2026-02-01T00:00:00Z') : null, urgent_org_path: urgent?.path ?? null,
      co_org_ids: rnd() < 0.2 ? [pick(orgs).id, pick(orgs).id] : [],
    };
  });
  await t.ctx.db.insertInto('cases').values(rows).execute();
  all = await t.ctx.db.selectFrom('cases').selectAll().orderBy('id').execute();
  for (const c of all) {
    if (rnd() < 0.15) {
      const leader = pick(leaders);
      await t.ctx.db.insertInto('case_ownerships').values({ case_id: c.id, leader_user_id: leader, plan: '包案', closing_standard: '办结', due_on: '2026-06-30', created_at: new Date() }).execute();
      if (!owned.has(leader)) owned.set(leader, new Set());
      owned.get(leader)!.add(c.id);
    }
  }
}, 60_000);
afterAll(async () => t.close());

/** The filter's rules, in memory. */
function matches(c: CaseRow, f: CaseFilter): boolean {
  const under = (p: string | null, prefix: string) => p !== null && p.startsWith(prefix);
  const scopeImplied = (!!f.currentOrgId && !!f.currentOrgPath && f.currentOrgPath.startsWith(f.scopePath)) || f.coOrgId !== undefined;
  if (!scopeImplied && !under(c.current_org_path, f.scopePath) && !under(c.registered_org_path, f.scopePath) && !under(c.handling_org_path, f.scopePath)) return false;
  if (f.coOrgId !== undefined && !c.co_org_ids.includes(f.coOrgId)) return false;
  if (f.currentOrgId && c.current_org_id !== f.currentOrgId) return false;
  if (f.orgPath && !under(c.current_org_path, f.orgPath)) return false;
  if (f.states?.length && !f.states.includes(c.state)) return false;
  if (f.kind && c.kind !== f.kind) return false;
  if (f.categoryIds?.length && !f.categoryIds.includes(c.category_id)) return false;
  if (f.channel && c.channel !== f.channel) return false;
  if (f.receivedFrom && c.received_at < f.receivedFrom) return false;
  if (f.receivedTo && !(c.received_at < f.receivedTo)) return false;
  if (f.dueBefore && !(c.next_due !== null && c.next_due <= f.dueBefore)) return false;
  if (f.dueFrom && !(c.next_due !== null && c.next_due >= f.dueFrom)) return false;
  if (f.extensionPending && c.extension_status !== 'requested') return false;
  if (f.urgentUnder !== undefined && !(c.urgent_reported_at !== null && under(c.urgent_org_path, f.urgentUnder))) return false;
  if (f.evaluationPending && c.evaluation_status !== 'pending') return false;
  if (f.isRepeat !== undefined && c.is_repeat !== f.isRepeat) return false;
  if (f.isCollective !== undefined && c.is_collective !== f.isCollective) return false;
  if (f.repeatOfFinalUndecided !== undefined) {
    const undecided = c.repeat_of_final && (REPEAT_OF_FINAL_UNDECIDED_STATES as readonly string[]).includes(c.state) && c.route_kind === null;
    if (undecided !== f.repeatOfFinalUndecided) return false;
  }
  if (f.text && !(c.title.includes(f.text) || c.case_no === f.text)) return false;
  if (f.ownedBy && !owned.get(f.ownedBy)?.has(c.id)) return false;
  return true;
}

function order(sort: CaseSort) {
  return (a: CaseRow, b: CaseRow) => {
    if (sort === 'due_asc') {
      const x = a.next_due ?? '9999-99-99', y = b.next_due ?? '9999-99-99';
      return x < y ? -1 : x > y ? 1 : a.id - b.id;
    }
    const d = a.received_at.getTime() - b.received_at.getTime() || a.id - b.id;
    return sort === 'received_asc' ? d : -d;
  };
}

const filterArb = () => {
  // each filter given one time in seven, so that most lists are not empty
  const opt = <T>(a: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, { arbitrary: a, weight: 1 });
  const day = fc.integer({ min: 0, max: 200 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  return fc.record({
    // mostly the whole tree (a province's view), else a city's or a county's
    scopePath: fc.oneof({ arbitrary: fc.constant(paths.reduce((a, b) => (a.length <= b.length ? a : b))), weight: 3 }, { arbitrary: fc.constantFrom(...paths.filter((p) => p.split('/').length <= 5)), weight: 1 }),
    states: opt(fc.subarray([...CASE_STATES], { minLength: 1 })),
    kind: opt(fc.constantFrom('suggestion', 'accusation', 'claim')),
    categoryIds: opt(fc.subarray(categoryIds, { minLength: 1, maxLength: 4 })),
    org: opt(fc.constantFrom(...orgs)),
    orgOnly: fc.boolean(),
    channel: opt(fc.constantFrom('online', 'letter', 'visit', 'phone')),
    receivedFrom: opt(fc.date({ min: new Date('2025-07-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })),
    receivedTo: opt(fc.date({ min: new Date('2025-07-01T00:00:00Z'), max: new Date('2026-01-31T00:00:00Z'), noInvalidDate: true })),
    dueBefore: opt(day), dueFrom: opt(day),
    extensionPending: opt(fc.constant(true)), evaluationPending: opt(fc.constant(true)),
    isRepeat: opt(fc.boolean()), isCollective: opt(fc.boolean()), repeatOfFinalUndecided: opt(fc.boolean()),
    text: opt(fc.constantFrom(...TITLES, 'XFLIST0007', '工资1')),
    ownedBy: opt(fc.constantFrom(...owned.keys())),
    urgentUnder: opt(fc.constantFrom(...paths.slice(0, 6))),
    coOrgId: opt(fc.constantFrom(...orgs.map((o) => o.id))),
  }).map(({ org, orgOnly, ...f }): CaseFilter => {
    const filter = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as unknown as CaseFilter;
    if (org && orgOnly) { filter.currentOrgId = org.id; filter.currentOrgPath = org.path; } else if (org) filter.orgPath = org.path;
    return filter;
  });
};

it('pages through exactly the matching cases in order, each once, for any filters, sort and page size', async () => {
  let nonEmpty = 0;
  await fc.assert(fc.asyncProperty(filterArb(), fc.constantFrom<CaseSort>('due_asc', 'received_desc', 'received_asc'), fc.integer({ min: 1, max: 40 }), async (f, sort, limit) => {
    const expected = all.filter((c) => matches(c, f)).sort(order(sort)).map((c) => c.id);
    const got: number[] = [];
    let cursor: Cursor | null = null;
    for (let pages = 0; pages <= all.length; pages++) {
      const rows = await listCases(t.ctx.db, f, sort, limit + 1, cursor);
      const page = rows.slice(0, limit);
      got.push(...page.map((r) => r.id));
      const last = page[page.length - 1];
      if (rows.length <= limit || !last) break;
      cursor = { v: sort === 'due_asc' ? last.next_due : new Date(last.received_at).toISOString(), id: last.id };
    }
    expect(got).toEqual(expected);
    if (expected.length) nonEmpty++;
  }), { numRuns: 150 });
  // the property was tried on lists with something in them
  expect(nonEmpty).toBeGreaterThan(30);
}, 120_000);
