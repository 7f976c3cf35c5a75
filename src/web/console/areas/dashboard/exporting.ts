// Exports from the dashboard: a shown table straight to Excel; the report and the bulletin as jobs
// polled until the file is ready.
import { api, apiDownload, ApiError } from '../../../common/api.ts';
import { errorMessage } from '../../../../shared/errors.ts';

export type Cell = string | number | null;
export interface TableData { columns: { header: string; kind?: 'text' | 'integer' | 'number' | 'percent' | 'date' }[]; rows: Cell[][] }

/** POST /exports/table (routes/exports.ts): the workbook, saved as `filename`. */
export function exportTable(title: string, sheets: (TableData & { name: string })[], filename: string): Promise<void> {
  return apiDownload('POST', '/exports/table', filename, { title, sheets });
}

/** GET /exports/jobs/:id (routes/exports.ts `Job`). */
export interface ExportJob { id: number; kind: string; status: 'queued' | 'running' | 'done' | 'failed'; filename: string | null; errorCode: string | null; downloadUrl: string | null }

/** Queues a job, polls it, and starts the download when it is done. */
export async function runExportJob(url: string, body: unknown, lang: 'zh' | 'en'): Promise<ExportJob> {
  let job = await api<ExportJob>('POST', url, body);
  for (let i = 0; i < 600 && (job.status === 'queued' || job.status === 'running'); i++) {
    await new Promise((r) => setTimeout(r, i < 10 ? 300 : 1000));
    job = await api<ExportJob>('GET', `/exports/jobs/${job.id}`);
  }
  if (job.status !== 'done' || !job.downloadUrl) throw new ApiError(job.errorCode ?? 'EXPORT_FAILED', 422, errorMessage(job.errorCode ?? 'EXPORT_FAILED', lang));
  const a = document.createElement('a');
  a.href = job.downloadUrl;
  a.download = job.filename ?? '';
  document.body.appendChild(a);
  a.click();
  a.remove();
  return job;
}
