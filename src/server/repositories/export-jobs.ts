// SQL for export jobs: a queue in a table, so any request (on any node) can poll a job's state.
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { ExportJobRow } from '../db/schema-disputes.ts';

export async function insertExportJob(db: Executor, j: { kind: string; params: unknown; requestedBy: number; at: Date }): Promise<ExportJobRow> {
  return db.insertInto('export_jobs').values({ kind: j.kind, params: JSON.stringify(j.params), requested_by: j.requestedBy, created_at: j.at })
    .returningAll().executeTakeFirstOrThrow();
}

export async function findExportJob(db: Executor, id: number): Promise<ExportJobRow | undefined> {
  return db.selectFrom('export_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Claims the oldest queued job (skipping ones another worker holds) and marks it running. */
export async function claimNextExportJob(db: Executor, at: Date): Promise<ExportJobRow | undefined> {
  const r = await sql<ExportJobRow>`
    UPDATE export_jobs SET status = 'running', started_at = ${at}, attempts = attempts + 1
    WHERE id = (SELECT id FROM export_jobs WHERE status = 'queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING *`.execute(db);
  return r.rows[0];
}

/** Jobs left running by a process that stopped: back to the queue (or failed after 3 attempts). */
export async function requeueStaleExportJobs(db: Executor, startedBefore: Date): Promise<void> {
  await db.updateTable('export_jobs').set((eb) => ({
    status: eb.case().when('attempts', '>=', 3).then('failed').else('queued').end(),
    error_code: eb.case().when('attempts', '>=', 3).then('EXPORT_FAILED').else(eb.ref('error_code')).end(),
  })).where('status', '=', 'running').where('started_at', '<', startedBefore).execute();
}

export async function completeExportJob(db: Executor, id: number, f: { filename: string; mime: string; storageKey: string; size: number; at: Date }): Promise<void> {
  await db.updateTable('export_jobs').set({ status: 'done', filename: f.filename, mime: f.mime, storage_key: f.storageKey, size: f.size, finished_at: f.at })
    .where('id', '=', id).execute();
}

export async function failExportJob(db: Executor, id: number, code: string, at: Date): Promise<void> {
  await db.updateTable('export_jobs').set({ status: 'failed', error_code: code, finished_at: at }).where('id', '=', id).execute();
}

export async function countQueuedExportJobs(db: Executor): Promise<number> {
  const r = await db.selectFrom('export_jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'queued').executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listExportJobs(db: Executor, requestedBy: number, limit: number): Promise<ExportJobRow[]> {
  return db.selectFrom('export_jobs').selectAll().where('requested_by', '=', requestedBy).orderBy('id', 'desc').limit(limit).execute();
}
