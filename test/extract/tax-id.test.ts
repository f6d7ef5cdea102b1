import { describe, expect, it } from 'vitest';
import { nitCheckDigit, parseTaxId } from '../../src/stages/extract/tax-id.ts';

describe('parseTaxId on OCR text', () => {
  it('reads commas and a colon OCR put in place of the dots and the dash', () => {
    expect(parseTaxId('969.329,719:6', 'nit')).toEqual({
      value: '969329719-6',
      kind: 'nit',
      valid: true,
      checked: true,
    });
    expect(parseTaxId('969329719:6', 'nit')?.value).toBe('969329719-6');
  });

  it('computes a check digit whose place is printed but unreadable, and says so', () => {
    const id = parseTaxId('837233376 -', 'nit');
    expect(id).toEqual({
      value: `837233376-${nitCheckDigit('837233376')}`,
      kind: 'nit',
      valid: false,
      checked: false,
      computed: true,
    });
  });

  it('invents nothing for a base printed without a dash, or a dash that separates fields', () => {
    expect(parseTaxId('837233376', 'nit')).toEqual({
      value: '837233376',
      kind: 'nit',
      valid: false,
      checked: false,
    });
    expect(parseTaxId('837233376 - Calle 44', 'nit')?.computed).toBeUndefined();
    expect(parseTaxId('837233376 -')).toBeNull();
  });
});
