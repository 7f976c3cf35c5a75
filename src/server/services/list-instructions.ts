// Instructions (阅批, 批示) leaders gave on cases: a leader sees their own, others their scope's.
import type { Actor, AppContext } from '../context.ts';
import { listInstructions as selectInstructions } from '../repositories/oversight.ts';

export async function listInstructions(ctx: AppContext, actor: Actor) {
  const rows = await selectInstructions(ctx.reader, {
    leaderUserId: actor.role === 'leader' ? actor.userId : undefined, scopePath: actor.scopePath, viewerOrgPath: actor.orgPath, limit: 200,
  });
  return rows.map((r) => {
    const data = (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as { text?: string };
    return {
      id: r.id, caseId: r.case_id, caseNo: r.case_no, caseTitle: r.case_title, caseState: r.case_state, caseNextDue: r.case_next_due,
      leaderName: r.leader_name, text: data.text ?? '', at: new Date(r.at).toISOString(),
    };
  });
}
