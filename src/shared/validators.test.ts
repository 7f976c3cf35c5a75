// Identity and contact validators: GB 11643 check character (incl. 'X'), birth dates, mobiles,
// area codes and masking.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  generateIdCardNumber, isValidAreaCode, isValidIdCardNumber, isValidLast4, isValidMobile, last4Of, maskIdCard, maskMobile, maskName, normalizeIdCardNumber,
} from './validators.ts';

const areaArb = fc.stringMatching(/^[1-6]\d{5}$/);
const birthArb = fc.integer({ min: 0, max: 36_500 }).map((n) => new Date(Date.UTC(1920, 0, 1) + n * 86_400_000).toISOString().slice(0, 10).replace(/-/g, ''));
const idArb = fc.tuple(areaArb, birthArb, fc.integer({ min: 0, max: 999 })).map(([a, b, s]) => generateIdCardNumber(a, b, s));

describe('身份证 numbers (GB 11643)', () => {
  it('accepts the standard example with check character X, in either case and with spaces around', () => {
    expect(isValidIdCardNumber('11010519491231002X')).toBe(true);
    expect(isValidIdCardNumber('11010519491231002x')).toBe(true);
    expect(isValidIdCardNumber(' 11010519491231002X ')).toBe(true);
    expect(normalizeIdCardNumber(' 11010519491231002x')).toBe('11010519491231002X');
  });

  it('refuses a wrong check character, an impossible birth date, wrong lengths and letters', () => {
    expect(isValidIdCardNumber('110105194912310021')).toBe(false);
    expect(isValidIdCardNumber(generateIdCardNumber('110105', '19490230', 2))).toBe(false); // 30 February
    expect(isValidIdCardNumber(generateIdCardNumber('110105', '19491301', 2))).toBe(false); // month 13
    expect(isValidIdCardNumber(generateIdCardNumber('110105', '18991231', 2))).toBe(false); // before 1900
    expect(isValidIdCardNumber(generateIdCardNumber('110105', '29991231', 2))).toBe(false); // not yet born
    expect(isValidIdCardNumber(generateIdCardNumber('110105', '20000229', 2))).toBe(true); // leap day
    expect(isValidIdCardNumber(generateIdCardNumber('110105', '19000229', 2))).toBe(false); // 1900 was no leap year
    expect(isValidIdCardNumber('110105491231002')).toBe(false); // 15-digit first-generation numbers are refused
    expect(isValidIdCardNumber('11010519491231002')).toBe(false);
    expect(isValidIdCardNumber('11010519491231002XX')).toBe(false);
    expect(isValidIdCardNumber('1101051949123100X2')).toBe(false);
    expect(isValidIdCardNumber('')).toBe(false);
  });

  it('always validates a generated number', () => {
    fc.assert(fc.property(idArb, (id) => {
      expect(id).toMatch(/^\d{17}[\dX]$/);
      expect(isValidIdCardNumber(id)).toBe(true);
    }), { numRuns: 500 });
  });

  it('is broken by changing any one character', () => {
    fc.assert(fc.property(idArb, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (id, pos, delta) => {
      const chars = '0123456789X';
      const alphabet = pos === 17 ? chars : chars.slice(0, 10);
      const cur = alphabet.indexOf(id[pos]!);
      const next = alphabet[(cur + delta) % alphabet.length]!;
      if (next === id[pos]) return;
      expect(isValidIdCardNumber(id.slice(0, pos) + next + id.slice(pos + 1))).toBe(false);
    }), { numRuns: 1000 });
  });

  it('masks all but the first and last four characters', () => {
    expect(maskIdCard('11010519491231002X')).toBe('1101**********002X');
    fc.assert(fc.property(idArb, (id) => {
      const m = maskIdCard(id);
      expect(m).toHaveLength(18);
      expect(m.slice(4, 14)).toBe('*'.repeat(10));
      expect(m).not.toContain(id.slice(6, 14)); // the birth date never shows
    }));
    expect(maskIdCard('1234')).toBe('****');
  });
});

describe('mobile numbers', () => {
  it('accepts 11 digits starting 13-19 only', () => {
    fc.assert(fc.property(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/), (second, rest) => {
      expect(isValidMobile(`1${second}${rest}`)).toBe(true);
    }));
    for (const s of ['12912345678', '1391234567', '139123456789', '23912345678', '139-1234-5678', '+8613912345678', '']) expect(isValidMobile(s), s).toBe(false);
  });

  it('masks the middle four digits', () => {
    expect(maskMobile('13912345678')).toBe('139****5678');
    expect(maskMobile('12345')).toBe('*****');
  });
});

describe('area codes (GB/T 2260)', () => {
  it('accepts 6 or 12 digits, not checked by range', () => {
    for (const s of ['130534', '130534100201', '990000']) expect(isValidAreaCode(s), s).toBe(true);
    for (const s of ['13053', '1305341', '13053410020', '1305341002011', '13053a', '']) expect(isValidAreaCode(s), s).toBe(false);
  });
});

describe('names', () => {
  it('masks Chinese names keeping the first (and last) character, Latin names the first letter', () => {
    expect(maskName('刘桂兰')).toBe('刘*兰');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('Li Wei')).toBe('L*');
    expect(maskName('')).toBe('');
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'王李张刘陈杨赵黄周吴'), minLength: 2, maxLength: 6 }), (n) => {
      const m = [...maskName(n)];
      expect(m[0]).toBe([...n][0]);
      expect(m.filter((c) => c === '*').length).toBeGreaterThanOrEqual(1);
    }));
  });
});

describe('the look-up\'s last four', () => {
  it('is the last four of any valid 身份证 number or mobile, and nothing else passes', () => {
    fc.assert(fc.property(idArb, (id) => { expect(isValidLast4(last4Of(id))).toBe(true); expect(isValidLast4(last4Of(id).toLowerCase())).toBe(true); }));
    fc.assert(fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (m) => { expect(isValidLast4(last4Of(m))).toBe(true); }));
    for (const bad of ['12345', '123', 'ABCD', '12a4', 'X123', '12X4', '123Y', '']) expect(isValidLast4(bad), bad).toBe(false);
  });
});
