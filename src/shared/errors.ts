// The one error catalogue: stable codes, HTTP status, Chinese and English messages.
// The server throws AppError(code); the web apps show the message for the code.

export const ERRORS = {
  VALIDATION_FAILED: [400, '提交的内容不符合要求', 'The request is not valid'],
  MALFORMED_JSON: [400, '请求格式错误（JSON 无法解析）', 'The request body is not valid JSON'],
  INVALID_ID_NUMBER: [400, '身份证号码无效（校验位或出生日期不正确）', 'The identity card number is not valid'],
  INVALID_MOBILE: [400, '手机号码无效', 'The mobile number is not valid'],
  INVALID_AREA_CODE: [400, '行政区划代码无效（应为 6 位或 12 位数字）', 'The area code must be 6 or 12 digits'],
  UNKNOWN_CATEGORY: [400, '内容分类不存在', 'Unknown content category'],
  UNKNOWN_ORG: [400, '单位不存在', 'Unknown organisation'],
  UNKNOWN_USER: [400, '用户不存在', 'Unknown user'],
  TOO_MANY_REPRESENTATIVES: [400, '集体访代表不得超过 5 人（《信访工作条例》第二十条）', 'A collective visit may name at most 5 representatives (Art 20)'],
  HEADCOUNT_TOO_SMALL: [400, '人数不能少于已登记的信访人和代表人数', 'Headcount is smaller than the people named'],
  ACCUSED_REQUIRED: [400, '检举控告类事项须填写被检举控告的单位或个人', 'An accusation must name the accused body or person'],
  ACCUSED_CANNOT_HANDLE: [422, '检举控告材料不得转送、交办给被检举控告的单位或人员（第三十条）', 'Accusation material may not go to the accused body (Art 30)'],
  INVALID_CURSOR: [400, '分页游标无效', 'Invalid page cursor'],
  INVALID_DATE: [400, '日期无效', 'Invalid date'],
  FILE_TOO_LARGE: [413, '附件过大', 'The attachment is too large'],
  FILE_TYPE_NOT_ALLOWED: [415, '不支持的附件类型', 'This file type is not allowed'],
  TOO_MANY_ATTACHMENTS: [422, '附件数量超过上限', 'Too many attachments'],

  UNAUTHENTICATED: [401, '请先登录', 'Please sign in'],
  BAD_CREDENTIALS: [401, '用户名或密码错误', 'Wrong user name or password'],
  ACCOUNT_LOCKED: [423, '登录失败次数过多，账号已暂时锁定，请稍后再试', 'Too many failed sign-ins; the account is locked for a while'],
  PASSWORD_CHANGE_REQUIRED: [403, '请先修改密码：管理员设置的密码须改为您自己的新密码后才能继续使用', 'Change your password first: a password set by an administrator must be replaced with one of your own before you go on'],
  PASSWORD_CURRENT_WRONG: [422, '当前密码不正确', 'The current password is wrong'],
  PASSWORD_UNCHANGED: [422, '新密码不能与当前密码相同', 'The new password must differ from the current one'],
  FORBIDDEN: [403, '无权执行此操作', 'You may not do this'],
  ROLE_NOT_ALLOWED: [403, '您的角色不能执行此操作', 'Your role may not take this action'],
  OUT_OF_SCOPE: [403, '该事项不属于本单位及下级单位', 'This case is outside your organisation'],

  CASE_NOT_FOUND: [404, '信访事项不存在', 'Case not found'],
  NOT_FOUND: [404, '资源不存在', 'Not found'],
  QUERY_FAILED: [404, '查询码或手机号（身份证号）后四位不正确', 'The query code or the last 4 of the mobile or ID number do not match'],

  VERSION_CONFLICT: [409, '该事项已被他人处理，请刷新后重试', 'Someone else changed this case; reload and try again'],
  IDEMPOTENCY_KEY_REUSED: [422, '幂等键已用于不同的请求', 'The idempotency key was used for a different request'],
  TRANSITION_NOT_ALLOWED: [409, '当前状态下不能执行此操作', 'This action is not allowed in the current state'],
  DEADLINE_PASSED: [422, '已超过法定期限', 'The time limit has passed'],
  NOT_ROUTED_HERE: [422, '该事项不是转送或交办来的，不能提出异议', 'Only a forwarded or assigned matter can be objected to'],
  ACCEPTANCE_DESIGNATED: [422, '该事项的受理机关已由共同的上一级机关指定（第二十四条），不能再提出异议', 'The accepting body was designated by the common superior (Art 24); it may not object'],
  NO_ACCEPTANCE_DISPUTE: [422, '只有受理有争议（收件单位已提出异议）的事项才由共同的上一级机关指定受理机关（第二十四条）；请按一般程序转送或交办', 'Only a disputed acceptance (a receiver objected) is decided by designation of the common superior (Art 24); route it as usual'],
  NOT_COMMON_SUPERIOR: [403, '指定受理机关须由争议各方共同的上一级机关作出，本单位不是其共同的上一级机关（第二十四条）', 'The accepting body is designated by the common superior of the bodies in dispute; your body is not (Art 24)'],
  CO_HANDLER_INVALID: [422, '协办单位须为在用的其他单位，不能是主办单位，不能重复，至多 5 个；检举控告事项不得由被检举控告的单位协办（第二十四、三十条）', 'Co-handling bodies must be other active bodies, not the lead, without repeats, at most 5; an accusation may not be co-handled by the accused body (Art 24, 30)'],
  NOT_CO_HANDLER: [403, '本单位不是该事项的协办单位', 'Your body does not co-handle this matter'],
  SAME_ORG: [422, '不能转给本单位', 'Cannot route to the same organisation'],
  EXTENSION_ALREADY_USED: [422, '延期只能申请一次（第三十四条）', 'Only one extension is allowed (Art 34)'],
  EXTENSION_TOO_LONG: [422, '延期不得超过 30 日（第三十四条）', 'An extension may not exceed 30 days (Art 34)'],
  EXTENSION_NOT_PENDING: [422, '没有待审批的延期申请', 'No extension request is awaiting approval'],
  EXTENSION_PENDING: [422, '延期申请待审批中', 'An extension request is awaiting approval'],
  HEARING_OPEN: [422, '听证进行中', 'A hearing is in progress'],
  NO_HEARING_OPEN: [422, '没有进行中的听证', 'No hearing is in progress'],
  ALREADY_EVALUATED: [422, '已评价过', 'This answer was already rated'],
  EVALUATION_NOT_OPEN: [422, '当前没有可评价的答复', 'There is no answer to rate now'],
  NO_REVIEW_BODY: [422, '没有上一级机关可以复查或复核', 'There is no body one level up to review'],
  NO_REVIEW_BODY_OUTSIDE_ACCUSED: [422, '被检举控告的单位之上没有可以复查或复核的机关，检举控告材料不得交由被检举控告的单位办理（第三十条）', 'There is no body above the accused one to review; accusation material may not go to the accused body (Art 30)'],
  REVIEW_BODY_ACCUSED: [422, '检举控告事项不得由被检举控告的单位或其下属单位复查、复核（第三十条）', 'An accusation may not be reviewed by the accused body or a body inside it (Art 30)'],
  REVIEW_BODY_INACTIVE: [422, '该单位已停用，不能办理复查、复核', 'This body is inactive and cannot review'],
  REVIEW_BODY_NOT_COMPETENT: [422, '复查、复核应由作出处理意见或复查意见的机关的上一级机关办理（第三十五、三十六条）', 'A review or re-review goes to the body one level above the one that decided (Art 35, 36)'],
  FINAL_NOT_REACCEPTED: [422, '该事项已经复核终结，以同一事实和理由提出的信访不再受理（第三十六条）', 'The matter is final after re-review; the same facts and reasons are not accepted again (Art 36)'],
  REVIEW_REVOKE_IS_REDO: [422, '复查撤销原处理意见的，请选择“撤销重办”，由原办理机关在限定期限内重新作出处理意见', 'A review that revokes the answer orders a new one: use "Revoke and order a new answer", and the body that answered answers again within the time set'],
  RE_REVIEW_REVOKE_IS_REDO: [422, '复核撤销复查意见和原处理意见的，请选择“复核撤销重办”，由原办理机关在限定期限内重新作出处理意见', 'A re-review that revokes the review and the answer orders a new answer: use "Re-review: revoke and order a new answer", and the body that answered answers again within the time set'],
  DECLINE_BASIS_NOT_MARKED: [422, '该事项未被标记为复核终结事项的重复信访，不能依第三十六条不予受理；请按一般理由不予受理（第二十三条）', 'This case is not marked as a repeat of a matter final after re-review, so it cannot be declined under Art 36; decline it on the general ground (Art 23)'],
  NOT_YET_ARCHIVABLE: [422, '复查、复核期限未届满，暂不能归档', 'Review windows are still open; cannot archive yet'],
  RATE_LIMITED: [429, '操作过于频繁，请稍后再试', 'Too many requests; please try again later'],
  PAYLOAD_TOO_LARGE: [413, '提交内容过大', 'The request is too large'],
  UNSUPPORTED_MEDIA_TYPE: [415, '不支持的内容类型', 'Unsupported content type'],
  INTERNAL: [500, '服务器内部错误', 'Internal server error'],
  // --- portal (citizen portal) ---
  PORTAL_SESSION_EXPIRED: [401, '查询已过期，请重新输入查询码和手机号或身份证号后四位', 'Your look-up has expired; enter the query code and the last 4 of the mobile or ID number again'],
  PORTAL_EVALUATION_CLOSED: [422, '评价期限已过或当前没有可评价的答复', 'The time to rate this answer has passed, or there is no answer to rate'],
  PORTAL_REVIEW_WINDOW_CLOSED: [422, '已超过申请期限：复查（复核）应自收到书面意见之日起 30 日内提出（《信访工作条例》第三十五、三十六条），逾期提出的不再受理', 'The time to ask has passed: a review (re-review) must be asked within 30 days of receiving the written decision (Art 35, 36); a later request is not accepted'],
  PORTAL_REVIEW_NOT_AVAILABLE: [422, '该事项当前不能申请复查或复核（尚未答复，或已在复查、复核中，或复核意见已为终结意见）', 'A review cannot be asked now (no answer yet, a review is under way, or the re-review decision is final)'],
  PORTAL_SUGGESTION_NOT_FOUND: [404, '建议编号或手机号后四位不正确', 'The suggestion number or the mobile digits do not match'],
  PORTAL_UNKNOWN_TOPIC: [400, '征集主题不存在或已结束', 'Unknown or closed suggestion topic'],
  PORTAL_IDEMPOTENCY_KEY_REQUIRED: [400, '缺少 Idempotency-Key 请求头（用于防止重复提交）', 'The Idempotency-Key header is required (it prevents double submission)'],
  // --- citizen suggestions (人民建议征集, staff side) ---
  SUGGESTION_NOT_FOUND: [404, '人民建议不存在', 'Suggestion not found'],
  SUGGESTION_ALREADY_DECIDED: [409, '该建议已作出采纳决定并答复建议人，不能再次决定或修改', 'This suggestion has already been decided and answered; the decision cannot be made again or changed'],
  // --- stats (figures, exports, disputes) ---
  DISPUTE_NOT_FOUND: [404, '矛盾纠纷不存在', 'Dispute not found'],
  DISPUTE_NOT_OPEN: [409, '该矛盾纠纷已化解或已转入信访，不能再修改', 'This dispute is resolved or became a case; it can no longer change'],
  DISPUTE_BAD_PERIOD: [400, '排查期次无效（应为 YYYY-MM，且不晚于本月）', 'The screening period must be YYYY-MM and not in the future'],
  SUGGESTION_OUT_OF_SCOPE: [403, '该建议提交给本单位及下级单位以外的信访部门', 'This suggestion went to a petition bureau outside your body and the bodies below it'],
  DISPUTE_RESPONSIBLE_OUT_OF_SCOPE: [422, '责任单位须为本单位或下级单位', 'The responsible body must be your own body or one below it'],
  EXPORT_BAD_SHEET_NAME: [400, '工作表名称无效（1 至 31 个字符，不含 \\ / ? * [ ] :）', 'Sheet names must be 1-31 characters without \\ / ? * [ ] :'],
  EXPORT_TOO_LARGE: [413, '导出内容过大，请缩小范围', 'The export is too large; narrow it down'],
  EXPORT_JOB_NOT_FOUND: [404, '导出任务不存在', 'Export job not found'],
  EXPORT_NOT_READY: [409, '导出文件尚未生成，请稍后再试', 'The export is not ready yet'],
  EXPORT_FAILED: [422, '导出失败，请重新导出', 'The export failed; please export again'],
  STATS_BAD_PERIOD: [400, '统计期间无效（日期格式 YYYY-MM-DD，自定义期间起止有序且不超过十年）', 'Invalid period (dates YYYY-MM-DD; a custom period runs forwards and spans at most ten years)'],
  STATS_ORG_OUT_OF_SCOPE: [403, '只能查看本单位及下级单位的统计', 'Figures are available for your own body and the bodies below it only'],
  STATS_UNKNOWN_FIGURE: [400, '统计指标不存在或不能查看明细', 'Unknown figure, or a figure without a case list'],
  STATS_BAD_YEAR: [400, '年份无效', 'Invalid year'],
  // --- console (reception days, documents, admin) ---
  RECEPTION_DAY_NOT_FOUND: [404, '接待日不存在', 'Reception day not found'],
  RECEPTION_NOT_A_LEADER: [400, '接待人须为领导', 'The receiving person must be a leader'],
  RECEPTION_INVALID_TIME: [400, '接待时间无效（结束时间须晚于开始时间）', 'Invalid reception hours (the end must be after the start)'],
  RECEPTION_DAY_IN_PAST: [422, '不能安排已过去日期的接待日', 'A reception day cannot be scheduled in the past'],
  RECEPTION_LEADER_BUSY: [409, '该领导在此时段已安排接待', 'This leader already receives at that time'],
  RECEPTION_DAY_NOT_STARTED: [422, '接待日尚未到来，不能登记接访', 'Visits can be recorded only on or after the reception day'],
  RECEPTION_VISIT_EXISTS: [409, '该事项已登记在此接待日', 'This case is already recorded on this reception day'],
  RECEPTION_CASE_OR_REGISTRATION: [400, '请关联已有事项或登记新事项（二选一）', 'Link an existing case or register a new one (one of the two)'],
  RECEPTION_DAY_CANCELLED: [409, '该接待日已取消', 'This reception day has been cancelled'],
  RECEPTION_DAY_HAS_VISITS: [409, '该接待日已登记接访，不能修改或取消', 'Visits are recorded on this reception day; it can no longer be changed or cancelled'],
  RECEPTION_DAY_BEGUN: [422, '接待已开始或已过去，不能修改或取消', 'The reception has begun or is over; it can no longer be changed or cancelled'],
  RECEPTION_DAY_CHANGED: [409, '该接待日已被他人修改，请刷新后重试', 'Someone else changed this reception day; reload and try again'],
  RECEPTION_INVITE_NOT_APPOINTMENT: [422, '只有约访可以指定约请的信访事项', 'Only an appointment day (约访) names the matters whose petitioners are invited'],
  RECEPTION_INVITE_CASE_INVALID: [422, '约访事项须为本单位及下级单位可查看、尚未归档的信访事项；检举控告事项不得由被检举控告的单位约访', 'An invited matter must be one your body may see and not archived; an accused body may not invite the accuser'],
  RECEPTION_CANCEL_REASON_REQUIRED: [400, '请填写取消接访的原因', 'Give the reason for cancelling the reception day'],
  DOCUMENT_NOT_AVAILABLE: [409, '该事项尚未到达出具此文书的环节', 'The case has not reached the step at which this document is issued'],
  DOCUMENT_ACCUSED_BODY: [403, '被检举控告的单位及人员不能查看检举控告事项的文书（第三十条）', 'The accused body may not see the documents of an accusation (Art 30)'],
  DOCUMENT_NOTICE_NOT_FOUND: [404, '该事项没有这份督办单', 'This case has no such supervision notice'],
  DOCUMENT_FONT_MISSING: [503, '服务器缺少中文字体（fonts-noto-cjk），暂不能生成 PDF', 'The server has no Chinese font (fonts-noto-cjk); the PDF cannot be made'],
  ADMIN_SELF_CHANGE: [422, '不能停用自己的账号或更改自己的角色', 'You cannot disable your own account or change your own role'],
  ADMIN_ORG_LEVEL: [422, '单位层级不能高于上级单位，也不能低于其下级单位', 'A body cannot sit at a higher level than its parent or a lower one than its children'],
  ADMIN_ORG_MOVE: [422, '不能调整到该单位之下：不能是本单位或其下级单位，也不能是已停用的单位', 'A body cannot be moved under itself, under a body below it or under a disabled body'],
  // --- bench and generator ---
} as const satisfies Record<string, readonly [number, string, string]>;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;
  constructor(code: ErrorCode, details?: unknown) {
    super(ERRORS[code][2]);
    this.name = 'AppError';
    this.code = code;
    this.status = ERRORS[code][0];
    this.details = details;
  }
}

export function errorMessage(code: string, lang: 'zh' | 'en'): string {
  const entry = (ERRORS as Record<string, readonly [number, string, string]>)[code];
  if (!entry) return code;
  return lang === 'zh' ? entry[1] : entry[2];
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
