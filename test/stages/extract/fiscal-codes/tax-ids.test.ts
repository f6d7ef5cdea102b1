import { describe, expect, it } from 'vitest';
import { parseTaxId } from '../../../../src/stages/extract/fiscal-codes/tax-id.ts';
import {
  cifIsValid,
  cnpjIsValid,
  cpfIsValid,
  dniOrNieIsValid,
  euVatIsValid,
  rfcCheckDigitIsValid,
  rfcShapeIsValid,
  rucIsValid,
  rutIsValid,
} from '../../../../src/stages/extract/fiscal-codes/tax-ids.ts';
import {
  belgianVat,
  broken,
  cifWithControl,
  dniWithLetter,
  frenchVat,
  germanVat,
  rfcWithCheck,
  rutWithCheck,
  withCnpjDigits,
  withCpfDigits,
  withLuhnDigit,
  withRucDigit,
} from './check-digits.ts';

describe('national tax ids: check digits', () => {
  it.each([
    ['CNPJ', cnpjIsValid, withCnpjDigits('112223330001')],
    ['CNPJ (alphanumeric, from 2026)', cnpjIsValid, withCnpjDigits('12ABC34501DE')],
    ['CPF', cpfIsValid, withCpfDigits('123456789')],
    ['RUC', rucIsValid, withRucDigit('2010007097')],
    ['RUT', (v: string) => rutIsValid(v.replace('-', '')), rutWithCheck('76086428')],
    ['DNI', dniOrNieIsValid, dniWithLetter('12345678')],
    ['NIE', dniOrNieIsValid, `X${dniWithLetter('01234567').slice(1)}`],
    ['CIF with a digit', cifIsValid, cifWithControl('B', '1234567')],
    ['CIF with a letter', cifIsValid, cifWithControl('Q', '2816003')],
    ['RFC', rfcCheckDigitIsValid, rfcWithCheck('ABC850101A1')],
    ['DE VAT', (v: string) => euVatIsValid(v) === true, germanVat('13658814')],
    ['FR VAT', (v: string) => euVatIsValid(v) === true, frenchVat('404833048')],
    ['IT VAT', (v: string) => euVatIsValid(v) === true, `IT${withLuhnDigit('0123456789')}`],
    ['BE VAT', (v: string) => euVatIsValid(v) === true, belgianVat('04030194')],
  ])('%s: valid as computed, invalid with another last character', (_name, isValid, id) => {
    expect(isValid(id)).toBe(true);
    expect(isValid(broken(id))).toBe(false);
  });

  it('knows an RFC by its shape (a real date) apart from its check digit', () => {
    expect(rfcShapeIsValid('ABC850101A15')).toBe(true);
    expect(rfcShapeIsValid('ABC851301A15')).toBe(false);
    expect(rfcShapeIsValid('ABCD850101A15')).toBe(true);
  });

  it('rejects the repeated-digit CNPJ and CPF that pass the arithmetic', () => {
    expect(cnpjIsValid('11111111111111')).toBe(false);
    expect(cpfIsValid('00000000000')).toBe(false);
  });
});

describe('parseTaxId with a national label', () => {
  const cnpj = withCnpjDigits('815830540001');
  const printedCnpj = `${cnpj.slice(0, 2)}.${cnpj.slice(2, 5)}.${cnpj.slice(5, 8)}/${cnpj.slice(8, 12)}-${cnpj.slice(12)}`;

  it('reads a CNPJ or a CPF under "CNPJ / CPF"', () => {
    expect(parseTaxId(printedCnpj, 'cnpj', 'cnpj / cpf')).toEqual({
      value: cnpj,
      kind: 'cnpj',
      valid: true,
      checked: true,
    });
    const cpf = withCpfDigits('765865078');
    const printedCpf = `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`;
    expect(parseTaxId(printedCpf, 'cnpj', 'cnpj / cpf')).toMatchObject({
      value: cpf,
      kind: 'cpf',
      valid: true,
    });
    expect(parseTaxId(broken(printedCnpj), 'cnpj')).toMatchObject({ valid: false, checked: true });
  });

  it('reads an RFC, letters included', () => {
    const rfc = rfcWithCheck('ABC850101A1');
    expect(parseTaxId(`${rfc}   Régimen 601`, 'rfc')).toMatchObject({ value: rfc, kind: 'rfc', valid: true });
    expect(parseTaxId('ABC8501', 'rfc')).toBeNull();
  });

  it('reads a Spanish NIF with separators and its VAT prefix', () => {
    const cif = cifWithControl('B', '8123456');
    expect(parseTaxId(`ES ${cif[0]}-${cif.slice(1)}`, 'nif')).toMatchObject({ value: cif, valid: true });
  });

  it('gives a VAT number its country from the label when it is printed without one', () => {
    const vat = `IT${withLuhnDigit('0123456789')}`;
    expect(parseTaxId(vat.slice(2), 'vat', 'p.iva')).toMatchObject({ value: vat, kind: 'vat', valid: true });
    const de = germanVat('13658814');
    expect(
      parseTaxId(`${de.slice(0, 2)} ${de.slice(2, 5)} ${de.slice(5)}`, 'vat', 'ust-idnr.'),
    ).toMatchObject({
      value: de,
      valid: true,
    });
  });

  it('takes a "RUT" for Chile’s when it verifies as a RUT, for Colombia’s NIT when it verifies as a NIT', () => {
    const rut = rutWithCheck('76086428');
    expect(parseTaxId(rut, 'rut')).toMatchObject({ value: rut, kind: 'rut', valid: true });
    expect(parseTaxId('900.123.456-8', 'rut')).toMatchObject({ kind: 'nit', valid: true });
  });

  it('reads a Peruvian RUC', () => {
    const ruc = withRucDigit('2051234567');
    expect(parseTaxId(ruc, 'ruc')).toEqual({ value: ruc, kind: 'ruc', valid: true, checked: true });
    expect(parseTaxId(broken(ruc), 'ruc')).toMatchObject({ valid: false });
  });
});
