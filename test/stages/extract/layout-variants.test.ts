import { describe, expect, it } from 'vitest';
import { extractInvoice } from '../../../src/stages/extract/extract.ts';
import { isLabelText } from '../../../src/stages/extract/labels/label-text.ts';
import { matchLabels } from '../../../src/stages/extract/labels/match.ts';
import { readHandMadePdf, row, twoItemRows } from './pdf-fixture.ts';
import { rowsOf } from './rows-fixture.ts';

describe('layouts the extractor meets on invoices it has never seen', () => {
  it('reads totals that run on in one line, each label with its colon and amount', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [[40, 'Servicios Industriales del Bajío S.A. de C.V.']]),
        ...row(80, [[40, 'FACTURA FOLIO: A-8799 / FECHA: 20 de julio de 2026']]),
        ...twoItemRows(140),
        ...row(200, [[40, 'IMPORTE: $1,000.00 IVA 16%: $160.00 TOTAL: $1,160.00']]),
      ],
    ]);
    const { invoice } = extractInvoice(document);
    expect(invoice).toMatchObject({ subtotal: 1000, tax: 160, total: 1160 });
    expect(invoice.lines).toHaveLength(2);
  });

  it('reads a long date wrapped onto the next line of its narrow cell', async () => {
    const document = await readHandMadePdf([
      [
        ...row(38, [
          [40, 'Cliente:'],
          [330, 'Número da Nota:'],
          [430, '20250070530'],
        ]),
        ...row(50, [
          [40, 'Malharia Santa Catarina Ltda.'],
          [330, 'Data de emissão: 14 de novembro de'],
        ]),
        ...row(62, [
          [40, 'CNPJ: 48.668.321/0002-76'],
          [330, '2025'],
        ]),
        ...twoItemRows(140),
        ...row(200, [
          [400, 'Total:'],
          [490, '1,000.00'],
        ]),
      ],
    ]);
    expect(extractInvoice(document).invoice.issueDate).toBe('2025-11-14');
  });

  it('takes no label word and a day for a series and number', async () => {
    const document = await readHandMadePdf([
      [
        ...row(29, [
          [40, 'YORKSHIRE BOILER CARE'],
          [400, 'VAT INVOICE'],
        ]),
        ...row(50, [[400, 'NO. SI-62841']]),
        ...row(81, [
          [40, 'INVOICE DATE 7 June 2026'],
          [200, 'DUE 7 June 2026'],
        ]),
        ...twoItemRows(140),
        ...row(200, [
          [400, 'TOTAL'],
          [490, '£1,000.00'],
        ]),
      ],
    ]);
    expect(extractInvoice(document).invoice.number).toBe('SI-62841');
  });

  it('reads a totals label OCR broke in two ("Umsat zsteuer"), on OCR rows only', () => {
    const spec: [number, [number, string][]][] = [[214, [[380, 'Umsat zsteuer 19%']]]];
    const fields = (confidence: number) => matchLabels(rowsOf(spec, confidence)).map((l) => l.field);
    expect(fields(0.9)).toContain('tax');
    expect(fields(1)).not.toContain('tax');
  });

  it.each(['Règlement', 'Conditions de paiement', 'Zahlungsbedingungen', 'Forma de pago', 'Betaalwijze'])(
    'payment terms are a label, never a name: %s',
    (text) => expect(isLabelText(text)).toBe(true),
  );

  it('takes the block addressed to someone’s attention for the customer', async () => {
    const document = await readHandMadePdf([
      [
        ...row(38, [[40, 'ROANNAISE DE COMPRESSEURS S.A.']]),
        ...row(55, [
          [40, 'À l’attention de'],
          [330, 'Réf. facture'],
          [430, 'FA-035825'],
        ]),
        ...row(65, [
          [40, 'Tissage de Roanne SARL'],
          [330, "Date d'émission"],
          [430, '19/06/2026'],
        ]),
        ...row(76, [[40, 'N° TVA intracommunautaire FR40 658157102']]),
        ...twoItemRows(140),
        ...row(200, [
          [400, 'Total TTC'],
          [490, '1 000,00 EUR'],
        ]),
      ],
    ]);
    const { invoice } = extractInvoice(document);
    expect(invoice.customer.name).toBe('Tissage de Roanne SARL');
    expect(invoice.supplier.name).not.toBe('Tissage de Roanne SARL');
  });
});

describe('OCR remnants around a value', () => {
  it('drops the lower-case tail of a marker OCR split off ("Invoice Nod 202637423")', async () => {
    const document = await readHandMadePdf([
      [
        ...row(35, [[40, 'Southern Boiler Works LLC']]),
        ...row(79, [[40, 'Invoice Nod 202637423']]),
        ...row(115, [
          [40, 'Date'],
          [120, '02/24/2026'],
        ]),
        ...twoItemRows(140),
        ...row(200, [
          [400, 'Total due:'],
          [490, '$1,000.00'],
        ]),
      ],
    ]);
    expect(extractInvoice(document).invoice.number).toBe('202637423');
  });
});

describe('a date claimed by another label', () => {
  it('is not taken for the issue date when the issue date itself was lost', async () => {
    const document = await readHandMadePdf([
      [
        ...row(39, [[40, 'SÄCHSISCHE KESSELTECHNIK GmbH']]),
        ...row(64, [
          [40, 'Rechnung Nr.'],
          [150, '21585'],
        ]),
        ...row(94, [
          [40, 'Rechnungsdatum:'],
          [200, 'Fillig am: 28.09.2026'],
        ]),
        ...twoItemRows(140),
        ...row(200, [
          [400, 'Gesamt:'],
          [490, '1.000,00 €'],
        ]),
      ],
    ]);
    expect(extractInvoice(document).invoice.issueDate).toBeNull();
  });
});

describe('words that only look like labels', () => {
  it('takes no order number from a province abbreviated in brackets, "Prato (PO)"', async () => {
    const document = await readHandMadePdf([
      [
        ...row(38, [[40, 'ASSISTENZA TELAI ROSSI']]),
        ...row(72, [
          [40, 'Numero:'],
          [120, 'FT 59676'],
        ]),
        ...row(83, [
          [40, 'Data emissione:'],
          [120, '11 dicembre 2025'],
        ]),
        ...row(99, [[40, 'Città: 59100 Prato (PO)']]),
        ...row(104, [
          [40, 'Tel.: +39 0574 505 448'],
          [200, 'Condizioni di pagamento: Rimessa diretta 015'],
        ]),
        ...twoItemRows(140),
        ...row(200, [
          [400, 'Totale:'],
          [490, '1.000,00 €'],
        ]),
      ],
    ]);
    expect(extractInvoice(document).invoice.purchaseOrder).toBeNull();
  });

  it('takes a service line that opens with "Atención de" for no customer heading', async () => {
    const document = await readHandMadePdf([
      [
        ...row(33, [[36, 'Montajes Térmicos M&M SAS']]),
        ...row(47, [[36, `NIT/CC: 916830273-8`]]),
        ...row(88, [[217, 'Factura electrónica No.: FE-5217']]),
        ...row(118, [
          [40, 'Razón social'],
          [148, 'HILADOS Y TEJIDOS DEL VALLE LTDA'],
          [307, 'Fecha de expedición 11/04/2025'],
        ]),
        ...row(133, [
          [40, 'NIT/CC'],
          [148, '996006384-4'],
        ]),
        ...row(200, [
          [40, 'Descripción'],
          [330, 'Cant.'],
          [400, 'Valor unitario'],
          [490, 'Valor total'],
        ]),
        ...row(216, [
          [40, 'ATENCIÓN DE LLAMADA POR PARO DE LÍNEA'],
          [330, '1'],
          [400, '1.000.000'],
          [490, '1.000.000'],
        ]),
        ...row(260, [
          [400, 'Total:'],
          [490, '1.000.000'],
        ]),
      ],
    ]);
    const { invoice } = extractInvoice(document);
    expect(invoice.supplier.taxId).toBe('916830273-8');
    expect(invoice.supplier.name).toBe('Montajes Térmicos M&M SAS');
    expect(invoice.customer.taxId).toBe('996006384-4');
    expect(invoice.customer.name ?? '').not.toMatch(/LLAMADA/);
  });
});
