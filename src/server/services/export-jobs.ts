// Long exports run as jobs: the request queues a row in export_jobs and returns at once; a small
// in-process runner builds the file into the file store; any later request (on any node) polls the
// row and downloads the file when it is done. A poll also restarts work a stopped process left.
import { AppError, isAppError } from '../../shared/errors.ts';
import type { Actor, AppContext } from '../context.ts';
import type { ExportJobRow } from '../db/schema-disputes.ts';
import {
  claimNextExportJob, completeExportJob, countQueuedExportJobs, failExportJob, findExportJob, insertExportJob, listExportJobs, requeueStaleExportJobs,
} from '../repositories/export-jobs.ts';
import { insertAudit } from '../repositories/audit.ts';
import { loadActor } from '../policies/scope.ts';

export interface ExportFile { filename: string; mime: string; data: Buffer }
export type ExportBuilder = (ctx: AppContext, actor: Actor, params: unknown) => Promise<ExportFile>;

/** How a job kind is checked when queued and built when run. */
export interface ExportKind {
  /** Checks the parameters against the user's scope before the job is queued (throws AppError). */
  check(ctx: AppContext, actor: Actor, params: unknown): Promise<void>;
  build: ExportBuilder;
}

const kinds = new Map<string, ExportKind>();
export function registerExportKind(name: string, kind: ExportKind): void {
  kinds.set(name, kind);
}

const STALE_MS = 10 * 60_000;

export interface ExportJobView {
  id: number; kind: string; status: string; filename: string | null; size: number | null; errorCode: string | null;
  createdAt: string; finishedAt: string | null; downloadUrl: string | null;
}

export function presentJob(j: ExportJobRow): ExportJobView {
  return {
    id: j.id, kind: j.kind, status: j.status, filename: j.filename, size: j.size, errorCode: j.error_code,
    createdAt: new Date(j.created_at).toISOString(), finishedAt: j.finished_at ? new Date(j.finished_at).toISOString() : null,
    downloadUrl: j.status === 'done' ? `/api/v1/exports/jobs/${j.id}/file` : null,
  };
}

// one runner per application context (a test app, or the server process)
const running = new WeakMap<AppContext, Promise<void>>();

/** Starts the runner if it is idle; resolves when the queue is empty. */
export function kickExportRunner(ctx: AppContext): Promise<void> {
  const current = running.get(ctx);
  if (current) return current;
  const p = (async () => {
    try {
      for (;;) {
        const job = await ctx.db.transaction().execute((trx) => claimNextExportJob(trx, ctx.clock.now()));
        if (!job) break;
        await runJob(ctx, job);
      }
    } finally {
      running.delete(ctx);
    }
  })();
  running.set(ctx, p);
  p.catch(() => {}); // failures are recorded on the job; the runner itself never rejects a caller
  return p;
}

async function runJob(ctx: AppContext, job: ExportJobRow): Promise<void> {
  try {
    const kind = kinds.get(job.kind);
    if (!kind) throw new AppError('EXPORT_FAILED', { kind: job.kind });
    const actor = await loadActor(ctx.db, { userId: job.requested_by });
    const params = typeof job.params === 'string' ? JSON.parse(job.params) : job.params;
    const file = await kind.build(ctx, actor, params);
    const key = await ctx.storage.put(file.data);
    await completeExportJob(ctx.db, job.id, { filename: file.filename, mime: file.mime, storageKey: key, size: file.data.length, at: ctx.clock.now() });
  } catch (e) {
    await failExportJob(ctx.db, job.id, isAppError(e) ? e.code : 'EXPORT_FAILED', ctx.clock.now()).catch(() => {});
  }
}

/** Queues an export after checking its parameters; the runner starts in the background. */
export async function enqueueExport(ctx: AppContext, actor: Actor, kindName: string, params: unknown, ip?: string): Promise<ExportJobView> {
  const kind = kinds.get(kindName);
  if (!kind) throw new AppError('VALIDATION_FAILED', { field: 'kind' });
  await kind.check(ctx, actor, params);
  const now = ctx.clock.now();
  const job = await ctx.db.transaction().execute(async (trx) => {
    const j = await insertExportJob(trx, { kind: kindName, params, requestedBy: actor.userId, at: now });
    await insertAudit(trx, [{ at: now, actorUserId: actor.userId, actorKind: 'staff', action: 'export.queue', ip: ip ?? null, detail: { jobId: j.id, kind: kindName } }]);
    return j;
  });
  void kickExportRunner(ctx);
  return presentJob(job);
}

async function ownJob(ctx: AppContext, actor: Actor, id: number): Promise<ExportJobRow> {
  const j = await findExportJob(ctx.db, id);
  if (!j || j.requested_by !== actor.userId) throw new AppError('EXPORT_JOB_NOT_FOUND');
  return j;
}

/** The job's state for its requester; a poll also revives work left by a stopped process. */
export async function viewExportJob(ctx: AppContext, actor: Actor, id: number): Promise<ExportJobView> {
  let j = await ownJob(ctx, actor, id);
  if (j.status === 'running' && j.started_at && ctx.clock.now().getTime() - new Date(j.started_at).getTime() > STALE_MS) {
    await requeueStaleExportJobs(ctx.db, new Date(ctx.clock.now().getTime() - STALE_MS));
    j = await ownJob(ctx, actor, id);
  }
  if (j.status === 'queued' && (await countQueuedExportJobs(ctx.db)) > 0) void kickExportRunner(ctx);
  return presentJob(j);
}

export async function listMyExportJobs(ctx: AppContext, actor: Actor): Promise<ExportJobView[]> {
  return (await listExportJobs(ctx.db, actor.userId, 20)).map(presentJob);
}

/** The finished file, for its requester only. */
export async function downloadExport(ctx: AppContext, actor: Actor, id: number, ip?: string): Promise<ExportFile> {
  const j = await ownJob(ctx, actor, id);
  if (j.status === 'failed') throw new AppError('EXPORT_FAILED', { errorCode: j.error_code });
  if (j.status !== 'done' || !j.storage_key) throw new AppError('EXPORT_NOT_READY', { status: j.status });
  await insertAudit(ctx.db, [{ at: ctx.clock.now(), actorUserId: actor.userId, actorKind: 'staff', action: 'export.download', ip: ip ?? null, detail: { jobId: j.id } }]);
  return { filename: j.filename!, mime: j.mime!, data: await ctx.storage.get(j.storage_key) };
}
