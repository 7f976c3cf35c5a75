// Any table the console shows, to Excel: the client sends the rows it displays (already within the
// user's scope); the server writes the workbook with the house style.
import type { Actor, AppContext } from '../context.ts';
import { insertAudit } from '../repositories/audit.ts';
import { buildWorkbook, XLSX_MIME, type TableSheet } from '../stats/exports/xlsx-table.ts';
import type { ExportFile } from './export-jobs.ts';

/** A file name safe on every system: the given title without path or control characters. */
export function safeFilename(title: string, ext: string): string {
  const base = title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim().slice(0, 80) || 'export';
  return `${base}.${ext}`;
}

export async function exportTable(ctx: AppContext, actor: Actor, input: { title: string; sheets: TableSheet[] }, ip?: string): Promise<ExportFile> {
  const data = await buildWorkbook(input.sheets, { title: input.title, creator: actor.displayName, created: ctx.clock.now() });
  await insertAudit(ctx.db, [{ at: ctx.clock.now(), actorUserId: actor.userId, actorKind: 'staff', action: 'export.table', ip: ip ?? null, detail: { title: input.title, rows: input.sheets.reduce((n, s) => n + s.rows.length, 0) } }]);
  return { filename: safeFilename(input.title, 'xlsx'), mime: XLSX_MIME, data };
}
