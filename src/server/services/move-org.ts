// Moves a body, with every body below it, under a new parent (a township that passes to another
// county, a department that passes to another government: 区划调整, 机构改革). Its matters, reception
// days, disputes, suggestions and figures go with it: the scope of each follows the new path, and the
// figures of the bodies above it that it left no longer count it, those of the bodies it joined do,
// for every period (the figures are kept by the tree as it is now).
import { AppError } from '../../shared/errors.ts';
import type { Actor, AppContext } from '../context.ts';
import { findOrg } from '../repositories/organisations.ts';
import { lockOrganisations, rewritePathPrefix, setOrgParent } from '../repositories/org-paths.ts';
import { lockRollupFolder, moveTreeRollups } from '../repositories/stats.ts';
import { insertAudit } from '../repositories/audit.ts';
import { assertLevelFits } from './manage-reference.ts';
import { forgetReferenceData } from './reference-cache.ts';
import { forgetSessions } from '../http/auth.ts';
import { queueHeal } from '../jobs/heal-moved-paths.ts';

const idsOf = (path: string) => path.split('/').filter(Boolean).map(Number);

export interface OrgMoved { moved: boolean; path: string; rows: Record<string, number> }

/**
 * In one transaction, under the figures' lock and with the organisations locked against other
 * changes: the parent, every copy of the paths, the tree rollups, and the audit entry. Moving a body
 * to the parent it has changes nothing.
 */
export async function moveOrg(ctx: AppContext, actor: Actor, id: number, parentId: number): Promise<OrgMoved> {
  const result = await ctx.db.transaction().execute(async (trx): Promise<OrgMoved> => {
    await lockRollupFolder(trx);
    await lockOrganisations(trx);
    const org = await findOrg(trx, id);
    if (!org) throw new AppError('UNKNOWN_ORG', { id });
    const parent = await findOrg(trx, parentId);
    if (!parent) throw new AppError('UNKNOWN_ORG', { id: parentId });
    if (parent.path.startsWith(org.path)) throw new AppError('ADMIN_ORG_MOVE', { reason: 'under itself' });
    if (!parent.is_active) throw new AppError('ADMIN_ORG_MOVE', { reason: 'disabled parent' });
    if (org.parent_id === parent.id) return { moved: false, path: org.path, rows: {} };
    await assertLevelFits(trx, org.level, parent.id);
    const to = `${parent.path}${org.id}/`;
    const before = idsOf(org.path).slice(0, -1);
    const after = idsOf(to).slice(0, -1);
    await setOrgParent(trx, org.id, parent.id);
    const rows = await rewritePathPrefix(trx, org.path, to);
    await moveTreeRollups(trx, to, before.filter((a) => !after.includes(a)), after.filter((a) => !before.includes(a)));
    await insertAudit(trx, [{
      at: ctx.clock.now(), actorUserId: actor.userId, actorKind: 'staff', action: 'admin.org.move',
      detail: { id: org.id, fromParentId: org.parent_id, toParentId: parent.id, fromPath: org.path, toPath: to, rows },
    }]);
    return { moved: true, path: to, rows };
  });
  if (result.moved) {
    forgetReferenceData(ctx);
    forgetSessions(ctx);
    // rows written meanwhile with the old path (requests under way, other nodes' caches)
    queueHeal(ctx, result.path);
  }
  return result;
}
