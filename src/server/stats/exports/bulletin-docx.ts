// The 信访简报 as a Word document: title block (信访简报, 第X期, issuing body, date), the period, a
// summary paragraph written from the figures, the charts as images, tables and selected cases.
// Word, ECharts and the SVG rasteriser are loaded on the first bulletin, not at start-up.
import type { Figures, RankingRow } from '../../../shared/figures.ts';
import type { TrendPoint } from './charts.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface BulletinCase {
  caseNo: string;
  title: string;
  categoryName: string | null;
  stateZh: string;
  orgName: string | null;
  /** The outcome or progress in one sentence; never the petitioner's identity. */
  note: string | null;
}

export interface BulletinContent {
  issueNo: number;
  issuingBody: string;
  /** Local date 'YYYY-MM-DD'. */
  issuedOn: string;
  figures: Figures;
  /** Submissions month by month, with the same month a year before. */
  trend: TrendPoint[];
  ranking: RankingRow[];
  cases: BulletinCase[];
  /** 矛盾纠纷排查 in the period: screened, resolved, converted, 化解率. */
  disputes: { screened: number; resolved: number; converted: number; rate: number | null } | null;
  /** The 报/送 line at the foot, as the bureau writes it. */
  distribution?: string | null;
}

/** Builds the bulletin. Charts are drawn from the same figures the tables show. */
export async function buildBulletinDocx(c: BulletinContent): Promise<Buffer> {
  const { renderBulletinDocx } = await import('./bulletin-docx-render.ts');
  return renderBulletinDocx(c);
}
