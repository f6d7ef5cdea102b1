import { describe, expect, it } from 'vitest';
import { extractInvoice } from '../../../src/stages/extract/extract.ts';
import { readIdentifier } from '../../../src/stages/extract/fields/identifier.ts';
import { findParties } from '../../../src/stages/extract/fields/parties.ts';
import { layoutRows } from '../../../src/stages/extract/page/layout.ts';
import { readHandMadePdf, row, twoItemRows } from './pdf-fixture.ts';

/** Two item lines that add up to 1,000.00 and their totals, from `y` down. */
const itemsAndTotals = (y: number, labels = ['Subtotal', 'Tax', 'Total']) => [
  ...twoItemRows(y),
  ...row(y + 60, [
    [400, labels[0]!],
    [490, '1,000.00'],
  ]),
  ...row(y + 74, [
    [400, labels[1]!],
    [490, '190.00'],
  ]),
  ...row(y + 88, [
    [400, labels[2]!],
    [490, '1,190.00'],
  ]),
];

describe('layouts of letters and web-rendered invoices', () => {
  it('keeps two labels stacked in one column apart ("Date of issue" over "Date due")', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [[40, 'Invoice', 'left']], 20),
        ...row(80, [
          [40, 'Invoice number'],
          [150, '7F3E91C0-0003'],
        ]),
        ...row(92, [
          [40, 'Date of issue'],
          [150, 'June 25, 2026'],
        ]),
        ...row(104, [
          [40, 'Date due'],
          [150, 'July 9, 2026'],
        ]),
        ...itemsAndTotals(200),
      ],
    ]);
    const { invoice, confidence } = extractInvoice(document);
    expect(invoice.issueDate).toBe('2026-06-25');
    expect(invoice.dueDate).toBe('2026-07-09');
    expect(confidence.issueDate).toBeGreaterThanOrEqual(0.9);
  });

  it('dates a letter by its place and date line, in any language', async () => {
    for (const [line, iso] of [
      ['Chemnitz, 23. März 2026', '2026-03-23'],
      ['Madrid, 3 de marzo de 2026', '2026-03-03'],
      ['Paris, le 4 mars 2026', '2026-03-04'],
    ] as const) {
      const document = await readHandMadePdf([
        [
          ...row(40, [[380, line]]),
          ...row(70, [[40, 'Spinnereimaschinen Sachsen AG']]),
          ...row(120, [[40, 'Rechnung Nr. 20261234']], 12),
          ...itemsAndTotals(200, ['Summe netto', 'MwSt. 19%', 'Gesamtbetrag']),
          ...row(320, [[40, 'Bitte überweisen Sie den Betrag bis zum 02.04.2026.']]),
        ],
      ]);
      const { invoice, confidence } = extractInvoice(document);
      expect(invoice.issueDate).toBe(iso);
      expect(confidence.issueDate).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('gives a tax id in the footer under the items to the issuer, and the sender line names the issuer', async () => {
    const document = await readHandMadePdf(
      [
        [
          ...row(40, [[40, 'Textilmaschinen Service GmbH · Industriestr. 12 · 72764 Reutlingen']], 6),
          ...row(60, [[40, 'Textiles del Valle S.A.S.']]),
          ...row(72, [[40, 'z. Hd. Einkauf']]),
          ...row(84, [[40, 'Calle 10 # 45-20, Medellín']]),
          ...row(60, [
            [380, 'Rechnungs-Nr.:'],
            [460, 'RE-2026-00413'],
          ]),
          ...row(72, [
            [380, 'Rechnungsdatum:'],
            [460, '14.03.2026'],
          ]),
          ...itemsAndTotals(160, ['Nettobetrag', 'zzgl. 19 % USt.', 'Rechnungsbetrag']),
          ...row(420, [
            [40, 'Textilmaschinen Service GmbH'],
            [220, 'Geschäftsführer: Hans Müller'],
            [420, 'Kreissparkasse Reutlingen'],
          ]),
          ...row(432, [
            [40, 'Industriestr. 12'],
            [220, 'USt-IdNr.: DE136695976'],
            [420, 'BIC SOLADES1REU'],
          ]),
        ],
      ],
      612,
      842,
    );
    const parties = findParties(layoutRows(document));
    expect(parties.supplier.taxId?.value).toBe('DE136695976');
    expect(parties.customer.taxId).toBeNull();
    // The small sender line over the address window names the issuer; the address under it, the customer.
    expect(parties.supplier.name).toBe('Textilmaschinen Service GmbH');
    expect(parties.customer.name).toBe('Textiles del Valle S.A.S.');
  });

  it('reads a number printed with its series under the document title ("Fatura" over "FT 2026A/594")', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [
          [40, 'Têxtil Manutenção Norte, Lda.'],
          [450, 'Fatura'],
        ]),
        ...row(54, [[40, 'Rua da Fábrica 45']]),
        ...row(66, [
          [40, '4750-123 Barcelos'],
          [450, 'FT 2026A/594'],
        ]),
        ...row(100, [
          [40, 'Data'],
          [140, 'Vencimento'],
        ]),
        ...row(112, [
          [40, '2026-10-17'],
          [140, '2026-11-16'],
        ]),
        ...itemsAndTotals(200, ['Total Ilíquido', 'Total IVA', 'Total (EUR)']),
      ],
    ]);
    expect(extractInvoice(document).invoice.number).toBe('FT 2026A/594');
  });

  it('joins a series and folio printed in one cell ("Serie: MX Folio: 6081")', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [
          [40, 'TECNOMANTENIMIENTO DE MEXICO SA DE CV'],
          [400, 'FACTURA'],
        ]),
        ...row(54, [[400, 'Serie: MX Folio: 6081']]),
        ...row(66, [[400, 'Fecha: 2026-02-02T11:24:08']]),
        ...itemsAndTotals(200),
      ],
    ]);
    expect(extractInvoice(document).invoice.number).toBe('MX6081');
  });

  it('joins a lettered series and folio under one "Serie y folio" label, and never takes the certificate number', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [
          [40, 'REFACCIONES TEXTILES DEL BAJIO'],
          [400, 'FACTURA · CFDI 4.0'],
        ]),
        ...row(54, [
          [40, 'RFC: RTB910722VS2'],
          [300, 'Serie y folio:'],
          [400, 'FAC 5793'],
        ]),
        ...row(66, [
          [300, 'Fecha de emisión:'],
          [400, '2026-10-27T16:52:35'],
        ]),
        ...row(78, [
          [300, 'No. certificado SAT:'],
          [400, '48056220787362295470'],
        ]),
        ...itemsAndTotals(200),
      ],
    ]);
    expect(extractInvoice(document).invoice.number).toBe('FAC5793');
  });

  it.each([
    ['FT A/4233', 'FT A/4233'],
    ['FT FT26/455', 'FT FT26/455'],
    ['FR 2026/88   Original', 'FR 2026/88'],
  ])('reads a Portuguese document id with its type, series and number: %s', (window, value) =>
    expect(readIdentifier(window)?.value).toBe(value),
  );

  it('reads the number of a Colombian "cuenta de cobro"', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [[40, 'Cali, 28 de junio de 2026']]),
        ...row(70, [[40, 'CUENTA DE COBRO No. 030']]),
        ...row(90, [[40, 'INDUSTRIAS TEXTILES DEL SUR S.A.S.']]),
        ...row(120, [[40, 'DEBE A:']]),
        ...row(134, [[40, 'JUAN CARLOS RESTREPO GÓMEZ']]),
        ...itemsAndTotals(200),
      ],
    ]);
    expect(extractInvoice(document).invoice.number).toBe('030');
  });

  it('reads a dotted "R.U.C." as the Peruvian tax id label', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [
          [40, 'MAQUITEX PERU S.A.C.'],
          [380, 'R.U.C. 20123456786'],
        ]),
        ...row(54, [[380, 'FACTURA ELECTRONICA']]),
        ...row(66, [[380, 'F001-00085745']]),
      ],
    ]);
    expect(findParties(layoutRows(document)).supplier.taxId?.value).toBe('20123456786');
  });
  it('reads a receipt printed narrow on a wide page, its amounts in a column of their own, as one flow, not as a sidebar', async () => {
    const receipt = [
      ...row(20, [[40, 'FERRETERIA INDUSTRIAL SOL']]),
      ...row(32, [[60, 'NIF B76098573']]),
      ...row(54, [[20, 'FACTURA SIMPLIFICADA']]),
      ...row(66, [[20, 'Nº: T2-020615']]),
      ...row(78, [[20, 'Fecha: 17/07/2026 13:51']]),
      ...row(100, [[20, 'Spray lubricante']]),
      ...row(112, [
        [20, '5 x 3,70'],
        [230, '18,50', 'right'],
      ]),
      ...row(124, [[20, 'Cinta americana']]),
      ...row(136, [
        [20, '6 x 10,61'],
        [230, '63,66', 'right'],
      ]),
      ...row(148, [[20, 'Guantes de trabajo']]),
      ...row(160, [
        [20, '2 x 29,02'],
        [230, '58,04', 'right'],
      ]),
      ...[
        ['TOTAL EUR', '140,20'],
        ['Base imp. 21%', '115,87'],
        ['Cuota IVA', '24,33'],
        ['Entregado', '150,00'],
        ['Cambio', '9,80'],
      ].flatMap(([label, amount], i) =>
        row(184 + 12 * i, [
          [20, label!],
          [230, amount!, 'right'],
        ]),
      ),
    ];
    const document = await readHandMadePdf([receipt.map((p) => ({ ...p, x: p.x + 30 }))], 595, 842);
    const { invoice } = extractInvoice(document);
    expect(invoice.total).toBe(140.2);
    expect(invoice.tax).toBe(24.33);
  });
});
