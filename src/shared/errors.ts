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
  FORBIDDEN: [403, '无权执行此操作', 'You may not do this'],
  ROLE_NOT_ALLOWED: [403, '您的角色不能执行此操作', 'Your role may not take this action'],
  OUT_OF_SCOPE: [403, '该事项不属于本单位及下级单位', 'This case is outside your organisation'],

  CASE_NOT_FOUND: [404, '信访事项不存在', 'Case not found'],
  NOT_FOUND: [404, '资源不存在', 'Not found'],
  QUERY_FAILED: [404, '查询码或手机号后四位不正确', 'The query code or the mobile digits do not match'],

  VERSION_CONFLICT: [409, '该事项已被他人处理，请刷新后重试', 'Someone else changed this case; reload and try again'],
  IDEMPOTENCY_KEY_REUSED: [422, '幂等键已用于不同的请求', 'The idempotency key was used for a different request'],
  TRANSITION_NOT_ALLOWED: [409, '当前状态下不能执行此操作', 'This action is not allowed in the current state'],
  DEADLINE_PASSED: [422, '已超过法定期限', 'The time limit has passed'],
  NOT_ROUTED_HERE: [422, '该事项不是转送或交办来的，不能提出异议', 'Only a forwarded or assigned matter can be objected to'],
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
  FINAL_NOT_REACCEPTED: [422, '该事项已经复核终结，以同一事实和理由提出的信访不再受理（第三十六条）', 'The matter is final after re-review; the same facts and reasons are not accepted again (Art 36)'],
  NOT_YET_ARCHIVABLE: [422, '复查、复核期限未届满，暂不能归档', 'Review windows are still open; cannot archive yet'],
  RATE_LIMITED: [429, '操作过于频繁，请稍后再试', 'Too many requests; please try again later'],
  PAYLOAD_TOO_LARGE: [413, '提交内容过大', 'The request is too large'],
  UNSUPPORTED_MEDIA_TYPE: [415, '不支持的内容类型', 'Unsupported content type'],
  INTERNAL: [500, '服务器内部错误', 'Internal server error'],
  // --- portal (citizen portal) ---
  // --- stats (figures, exports, disputes) ---
  // --- console (reception days, documents, admin) ---
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
