// SQL for the append-only audit log (the table refuses UPDATE and DELETE).
import type { Database, Executor } from '../db/database.ts';

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

/** Entries at most one grouped write carries (8 parameters each, well under the protocol's 65,535). */
const GROUP_MAX_ENTRIES = 1_000;
interface Waiting { entries: AuditEntry[]; resolve: () => void; reject: (e: unknown) => void }
const groups = new WeakMap<object, { waiting: Waiting[]; writing: boolean }>();

/**
 * Writes entries together with whatever other requests are writing at the same moment: the first
 * caller's entries go at once; those that arrive while a write is under way go in the next one, as
 * one multi-row INSERT and one commit. Resolves once the caller's entries are committed, so a
 * response that waits for it is never ahead of its audit trail. Outside a transaction only (on the
 * embedded engine a caller holding the single connection would wait for itself).
 */
export function insertAuditGrouped(db: Database, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return Promise.resolve();
  let g = groups.get(db);
  if (!g) groups.set(db, (g = { waiting: [], writing: false }));
  const group = g;
  return new Promise<void>((resolve, reject) => {
    group.waiting.push({ entries, resolve, reject });
    if (!group.writing) void writeGroups(db, group);
  });
}

async function writeGroups(db: Database, g: { waiting: Waiting[]; writing: boolean }): Promise<void> {
  g.writing = true;
  while (g.waiting.length) {
    const batch: Waiting[] = [];
    let n = 0;
    while (g.waiting.length && (batch.length === 0 || n + g.waiting[0]!.entries.length <= GROUP_MAX_ENTRIES)) {
      const w = g.waiting.shift()!;
      batch.push(w);
      n += w.entries.length;
    }
    try {
      await insertAudit(db, batch.flatMap((w) => w.entries));
      for (const w of batch) w.resolve();
    } catch (e) {
      for (const w of batch) w.reject(e);
    }
  }
  g.writing = false;
}
