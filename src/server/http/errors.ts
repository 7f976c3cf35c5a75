// The one error handler: every failure leaves as { error: { code, message, messageZh, details } };
// 5xx details never reach a client.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, ERRORS, type ErrorCode } from '../../shared/errors.ts';

export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    messageZh: Type.String(),
    details: Type.Optional(Type.Unknown()),
  }),
}, { $id: 'ErrorResponse' });

export function errorBody(code: ErrorCode, details?: unknown) {
  const [, zh, en] = ERRORS[code];
  return { error: { code, message: en, messageZh: zh, ...(details !== undefined && { details }) } };
}

function classify(err: FastifyError & { code?: string }): { code: ErrorCode; details?: unknown } {
  if (err instanceof AppError) return { code: err.code, details: err.details };
  if (err.validation) {
    return { code: 'VALIDATION_FAILED', details: err.validation.map((v) => ({ field: `${err.validationContext ?? ''}${v.instancePath}`, rule: v.keyword, message: v.message, params: v.params })) };
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'MALFORMED_JSON' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'PAYLOAD_TOO_LARGE' };
    case 'FST_REQ_FILE_TOO_LARGE':
      return { code: 'FILE_TOO_LARGE' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { code: 'UNSUPPORTED_MEDIA_TYPE' };
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return { code: 'TOO_MANY_ATTACHMENTS' };
    default:
      break;
  }
  if (err.statusCode === 429) return { code: 'RATE_LIMITED' };
  if (err.statusCode === 413) return { code: 'PAYLOAD_TOO_LARGE' };
  if (err.statusCode === 415) return { code: 'UNSUPPORTED_MEDIA_TYPE' };
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return { code: 'VALIDATION_FAILED', details: { reason: err.message } };
  return { code: 'INTERNAL' };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const { code, details } = classify(err);
    const status = ERRORS[code][0];
    if (status >= 500) req.log.error({ err }, 'request failed');
    void reply.status(status).send(errorBody(code, status >= 500 ? undefined : details));
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.status(404).send(errorBody('NOT_FOUND', { path: req.url.split('?')[0] }));
  });
}
