import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../../src/server/dashboard/filters.ts';
import { errorName, formatMoney, formatMonth, issueName } from '../../../src/server/dashboard/format.ts';
import { esc, jsonForScript } from '../../../src/server/dashboard/html.ts';

describe('dashboard filters', () => {
  it('accepts real ISO dates, a known class and a currency code', () => {
    const parsed = parseFilter(
      { desde: '2026-01-01', hasta: '2026-02-28', clase: 'revision', moneda: 'usd' },
      'COP',
    );
    expect(parsed.filter).toEqual({
      from: '2026-01-01',
      to: '2026-02-28',
      classLabel: 'revision',
      currency: 'USD',
    });
    expect(parsed.warnings).toEqual([]);
  });

  it('ignores impossible input with a Spanish warning, and swaps a reversed range', () => {
    const parsed = parseFilter(
      { desde: '2026-02-30', hasta: "1' or '1'='1", clase: 'todas', moneda: 'PESOS' },
      'COP',
    );
    expect(parsed.filter).toEqual({ currency: 'COP' });
    expect(parsed.warnings).toHaveLength(4);
    const swapped = parseFilter({ desde: '2026-05-01', hasta: '2026-01-01' }, null);
    expect(swapped.filter).toMatchObject({ from: '2026-01-01', to: '2026-05-01', currency: null });
    expect(swapped.warnings[0]).toContain('intercambiaron');
  });

  it('sums across currencies only when asked', () => {
    expect(parseFilter({ moneda: 'todas' }, 'COP').filter.currency).toBeNull();
    expect(parseFilter({}, 'ARS').filter.currency).toBe('ARS');
  });
});

describe('dashboard formatting', () => {
  it('formats money the Colombian way, to the cent, and survives a bad currency code', () => {
    expect(formatMoney(1234567.89, 'COP').replace(/\s/g, ' ')).toBe('$ 1.234.567,89');
    expect(formatMoney(10, 'ZZ1')).toBe('10,00 ZZ1');
    expect(formatMonth('2026-03')).toBe('mar 2026');
    expect(errorName('encrypted')).toBe('PDF protegido con contraseña');
    expect(issueName('line_3_amount_mismatch')).toBe('La línea 3 no cuadra (cantidad × precio)');
    expect(issueName('supplier_nit_check_digit_invalid')).toContain('NIT del proveedor');
    // The OCR doubts about a number read in Spanish, not as codes.
    expect(issueName('number_ocr_ambiguous_characters')).toContain('OCR');
    expect(issueName('number_marker_glued')).toContain('N°');
  });

  it('escapes HTML and keeps embedded JSON from closing its script tag', () => {
    expect(esc(`<img src=x onerror="a('b')">&`)).toBe(
      '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;',
    );
    const json = jsonForScript({ name: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('</script>');
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script>' });
  });
});
