import { describe, expect, it } from 'vitest';
import { firstAmount } from '../../../src/stages/extract/fields/totals.ts';
import { cuitIsValid, nitCheckDigit, parseTaxId } from '../../../src/stages/extract/fiscal-codes/tax-id.ts';
import { fold, repairDigits } from '../../../src/stages/extract/text/text.ts';
import { amountsMatch, parseAmount } from '../../../src/stages/extract/values/amount.ts';
import { detectCurrency } from '../../../src/stages/extract/values/currency.ts';
import { parseDate } from '../../../src/stages/extract/values/date.ts';
import { nitCheckDigit as corpusNitCheckDigit } from '../../../tools/corpus/nit.ts';

describe('parseAmount', () => {
  it.each([
    ['1.234.567,89', 1234567.89],
    ['$ 1.234.567', 1234567],
    ['1,234,567.89', 1234567.89],
    ['$2.460.00', 2460],
    ['1.041.32', 1041.32],
    ['18.297,00', 18297],
    ['74647,9330', 74647.933],
    ['44.252,4887', 44252.4887],
    ['103.803,6', 103803.6],
    ['12750.00', 12750],
    ['$24.000', 24000],
    ['COP 3.586.779,61', 3586779.61],
    ['3.586.779,61 COP', 3586779.61],
    ['-$ 23.228', -23228],
    ['(1.500,00)', -1500],
    ['0,5', 0.5],
    ['1.O00.000', 1000000],
    ['l.234,56', 1234.56],
    ['2S.000', 25000],
    ['1. 234.567,89', 1234567.89],
    // OCR swapped a dot and a comma: groups of three, then two cents.
    ['1,507.000,00', 1507000],
    ['4.445,900,00', 4445900],
    ['17,678.166,93', 17678166.93],
    // A speck beside the minus, or glued before the currency code.
    ['--COP 54.371', -54371],
    ['-75,196.25.COP', -75196.25],
    // Three digits after the last mark are thousands even when OCR swapped one mark.
    ['$ 4,499.000', 4499000],
    // A thousands mark read as a gap, after three digits or a grouped part.
    ['-836 528,17', -836528.17],
    ['20.913 204,36', 20913204.36],
    // Specks: a digit before the dollar sign, a mark after the currency code, a colon beside a mark.
    ['5$476.816', 476816],
    ['-COP*189.143,10', -189143.1],
    ['-161.:117', -161117],
    ['5;,474.800', 5474800],
    ['396.200,.00', 396200],
    ['-5$.287.012,29', -287012.29],
  ])('%s → %d', (text, expected) => {
    expect(parseAmount(text)).toBeCloseTo(expected, 6);
  });

  it.each([
    '',
    'abc',
    '2 528,17',
    '1.23.45',
    '12,34,5',
    '1..2',
    '19%',
    '1.234,56,7',
    '1,23.456,78',
    '10/02/2023',
  ])('%s is not an amount', (text) => {
    expect(parseAmount(text)).toBeNull();
  });

  it('compares to the cent', () => {
    expect(amountsMatch(100.004, 100)).toBe(true);
    expect(amountsMatch(100.02, 100)).toBe(false);
  });
});

describe('parseDate', () => {
  it.each([
    ['15/03/2026', '2026-03-15'],
    ['2026-03-15', '2026-03-15'],
    ['15 de marzo de 2026', '2026-03-15'],
    ['19-de febrero de 2025', '2025-02-19'],
    ['13 de enero de. 2026', '2026-01-13'],
    ['29 de agosto de-2025', '2025-08-29'],
    ['26-teb-2025', '2025-02-26'],
    ['2025- 06- -12', '2025-06-12'],
    ['15-mar-2026', '2026-03-15'],
    ['marzo 15 de 2026', '2026-03-15'],
    ['noviembre 23 de 2025', '2025-11-23'],
    ['10/2/2023', '2023-02-10'],
    ['31 /10 /23', '2023-10-31'],
    ['16/1/24 1:31 pm', '2024-01-16'],
    ['15-03-26', '2026-03-15'],
    ['Fecha: 29-abr-2025', '2025-04-29'],
    ['Fecha de pago: abril::15 de 2025', '2025-04-15'],
    ['Emitida el 1 de septiembre del 2025', '2025-09-01'],
    ['12/31/2025', '2025-12-31'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each(['31/02/2026', '2026-13-01', 'sin fecha', '0223-4817121'])('%s is no date', (text) => {
    expect(parseDate(text)).toBeNull();
  });
});

describe('tax ids', () => {
  it('computes the DIAN check digit (DIAN itself is 800.197.268-4)', () => {
    expect(nitCheckDigit('800197268')).toBe(4);
  });

  it('agrees with the corpus generator on many bases', () => {
    for (let i = 0; i < 500; i++) {
      const base = String(800_000_000 + i * 197_531);
      expect(nitCheckDigit(base)).toBe(corpusNitCheckDigit(base));
    }
  });

  it.each([
    ['900.123.456-7', 'nit'],
    ['900123456 - 7', 'nit'],
    ['900 123 456-7', 'nit'],
  ])('normalises the NIT %s to base-dv', (printed) => {
    const id = parseTaxId(printed, 'nit');
    expect(id?.value).toBe('900123456-7');
    expect(id?.valid).toBe(nitCheckDigit('900123456') === 7);
  });

  it('verifies the check digit and reports a wrong one without fixing it', () => {
    expect(parseTaxId('800.197.268-4', 'nit')).toEqual({
      value: '800197268-4',
      kind: 'nit',
      valid: true,
      checked: true,
    });
    expect(parseTaxId('800.197.268-5', 'nit')).toEqual({
      value: '800197268-5',
      kind: 'nit',
      valid: false,
      checked: true,
    });
  });

  it('reads a NIT whose check digit is glued on only when it verifies', () => {
    expect(parseTaxId('8001972684')?.value).toBe('800197268-4');
    expect(parseTaxId('8001972685')).toBeNull();
  });

  it('keeps CUIT digits only and checks them', () => {
    expect(cuitIsValid('30710145764')).toBe(true);
    expect(cuitIsValid('30710145765')).toBe(false);
    expect(parseTaxId('30-71014576-4', 'cuit')).toEqual({
      value: '30710145764',
      kind: 'cuit',
      valid: true,
      checked: true,
    });
    expect(parseTaxId('20-11467125-9')?.kind).toBe('cuit');
  });

  it('repairs look-alike letters from OCR inside the number', () => {
    expect(parseTaxId('8OO.197.268-4', 'nit')?.value).toBe('800197268-4');
    expect(repairDigits('NIT')).toBe('NIT');
  });
});

describe('currency and folding', () => {
  it('prefers an explicit code, else the country of the tax ids', () => {
    expect(detectCurrency('total usd 1,200.00', ['nit']).value).toBe('USD');
    expect(detectCurrency('total $ 1.200', ['nit']).value).toBe('COP');
    expect(detectCurrency('total $ 1.200', ['cuit']).value).toBe('ARS');
    expect(detectCurrency('total $ 1.200', []).value).toBeNull();
  });

  it('trusts bare amounts as pesos only when they are written the peso way', () => {
    expect(detectCurrency('subtotal 2.500.000 iva 475.000 total 2.975.000', ['nit'])).toEqual({
      value: 'COP',
      score: 0.85,
    });
    // "3,565.78" with no sign on a Colombian invoice: most likely dollars, so the pesos go below the threshold.
    expect(detectCurrency('subtotal 2,996.45 iva 569.33 total 3,565.78', ['nit'])).toEqual({
      value: 'COP',
      score: 0.6,
    });
  });

  it('takes no currency from a code OCR misread or from a peso foreign to every tax id', () => {
    expect(detectCurrency('007€ insumos de limpieza $115,900.00', ['nit']).value).toBe('COP');
    expect(detectCurrency('total 1.234,56 eur', ['nit']).value).toBe('EUR');
    // One foreign sign against the country's ids may be a misread "$": the country's, below the threshold.
    expect(detectCurrency('total £1.234.567', ['nit'])).toEqual({ value: 'COP', score: 0.6 });
    expect(detectCurrency('total 1.234,56 €', ['nit'])).toEqual({ value: 'COP', score: 0.6 });
    expect(detectCurrency('neto 1.000,00 € iva 190,00 € total 1.190,00 €', ['nit']).value).toBe('EUR');
    expect(detectCurrency('subtotal 1.200 ars', ['nit', 'nit']).value).toBe('COP');
    expect(detectCurrency('subtotal 1.200 ars', ['cuit']).value).toBe('ARS');
  });

  it('reads signs of one currency, and resolves "$" by the country of the ids or the wording', () => {
    expect(detectCurrency('valor liquido: r$ 3.227,76', []).value).toBe('BRL');
    expect(detectCurrency('total due   £1,361.77', []).value).toBe('GBP');
    expect(detectCurrency('subtotale € 738,32', []).value).toBe('EUR');
    expect(detectCurrency('total a pagar $ 30,014.93', ['rfc']).value).toBe('MXN');
    expect(detectCurrency('total due $6,832.45', ['ein']).value).toBe('USD');
    expect(detectCurrency('total $ 1,200.00   charlotte, nc 28208', []).value).toBe('USD');
    // No sign at all: the VAT number's country, as a weaker guess.
    const german = detectCurrency('gesamtbetrag: 2.499,57', [{ kind: 'vat', value: 'DE789384290' }]);
    expect(german).toEqual({ value: 'EUR', score: 0.7 });
    // "$" on a euro country's invoice says nothing sure.
    expect(detectCurrency('total $ 12,00', [{ kind: 'vat', value: 'DE789384290' }]).value).toBeNull();
  });

  it('folds one character for one', () => {
    const text = 'Razón Social: FACTURA ELECTRÓNICA Nº 12';
    expect(fold(text)).toBe('razon social: factura electronica nº 12');
    expect(fold(text).length).toBe(text.length);
  });
});

describe('firstAmount', () => {
  it('skips a rate whose % OCR misread when money follows it, not a lone amount', () => {
    expect(firstAmount('199   $9,043,842.30')).toBe(9043842.3);
    expect(firstAmount('65   ($ 396.726,40)')).toBe(396726.4);
    expect(firstAmount('19%   190.000')).toBe(190000);
    expect(firstAmount('450')).toBe(450);
    // Specks around it, the decimal mark read as a gap before the currency code, a per-mille rate OCR accented.
    expect(firstAmount('(189.466)!')).toBe(189466);
    expect(firstAmount('-161.:117 68 Cop')).toBe(-161117.68);
    expect(firstAmount('11,04 x míl (COP 75.551,16)')).toBe(75551.16);
    expect(firstAmount('1.161 68 unidades')).toBe(1161);
    expect(firstAmount('=$ 233.540')).toBe(233540);
  });

  it('joins the head of an amount a gap split off after the dollar sign, not a count before it', () => {
    expect(firstAmount('$ 2 216.300')).toBe(2216300);
    expect(firstAmount('$.2 637.397')).toBe(2637397);
    expect(firstAmount('$ 5 248.100,00')).toBe(5248100);
    expect(firstAmount('$ 12 345,678.90')).toBe(12345678.9);
    expect(firstAmount('3 $ 1.200')).toBe(1200);
  });
});
