// 人民建议征集: a citizen sends a suggestion on one of the open topics, to the petition bureau of the
// area it concerns, and later sees whether it was adopted ([T22] Art 29: suggestions are studied, adopted fully or partly, and answered).
import { randomInt } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import { isValidAreaCode, isValidMobile } from '../../shared/validators.ts';
import { findBureauForArea } from './register-case.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { insertSuggestion } from '../repositories/portal.ts';
import { insertAudit } from '../repositories/audit.ts';

/** The topics on which suggestions are being collected. */
export const SUGGESTION_TOPICS = [
  { key: 'public_services', zh: '优化政务服务', en: 'Better public services' },
  { key: 'rural_revitalisation', zh: '乡村振兴', en: 'Rural revitalisation' },
  { key: 'environment', zh: '生态环境保护', en: 'Protecting the environment' },
  { key: 'elderly_care', zh: '养老服务', en: 'Care for the elderly' },
  { key: 'other', zh: '其他', en: 'Other' },
] as const;
export type SuggestionTopic = (typeof SUGGESTION_TOPICS)[number]['key'];

const REF_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function newRefCode(): string {
  let s = 'JY';
  for (let i = 0; i < 8; i++) s += REF_ALPHABET[randomInt(REF_ALPHABET.length)];
  return s;
}

/** Records a suggestion; returns its reference number for the later check. */
export async function submitSuggestion(ctx: AppContext, db: Executor, input: { topic: string; title: string; content: string; name: string; mobile: string; areaCode: string }, ip?: string) {
  if (!SUGGESTION_TOPICS.some((t) => t.key === input.topic)) throw new AppError('PORTAL_UNKNOWN_TOPIC');
  if (!isValidMobile(input.mobile)) throw new AppError('INVALID_MOBILE');
  if (!isValidAreaCode(input.areaCode)) throw new AppError('INVALID_AREA_CODE');
  // to the petition bureau of the area, as an online petition is registered
  const bureau = await findBureauForArea(db, input.areaCode);
  const now = ctx.clock.now();
  const row = await insertSuggestion(db, {
    refCode: newRefCode(), topic: input.topic, title: input.title.trim(), content: input.content, name: input.name.trim(), mobile: input.mobile, at: now,
    areaCode: input.areaCode, orgId: bureau.id, orgPath: bureau.path,
  });
  await insertAudit(db, [{ at: now, actorUserId: null, actorKind: 'petitioner', action: 'suggestion.submit', ip: ip ?? null, detail: { id: row.id } }]);
  return { refCode: row.ref_code, topic: row.topic, status: row.status };
}
