import { describe, expect, it } from 'vitest';
import { extractInvoice } from '../../../../src/stages/extract/extract.ts';
import {
  deriveMissingAmount,
  deriveMissingQuantities,
  restoreLeadingDigits,
} from '../../../../src/stages/extract/tables/line-arithmetic.ts';
import { wholeQuantity } from '../../../../src/stages/extract/tables/line-recovery.ts';
import { readHandMadePdf, row } from '../pdf-fixture.ts';

describe('line arithmetic on damaged tables', () => {
  it('gives back the first digit OCR lost from an amount or a unit price when quantity × price is then exact', () => {
    const line = (quantity: number, unitPrice: number, amount: number) => ({
      code: null,
      description: 'Horas de técnico en sitio',
      quantity,
      unit: 'Hora',
      unitPrice,
      amount,
    });
    const { lines, issues } = restoreLeadingDigits(
      [line(16, 71_600, 145_600), line(6, 42_900, 1_457_400), line(3, 63_800.37, 191_401.11)],
      true,
    );
    expect(lines.map((l) => [l.unitPrice, l.amount])).toEqual([
      [71_600, 1_145_600],
      [242_900, 1_457_400],
      [63_800.37, 191_401.11],
    ]);
    expect(issues).toEqual(['line_1_amount_derived', 'line_2_unit_price_derived']);
    // No digit makes it exact: left as read, for validation to report. A text layer is never changed.
    expect(restoreLeadingDigits([line(16, 71_600, 145_700)], true).lines[0]?.amount).toBe(145_700);
    expect(restoreLeadingDigits([line(16, 71_600, 145_600)], false).lines[0]?.amount).toBe(145_600);
    // The dollar sign read as a 5 before the amount ("$300.000" as "5300.000").
    expect(restoreLeadingDigits([line(3, 100_000, 5_300_000)], true).lines[0]?.amount).toBe(300_000);
    // With one unit, price and amount are the same figure: the one repair that fits is made.
    const one = restoreLeadingDigits([line(1, 1_139_000, 139_000)], true).lines[0];
    expect([one?.unitPrice, one?.amount]).toEqual([1_139_000, 1_139_000]);
    // A 5 lost from the amount or a "$" read as 5 before the price: either fits, so neither is made.
    const either = restoreLeadingDigits([line(1, 51_830_000, 1_830_000)], true).lines[0];
    expect([either?.unitPrice, either?.amount]).toEqual([51_830_000, 1_830_000]);
  });

  it('recovers a unit price, its quantity and unit when the price header was not read', async () => {
    const { invoice } = extractInvoice(
      await readHandMadePdf([
        [
          ...row(100, [
            [40, 'Descripción'],
            [330, 'Cant'],
            [520, 'Valor total'],
          ]),
          ...row(116, [
            [40, 'Chequeo de niveles de caja reductora'],
            [300, '1'],
            [330, 'Unidad'],
            [470, '$2.953.000', 'right'],
            [570, '$2.953.000', 'right'],
          ]),
          ...row(132, [
            [40, 'Cambio de rodamientos SKF 6205'],
            [340, '3'],
            [470, '$120.500', 'right'],
            [570, '$361.500', 'right'],
          ]),
          ...row(170, [
            [330, 'Subtotal:'],
            [570, '$3.314.500', 'right'],
          ]),
        ],
      ]),
    );
    expect(invoice.lines).toEqual([
      {
        code: null,
        description: 'Chequeo de niveles de caja reductora',
        quantity: 1,
        unit: 'Unidad',
        unitPrice: 2_953_000,
        amount: 2_953_000,
      },
      {
        code: null,
        description: 'Cambio de rodamientos SKF 6205',
        quantity: 3,
        unit: null,
        unitPrice: 120_500,
        amount: 361_500,
      },
    ]);
  });

  it('computes a quantity OCR dropped from amount ÷ unit price, and reports it', async () => {
    const { invoice, validation } = extractInvoice(
      await readHandMadePdf([
        [
          ...row(100, [
            [40, 'Descripción'],
            [330, 'Cant.'],
            [420, 'Vr. Unitario'],
            [520, 'Vr. Total'],
          ]),
          ...row(116, [
            [40, 'Horas de técnico en sitio'],
            [470, '78.700', 'right'],
            [570, '314.800', 'right'],
          ]),
          ...row(132, [
            [40, 'Rodamiento 6205'],
            [350, '2', 'right'],
            [470, '10.000', 'right'],
            [570, '20.000', 'right'],
          ]),
          ...row(148, [
            [40, 'Grasa (el precio no divide el valor)'],
            [470, '7.000', 'right'],
            [570, '10.000', 'right'],
          ]),
        ],
      ]),
    );
    expect(invoice.lines.map((l) => l.quantity)).toEqual([4, 2, null]);
    expect(validation.issues).toContain('line_1_quantity_derived');
    expect(validation.issues.filter((i) => i.endsWith('_quantity_derived'))).toHaveLength(1);
  });

  it('accepts whole and half quantities only', () => {
    expect(wholeQuantity(314_800, 78_700)).toBe(4);
    expect(wholeQuantity(125_000, 50_000)).toBe(2.5);
    expect(wholeQuantity(10_000, 7_000)).toBeNull();
    expect(wholeQuantity(100, 0)).toBeNull();
  });
});

describe('columns without a readable header', () => {
  it('takes quantity, unit and code printed left of the description header, and a far unit word', async () => {
    const { invoice } = extractInvoice(
      await readHandMadePdf([
        [
          ...row(100, [
            [40, 'Cantidad'],
            [160, 'Descripción'],
            [420, 'Precio unit.'],
            [520, 'Valor'],
          ]),
          ...row(116, [
            [40, '12,00'],
            [80, 'HR'],
            [110, '003C'],
            [160, 'Mano de obra técnico electromecánico'],
            [470, '79.600,00', 'right'],
            [570, '955.200,00', 'right'],
          ]),
          ...row(132, [
            [160, 'Contactor tripolar 40 A'],
            [290, 'P-05018'],
            [350, 'PZA'],
            [470, '250.000,00', 'right'],
            [570, '250.000,00', 'right'],
          ]),
        ],
      ]),
    );
    expect(invoice.lines[0]).toEqual({
      code: '003C',
      description: 'Mano de obra técnico electromecánico',
      quantity: 12,
      unit: 'HR',
      unitPrice: 79_600,
      amount: 955_200,
    });
    expect(invoice.lines[1]).toMatchObject({
      description: 'Contactor tripolar 40 A',
      unit: 'PZA',
      code: 'P-05018',
    });
  });
});

describe('receipt rows read by OCR', () => {
  it('reads "11,00 HR x.50.400 554.400" (the dollar sign read as a dot) as quantity × price = amount', async () => {
    const { invoice } = extractInvoice(
      await readHandMadePdf([
        [
          ...row(100, [[20, 'P-01406 Mano de obra técnico electromecánico']]),
          ...row(112, [
            [20, '11,00 HR x.50.400'],
            [200, '554.400', 'right'],
          ]),
          ...row(124, [[20, 'P-02110 Variador de frecuencia 7,5 kW']]),
          ...row(136, [
            [20, '1,00 u x-4.291.900'],
            [200, '4.291.900', 'right'],
          ]),
          ...row(148, [[20, 'Empaque de tapa de caldera']]),
          ...row(160, [
            [20, '2;00 und x 609.200,00'],
            [200, '1.218.400 00', 'right'],
          ]),
          ...row(184, [
            [20, 'SUBTOTAL'],
            [200, '6.064.700', 'right'],
          ]),
        ],
      ]),
    );
    expect(invoice.lines.map((l) => [l.quantity, l.unitPrice, l.amount])).toEqual([
      [11, 50_400, 554_400],
      [1, 4_291_900, 4_291_900],
      [2, 609_200, 1_218_400],
    ]);
  });
});

describe('deriveMissingAmount', () => {
  const line = (
    description: string,
    amount: number | null,
    quantity: number | null = null,
    unitPrice: number | null = null,
  ) => ({
    code: null,
    description,
    quantity,
    unit: null,
    unitPrice,
    amount,
  });

  it('gives the one lost amount what the trusted subtotal leaves, and says it was computed', () => {
    const lines = [line('Rodamiento', 100_000), line('Mano de obra', null), line('Viáticos', 50_000)];
    const { lines: out, issues } = deriveMissingAmount(lines, 350_000, true);
    expect(out[1]?.amount).toBe(200_000);
    expect(issues).toEqual(['line_2_amount_derived']);
  });

  it('leaves it alone when the totals do not add up, two amounts are lost, or the rest is impossible', () => {
    const one = [line('Rodamiento', 100_000), line('Mano de obra', null)];
    expect(deriveMissingAmount(one, 350_000, false).issues).toEqual([]);
    expect(deriveMissingAmount([...one, line('Viáticos', null)], 350_000, true).issues).toEqual([]);
    expect(deriveMissingAmount(one, 90_000, true).issues).toEqual([]);
  });

  it('leaves it alone when the quantity and price read on the line disagree with the rest', () => {
    const lines = [line('Rodamiento', 100_000), line('Mano de obra', null, 2, 80_000)];
    expect(deriveMissingAmount(lines, 350_000, true).issues).toEqual([]);
    const agreeing = [line('Rodamiento', 100_000), line('Mano de obra', null, 2, 125_000)];
    expect(deriveMissingAmount(agreeing, 350_000, true).lines[1]?.amount).toBe(250_000);
  });
});

describe('deriveMissingQuantities', () => {
  const line = (unitPrice: number, amount: number) => ({
    code: null,
    description: 'Horas de técnico en sitio',
    quantity: null,
    unit: null,
    unitPrice,
    amount,
  });

  it('gives an amount back the leading digit OCR dropped with its quantity, and says so', () => {
    // "1.535.200" read as "535 200", the "19" beside it lost.
    const { lines, issues } = deriveMissingQuantities([line(80_800, 535_200), line(2_702_800, 702_800)]);
    expect(lines.map((l) => [l.quantity, l.amount])).toEqual([
      [19, 1_535_200],
      [1, 2_702_800],
    ]);
    expect(issues).toEqual([
      'line_1_amount_derived',
      'line_1_quantity_derived',
      'line_2_amount_derived',
      'line_2_quantity_derived',
    ]);
  });

  it('gives the unit price back its digit when it alone fits, and leaves a line where either could', () => {
    const price = deriveMissingQuantities([line(63_500, 1_054_000)]);
    // 2 in front of the price makes 4 units; 5 in front of the amount would make 804: both fit, nothing is chosen.
    expect(price.lines[0]).toMatchObject({ quantity: null, unitPrice: 63_500, amount: 1_054_000 });
    // "231.400" read as "31.400": only a 2 in front of it makes a whole count (5) of the amount.
    const restored = deriveMissingQuantities([line(31_400, 1_157_000)]);
    expect(restored.lines[0]).toMatchObject({ quantity: 5, unitPrice: 231_400, amount: 1_157_000 });
    expect(restored.issues).toContain('line_1_unit_price_derived');
  });
});
