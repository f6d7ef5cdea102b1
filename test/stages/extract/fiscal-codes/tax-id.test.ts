import { describe, expect, it } from 'vitest';
import {
  kindFromLabel,
  nitCheckDigit,
  parseTaxId,
} from '../../../../src/stages/extract/fiscal-codes/tax-id.ts';

describe('parseTaxId of other countries', () => {
  it('reads a US EIN under any label by its 2–7 grouping, digits only', () => {
    expect(parseTaxId('12-2380667', null)).toMatchObject({ value: '122380667', kind: 'ein' });
    expect(parseTaxId('56-5095486 Address 163 Industrial Pkwy', 'ein')?.value).toBe('565095486');
    // A separator dot OCR read as a dash after it, before the address: still the EIN; a dash and digits is not.
    expect(parseTaxId('20-3989565- 19 Commerce Drive', 'ein')?.value).toBe('203989565');
    expect(parseTaxId('20-3989565- 19 Commerce Drive', null)?.value).toBe('203989565');
    expect(parseTaxId('20-3989565-1', 'ein')).toBeNull();
    // A prefix the IRS does not assign is no EIN.
    expect(parseTaxId('07-2380667', 'ein')).toBeNull();
  });

  it('ends a VAT number where its check verifies, before the next field', () => {
    expect(parseTaxId('GB 432 0819 76 70 Mill Lane', 'vat', 'vat number')).toMatchObject({
      value: 'GB432081976',
      valid: true,
    });
    expect(parseTaxId('GB508837425 120 Industrial Estate', 'vat', 'vat registration no.')?.value).toBe(
      'GB508837425',
    );
    // The next field's words are no VAT number of an unknown country.
    expect(parseTaxId('INDIRIZZO: Via Roma', 'vat', 'partita iva')).toBeNull();
    expect(parseTaxId('Via Roma 77 24100', 'vat', 'vat')).toBeNull();
  });

  it('names the kind and country of each label', () => {
    expect(kindFromLabel('ein/tax id')).toBe('ein');
    expect(kindFromLabel('federal tax id')).toBe('ein');
    expect(kindFromLabel('r.f.c.')).toBe('rfc');
    expect(kindFromLabel('c.i.f.')).toBe('nif');
    expect(kindFromLabel('n° tva intracommunautaire')).toBe('vat');
    expect(kindFromLabel('partita iva/c.f.')).toBe('vat');
    expect(kindFromLabel('einzelpreis')).toBe('other');
    // A VAT label run into the number's country prefix.
    expect(kindFromLabel('n° tvafr42 621032713')).toBe('vat');
    expect(kindFromLabel('tvaux')).toBe('other');
  });
});

describe('parseTaxId on OCR text', () => {
  it('reads commas and a colon OCR put in place of the dots and the dash', () => {
    expect(parseTaxId('969.329,719:6', 'nit')).toEqual({
      value: '969329719-6',
      kind: 'nit',
      valid: true,
      checked: true,
    });
    expect(parseTaxId('969329719:6', 'nit')?.value).toBe('969329719-6');
    expect(parseTaxId('906.209:406-2', 'nit')?.value).toBe('906209406-2');
    // A speck beside a thousands dot.
    expect(parseTaxId('904.:954.639-9', 'nit')).toMatchObject({ value: '904954639-9', valid: true });
    // A dash read in place of the first dot: taken only when the whole base's check digit verifies.
    expect(parseTaxId('813-119.511-4', 'nit')).toMatchObject({ value: '813119511-4', valid: true });
    expect(parseTaxId('813-119.511-5', 'nit')?.value).not.toBe('813119511-5');
    // A CUIT's shape is left to the CUIT rules.
    expect(parseTaxId('30-71234567-1', 'nit')?.value).not.toBe('3071234567-1');
  });

  it('reads through specks OCR left around the check digit dash', () => {
    expect(parseTaxId('811855397 .=-1', 'nit')?.value).toBe('811855397-1');
    expect(parseTaxId('969483698 -.8', 'nit')?.value).toBe('969483698-8');
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

  it('completes a company NIT whose dash and digit OCR lost together, says so, and invents nothing else', () => {
    // Nine digits from 8 or 9 alone after a NIT label: a company's NIT, its check digit canonical and computed.
    expect(parseTaxId('837233376', 'nit')).toEqual({
      value: `837233376-${nitCheckDigit('837233376')}`,
      kind: 'nit',
      valid: false,
      checked: false,
      computed: true,
    });
    expect(parseTaxId('966488887- $', 'nit')?.value).toBe(`966488887-${nitCheckDigit('966488887')}`);
    expect(parseTaxId('961220630-O Av. 11 N* 84-28', 'nit')).toMatchObject({
      value: '961220630-0',
      valid: true,
    });
    // A person's number (another length or range), something after it, or no NIT label: left as read.
    expect(parseTaxId('12345678', 'nit')).toEqual({
      value: '12345678',
      kind: 'nit',
      valid: false,
      checked: false,
    });
    expect(parseTaxId('537233376', 'nit')?.computed).toBeUndefined();
    expect(parseTaxId('837233376 Calle 44', 'nit')?.computed).toBeUndefined();
    expect(parseTaxId('837233376 - Calle 44', 'nit')?.computed).toBeUndefined();
    expect(parseTaxId('837233376 -')).toBeNull();
  });
});
