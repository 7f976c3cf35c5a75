// Renders a composed document as an A4 PDF in the layout of an official letter (GB/T 9704 in
// spirit): issuing body in red at the head, number above a red rule, title, addressee, body in
// 16 pt with two-character indents, issuer and date at the foot with the seal's place, page numbers.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors.ts';
import type { ComposedDocument } from './compose-document.ts';

export interface FontFace { file: string; face: string }
export interface CjkFonts { regular: FontFace; bold: FontFace }

/** Where Debian, Fedora and Alpine put the Noto CJK collections. */
export const FONT_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto-cjk', '/usr/share/fonts/google-noto-cjk', '/usr/share/fonts/noto'];
const REGULAR = [['NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular'], ['NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular']] as const;
const BOLD = [['NotoSerifCJK-Bold.ttc', 'NotoSerifCJKsc-Bold'], ['NotoSansCJK-Bold.ttc', 'NotoSansCJKsc-Bold']] as const;

function find(dirs: readonly string[], candidates: readonly (readonly [string, string])[]): FontFace | null {
  for (const [file, face] of candidates) {
    for (const dir of dirs) {
      const p = path.join(dir, file);
      if (existsSync(p)) return { file: p, face };
    }
  }
  return null;
}

/** Finds a Chinese font on this machine; DOCUMENT_FONT_MISSING when fonts-noto-cjk is not installed. */
export function locateCjkFonts(dirs: readonly string[] = FONT_DIRS): CjkFonts {
  const regular = find(dirs, REGULAR);
  if (!regular) throw new AppError('DOCUMENT_FONT_MISSING', { looked: dirs });
  return { regular, bold: find(dirs, BOLD) ?? regular };
}

const MM = 72 / 25.4;
const RED = '#c8161d';
const BODY = 16; // 三号
const TITLE = 22; // 二号
const LINE_GAP = 5;

/** The PDF bytes and its page count. */
export async function renderDocumentPdf(d: ComposedDocument, fonts: CjkFonts = locateCjkFonts()): Promise<{ pdf: Buffer; pages: number }> {
  const margins = { top: 25 * MM, bottom: 28 * MM, left: 28 * MM, right: 26 * MM };
  // loaded on the first document, not at start-up
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margins, bufferPages: true, info: { Title: `${d.title} ${d.number}`, Author: d.issuer, Subject: d.caseNo } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => { doc.on('end', resolve); doc.on('error', reject); });
  doc.registerFont('regular', fonts.regular.file, fonts.regular.face);
  doc.registerFont('bold', fonts.bold.file, fonts.bold.face);

  const left = margins.left;
  const width = doc.page.width - margins.left - margins.right;
  const para = { width, align: 'justify' as const, lineGap: LINE_GAP };

  // 版头: the issuing body in red, shrunk to fit one line
  const headSize = Math.min(34, Math.floor(width / Math.max(d.issuer.length, 1)));
  doc.font('bold').fontSize(headSize).fillColor(RED).text(d.issuer, left, margins.top, { width, align: 'center' });
  doc.moveDown(0.3);
  doc.font('regular').fontSize(BODY).fillColor('black').text(d.number, left, doc.y, { width, align: 'center' });
  const ruleY = doc.y + 3 * MM;
  doc.moveTo(left, ruleY).lineTo(left + width, ruleY).lineWidth(1.5).strokeColor(RED).stroke();
  doc.y = ruleY + 6 * MM;

  doc.font('bold').fontSize(TITLE).fillColor('black').text(d.title, left, doc.y, { width, align: 'center', lineGap: 4 });
  doc.moveDown(0.8);
  doc.font('regular').fontSize(BODY).text(d.addressee, left, doc.y, para);

  if (d.fields.length) {
    doc.moveDown(0.4);
    const labelW = 28 * MM;
    for (const f of d.fields) {
      const y = doc.y;
      const h = Math.max(doc.heightOfString(f.value, { width: width - labelW - 6 * MM }), doc.currentLineHeight()) + 4 * MM;
      if (y + h > doc.page.height - margins.bottom) { doc.addPage(); }
      const top = doc.y;
      doc.rect(left, top, labelW, h).rect(left + labelW, top, width - labelW, h).lineWidth(0.8).strokeColor('black').stroke();
      doc.font('bold').text(f.label, left, top + 2 * MM, { width: labelW, align: 'center' });
      doc.font('regular').text(f.value, left + labelW + 3 * MM, top + 2 * MM, { width: width - labelW - 6 * MM });
      doc.y = top + h;
    }
    doc.moveDown(0.6);
  }

  for (const p of [...d.paragraphs, ...(d.closing ? [d.closing] : [])]) {
    doc.text(p, left, doc.y, { ...para, indent: 2 * BODY });
  }

  // 落款: issuer and date at the right with the seal's place over them; kept together on one page
  const blockH = 8 * MM + 2 * doc.currentLineHeight(true);
  if (doc.y + blockH > doc.page.height - margins.bottom) doc.addPage();
  const sigTop = doc.y + 8 * MM;
  const sigW = Math.max(doc.widthOfString(d.issuer), doc.widthOfString(d.dateText)) + 4 * MM;
  const sigX = left + width - sigW - 4 * BODY;
  doc.text(d.issuer, sigX, sigTop, { width: sigW, align: 'center' });
  doc.text(d.dateText, sigX, doc.y + 2, { width: sigW, align: 'center' });
  const cx = sigX + sigW / 2;
  const cy = sigTop + 6 * MM;
  doc.save().circle(cx, cy, 20 * MM).lineWidth(1).dash(4, { space: 3 }).strokeColor(RED).stroke().undash().restore();
  doc.font('regular').fontSize(10).fillColor(RED).text('（盖章）', cx - 15 * MM, cy + 13 * MM, { width: 30 * MM, align: 'center' });
  doc.fillColor('black').fontSize(BODY);

  // 页码: — n — at the foot of every page
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0; // the footer sits in the margin; without this the text would open a new page
    const y = doc.page.height - margins.bottom + 6 * MM;
    doc.font('regular').fontSize(14).fillColor('black').text(`— ${i + 1} —`, left, y, { width, align: 'center', lineBreak: false, height: 20 });
    doc.fontSize(9).fillColor('#666666').text(`事项编号：${d.caseNo}`, left, y + 7 * MM, { width, align: 'right', lineBreak: false, height: 12 });
  }
  doc.end();
  await done;
  return { pdf: Buffer.concat(chunks), pages: range.count };
}
