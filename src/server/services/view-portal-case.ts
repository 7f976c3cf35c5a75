// The petitioner's view of their own case (portal session scoped to it).
import { localDate } from '../../domain/calendar.ts';
import { AppError } from '../../shared/errors.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { findCase } from '../repositories/cases.ts';
import { findPortalCaseParts } from '../repositories/portal.ts';
import { presentPortalCase, type PortalCaseView } from '../presenters/portal-presenter.ts';

/** Shows only what the petitioner is entitled to see (see the presenter's allow-list). */
export async function viewPortalCase(ctx: AppContext, db: Executor, caseId: number): Promise<PortalCaseView> {
  const c = await findCase(db, caseId);
  if (!c) throw new AppError('PORTAL_SESSION_EXPIRED');
  const parts = await findPortalCaseParts(db, c.id, c.handling_org_id);
  return presentPortalCase(c, parts.events, { public: parts.public, mine: parts.mine }, parts.handlingOrgName, localDate(ctx.clock.now()));
}
