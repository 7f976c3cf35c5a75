// Any table to an Excel workbook (.xlsx): one sheet per table, Chinese sheet names, a styled header
// row frozen at the top, typed cells (integers, fractions shown as percentages, dates).
import type ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors.ts';

export type CellValue = string | number | null;
export const COLUMN_KINDS = ['text', 'integer', 'number', 'percent', 'date'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

export interface TableColumn {
  header: string;
  /** percent: the cell holds a fraction 0..1 and is shown as 12.3%. */
  kind?: ColumnKind;
  /** Width in characters; guessed from the content when omitted. */
  width?: number;
}

export interface TableSheet {
  name: string;
  columns: TableColumn[];
  rows: CellValue[][];
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const TABLE_LIMITS = { sheets: 20, columns: 60, cells: 500_000 } as const;

const NUM_FMT: Record<ColumnKind, string | undefined> = { text: '@', integer: '#,##0', number: '#,##0.00', percent: '0.0%', date: 'yyyy-mm-dd' };
const BAD_SHEET_CHARS = /[\\/?*[\]:]/;

/** Excel's own rule for sheet names: 1-31 characters, none of \ / ? * [ ] :, not starting or ending with '. */
export function isValidSheetName(name: string): boolean {
  return name.length >= 1 && name.length <= 31 && !BAD_SHEET_CHARS.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

/** Display width of a string: CJK characters take two columns. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

function cellOf(v: CellValue, kind: ColumnKind): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
  if ((kind === 'integer' || kind === 'number' || kind === 'percent') && typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return v;
}

export function checkSheets(sheets: TableSheet[]): void {
  if (sheets.length < 1 || sheets.length > TABLE_LIMITS.sheets) throw new AppError('EXPORT_TOO_LARGE', { sheets: sheets.length });
  const seen = new Set<string>();
  let cells = 0;
  for (const s of sheets) {
    if (!isValidSheetName(s.name) || seen.has(s.name.toLowerCase())) throw new AppError('EXPORT_BAD_SHEET_NAME', { name: s.name });
    seen.add(s.name.toLowerCase());
    if (s.columns.length < 1 || s.columns.length > TABLE_LIMITS.columns) throw new AppError('EXPORT_TOO_LARGE', { columns: s.columns.length });
    for (const [i, r] of s.rows.entries()) {
      if (r.length > s.columns.length) throw new AppError('VALIDATION_FAILED', { sheet: s.name, row: i, reason: 'more cells than columns' });
    }
    cells += s.rows.length * s.columns.length;
  }
  if (cells > TABLE_LIMITS.cells) throw new AppError('EXPORT_TOO_LARGE', { cells });
}

/** Builds the workbook. Sheet names are checked (EXPORT_BAD_SHEET_NAME); sizes are bounded. */
export async function buildWorkbook(sheets: TableSheet[], meta: { title?: string; creator?: string; created: Date }): Promise<Buffer> {
  checkSheets(sheets);
  // loaded on the first export, not at start-up (it holds tens of MB)
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = meta.creator ?? 'xinfang';
  wb.created = meta.created;
  wb.modified = meta.created;
  if (meta.title) wb.title = meta.title;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    ws.columns = s.columns.map((c, i) => {
      const kind = c.kind ?? 'text';
      const longest = Math.max(displayWidth(c.header), ...s.rows.slice(0, 500).map((r) => displayWidth(String(r[i] ?? ''))));
      return { header: c.header, key: `c${i}`, width: c.width ?? Math.min(60, Math.max(8, longest + 2)), style: NUM_FMT[kind] ? { numFmt: NUM_FMT[kind] } : {} };
    });
    for (const r of s.rows) ws.addRow(s.columns.map((c, i) => cellOf(r[i] ?? null, c.kind ?? 'text')));
    const header = ws.getRow(1);
    header.height = 22;
    header.eachCell((cell) => {
      cell.font = { bold: true, color: { argb: 'FFFFFFFF' }, name: '宋体', size: 11 };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      cell.border = { bottom: { style: 'thin', color: { argb: 'FF999999' } } };
      cell.numFmt = '@';
    });
    if (s.rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.columns.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
