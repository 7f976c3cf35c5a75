// Finds a petitioner by 身份证 or mobile at registration, with their earlier cases, so the clerk can
// mark a repeat. The look-up itself is a read of personal data and is logged.
import { AppError } from '../../shared/errors.ts';
import { isValidIdCardNumber, isValidMobile, normalizeIdCardNumber } from '../../shared/validators.ts';
import type { Actor, AppContext } from '../context.ts';
import { findPetitionersBy } from '../repositories/petitioners.ts';
import { listCasesOfPetitioner } from '../repositories/cases.ts';
import { insertAudit } from '../repositories/audit.ts';
import { presentPerson } from '../presenters/case-presenter.ts';
import { canViewCase, isAccusedViewer } from '../policies/case-policy.ts';

export async function lookupPetitioner(ctx: AppContext, actor: Actor, by: { idNumber?: string; mobile?: string }, ip?: string) {
  const idNumber = by.idNumber ? normalizeIdCardNumber(by.idNumber) : undefined;
  if (idNumber && !isValidIdCardNumber(idNumber)) throw new AppError('INVALID_ID_NUMBER');
  if (!idNumber && by.mobile && !isValidMobile(by.mobile)) throw new AppError('INVALID_MOBILE');
  if (!idNumber && !by.mobile) throw new AppError('VALIDATION_FAILED', { reason: 'idNumber or mobile required' });
  const found = await findPetitionersBy(ctx.db, { idNumber, mobile: by.mobile });
  const results = [];
  for (const p of found) {
    const cases = await listCasesOfPetitioner(ctx.db, p.id);
    const scoped = await ctx.db.selectFrom('cases').select(['id', 'current_org_path', 'registered_org_path', 'handling_org_path', 'kind', 'accused_org_path'])
      .where('id', 'in', cases.length ? cases.map((c) => c.id) : [0]).execute();
    const visible = new Set(scoped.filter((c) => canViewCase(actor, c)).map((c) => c.id));
    // [T22] Art 30: the accused body must not learn that this person accused it
    const secret = new Set(scoped.filter((c) => isAccusedViewer(actor, c)).map((c) => c.id));
    results.push({
      petitioner: presentPerson(p, false),
      cases: cases.filter((c) => !secret.has(c.id)).map((c) => ({
        id: c.id, caseNo: c.case_no, title: visible.has(c.id) ? c.title : '（非本辖区事项）', state: c.state, kind: c.kind,
        categoryId: c.category_id, receivedAt: new Date(c.received_at).toISOString(), isVisible: visible.has(c.id),
      })),
    });
  }
  await insertAudit(ctx.db, [{ at: ctx.clock.now(), actorUserId: actor.userId, actorKind: 'staff', action: 'petitioner.lookup', ip, detail: { by: idNumber ? 'id_number' : 'mobile', found: found.map((p) => p.id) } }]);
  return results;
}
