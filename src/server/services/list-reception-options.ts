// What a scheduler may choose from: the leaders and the bodies of their own subtree.
import type { Actor, AppContext } from '../context.ts';
import { RECEPTION_SCHEDULERS } from '../policies/reception-policy.ts';
import { listHostBodiesIn, listLeadersIn } from '../repositories/reception.ts';

/** Leaders who may be scheduled and bodies that may host, both within the actor's scope (empty if they cannot schedule). */
export async function listReceptionOptions(ctx: AppContext, actor: Actor) {
  if (!RECEPTION_SCHEDULERS.includes(actor.role)) return { canSchedule: false, leaders: [], bodies: [] };
  const [leaders, bodies] = await Promise.all([listLeadersIn(ctx.reader, actor.scopePath), listHostBodiesIn(ctx.reader, actor.scopePath)]);
  return {
    canSchedule: true,
    leaders: leaders.map((l) => ({ id: l.id, name: l.display_name, orgId: l.org_id, orgName: l.org_name })),
    bodies: bodies.map((b) => ({ id: b.id, name: b.name, level: b.level })),
  };
}
