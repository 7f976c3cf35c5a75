// Computes the figures (统计) of a body, alone or with the bodies below it, for a period, with the
// same period a year before (同比) and the period before (环比). Everything counted in a period
// comes from the rollups; only the "as of today" parts are counted from the cases (formulas.ts).
import { CHANNEL_LABELS, KIND_LABELS, LEVEL_REACHED_LABELS, type Channel, type Kind, type LevelReached } from '../../shared/enums.ts';
import {
  BREAKDOWN_KEYS, FIGURE_KEYS, type BreakdownKey, type BreakdownRow, type FigureKey, type FigureValue, type Figures, type FiguresQuery, type LeaderRow, type PeriodRange,
} from '../../shared/figures.ts';
import type { Actor, AppContext } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { listCategories } from '../repositories/categories.ts';
import { leaderNames, receptionCounts } from '../repositories/stats.ts';
import { change, computeValues, figureDefs, type ReceptionCounts, type Sums } from '../stats/formulas.ts';
import { nowSums, periodSums, resolveQuery, snapshotSums, today as todayOf, type ResolvedQuery } from '../stats/engine.ts';
import { settleFigures } from './settle-figures.ts';

const BREAKDOWN_METRIC: Record<BreakdownKey, string> = {
  channel: 'sub', kind: 'sub_kind', category: 'sub_cat', categoryParent: 'sub_catp', area: 'sub_area', levelReached: 'sub_level', skipLevel: 'sub_skip',
};

interface PeriodData { sums: Sums; values: Record<FigureKey, number | null>; reception: Awaited<ReturnType<typeof receptionCounts>> | null }

async function loadPeriod(db: Executor, q: ResolvedQuery, r: PeriodRange, today: string): Promise<PeriodData> {
  const sums = await periodSums(db, q.orgId, q.subtree, r);
  const snap = await snapshotSums(db, q.orgId, q.subtree, r, today);
  // reception days held: up to today (days scheduled later are not counted yet)
  const heldTo = r.to < today ? r.to : today;
  const reception = heldTo >= r.from ? await receptionCounts(db, q.orgPath, q.subtree, r.from, heldTo) : { days: [], visits: [] };
  const rec: ReceptionCounts | null = reception ? {
    receptionDays: reception.days.reduce((t, x) => t + Number(x.days), 0),
    receptionVisits: reception.visits.reduce((t, x) => t + Number(x.visits), 0),
    receptionHeadcount: reception.visits.reduce((t, x) => t + Number(x.headcount), 0),
    fixedReceptionDays: reception.days.reduce((t, x) => t + Number(x.fixed_days), 0),
    fieldVisitDays: reception.days.reduce((t, x) => t + Number(x.field_days), 0),
    appointmentHeadcount: reception.visits.reduce((t, x) => t + Number(x.appointment_headcount), 0),
  } : null;
  return { sums, values: computeValues(sums, snap, rec, q), reception };
}

function fv(v: number | null, py: number | null, pp: number | null, isRate: boolean): FigureValue {
  return { value: v, prevYear: py, prevPeriod: pp, yoy: change(v, py, isRate), mom: change(v, pp, isRate) };
}

function dimTotals(s: Sums, metric: string): Map<string, [number, number]> {
  return s.get(metric) ?? new Map();
}

async function breakdowns(db: Executor, cur: Sums, py: Sums, pp: Sums): Promise<Record<BreakdownKey, BreakdownRow[]>> {
  const cats = await listCategories(db);
  const catById = new Map(cats.map((c) => [String(c.id), c]));
  const areaCodes = new Set<string>();
  for (const s of [cur, py, pp]) for (const k of dimTotals(s, 'sub_area').keys()) areaCodes.add(k);
  const areaNames = new Map<string, string>();
  if (areaCodes.size) {
    const orgs = await db.selectFrom('organisations').select(['area_code', 'name', 'kind']).where('area_code', 'in', [...areaCodes]).orderBy('id').execute();
    for (const o of orgs) if (!areaNames.has(o.area_code) || o.kind === 'government' || o.kind === 'township') areaNames.set(o.area_code, o.name);
  }
  const label = (b: BreakdownKey, key: string): [string, string, string | null | undefined] => {
    if (b === 'channel') return [...(CHANNEL_LABELS[key as Channel] ?? [key, key]), undefined];
    if (b === 'kind') return [...(KIND_LABELS[key as Kind] ?? [key, key]), undefined];
    if (b === 'levelReached' || b === 'skipLevel') return [...(LEVEL_REACHED_LABELS[key as LevelReached] ?? [key || '未知', key || 'Unknown']), undefined];
    if (b === 'category' || b === 'categoryParent') {
      const c = catById.get(key);
      return [c?.name_zh ?? key, c?.name_en ?? key, c?.parent_id ? String(c.parent_id) : null];
    }
    const name = areaNames.get(key) ?? key;
    return [name, name, undefined];
  };
  const out = {} as Record<BreakdownKey, BreakdownRow[]>;
  for (const b of BREAKDOWN_KEYS) {
    const metric = BREAKDOWN_METRIC[b];
    const c = dimTotals(cur, metric), y = dimTotals(py, metric), p = dimTotals(pp, metric);
    const keys = new Set([...c.keys(), ...y.keys(), ...p.keys()]);
    const rows: BreakdownRow[] = [...keys].map((key) => {
      const [zh, en, parentKey] = label(b, key);
      const cv = c.get(key) ?? [0, 0], yv = y.get(key) ?? [0, 0], pv = p.get(key) ?? [0, 0];
      return {
        key, labelZh: zh, labelEn: en, ...(parentKey !== undefined && { parentKey }),
        submissions: fv(cv[0], yv[0], pv[0], false), headcount: fv(cv[1], yv[1], pv[1], false),
      };
    });
    rows.sort((a, b2) => (b2.submissions.value ?? 0) - (a.submissions.value ?? 0) || a.key.localeCompare(b2.key));
    out[b] = rows;
  }
  return out;
}

async function leaders(db: Executor, s: Sums, reception: PeriodData['reception']): Promise<LeaderRow[]> {
  const rows = new Map<number, LeaderRow>();
  const row = (id: number) => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { userId: id, name: '', orgId: 0, receptionDays: 0, receptionVisits: 0, receptionHeadcount: 0, instructions: 0, ownedCases: 0, ownedConcluded: 0 }));
    return r;
  };
  for (const [metric, field] of [['ins', 'instructions'], ['own', 'ownedCases'], ['ownc', 'ownedConcluded']] as const) {
    for (const [dim, [n]] of dimTotals(s, metric)) if (n) row(Number(dim))[field] += n;
  }
  for (const d of reception?.days ?? []) row(Number(d.leader_user_id)).receptionDays += Number(d.days);
  for (const v of reception?.visits ?? []) {
    const r = row(Number(v.leader_user_id));
    r.receptionVisits += Number(v.visits);
    r.receptionHeadcount += Number(v.headcount);
  }
  const names = await leaderNames(db, [...rows.keys()]);
  for (const u of names) {
    const r = rows.get(u.id)!;
    r.name = u.display_name;
    r.orgId = u.org_id;
  }
  return [...rows.values()].sort((a, b) => a.userId - b.userId);
}

export async function computeFigures(ctx: AppContext, actor: Actor | null, query: FiguresQuery): Promise<Figures> {
  const db = ctx.reader;
  // the changes queued so far are applied first (on the primary), so the figures are exact
  await settleFigures(ctx.db);
  const today = todayOf(ctx);
  const q = await resolveQuery(db, actor, query, today);
  const cur = await loadPeriod(db, q, q.range, today);
  const py = await loadPeriod(db, q, q.prevYear, today);
  const pp = await loadPeriod(db, q, q.prevPeriod, today);
  const defs = figureDefs(q);
  const figures = {} as Record<FigureKey, FigureValue>;
  for (const k of FIGURE_KEYS) figures[k] = fv(cur.values[k], py.values[k], pp.values[k], !!defs[k].isRate);
  const { orgPath: _p, ...resolved } = q;
  return {
    query: resolved,
    today,
    figures,
    now: await nowSums(db, q.orgId, q.subtree, today),
    breakdowns: await breakdowns(db, cur.sums, py.sums, pp.sums),
    leaders: await leaders(db, cur.sums, cur.reception),
  };
}
