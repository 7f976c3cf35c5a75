// The 信访简报 (bulletin) for a body and period as a Word document, queued as an export job: the
// engine's figures, a month-by-month trend, the ranking of the bodies below, and cases the
// bureau selected. Accusations are never put in a bulletin ([T22] Art 30: kept confidential).
import { AppError } from '../../shared/errors.ts';
import type { Figures, FiguresQuery } from '../../shared/figures.ts';
import { OUTCOME_LABELS, type Outcome } from '../../shared/enums.ts';
import { periodTitle } from '../../shared/figure-text.ts';
import { STATE_LABELS, type CaseState } from '../../domain/lifecycle.ts';
import { localDate } from '../../domain/calendar.ts';
import type { Actor, AppContext } from '../context.ts';
import { findCase } from '../repositories/cases.ts';
import { findOrg } from '../repositories/organisations.ts';
import { findCategory } from '../repositories/categories.ts';
import { canViewCase } from '../policies/case-policy.ts';
import { resolveQuery, today as todayOf } from '../stats/engine.ts';
import { buildBulletinDocx, DOCX_MIME, type BulletinCase } from '../stats/exports/bulletin-docx.ts';
import type { TrendPoint } from '../stats/exports/charts.ts';
import { computeFigures } from './compute-figures.ts';
import { rankBodies } from './rank-bodies.ts';
import { disputeFiguresOf } from './list-disputes.ts';
import { registerExportKind, type ExportFile } from './export-jobs.ts';
import { safeFilename } from './export-table.ts';

export const BULLETIN_KIND = 'bulletin';
export interface BulletinParams {
  query: FiguresQuery;
  issueNo: number;
  issuingBody?: string;
  issuedOn?: string;
  caseIds?: number[];
  distribution?: string;
}

/** Submissions month by month from January of the period's year to the period's last month. */
export async function monthlyTrend(ctx: AppContext, actor: Actor, f: Figures): Promise<TrendPoint[]> {
  if (f.query.period === 'day' || f.query.period === 'custom') return [];
  const year = f.query.range.from.slice(0, 4);
  const last = Math.min(Number(f.query.range.to.slice(5, 7)), f.today.slice(0, 4) === year ? Number(f.today.slice(5, 7)) : 12);
  const points: TrendPoint[] = [];
  for (let m = 1; m <= last; m++) {
    const mf = await computeFigures(ctx, actor, { orgId: f.query.orgId, subtree: f.query.subtree, period: 'month', from: `${year}-${String(m).padStart(2, '0')}-01` });
    points.push({ label: `${m}月`, value: mf.figures.submissions.value ?? 0, prevYear: mf.figures.submissions.prevYear });
  }
  return points;
}

async function loadCases(ctx: AppContext, actor: Actor, ids: number[]): Promise<BulletinCase[]> {
  const out: BulletinCase[] = [];
  for (const id of ids) {
    const c = await findCase(ctx.reader, id);
    if (!c || !canViewCase(actor, c)) throw new AppError('CASE_NOT_FOUND', { caseId: id });
    if (c.kind === 'accusation') throw new AppError('FORBIDDEN', { caseId: id, reason: 'accusations are confidential (Art 30)' });
    const cat = await findCategory(ctx.reader, c.category_id);
    const org = await findOrg(ctx.reader, c.handling_org_id ?? c.current_org_id);
    const outcome = c.outcome ? `处理意见：${OUTCOME_LABELS[c.outcome as Outcome]?.[0] ?? c.outcome}。` : null;
    out.push({
      caseNo: c.case_no, title: c.title, categoryName: cat?.name_zh ?? null, stateZh: STATE_LABELS[c.state as CaseState]?.[0] ?? c.state,
      orgName: org?.name ?? null, note: outcome,
    });
  }
  return out;
}

export async function buildBulletinExport(ctx: AppContext, actor: Actor, p: BulletinParams): Promise<ExportFile> {
  const f = await computeFigures(ctx, actor, p.query);
  const issuingBody = p.issuingBody ?? (await findOrg(ctx.reader, actor.orgId))?.name ?? f.query.orgName;
  const org = (await findOrg(ctx.reader, f.query.orgId))!;
  const disputes = (await disputeFiguresOf(ctx.reader, org, f.query.subtree, f.query.range)).total;
  const data = await buildBulletinDocx({
    issueNo: p.issueNo, issuingBody, issuedOn: p.issuedOn ?? localDate(ctx.clock.now()), figures: f,
    trend: await monthlyTrend(ctx, actor, f),
    ranking: (await rankBodies(ctx, actor, p.query)).rows,
    cases: await loadCases(ctx, actor, p.caseIds ?? []),
    distribution: p.distribution ?? null,
    disputes,
  });
  return { filename: safeFilename(`信访简报第${p.issueNo}期（${periodTitle(f.query)}）`, 'docx'), mime: DOCX_MIME, data };
}

registerExportKind(BULLETIN_KIND, {
  check: async (ctx, actor, raw) => {
    const p = raw as BulletinParams;
    await resolveQuery(ctx.reader, actor, p.query, todayOf(ctx));
    await loadCases(ctx, actor, p.caseIds ?? []);
  },
  build: (ctx, actor, p) => buildBulletinExport(ctx, actor, p as BulletinParams),
});
