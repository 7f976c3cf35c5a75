// SQL for the append-only audit log (the table refuses UPDATE and DELETE).
import type { Executor } from '../db/database.ts';

export interface AuditEntry {
  at: Date;
  actorUserId: number | null;
  actorKind: 'staff' | 'petitioner' | 'system';
  action: string;
  caseId?: number | null;
  petitionerId?: number | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

/** The table row of an entry (also written by other repositories inside one statement with their own rows). */
export function auditRow(e: AuditEntry) {
  return {
    at: e.at, actor_user_id: e.actorUserId, actor_kind: e.actorKind, action: e.action,
    case_id: e.caseId ?? null, petitioner_id: e.petitionerId ?? null, ip: e.ip ?? null, detail: JSON.stringify(e.detail ?? {}),
  };
}

export async function insertAudit(db: Executor, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  await db.insertInto('audit_log').values(entries.map(auditRow)).execute();
}

export async function listAudit(db: Executor, filter: { caseId?: number; limit: number }) {
  let q = db.selectFrom('audit_log').selectAll();
  if (filter.caseId) q = q.where('case_id', '=', filter.caseId);
  return q.orderBy('id', 'desc').limit(filter.limit).execute();
}
