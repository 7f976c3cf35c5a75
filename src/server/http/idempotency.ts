// Idempotency keys on creates: a retry with the same key replays the first response and creates
// nothing new; the key is claimed in the same transaction as the create.
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { claimIdempotencyKey, completeIdempotencyKey, findIdempotent } from '../repositories/idempotency.ts';

export function idempotencyKeyOf(req: FastifyRequest): string | null {
  const k = req.headers['idempotency-key'];
  const key = Array.isArray(k) ? k[0] : k;
  if (!key) return null;
  if (key.length > 200) throw new AppError('VALIDATION_FAILED', { field: 'Idempotency-Key', reason: 'too long' });
  return key;
}

/**
 * Runs `create` once per (scope, key) in a transaction; returns [status, body, replayed]. `then` runs
 * in the same transaction after the create or the replay (its result is not stored with the key).
 */
export async function runIdempotent<T>(ctx: AppContext, scope: string, key: string | null, requestBody: unknown, status: number, create: (trx: Tx) => Promise<T>): Promise<{ status: number; body: T; replayed: boolean }>;
export async function runIdempotent<T, U>(ctx: AppContext, scope: string, key: string | null, requestBody: unknown, status: number, create: (trx: Tx) => Promise<T>, then: (trx: Tx, body: T) => Promise<U>): Promise<{ status: number; body: T; replayed: boolean; then: U }>;
export async function runIdempotent<T, U>(ctx: AppContext, scope: string, key: string | null, requestBody: unknown, status: number, create: (trx: Tx) => Promise<T>, then?: (trx: Tx, body: T) => Promise<U>): Promise<{ status: number; body: T; replayed: boolean; then?: U }> {
  const finish = async (trx: Tx, r: { status: number; body: T; replayed: boolean }) => (then ? { ...r, then: await then(trx, r.body) } : r);
  if (!key) return ctx.db.transaction().execute(async (trx) => finish(trx, { status, body: await create(trx), replayed: false }));
  const hash = createHash('sha256').update(JSON.stringify(requestBody ?? null)).digest('hex');
  return ctx.db.transaction().execute(async (trx) => {
    const claimed = await claimIdempotencyKey(trx, { scope, key, requestHash: hash, at: ctx.clock.now() });
    if (!claimed) {
      const prior = await findIdempotent(trx, scope, key);
      if (!prior || prior.request_hash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      const body = (typeof prior.response === 'string' ? JSON.parse(prior.response) : prior.response) as T;
      return finish(trx, { status: prior.status_code, body, replayed: true });
    }
    const body = await create(trx);
    await completeIdempotencyKey(trx, scope, key, status, body);
    return finish(trx, { status, body, replayed: false });
  });
}
