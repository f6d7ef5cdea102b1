import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatAmount,
  formatDate,
  formatQuantity,
  roundCents,
} from '../../../tools/corpus/format.ts';
import { formatNit, nitCheckDigit } from '../../../tools/corpus/nit.ts';
import { deriveSeed, Random } from '../../../tools/corpus/random.ts';
import { amountInWords, integerInWords } from '../../../tools/corpus/words.ts';

describe('nitCheckDigit', () => {
  it('matches the check digits of well-known Colombian NITs', () => {
    expect(nitCheckDigit('800197268')).toBe(4); // DIAN
    expect(nitCheckDigit('890903938')).toBe(8); // Bancolombia
    expect(nitCheckDigit('899999068')).toBe(1); // Ecopetrol
  });

  it('rejects a base that is not digits', () => {
    expect(() => nitCheckDigit('90012A')).toThrow();
  });

  it('prints the three styles', () => {
    expect(formatNit('900123456-7', 'dotted')).toBe('900.123.456-7');
    expect(formatNit('900123456-7', 'plain')).toBe('900123456-7');
    expect(formatNit('900123456-7', 'spaced')).toBe('900123456 - 7');
  });
});

describe('amounts and dates', () => {
  it('prints Colombian and international amounts', () => {
    expect(formatAmount(1234567.89, { numbers: 'co', cents: true, symbol: 'dollar-space' }, 'COP')).toBe(
      '$ 1.234.567,89',
    );
    expect(formatAmount(1234567, { numbers: 'co', cents: false, symbol: 'dollar' }, 'COP')).toBe(
      '$1.234.567',
    );
    expect(formatAmount(1234567, { numbers: 'co', cents: true, symbol: 'none' }, 'COP')).toBe('1.234.567,00');
    expect(formatAmount(1234567.89, { numbers: 'intl', cents: true, symbol: 'code-after' }, 'USD')).toBe(
      '1,234,567.89 USD',
    );
    expect(formatAmount(999.5, { numbers: 'co', cents: true, symbol: 'code-before' }, 'COP')).toBe(
      'COP 999,50',
    );
  });

  it('prints quantities', () => {
    expect(formatQuantity(2, 'co', false)).toBe('2');
    expect(formatQuantity(2, 'co', true)).toBe('2,00');
    expect(formatQuantity(2.5, 'co', false)).toBe('2,5');
    expect(formatQuantity(2.5, 'intl', true)).toBe('2.50');
  });

  it('prints every date style', () => {
    expect(formatDate('2026-03-05', 'dmy-slash')).toBe('05/03/2026');
    expect(formatDate('2026-03-05', 'iso')).toBe('2026-03-05');
    expect(formatDate('2026-03-05', 'long')).toBe('5 de marzo de 2026');
    expect(formatDate('2026-03-15', 'dmy-abbrev')).toBe('15-mar-2026');
    expect(formatDate('2026-03-15', 'month-first')).toBe('marzo 15 de 2026');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2025-12-20', 30)).toBe('2026-01-19');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('rounds half-cents up despite binary floating point', () => {
    expect(roundCents(1.005)).toBe(1.01);
    expect(roundCents(2.5 * 12345.67)).toBe(30864.18);
  });
});

describe('Random', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = Array.from(
      { length: 5 },
      (
        (r) => () =>
          r.next()
      )(new Random(7)),
    );
    const b = Array.from(
      { length: 5 },
      (
        (r) => () =>
          r.next()
      )(new Random(7)),
    );
    const c = Array.from(
      { length: 5 },
      (
        (r) => () =>
          r.next()
      )(new Random(8)),
    );
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(deriveSeed(1, 0)).not.toBe(deriveSeed(1, 1));
  });

  it('stays in range', () => {
    const rng = new Random(1);
    for (let i = 0; i < 1000; i++) {
      const value = rng.int(3, 5);
      expect(value >= 3 && value <= 5).toBe(true);
    }
  });
});

describe('amountInWords', () => {
  it('writes Spanish amounts as invoices print them', () => {
    expect(integerInWords(21)).toBe('veintiuno');
    expect(integerInWords(100)).toBe('cien');
    expect(integerInWords(101)).toBe('ciento uno');
    expect(integerInWords(1_234_567)).toBe(
      'un millón doscientos treinta y cuatro mil quinientos sesenta y siete',
    );
    expect(integerInWords(21_000_000)).toBe('veintiún millones');
    expect(amountInWords(2_000_000, 'COP')).toBe('DOS MILLONES DE PESOS M/CTE');
    expect(amountInWords(1501.5, 'COP')).toBe('MIL QUINIENTOS UN PESOS CON CINCUENTA CENTAVOS M/CTE');
  });
});
