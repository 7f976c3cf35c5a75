// Supervision notices and case ownership.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../context.ts';
import { requireStaff } from '../http/auth.ts';
import { CASEWORK_ROLES } from '../../shared/enums.ts';
import { answerSupervision, chaseSupervision, listOwnedCases, listSupervision } from '../services/handle-supervision.ts';
import { viewSupervisionBoard } from '../services/view-supervision-board.ts';
import { listInstructions } from '../services/list-instructions.ts';

const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
export const Notice = Type.Object({
  id: Type.Integer(), caseId: Type.Integer(), caseNo: Type.String(), caseTitle: Type.String(), targetOrgId: Type.Integer(), targetOrgName: Type.String(),
  issuerName: Type.String(), text: Type.String(), issuedAt: Type.String(), dueOn: Type.String(), daysLeft: Type.Integer(), status: Type.String(),
  answeredAt: N(Type.String()), answerText: N(Type.String()),
  chases: Type.Array(Type.Object({ at: Type.String(), byName: Type.String(), note: Type.String() })),
});
export const Ownership = Type.Object({
  id: Type.Integer(), caseId: Type.Integer(), caseNo: Type.String(), caseTitle: Type.String(), caseState: Type.String(), caseNextDue: N(Type.String()),
  leaderName: Type.String(), plan: Type.String(), closingStandard: Type.String(), dueOn: Type.String(), createdAt: Type.String(), concludedAt: N(Type.String()),
});
export const BoardCase = Type.Object({
  id: Type.Integer(), caseNo: Type.String(), title: Type.String(), state: Type.String(), nextDue: Type.String(), daysLeft: Type.Integer(),
  version: Type.Integer(), isOwned: Type.Boolean(), openNotices: Type.Integer(), notices: Type.Integer(),
});
export const Board = Type.Object({
  today: Type.String(), nearDays: Type.Integer(), casesShown: Type.Boolean(),
  totals: Type.Object({ overdue: Type.Integer(), dueSoon: Type.Integer() }),
  notices: Type.Object({ open: Type.Integer(), chased: Type.Integer(), overdue: Type.Integer(), answered: Type.Integer() }),
  bodies: Type.Array(Type.Object({ orgId: Type.Integer(), orgName: Type.String(), overdue: Type.Integer(), dueSoon: Type.Integer(), cases: Type.Array(BoardCase) })),
});
export const Instruction = Type.Object({
  id: Type.Integer(), caseId: Type.Integer(), caseNo: Type.String(), caseTitle: Type.String(), caseState: Type.String(), caseNextDue: N(Type.String()),
  leaderName: Type.String(), text: Type.String(), at: Type.String(),
});
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
const Text = Type.Object({ text: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });

export default async function supervisionRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get('/supervision', {
    schema: { tags: ['supervision'], summary: '督办单 Supervision notices', querystring: Type.Object({ status: Type.Optional(Type.Enum(['open', 'answered'])) }), response: { 200: Type.Array(Notice) } },
  }, async (req) => listSupervision(ctx, requireStaff(req, CASEWORK_ROLES), (req.query as { status?: string }).status));

  app.get('/supervision/board', {
    schema: { tags: ['supervision'], summary: '督办看板：超期和临期事项（按责任单位） Supervision board: overdue and nearly due by body', response: { 200: Board } },
  }, async (req) => viewSupervisionBoard(ctx, requireStaff(req, ['supervisor', 'leader', 'admin'])));

  app.get('/instructions', {
    schema: { tags: ['supervision'], summary: '领导批示 Instructions given', response: { 200: Type.Array(Instruction) } },
  }, async (req) => listInstructions(ctx, requireStaff(req, ['leader', 'supervisor'])));

  app.post('/supervision/:id/answer', {
    schema: { tags: ['supervision'], summary: '督办反馈 Answer a notice', params: IdParams, body: Text, response: { 200: Type.Object({ ok: Type.Boolean() }) } },
  }, async (req) => {
    await answerSupervision(ctx, requireStaff(req, ['handler', 'supervisor', 'leader']), (req.params as { id: number }).id, (req.body as { text: string }).text);
    return { ok: true };
  });

  app.post('/supervision/:id/chase', {
    schema: { tags: ['supervision'], summary: '催办 Chase a notice', params: IdParams, body: Text, response: { 200: Type.Object({ ok: Type.Boolean() }) } },
  }, async (req) => {
    await chaseSupervision(ctx, requireStaff(req, ['supervisor', 'leader']), (req.params as { id: number }).id, (req.body as { text: string }).text);
    return { ok: true };
  });

  app.get('/ownerships', { schema: { tags: ['supervision'], summary: '领导包案 Case ownership', response: { 200: Type.Array(Ownership) } } }, async (req) =>
    listOwnedCases(ctx, requireStaff(req, ['leader', 'supervisor'])));
}
