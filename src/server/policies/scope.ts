// The subtree a user works on: their own body and below; a petition bureau works for its
// government's whole area (it registers, routes and supervises there).
import type { Executor } from '../db/database.ts';
import type { Actor } from '../context.ts';
import type { Role } from '../../shared/enums.ts';

export function scopePathFor(orgKind: string, orgPath: string, parentPath: string | null): string {
  return orgKind === 'petition_bureau' && parentPath ? parentPath : orgPath;
}

/** Builds the Actor of a user (jobs, seeding and tests act as a named user this way). */
export async function loadActor(db: Executor, by: { userId?: number; username?: string }): Promise<Actor> {
  let q = db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.org_id').leftJoin('organisations as p', 'p.id', 'o.parent_id')
    .select(['u.id', 'u.org_id', 'u.username', 'u.display_name', 'u.role', 'o.path as org_path', 'o.kind as org_kind', 'p.path as parent_path']);
  q = by.userId ? q.where('u.id', '=', by.userId) : q.where('u.username', '=', by.username!);
  const u = await q.executeTakeFirstOrThrow();
  return {
    userId: u.id, orgId: u.org_id, orgPath: u.org_path, scopePath: scopePathFor(u.org_kind, u.org_path, u.parent_path),
    role: u.role as Role, displayName: u.display_name, username: u.username,
  };
}
