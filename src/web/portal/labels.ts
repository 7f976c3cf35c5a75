// Words the petitioner reads for the server's codes: stages, milestones, outcomes, clocks.
import { STATE_LABELS, type CaseState } from '../../domain/lifecycle.ts';
import { KIND_LABELS, OUTCOME_LABELS, PROCEDURE_LABELS, RATING_LABELS, REVIEW_OUTCOME_LABELS } from '../../shared/enums.ts';
import { pick, type Lang } from './i18n.tsx';

/** Stages in plain words for the petitioner (the staff names are more technical). */
const STAGE: Partial<Record<CaseState, [string, string]>> = {
  registered: ['已收到，正在分办', 'Received, being passed to the competent body'],
  awaiting_acceptance: ['已转办，等待受理', 'Passed on, awaiting acceptance'],
  handling: ['已受理，正在办理', 'Accepted, being handled'],
  answered: ['已办理，答复正在送达', 'Answered, the answer is on its way to you'],
  concluded: ['已答复', 'Answered'],
  reviewing: ['复查中', 'Under review'],
  reviewed: ['已复查', 'Reviewed'],
  re_reviewing: ['复核中', 'Under re-review'],
  final: ['已终结', 'Final'],
  declined: ['不予受理', 'Not accepted'],
  diverted: ['已转入其他法定途径', 'Sent to another legal procedure'],
  archived: ['已归档', 'Closed and filed'],
};

export const stageLabel = (lang: Lang, s: string) => pick(lang, STAGE[s as CaseState] ?? STATE_LABELS[s as CaseState], s);

const MILESTONE: Record<string, [string, string]> = {
  register: ['信访事项已收到并登记', 'Your petition was received and registered'],
  add_submission: ['收到追加的信访件', 'A further submission was received'],
  forward: ['已转送有权处理机关', 'Forwarded to the competent body'],
  assign: ['已交办有权处理机关', 'Assigned to the competent body'],
  designate: ['上级机关已指定受理机关', 'The superior body named the body that accepts it'],
  add_co_handlers: ['有关单位参与会同办理', 'Further bodies concerned take part in handling it'],
  reception_invite: ['领导约访', 'A leader invites you to meet'],
  reception_invite_withdrawn: ['领导约访已取消，另行通知', 'The meeting with the leader is called off; you will be told again'],
  accept: ['已受理', 'Accepted'],
  decline: ['不予受理', 'Not accepted'],
  divert: ['转入其他法定途径', 'Sent to another legal procedure'],
  approve_extension: ['办理期限延长', 'Time to answer extended'],
  start_hearing: ['组织听证', 'Hearing held'],
  end_hearing: ['听证结束', 'Hearing ended'],
  deliver: ['出具信访处理意见书并送达', 'Written answer (意见书) issued and delivered'],
  mediate: ['调解、和解结案', 'Concluded by mediation or settlement'],
  evaluate: ['您已评价', 'You rated the answer'],
  request_review: ['您申请了复查', 'You asked for review'],
  request_re_review: ['您申请了复核', 'You asked for re-review'],
  decide_review: ['复查意见已送达', 'Review decision delivered'],
  decide_re_review: ['复核意见已送达（终结）', 'Re-review decision delivered (final)'],
  redo: ['复查撤销原处理意见，责令重新办理', 'Review revoked the answer; a new answer is ordered'],
  redo_re_review: ['复核撤销复查意见和原处理意见，责令重新办理', 'Re-review revoked the review and the answer; a new answer is ordered'],
};
export const milestoneLabel = (lang: Lang, type: string) => pick(lang, MILESTONE[type], type);

const CLOCK: Record<string, [string, string]> = {
  route: ['信访部门转送、交办或告知不予受理的最后一天', 'Last day for the bureau to pass it on or tell you it is not accepted'],
  accept: ['告知您是否受理的最后一天', 'Last day to tell you whether it is accepted'],
  answer: ['出具书面答复的最后一天', 'Last day for the written answer'],
  reviewRequest: ['您可申请复查的最后一天', 'Last day for you to ask for review'],
  review: ['作出复查意见的最后一天', 'Last day for the review decision'],
  reReviewRequest: ['您可申请复核的最后一天', 'Last day for you to ask for re-review'],
  reReview: ['作出复核意见的最后一天', 'Last day for the re-review decision'],
};
export const clockLabel = (lang: Lang, clock: string) => pick(lang, CLOCK[clock], clock);

export const outcomeLabel = (lang: Lang, o: string) =>
  pick(lang, (OUTCOME_LABELS as Record<string, [string, string]>)[o] ?? (REVIEW_OUTCOME_LABELS as Record<string, [string, string]>)[o], o);
export const ratingLabel = (lang: Lang, r: string) => pick(lang, (RATING_LABELS as Record<string, [string, string]>)[r], r);
export const kindLabel = (lang: Lang, k: string) => pick(lang, (KIND_LABELS as Record<string, [string, string]>)[k], k);
export const procedureLabel = (lang: Lang, p: string) => pick(lang, (PROCEDURE_LABELS as Record<string, [string, string]>)[p], p);
