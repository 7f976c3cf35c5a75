// Request validation: bodies are checked strictly (no type coercion, unknown fields refused);
// query strings and path parameters are coerced from text.
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../shared/errors.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({ coerceTypes: coerce ? 'array' : false, useDefaults: true, removeAdditional: false, allErrors: false, strict: false });
  addFormats(ajv);
  return ajv;
}

/** Whether a parsed body or query holds a NUL character anywhere (PostgreSQL text cannot store one). */
export function hasNulCharacter(v: unknown, depth = 0): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (depth > 32 || v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some((x) => hasNulCharacter(x, depth + 1));
  return Object.entries(v).some(([k, x]) => k.includes('\u0000') || hasNulCharacter(x, depth + 1));
}

export function registerValidation(app: FastifyInstance): void {
  const strict = makeAjv(false);
  const coercing = makeAjv(true);
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));
  // JSON is the only text body the API takes: a text/plain body is refused (415), not half-validated
  app.removeContentTypeParser('text/plain');
  app.addHook('preValidation', async (req) => {
    if (hasNulCharacter(req.body) || hasNulCharacter(req.query) || hasNulCharacter(req.params)) {
      throw new AppError('VALIDATION_FAILED', { reason: 'text may not contain a NUL character' });
    }
  });
}
