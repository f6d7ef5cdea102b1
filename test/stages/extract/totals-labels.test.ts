import { describe, expect, it } from 'vitest';
import { extractInvoice } from '../../../src/stages/extract/extract.ts';
import { chooseTotals, findAmountCandidates } from '../../../src/stages/extract/fields/totals.ts';
import { readHandMadePdf, row } from './pdf-fixture.ts';
import { rowsOf } from './rows-fixture.ts';

describe('withholding labels and rates as OCR reads them', () => {
  it('sums every withholding, skipping per-thousand rates and reading ReteICA with an l', () => {
    const rows = rowsOf(
      [
        [
          233,
          [
            [343, 'Rete Fuente 6%:'],
            [460, '($810.816,00)'],
          ],
        ],
        [
          248,
          [
            [343, 'RetelCA 11,04 x mil:'],
            [460, '($149.190,14)'],
          ],
        ],
        [
          263,
          [
            [343, 'RETEICA 11,04 mil:'],
            [460, '--COP 54.371'],
          ],
        ],
        [
          278,
          [
            [343, 'RetelVA 15%:'],
            [460, '(37.665,60)'],
          ],
        ],
      ],
      0.9,
    );
    const totals = chooseTotals(findAmountCandidates(rows, new Set()), null);
    expect(totals.withholdings?.value).toBeCloseTo(810_816 + 149_190.14 + 54_371 + 37_665.6, 2);
  });

  it('takes the money in the next cell over a rate OCR read as a bare count beside the label', () => {
    const rows = rowsOf(
      [
        [
          329,
          [
            [30, 'Rete Fuente 65'],
            [200, '($ 396.726,40)'],
          ],
        ],
      ],
      0.8,
    );
    const withholding = findAmountCandidates(rows, new Set()).find((c) => c.kind === 'withholding');
    expect(withholding?.value).toBe(396_726.4);
    const alone = rowsOf([[329, [[30, 'Rete Fuente 65']]]], 0.8);
    expect(findAmountCandidates(alone, new Set()).find((c) => c.kind === 'withholding')?.value).toBe(65);
  });
});

describe('totals labels with a scrap OCR set apart', () => {
  it('reads "TOTAL.BRUTO:" (a speck for the space) as the subtotal and sums two VAT rates', () => {
    const rows = rowsOf(
      [
        [
          619,
          [
            [41, 'TOTAL.BRUTO:'],
            [172, '$ 32.416.207,61'],
          ],
        ],
        [
          634,
          [
            [40, 'IVA 19%:'],
            [186, '3.593.356,25'],
          ],
        ],
        [
          648,
          [
            [42, 'IVA 5%:'],
            [186, '$ 675.190,32'],
          ],
        ],
        [
          665,
          [
            [41, 'TOTAL FACTURA:'],
            [172, '$ 36.684.754,18'],
          ],
        ],
      ],
      0.9,
    );
    const totals = chooseTotals(findAmountCandidates(rows, new Set()), null);
    expect(totals).toMatchObject({ consistent: true });
    expect([totals.subtotal?.value, totals.tax?.value, totals.total?.value]).toEqual([
      32_416_207.61, 4_268_546.57, 36_684_754.18,
    ]);
  });

  it('reads "Valor brut" (its last letter lost) as the subtotal, not as the total', () => {
    const rows = rowsOf(
      [
        [
          292,
          [
            [9, 'Valor brut'],
            [150, '$5.911.858,07'],
          ],
        ],
        [
          303,
          [
            [10, 'IVA 19%:'],
            [150, '$1.123.253,03'],
          ],
        ],
        [
          314,
          [
            [10, 'Total:'],
            [149, '$7.035.111,10'],
          ],
        ],
      ],
      0.9,
    );
    const totals = chooseTotals(findAmountCandidates(rows, new Set()), null);
    expect([totals.subtotal?.value, totals.tax?.value, totals.total?.value]).toEqual([
      5_911_858.07, 1_123_253.03, 7_035_111.1,
    ]);
  });

  it('reads past dot leaders OCR garbled into letters between a label and its amount', () => {
    const rows = rowsOf(
      [
        [
          175,
          [
            [42, 'Total IVA 19%:'],
            [130, 'cr... ooo...»'],
            [211, '$ 9.825.299'],
          ],
        ],
      ],
      0.9,
    );
    expect(findAmountCandidates(rows, new Set()).find((c) => c.kind === 'tax')?.value).toBe(9_825_299);
  });

  it('reads a subtotal label OCR split over two cells ("Subtotal antes   de IVA"), not its IVA as the tax', () => {
    const rows = rowsOf(
      [
        [
          285,
          [
            [13, 'Subtotal antes'],
            [90, 'de IVA'],
            [161, '5.581.400,37'],
          ],
        ],
        [
          294,
          [
            [14, 'IVA 19%'],
            [162, '1.060.466,07'],
          ],
        ],
      ],
      0.9,
    );
    const candidates = findAmountCandidates(rows, new Set());
    expect(candidates.filter((c) => c.kind === 'subtotal').map((c) => c.value)).toEqual([5_581_400.37]);
    expect(candidates.filter((c) => c.kind === 'tax').map((c) => c.value)).toEqual([1_060_466.07]);
  });

  it('reads past a cell of a few letters between a label and its amount', () => {
    const rows = rowsOf(
      [
        [
          372,
          [
            [38, 'SUBTOTAL ANTES DE IVA'],
            [171, 'Las'],
            [224, '22.589.700'],
          ],
        ],
        [
          386,
          [
            [38, 'IVA 19%'],
            [230, '4.292.043'],
          ],
        ],
        [
          400,
          [
            [38, 'TOTAL'],
            [182, 'ns.'],
            [224, '26.881.743'],
          ],
        ],
      ],
      0.9,
    );
    const totals = chooseTotals(findAmountCandidates(rows, new Set()), null);
    expect(totals.subtotal?.value).toBe(22_589_700);
    expect(totals.total?.value).toBe(26_881_743);
    expect(totals.consistent).toBe(true);
  });
});

describe('withholdings checked against the net amount', () => {
  const block = (withholding: string, confidence: number) =>
    rowsOf(
      [
        [
          323,
          [
            [365, 'SUB-TOTAL'],
            [512, '$18,800,200'],
          ],
        ],
        [
          334,
          [
            [366, 'LW.A. 19%'],
            [520, '$3,572,038'],
          ],
        ],
        [
          349,
          [
            [365, 'TOTAL FACTURA'],
            [512, '$22,372,238'],
          ],
        ],
        [
          362,
          [
            [366, 'RETEFUENTE 6%'],
            [513, withholding],
          ],
        ],
        [
          378,
          [
            [366, 'RETENCIÓN ICA 6.9 x mi'],
            [518, '-$129,721'],
          ],
        ],
        [
          392,
          [
            [366, 'NETO A PAGAR'],
            [512, '$21,114,505'],
          ],
        ],
      ],
      confidence,
    );

  it('takes total − net when OCR read a withholding wrong ("$" as 5), and says it is derived', () => {
    const totals = chooseTotals(findAmountCandidates(block('51,128,012', 0.9), new Set()), null);
    expect(totals.tax?.value).toBe(3_572_038);
    expect(totals.withholdings).toMatchObject({ value: 1_257_733, derived: true });
  });

  it("keeps withholdings that agree, and a text layer's as printed", () => {
    const read = chooseTotals(findAmountCandidates(block('-$1,128,012', 0.9), new Set()), null);
    expect(read.withholdings?.value).toBe(1_257_733);
    expect(read.withholdings?.derived).toBeUndefined();
    const printed = chooseTotals(findAmountCandidates(block('51,128,012', 1), new Set()), null);
    expect(printed.withholdings?.value).toBe(51_257_733);
  });

  it('reads a rate whose % was lost, and "x mi", as rates beside the money', () => {
    const rows = rowsOf(
      [
        [
          370,
          [
            [43, 'ReteFuente 2.51'],
            [234, '-$ 437,840'],
          ],
        ],
        [
          381,
          [
            [43, 'Rete ICA 6.9 x mi'],
            [234, '-$ 120,844'],
          ],
        ],
      ],
      0.9,
    );
    expect(chooseTotals(findAmountCandidates(rows, new Set()), null).withholdings?.value).toBe(558_684);
  });
});

describe('a long bare integer after a totals label', () => {
  it('is still read as the total (some systems print money without grouping or a sign)', () => {
    const rows = rowsOf(
      [
        [
          400,
          [
            [40, 'Total'],
            [300, '1250000'],
          ],
        ],
      ],
      1,
    );
    const totals = chooseTotals(findAmountCandidates(rows, new Set()), null);
    expect(totals.total?.value).toBe(1_250_000);
  });
});

describe('a totals label heading a row of several sums', () => {
  it('does not say which sum is its amount: the total read there goes to a person', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [[40, 'Elettromeccanica Pratese S.n.c.']]),
        ...row(80, [
          [300, 'FATTURA n.'],
          [400, '2026/0127'],
        ]),
        ...row(94, [
          [300, 'Data'],
          [400, '11/01/2026'],
        ]),
        ...row(160, [
          [40, 'Descrizione'],
          [300, 'Q.tà'],
          [360, 'Prezzo'],
          [480, 'Importo'],
        ]),
        ...row(174, [
          [40, 'Revisione riduttore orditoio'],
          [300, '3,00'],
          [360, '1.398,56'],
          [480, '4.195,68'],
        ]),
        ...row(188, [
          [40, 'Encoder incrementale 1024 impulsi'],
          [300, '2,00'],
          [360, '509,06'],
          [480, '1.018,12'],
        ]),
        ...row(240, [[40, 'RIEPILOGO IVA']]),
        ...row(254, [
          [40, 'Aliquota'],
          [200, 'Imponibile'],
          [320, 'Imposta'],
        ]),
        ...row(268, [
          [40, '22%'],
          [200, '5.213,80'],
          [320, '1.147,04'],
        ]),
        ...row(282, [
          [40, 'Totale documento'],
          [200, '5.213,80'],
          [320, '1.147,04'],
        ]),
      ],
    ]);
    const { confidence } = extractInvoice(document);
    expect(confidence.total).toBeLessThan(0.8);
  });
});

describe('a total in a panel: label set left, its amount right-aligned under it', () => {
  it('reads the amount under the label though they do not overlap', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [
          [40, 'Elettromeccanica Pratese S.n.c.'],
          [380, 'TOTALE DA PAGARE'],
        ]),
        ...row(
          58,
          [
            [40, 'Via del Purgatorio 54'],
            [560, '€ 6.361,08', 'right'],
          ],
          14,
        ),
        ...row(90, [
          [300, 'FATTURA n.'],
          [400, '2026/0127'],
        ]),
        ...row(160, [
          [40, 'Descrizione'],
          [300, 'Q.tà'],
          [360, 'Prezzo'],
          [480, 'Importo'],
        ]),
        ...row(174, [
          [40, 'Revisione riduttore orditoio'],
          [300, '3,00'],
          [360, '1.738,00'],
          [480, '5.214,00'],
        ]),
        ...row(240, [
          [40, 'Imponibile'],
          [200, '5.214,00'],
        ]),
        ...row(254, [
          [40, 'IVA 22%'],
          [200, '1.147,08'],
        ]),
      ],
    ]);
    const { invoice, validation } = extractInvoice(document);
    expect(invoice.total).toBe(6361.08);
    // Read, not computed from the subtotal and the tax.
    expect(validation.issues).not.toContain('total_derived');
  });
});
