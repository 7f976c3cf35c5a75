// Suggests where to route a case: bodies in the user's area competent for its category
// (归口办理, 属地管理), never the accused body ([T22] Art 30).
import { AppError } from '../../shared/errors.ts';
import type { Actor, AppContext } from '../context.ts';
import { assertCanViewCase } from '../policies/case-policy.ts';
import { findCase } from '../repositories/cases.ts';
import { findCompetentOrgs } from '../repositories/organisations.ts';

/** Competent bodies for the case's category (or its parent category), nearest first. */
export async function suggestRouting(ctx: AppContext, actor: Actor, caseId: number) {
  const c = await findCase(ctx.reader, caseId);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  assertCanViewCase(actor, c);
  const orgs = await findCompetentOrgs(ctx.reader, actor.scopePath, c.category_id);
  return orgs
    .filter((o) => !(c.kind === 'accusation' && c.accused_org_path && o.path.startsWith(c.accused_org_path)))
    .filter((o) => o.id !== c.current_org_id)
    .map((o) => ({ id: o.id, name: o.name, kind: o.kind, level: o.level }));
}
