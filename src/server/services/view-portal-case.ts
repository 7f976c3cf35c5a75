// The petitioner's view of their own case (portal session scoped to it).
import { localDate } from '../../domain/calendar.ts';
import { AppError } from '../../shared/errors.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { findPortalCase } from '../repositories/portal.ts';
import { presentPortalCase, type PortalCaseView } from '../presenters/portal-presenter.ts';

type PortalCase = NonNullable<Awaited<ReturnType<typeof findPortalCase>>>;

/** Shows only what the petitioner is entitled to see (see the presenter's allow-list). */
export async function viewPortalCase(ctx: AppContext, db: Executor, caseId: number): Promise<PortalCaseView> {
  const c = await findPortalCase(db, caseId);
  if (!c) throw new AppError('PORTAL_SESSION_EXPIRED');
  return presentPortalCaseRead(ctx, c);
}

/** The view of a case read with its parts (findPortalCase, findCaseViewForLookup). */
export function presentPortalCaseRead(ctx: AppContext, { row, parts }: PortalCase): PortalCaseView {
  return presentPortalCase(row, parts.events, { public: parts.public, mine: parts.mine }, parts.handlingOrgName, localDate(ctx.clock.now()));
}
