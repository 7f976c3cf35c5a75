// One endpoint per lifecycle action: POST /cases/:id/<action>, each with its own body schema.
// The body always carries the case version the user saw (optimistic concurrency).
import type { FastifyInstance } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { CASEWORK_ROLES, DECLINE_BASES, LIMITS, OUTCOMES, PROCEDURES, RATINGS, REVIEW_OUTCOMES } from '../../shared/enums.ts';
import { ACTIONS, type Action } from '../../domain/lifecycle.ts';
import type { AppContext } from '../context.ts';
import { staffPrincipal } from '../http/auth.ts';
import { transitionCase, type ActionParams } from '../services/transition-case.ts';
import { caseViewAudit, presentCaseView, type CaseParties } from '../services/view-case.ts';
import { CaseDetail } from '../presenters/case-presenter.ts';
import type { CaseRow } from '../db/schema.ts';

const Text = (max: number = LIMITS.textMax) => Type.String({ minLength: 1, maxLength: max });
const Day = Type.String({ format: 'date' });
const Reason = Text(LIMITS.reasonMax);
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const CoOrgIds = Type.Optional(Type.Array(Id, {
  maxItems: 5, uniqueItems: true, description: 'the other bodies concerned that take part as co-handling bodies (协办单位, Art 24)',
}));
/** A revocation on review or re-review (撤销重办): the grounds, and the time the body that answered has to answer again. */
const REDO = {
  text: Text(), deliveredOn: Type.Optional(Day),
  dueOn: Type.Optional(Type.String({ format: 'date', description: 'last day for the new answer; at most, and by default, a full answer limit from today' })),
};

/** The parameters each action takes (beyond `version`). */
export const ACTION_BODIES: Record<Exclude<Action, 'add_submission'>, Record<string, TSchema>> = {
  forward: { targetOrgId: Id, note: Type.Optional(Reason), coOrgIds: CoOrgIds },
  assign: { targetOrgId: Id, note: Type.Optional(Reason), coOrgIds: CoOrgIds },
  designate: { targetOrgId: Id, reason: Reason, coOrgIds: CoOrgIds },
  add_co_handlers: {
    coOrgIds: Type.Array(Id, { minItems: 1, maxItems: 5, uniqueItems: true, description: 'the bodies to add; with those already taking part, at most 5' }),
    reason: Type.Optional(Reason),
  },
  contribute: { text: Text() },
  divert: { procedure: Type.Enum([...PROCEDURES]), reason: Reason, properChannel: Type.Optional(Reason) },
  decline: {
    reason: Reason, properChannel: Reason,
    basis: Type.Optional(Type.Enum([...DECLINE_BASES], { description: 'final_repeat: a matter final after re-review raised again on the same facts and reasons (Art 36); only on a case marked repeatOfFinal' })),
  },
  object: { reason: Reason },
  accept: { note: Type.Optional(Reason) },
  request_extension: { days: Type.Integer({ minimum: 1, maximum: 365 }), reason: Reason },
  approve_extension: { note: Type.Optional(Reason) },
  reject_extension: { reason: Reason },
  start_hearing: { note: Type.Optional(Reason) },
  end_hearing: { summary: Text() },
  answer: { outcome: Type.Enum([...OUTCOMES]), text: Text() },
  send_back: { reason: Reason },
  deliver: { deliveredOn: Type.Optional(Day), method: Type.Optional(Type.Enum(['in_person', 'post', 'sms', 'online'])) },
  mediate: { agreement: Text(), deliveredOn: Type.Optional(Day) },
  evaluate: { bureauRating: Type.Enum([...RATINGS]), bodyRating: Type.Enum([...RATINGS]), comment: Type.Optional(Reason) },
  request_review: { reason: Text(), reviewOrgId: Type.Optional(Id) },
  decide_review: { outcome: Type.Enum([...REVIEW_OUTCOMES]), text: Text(), deliveredOn: Type.Optional(Day) },
  redo: REDO,
  request_re_review: { reason: Text(), reviewOrgId: Type.Optional(Id) },
  decide_re_review: { outcome: Type.Enum([...REVIEW_OUTCOMES]), text: Text(), deliveredOn: Type.Optional(Day) },
  redo_re_review: REDO,
  archive: {},
  supervise: { text: Text(), dueOn: Type.Optional(Day) },
  instruct: { text: Text() },
  own: { plan: Text(), closingStandard: Text(), dueOn: Day },
  report_urgent: { text: Text() },
  follow_up: { method: Type.Optional(Type.Enum(['phone', 'visit', 'sms', 'letter'])), summary: Text() },
};

export const actionPath = (a: Action) => a.replace(/_/g, '-');

export default async function caseActionRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  for (const [action, props] of Object.entries(ACTION_BODIES) as [Exclude<Action, 'add_submission'>, Record<string, TSchema>][]) {
    const [zh, en] = ACTIONS[action].label;
    app.post(`/cases/:id/${actionPath(action)}`, {
      schema: {
        tags: ['case actions'], summary: `${zh} ${en}`,
        description: `Allowed from: ${ACTIONS[action].from.join(', ')}. Roles: ${ACTIONS[action].roles.join(', ')}.`,
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }),
        body: Type.Object({ version: Type.Integer({ minimum: 1 }), ...props }, { additionalProperties: false }),
        response: { 200: CaseDetail },
      },
    }, async (req) => {
      const principal = staffPrincipal(req, CASEWORK_ROLES);
      const { version, ...params } = req.body as { version: number } & ActionParams;
      const id = (req.params as { id: number }).id;
      // the action, then the actor's (audited) view of the result: the parties are read with the case,
      // and the view's audit entry is written with the action's. Right after an action that moved the
      // case out of their area (an objection, a forward to another city) the actor still gets the
      // result of what they did.
      const alsoAudit = (c: CaseRow, parties: CaseParties) => caseViewAudit(ctx, principal.actor, c, parties, false, req.ip);
      const { updated, parties } = await transitionCase(ctx, ctx.db, principal, { caseId: id, action, version, params, alsoAudit });
      return presentCaseView(ctx, principal.actor, updated, parties!, false);
    });
  }
}
