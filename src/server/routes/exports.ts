// Exports: any table to Excel at once; the statistical report (xlsx) and the 信访简报 (docx) as jobs
// that are polled and downloaded when ready.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { ACCEPTANCE_BASES, ON_TIME_VARIANTS, PERIOD_KINDS, SATISFACTION_BASES } from '../../shared/figures.ts';
import type { AppContext } from '../context.ts';
import { requireStaff } from '../http/auth.ts';
import { COLUMN_KINDS, TABLE_LIMITS, XLSX_MIME, type TableSheet } from '../stats/exports/xlsx-table.ts';
import { exportTable } from '../services/export-table.ts';
import { downloadExport, enqueueExport, listMyExportJobs, viewExportJob, type ExportFile } from '../services/export-jobs.ts';
import { BULLETIN_KIND, type BulletinParams } from '../services/export-bulletin.ts';
import { REPORT_KIND, type ReportParams } from '../services/export-report.ts';

const Cell = Type.Union([Type.String({ maxLength: 5000 }), Type.Number(), Type.Null()]);
const TableBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 100 }),
  sheets: Type.Array(Type.Object({
    name: Type.String({ minLength: 1, maxLength: 100 }),
    columns: Type.Array(Type.Object({
      header: Type.String({ minLength: 1, maxLength: 200 }),
      kind: Type.Optional(Type.Enum([...COLUMN_KINDS])),
      width: Type.Optional(Type.Integer({ minimum: 2, maximum: 120 })),
    }, { additionalProperties: false }), { minItems: 1, maxItems: TABLE_LIMITS.columns }),
    rows: Type.Array(Type.Array(Cell, { maxItems: TABLE_LIMITS.columns }), { maxItems: 50_000 }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: TABLE_LIMITS.sheets }),
}, { additionalProperties: false });

export const FiguresQuerySchema = Type.Object({
  orgId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  subtree: Type.Optional(Type.Boolean()),
  period: Type.Enum([...PERIOD_KINDS]),
  from: Type.String({ format: 'date' }),
  to: Type.Optional(Type.String({ format: 'date' })),
  onTimeVariant: Type.Optional(Type.Enum([...ON_TIME_VARIANTS])),
  satisfactionBasis: Type.Optional(Type.Enum([...SATISFACTION_BASES])),
  acceptanceBasis: Type.Optional(Type.Enum([...ACCEPTANCE_BASES])),
}, { additionalProperties: false });

const ReportBody = Type.Object({ query: FiguresQuerySchema }, { additionalProperties: false });
const BulletinBody = Type.Object({
  query: FiguresQuerySchema,
  issueNo: Type.Integer({ minimum: 1, maximum: 9999 }),
  issuingBody: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  issuedOn: Type.Optional(Type.String({ format: 'date' })),
  caseIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), { maxItems: 20 })),
  distribution: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });

const Job = Type.Object({
  id: Type.Integer(), kind: Type.String(), status: Type.Enum(['queued', 'running', 'done', 'failed']),
  filename: Type.Union([Type.String(), Type.Null()]), size: Type.Union([Type.Integer(), Type.Null()]), errorCode: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(), finishedAt: Type.Union([Type.String(), Type.Null()]), downloadUrl: Type.Union([Type.String(), Type.Null()]),
});
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

function sendFile(reply: FastifyReply, f: ExportFile) {
  const ascii = f.filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply.header('content-type', f.mime).header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
    .header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').send(f.data);
}

export default async function exportRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.post('/exports/table', {
    schema: {
      tags: ['exports'], summary: '表格导出 Excel Any table to Excel', body: TableBody, produces: [XLSX_MIME],
      response: { 200: Type.String({ contentMediaType: XLSX_MIME }) },
    },
  }, async (req, reply) => sendFile(reply, await exportTable(ctx, requireStaff(req), req.body as { title: string; sheets: TableSheet[] }, req.ip)));

  app.post('/exports/report', {
    schema: { tags: ['exports'], summary: '信访情况统计表（xlsx，后台生成） Statistical report sheets (job)', body: ReportBody, response: { 202: Job } },
  }, async (req, reply) => reply.status(202).send(await enqueueExport(ctx, requireStaff(req), REPORT_KIND, req.body as ReportParams, req.ip)));

  app.post('/exports/bulletin', {
    schema: { tags: ['exports'], summary: '信访简报（docx，后台生成） The bulletin (job)', body: BulletinBody, response: { 202: Job } },
  }, async (req, reply) => reply.status(202).send(await enqueueExport(ctx, requireStaff(req), BULLETIN_KIND, req.body as BulletinParams, req.ip)));

  app.get('/exports/jobs', {
    schema: { tags: ['exports'], summary: '我的导出任务 My export jobs', response: { 200: Type.Array(Job) } },
  }, async (req) => listMyExportJobs(ctx, requireStaff(req)));

  app.get('/exports/jobs/:id', {
    schema: { tags: ['exports'], summary: '导出任务状态 Export job state', params: IdParams, response: { 200: Job } },
  }, async (req) => viewExportJob(ctx, requireStaff(req), (req.params as { id: number }).id));

  app.get('/exports/jobs/:id/file', {
    schema: {
      tags: ['exports'], summary: '下载导出文件 Download the export', params: IdParams, produces: [XLSX_MIME, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      response: { 200: Type.String({ contentMediaType: 'application/octet-stream' }) },
    },
  }, async (req, reply) => sendFile(reply, await downloadExport(ctx, requireStaff(req), (req.params as { id: number }).id, req.ip)));
}
