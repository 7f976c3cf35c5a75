// The standard statistical report (信访情况统计表) for a body and a month, quarter or year, as an
// .xlsx built from the figures engine, queued as an export job.
import type { FiguresQuery } from '../../shared/figures.ts';
import { periodTitle } from '../../shared/figure-text.ts';
import type { Actor, AppContext } from '../context.ts';
import { resolveQuery, today as todayOf } from '../stats/engine.ts';
import { buildReportSheets } from '../stats/exports/report-sheets.ts';
import { buildWorkbook, XLSX_MIME } from '../stats/exports/xlsx-table.ts';
import { computeFigures } from './compute-figures.ts';
import { disputeFiguresOf } from './list-disputes.ts';
import { findOrg } from '../repositories/organisations.ts';
import { registerExportKind, type ExportFile } from './export-jobs.ts';
import { safeFilename } from './export-table.ts';

export const REPORT_KIND = 'report';
export interface ReportParams { query: FiguresQuery }

/** Builds the report workbook; every number is the engine's for the same query. */
export async function buildReportExport(ctx: AppContext, actor: Actor, params: ReportParams): Promise<ExportFile> {
  const f = await computeFigures(ctx, actor, params.query);
  const title = `${f.query.orgName}${periodTitle(f.query)}信访情况统计表`;
  const org = (await findOrg(ctx.reader, f.query.orgId))!;
  const disputes = await disputeFiguresOf(ctx.reader, org, f.query.subtree, f.query.range);
  const data = await buildWorkbook(buildReportSheets(f, disputes), { title, creator: actor.displayName, created: ctx.clock.now() });
  return { filename: safeFilename(title, 'xlsx'), mime: XLSX_MIME, data };
}

registerExportKind(REPORT_KIND, {
  // the body must be in the user's scope and the period valid before anything is queued
  check: async (ctx, actor, p) => { await resolveQuery(ctx.reader, actor, (p as ReportParams).query, todayOf(ctx)); },
  build: (ctx, actor, p) => buildReportExport(ctx, actor, p as ReportParams),
});
