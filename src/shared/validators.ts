// Identity and contact validators shared by the server and the web apps (no Node APIs here).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function normalizeIdCardNumber(s: string): string {
  return s.trim().toUpperCase();
}

function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** GB 11643 居民身份证号码: 17 digits, a real birth date, and the check character. */
export function isValidIdCardNumber(s: string): boolean {
  const v = normalizeIdCardNumber(s);
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const y = Number(v.slice(6, 10)), m = Number(v.slice(10, 12)), d = Number(v.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return false;
  if (y < 1900 || birth.getTime() > Date.now()) return false;
  return checkChar(v.slice(0, 17)) === v[17];
}

/** Mainland mobile numbers: 11 digits starting 13-19. */
export function isValidMobile(s: string): boolean {
  return /^1[3-9]\d{9}$/.test(s);
}

/** The second factor of the portal look-up: the last four characters of the mobile or of the 身份证
 * number, so three digits and an X (either case) too. The API's schema pattern and the portal's check. */
export const LAST4_PATTERN = '^\\d{3}[\\dXx]$';

/** A typed last-four as compared (spaces dropped, x as X). */
export function normalizeLast4(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

const LAST4 = new RegExp(LAST4_PATTERN);

export function isValidLast4(s: string): boolean {
  return LAST4.test(normalizeLast4(s));
}

/** The last four characters of a stored mobile or 身份证 number as a look-up compares them. */
export function last4Of(s: string): string {
  return normalizeIdCardNumber(s).slice(-4);
}

/** GB/T 2260 area code (6 digits) or its 12-digit statistical extension; not checked by range. */
export function isValidAreaCode(s: string): boolean {
  return /^\d{6}(\d{6})?$/.test(s);
}

export function maskIdCard(s: string): string {
  return s.length <= 8 ? '*'.repeat(s.length) : `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`;
}

export function maskMobile(s: string): string {
  return s.length === 11 ? `${s.slice(0, 3)}****${s.slice(7)}` : '*'.repeat(s.length);
}

/** 张* for two characters; keep first and last for longer names; Latin names keep the first letter. */
export function maskName(s: string): string {
  const chars = [...s.trim()];
  if (chars.length === 0) return '';
  if (/^[\x20-\x7e]+$/.test(s)) return `${chars[0]}*`;
  if (chars.length <= 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** A valid number for an area, birth date (YYYYMMDD) and sequence (test factories, data generator). */
export function generateIdCardNumber(areaCode6: string, birth: string, seq: number): string {
  const first17 = `${areaCode6}${birth}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + checkChar(first17);
}
