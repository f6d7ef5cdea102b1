import { describe, expect, it } from 'vitest';
import { findParties } from '../../../../src/stages/extract/fields/parties.ts';
import { kindFromLabel, parseTaxId } from '../../../../src/stages/extract/fiscal-codes/tax-id.ts';
import { euVatIsValid, rfcCheckDigitIsValid } from '../../../../src/stages/extract/fiscal-codes/tax-ids.ts';
import { rowsOf } from '../rows-fixture.ts';

/** An EU VAT id with the body given and the one last digit that makes its check verify. */
function vat(prefix: string, body: string): string {
  for (let d = 0; d <= 9; d++)
    if (euVatIsValid(`${prefix}${body}${d}`) === true) return `${prefix}${body}${d}`;
  throw new Error(`no check digit verifies ${prefix}${body}`);
}

const ITALIAN = vat('IT', '0709405767');
const GERMAN = vat('DE', '41454922');

describe('tax ids read with OCR look-alikes', () => {
  it('reads a VAT prefix OCR read with a digit or another letter, when the number verifies', () => {
    expect(parseTaxId(`1T ${ITALIAN.slice(2)}`, 'vat', 'p. iva')).toMatchObject({
      value: ITALIAN,
      valid: true,
    });
    expect(parseTaxId(`JT ${ITALIAN.slice(2)}`, 'vat', 'p. iva')).toMatchObject({
      value: ITALIAN,
      valid: true,
    });
    expect(parseTaxId(`1T${ITALIAN.slice(2)}`, 'vat', 'p. iva')?.value).toBe(ITALIAN);
  });

  it('reads the letters OCR put for digits in a VAT number only into a number that verifies', () => {
    expect(euVatIsValid('DE585363102')).toBe(true);
    expect(parseTaxId('DE58S363IO2', 'vat', 'ust-id')).toMatchObject({ value: 'DE585363102', valid: true });
    expect(parseTaxId('FRO9 737697318   68100', 'vat', 'n° tva')).toMatchObject({
      value: 'FR09737697318',
      valid: true,
    });
    // A wrong digit is not made right: the misreading stays unverified.
    const wrong = `${GERMAN.slice(0, 10)}${(Number(GERMAN[10]) + 1) % 10}`;
    expect(parseTaxId(wrong, 'vat', 'ust-id')).toMatchObject({ value: wrong, valid: false });
  });

  it('reads the name letters of an RFC OCR read as digits, when SAT’s check digit verifies', () => {
    expect(rfcCheckDigitIsValid('IOO981228QL0')).toBe(true);
    expect(parseTaxId('100981228QL0', 'rfc')).toMatchObject({ value: 'IOO981228QL0', valid: true });
    expect(parseTaxId('100981228QL1', 'rfc')).toBeNull();
  });

  it('knows the dotted labels OCR read with look-alikes', () => {
    expect(kindFromLabel('n.lf.')).toBe('nif');
    expect(kindFromLabel('r:f.c')).toBe('rfc');
    expect(kindFromLabel('c.u.1.t.')).toBe('cuit');
    // An undotted "cult…" is a word, not a CUIT.
    expect(kindFromLabel('cultivos')).toBe('other');
  });

  it('reads an id after a number sign OCR read as an asterisk ("CNPJ n*:")', () => {
    const rows = rowsOf(
      [
        [10, [[24, 'Manutenção Têxtil Blumenau LTDA']]],
        [22, [[24, 'CNPJ n*: 38519558000150']]],
      ],
      0.9,
    );
    expect(findParties(rows).supplier.taxId?.value).toBe('38519558000150');
  });
});
