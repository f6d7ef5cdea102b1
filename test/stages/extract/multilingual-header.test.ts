import { describe, expect, it } from 'vitest';
import { extractInvoice } from '../../../src/stages/extract/extract.ts';
import { readAmount } from '../../../src/stages/extract/fields/amounts.ts';
import { findDates } from '../../../src/stages/extract/fields/dates.ts';
import { readIdentifier } from '../../../src/stages/extract/fields/identifier.ts';
import { matchLabels } from '../../../src/stages/extract/labels/match.ts';
import { layoutRows } from '../../../src/stages/extract/page/layout.ts';
import { asOcr, readHandMadePdf, row } from './pdf-fixture.ts';

/** Invoices in the layouts and languages of suppliers abroad, drawn as real PDFs and read by mupdf. */
describe('header fields from the multilingual lexicon', () => {
  it('reads an English SaaS invoice: label column, month names, amount due in dollars', async () => {
    const document = await readHandMadePdf([
      [
        { x: 40, y: 40, text: 'Invoice', size: 20 },
        ...row(80, [
          [40, 'Invoice number'],
          [150, 'QX7-0012'],
        ]),
        ...row(94, [
          [40, 'Date of issue'],
          [150, 'November 1, 2024'],
        ]),
        ...row(108, [
          [40, 'Date due'],
          [150, 'December 1, 2024'],
        ]),
        ...row(80, [[380, 'Cloudy Tools Inc.']]),
        ...row(200, [
          [40, 'Description'],
          [300, 'Qty'],
          [380, 'Unit price'],
          [520, 'Amount'],
        ]),
        ...row(216, [
          [40, 'Team plan (monthly)'],
          [300, '3'],
          [380, '$40.00'],
          [520, '$120.00'],
        ]),
        ...row(260, [
          [380, 'Subtotal'],
          [520, '$120.00'],
        ]),
        ...row(274, [
          [380, 'Total'],
          [520, '$120.00'],
        ]),
        ...row(288, [
          [380, 'Amount due'],
          [520, '$120.00 USD'],
        ]),
      ],
    ]);
    const { invoice, confidence } = extractInvoice(document);
    expect(invoice.number).toBe('QX7-0012');
    expect(invoice.issueDate).toBe('2024-11-01');
    expect(invoice.dueDate).toBe('2024-12-01');
    expect(invoice.total).toBe(120);
    expect(confidence.number).toBeGreaterThanOrEqual(0.8);
  });

  it('reads a German invoice: Rechnungs-Nr., Rechnungsdatum, MwSt and Gesamtbetrag with euro signs', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [[40, 'Maschinenbau Keller GmbH']]),
        ...row(120, [[40, 'Rechnung']]),
        ...row(120, [
          [360, 'Rechnungs-Nr.:'],
          [460, 'RE-2024-118'],
        ]),
        ...row(134, [
          [360, 'Rechnungsdatum:'],
          [460, '04.11.2024'],
        ]),
        ...row(148, [
          [360, 'Kundennummer:'],
          [460, '100234'],
        ]),
        ...row(162, [
          [360, 'Fällig am:'],
          [460, '18.11.2024'],
        ]),
        ...row(220, [
          [40, 'Pos.'],
          [80, 'Bezeichnung'],
          [360, 'Menge'],
          [520, 'Betrag'],
        ]),
        ...row(236, [
          [40, '1'],
          [80, 'Ersatzteil Webmaschine'],
          [360, '2'],
          [520, '1.000,00 €'],
        ]),
        ...row(280, [
          [360, 'Nettobetrag'],
          [520, '1.000,00 €'],
        ]),
        ...row(294, [
          [360, 'zzgl. 19 % MwSt.'],
          [520, '190,00 €'],
        ]),
        ...row(308, [
          [360, 'Gesamtbetrag'],
          [520, '1.190,00 €'],
        ]),
      ],
    ]);
    const { invoice, confidence } = extractInvoice(document);
    expect(invoice.number).toBe('RE-2024-118');
    expect(invoice.issueDate).toBe('2024-11-04');
    expect(invoice.dueDate).toBe('2024-11-18');
    expect(invoice.subtotal).toBe(1000);
    expect(invoice.tax).toBe(190);
    expect(invoice.total).toBe(1190);
    expect(confidence.total).toBeGreaterThanOrEqual(0.9);
  });

  it('reads a French invoice: N° de facture, a date in words, amounts with spaces for thousands', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [[40, 'Textiles Lyonnais SARL']]),
        ...row(90, [[360, 'FACTURE']]),
        ...row(110, [[360, 'N° de facture : F2024-0042']]),
        ...row(124, [[360, 'Date : 5 novembre 2024']]),
        ...row(220, [
          [40, 'Désignation'],
          [360, 'Qté'],
          [520, 'Montant'],
        ]),
        ...row(236, [
          [40, 'Fil de coton'],
          [360, '10'],
          [520, '1 250,00'],
        ]),
        ...row(280, [
          [360, 'Total HT'],
          [520, '1 250,00 €'],
        ]),
        ...row(294, [
          [360, 'TVA 20 %'],
          [520, '250,00 €'],
        ]),
        ...row(308, [
          [360, 'Total TTC'],
          [520, '1 500,00 €'],
        ]),
      ],
    ]);
    const { invoice } = extractInvoice(document);
    expect(invoice.number).toBe('F2024-0042');
    expect(invoice.issueDate).toBe('2024-11-05');
    expect(invoice.total).toBe(1500);
    expect(invoice.tax).toBe(250);
  });

  it('reads a Spanish invoice with labels over their values and a withholding', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [[40, 'Hilaturas del Norte S.L.']]),
        ...row(100, [
          [40, 'Nº Factura'],
          [160, 'Fecha'],
          [280, 'Cliente'],
        ]),
        ...row(114, [
          [40, '2024/118'],
          [160, '03/11/2024'],
          [280, 'C-0042'],
        ]),
        ...row(200, [
          [40, 'Concepto'],
          [520, 'Importe'],
        ]),
        ...row(216, [
          [40, 'Servicio de mantenimiento'],
          [520, '1.000,00'],
        ]),
        ...row(260, [
          [360, 'Base imponible'],
          [520, '1.000,00 €'],
        ]),
        ...row(274, [
          [360, 'IVA 21%'],
          [520, '210,00 €'],
        ]),
        ...row(288, [
          [360, 'Retención IRPF 15%'],
          [520, '-150,00 €'],
        ]),
        ...row(302, [
          [360, 'TOTAL FACTURA'],
          [520, '1.060,00 €'],
        ]),
      ],
    ]);
    const { invoice, confidence } = extractInvoice(document);
    expect(invoice.number).toBe('2024/118');
    expect(invoice.issueDate).toBe('2024-11-03');
    expect(invoice.total).toBe(1060);
    expect(invoice.withholdings).toBe(150);
    expect(confidence.total).toBeGreaterThanOrEqual(0.9);
  });

  it('reads a Dutch invoice read by OCR with a zero for an O in its label', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [[40, 'Weverij Janssen B.V.']]),
        ...row(100, [
          [360, 'Factuurnummer:'],
          [460, '2024-0098'],
        ]),
        ...row(114, [
          [360, 'Factuurdatum:'],
          [460, '12-11-2024'],
        ]),
        ...row(200, [
          [40, 'Omschrijving'],
          [520, 'Bedrag'],
        ]),
        ...row(216, [
          [40, 'Garen'],
          [520, '500,00'],
        ]),
        ...row(260, [
          [360, 'Subtotaal'],
          [520, '€ 500,00'],
        ]),
        ...row(274, [
          [360, 'BTW 21%'],
          [520, '€ 105,00'],
        ]),
        ...row(288, [
          [360, 'T0TAAL'],
          [520, '€ 605,00'],
        ]),
      ],
    ]);
    const { invoice } = extractInvoice(asOcr(document));
    expect(invoice.number).toBe('2024-0098');
    expect(invoice.issueDate).toBe('2024-11-12');
    expect(invoice.total).toBe(605);
  });

  it('gives a low confidence to a number when no label names it', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [[40, 'Carta de presentación']]),
        ...row(80, [[40, 'Referencia 4471-B']]),
        ...row(94, [[40, 'Estimados señores, les escribimos en relación con su consulta.']]),
      ],
    ]);
    const { invoice, confidence } = extractInvoice(document);
    if (invoice.number !== null) expect(confidence.number).toBeLessThan(0.8);
    expect(invoice.total).toBeNull();
  });
});

describe('label matching and value readers', () => {
  it('matches labels across case, accents, OCR digit-for-letter and number markers', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [[40, 'NÚMERO DE FACTURA: 12']]),
        ...row(60, [[40, 'Rechnungsnr. 13']]),
        ...row(80, [[40, 'lnvoice # 14']]),
        ...row(100, [[40, 'Customer No. 15']]),
      ],
    ]);
    const fields = matchLabels(layoutRows(document)).map((m) => m.field);
    expect(fields).toEqual(['number', 'number', 'number', 'other']);
  });

  it('reads dates in the lexicon languages and both numeric orders', () => {
    expect(findDates('11. Juli 2014')[0]?.iso).toBe('2014-07-11');
    expect(findDates('1er novembre 2024')[0]?.iso).toBe('2024-11-01');
    expect(findDates('3 de março de 2025')[0]?.iso).toBe('2025-03-03');
    expect(findDates('Nov 1, 2024')[0]?.iso).toBe('2024-11-01');
    expect(findDates('2024-11-01T10:00:00')[0]?.iso).toBe('2024-11-01');
    expect(findDates('01.11.2024')[0]?.iso).toBe('2024-11-01');
    expect(findDates('11/01/2024', true)[0]?.iso).toBe('2024-11-01');
    expect(findDates('13/01/2024', true)[0]?.iso).toBe('2024-01-13');
    expect(findDates('12 oktober 2023')[0]?.iso).toBe('2023-10-12');
  });

  it('reads amounts in both decimal conventions with currency marks', () => {
    expect(readAmount('1.234,56 €')).toBe(1234.56);
    expect(readAmount('$1,234.56')).toBe(1234.56);
    expect(readAmount('1 234,56 EUR')).toBe(1234.56);
    expect(readAmount("CHF 1'234.50")).toBe(1234.5);
    expect(readAmount('R$ 10.000,00')).toBe(10000);
  });

  it('reads identifiers and refuses dates and amounts', () => {
    expect(readIdentifier(': RE-20140628/9 of the 28.06.2014')?.value).toBe('RE-20140628/9');
    expect(readIdentifier('Nº 000.000.002')?.value).toBe('000000002');
    expect(readIdentifier('28.06.2014')!.shape).toBeLessThan(0.2);
    expect(readIdentifier('1.234,56')!.shape).toBeLessThan(0.3);
  });
});

describe('dates joined to the number', () => {
  it('reads an Italian "Fattura n. … del …" header', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [[40, 'Tessitura Lombarda S.r.l.']]),
        ...row(100, [[40, 'Fattura n. 118/2024 del 03/11/2024']]),
        ...row(200, [
          [40, 'Descrizione'],
          [520, 'Importo'],
        ]),
        ...row(216, [
          [40, 'Filato di lana'],
          [520, '1.000,00'],
        ]),
        ...row(260, [
          [360, 'Imponibile'],
          [520, '1.000,00'],
        ]),
        ...row(274, [
          [360, 'IVA 22%'],
          [520, '220,00'],
        ]),
        ...row(288, [
          [360, 'Totale documento'],
          [520, '1.220,00'],
        ]),
      ],
    ]);
    const { invoice } = extractInvoice(document);
    expect(invoice.number).toBe('118/2024');
    expect(invoice.issueDate).toBe('2024-11-03');
    expect(invoice.total).toBe(1220);
  });
});

describe('labels wrapped over two lines', () => {
  it('reads a number and a date whose labels wrap inside narrow boxes', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [[40, 'Confecciones Andaluzas S.L.']]),
        ...row(60, [[40, 'Shipped 02/10/2024']]),
        ...row(100, [
          [360, 'Invoice'],
          [440, 'Date of'],
        ]),
        ...row(110, [
          [360, 'number:'],
          [440, 'issue:'],
        ]),
        ...row(124, [
          [360, 'A-2024-0077'],
          [440, '07/10/2024'],
        ]),
        ...row(200, [
          [40, 'Concepto'],
          [520, 'Importe'],
        ]),
        ...row(216, [
          [40, 'Tela vaquera'],
          [520, '300,00'],
        ]),
        ...row(260, [
          [360, 'Base imponible'],
          [520, '300,00'],
        ]),
        ...row(274, [
          [360, 'IVA 21%'],
          [520, '63,00'],
        ]),
        ...row(288, [
          [360, 'Total'],
          [520, '363,00'],
        ]),
      ],
    ]);
    const { invoice, confidence } = extractInvoice(document);
    expect(invoice.number).toBe('A-2024-0077');
    expect(invoice.issueDate).toBe('2024-10-07');
    expect(confidence.number).toBeGreaterThanOrEqual(0.8);
    expect(confidence.total).toBeGreaterThanOrEqual(0.9);
  });
});

describe('Spanish tax grid', () => {
  it('pairs base, rate, tax and total printed as a grid of headings over values', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [[40, 'Suministros Textiles Valencia S.L.']]),
        ...row(60, [[360, 'FACTURA Nº: 2024-000311']]),
        ...row(74, [[360, 'Fecha factura: 14/11/2024']]),
        ...row(160, [
          [40, 'Concepto'],
          [520, 'Importe'],
        ]),
        ...row(176, [
          [40, 'Hilo poliéster 5 kg'],
          [520, '1.000,00'],
        ]),
        ...row(240, [
          [200, 'Base imponible'],
          [300, '% IVA'],
          [380, 'Cuota IVA'],
          [470, 'Total factura'],
        ]),
        ...row(254, [
          [200, '1.000,00'],
          [300, '21,00'],
          [380, '210,00'],
          [470, '1.210,00 €'],
        ]),
      ],
    ]);
    const { invoice, confidence } = extractInvoice(document);
    expect(invoice.number).toBe('2024-000311');
    expect(invoice.issueDate).toBe('2024-11-14');
    expect(invoice.subtotal).toBe(1000);
    expect(invoice.tax).toBe(210);
    expect(invoice.total).toBe(1210);
    expect(confidence.total).toBeGreaterThanOrEqual(0.9);
  });
});

describe('numeric date order', () => {
  const invoiceWith = (lines: [number, string][]) =>
    readHandMadePdf([
      [
        ...row(40, [[40, 'Piedmont Industrial Repair Inc.']]),
        ...lines.flatMap(([y, text]) => row(y, [[40, text]])),
        ...row(200, [
          [40, 'Descripción'],
          [300, 'Cantidad'],
          [380, 'Precio'],
          [520, 'Importe'],
        ]),
        ...row(216, [
          [40, 'Mantenimiento de caldera'],
          [300, '1'],
          [380, '120.00'],
          [520, '120.00'],
        ]),
        ...row(260, [
          [380, 'Total'],
          [520, '120.00'],
        ]),
      ],
    ]);

  it('reads month first when another date of the document can only be read so', async () => {
    const document = await invoiceWith([
      [60, 'Invoice Date: 03/01/2025'],
      [74, 'Due: 03/31/2025'],
    ]);
    const { invoice } = extractInvoice(document);
    expect(invoice.issueDate).toBe('2025-03-01');
    expect(invoice.dueDate).toBe('2025-03-31');
  });

  it('reads month first on a page with US signs (EIN, state and ZIP code) and no euros or pounds', async () => {
    const document = await invoiceWith([
      [60, 'EIN: 46-3088157'],
      [74, 'City: Dalton, GA 30720'],
      [88, 'Invoice Date: 04/06/2026'],
    ]);
    expect(extractInvoice(document).invoice.issueDate).toBe('2026-04-06');
  });

  it('stays day first when a date can only be read so', async () => {
    const document = await invoiceWith([
      [60, 'EIN: 46-3088157'],
      [74, 'Invoice Date: 04/06/2026'],
      [88, 'Due: 20/06/2026'],
    ]);
    expect(extractInvoice(document).invoice.issueDate).toBe('2026-06-04');
  });
});

describe('order references', () => {
  it('keeps an order prefix printed after the reference label (Remito: OC 50043)', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [[40, 'Textiles del Sur SRL']]),
        ...row(60, [
          [40, 'Factura Nº:'],
          [150, 'B 0003-00017696'],
        ]),
        ...row(74, [
          [40, 'Remito:'],
          [150, 'OC 50043'],
        ]),
        ...row(200, [
          [40, 'Descripción'],
          [300, 'Cantidad'],
          [380, 'Precio'],
          [520, 'Importe'],
        ]),
        ...row(216, [
          [40, 'Cuchilla de corte'],
          [300, '1'],
          [380, '120,00'],
          [520, '120,00'],
        ]),
        ...row(260, [
          [380, 'Total'],
          [520, '120,00'],
        ]),
      ],
    ]);
    expect(extractInvoice(document).invoice.purchaseOrder).toBe('OC 50043');
  });
});

describe('Argentine authorisation dates', () => {
  it('does not take the expiry of the CAE (Vto. CAE) as the due date', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [[40, 'Hidráulica Quilmes SRL']]),
        ...row(60, [
          [300, 'Factura Nº:'],
          [420, '0639-00071728'],
        ]),
        ...row(74, [
          [300, 'Fecha de emisión:'],
          [420, '09/10/2025'],
        ]),
        ...row(200, [
          [40, 'Descripción'],
          [300, 'Cantidad'],
          [380, 'Precio'],
          [520, 'Importe'],
        ]),
        ...row(216, [
          [40, 'Cuchilla de corte'],
          [300, '1'],
          [380, '120,00'],
          [520, '120,00'],
        ]),
        ...row(260, [
          [380, 'Total'],
          [520, '120,00'],
        ]),
        ...row(300, [[40, 'CAE Nº 762983134133496 - Vto. CAE: 2025-10-19']]),
      ],
    ]);
    expect(extractInvoice(document).invoice.dueDate).toBeNull();
  });
});
