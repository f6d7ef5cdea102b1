import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { ReadDocument } from '../../../src/contract/document.ts';
import { extractInvoice } from '../../../src/stages/extract/extract.ts';
import { numberKey } from '../../../src/stages/extract/fields/header-fields.ts';
import { matchLabels } from '../../../src/stages/extract/labels/match.ts';
import { layoutRows } from '../../../src/stages/extract/page/layout.ts';
import { ruledBoxes } from '../../../src/stages/extract/page/ruled-box.ts';
import { readHandMadePdf, readPdfTextLayer, row } from './pdf-fixture.ts';

const HEIGHT = 792;

interface Boxed {
  /** Box in points from the page's top-left. */
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  /** Printed right-aligned at the box's bottom right, as form renderers print amounts. */
  value?: string;
}

/** A real PDF of ruled boxes (each a stroked rectangle, label at its top-left) plus free texts. */
async function readBoxedPdf(boxes: Boxed[], texts: { x: number; y: number; text: string }[] = []) {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([612, HEIGHT]);
  for (const b of boxes) {
    page.drawRectangle({ x: b.x, y: HEIGHT - b.y - b.h, width: b.w, height: b.h, borderWidth: 0.5 });
    page.drawText(b.label, { x: b.x + 2, y: HEIGHT - b.y - 7, size: 6, font });
    if (b.value) {
      const width = font.widthOfTextAtSize(b.value, 8);
      page.drawText(b.value, { x: b.x + b.w - 3 - width, y: HEIGHT - b.y - b.h + 3, size: 8, font });
    }
  }
  for (const t of texts) page.drawText(t.text, { x: t.x, y: HEIGHT - t.y - 9, size: 9, font });
  return readPdfTextLayer(await pdf.save());
}

function withoutRulings(document: ReadDocument): ReadDocument {
  return { ...document, pages: document.pages.map(({ rulings: _, ...page }) => page) };
}

describe('an invoice number printed as series and number apart', () => {
  it('joins a lettered series to the folio under their own labels, never taking the certificate number', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [
          [240, 'Serie'],
          [290, 'Folio'],
          [360, 'Fecha y hora de emisión'],
        ]),
        ...row(52, [
          [240, 'B'],
          [290, '2041'],
          [360, '2024-03-05T10:00:00'],
        ]),
        ...row(90, [[300, 'Número de certificado 30001000000300099999']]),
        ...row(104, [[300, 'No. Serie del Certificado del SAT 20001000000300022323']]),
        ...row(200, [
          [300, 'Total'],
          [450, '$1,160.00'],
        ]),
      ],
    ]);
    expect(extractInvoice(document).invoice.number).toBe('B2041');
  });

  it('keeps a numeric series apart from the number (an NF-e "Nº 000.000.045 Série 3")', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [[400, 'DANFE']]),
        ...row(60, [[400, 'Nº 000.000.045']]),
        ...row(72, [[400, 'SÉRIE 3']]),
        ...row(200, [
          [300, 'Valor total da nota'],
          [450, '1.950,00'],
        ]),
      ],
    ]);
    // Leading zeros are the printed form; the series "3" is not part of it.
    expect(numberKey(extractInvoice(document).invoice.number ?? '')).toBe('45');
  });

  it('leaves a number printed whole under "Serie y Folio" as printed', async () => {
    const document = await readHandMadePdf([
      [
        ...row(40, [[300, 'Serie y Folio: HGAB-0001234']]),
        ...row(54, [[300, 'NO. CERTIFICADO SAT: 00001000000700000001']]),
        ...row(200, [
          [300, 'Total'],
          [450, '$500.00'],
        ]),
      ],
    ]);
    expect(extractInvoice(document).invoice.number).toBe('HGAB-0001234');
  });
});

describe('a label heading its ruled box', () => {
  const totalsBlock: Boxed[] = [
    { x: 40, y: 300, w: 110, h: 18, label: 'BASE DE CÁLCULO DO ICMS', value: '5.000,00' },
    { x: 150, y: 300, w: 90, h: 18, label: 'VALOR DO ICMS', value: '900,00' },
    { x: 240, y: 300, w: 330, h: 18, label: 'VALOR TOTAL DOS PRODUTOS', value: '5.000,00' },
    { x: 40, y: 318, w: 110, h: 18, label: 'VALOR DO FRETE', value: '0,00' },
    // An empty box: the values of the row no longer pair with its labels one to one.
    { x: 150, y: 318, w: 90, h: 18, label: 'DESCONTO' },
    { x: 240, y: 318, w: 330, h: 18, label: 'VALOR TOTAL DA NOTA', value: '5.900,00' },
  ];

  it('reads the value printed far right under the label, inside the same box', async () => {
    const document = await readBoxedPdf(totalsBlock, [
      { x: 40, y: 60, text: 'NOTA FISCAL ELETRÔNICA   Nº 000.000.017' },
    ]);
    const rows = layoutRows(document);
    const labels = matchLabels(rows);
    const label = labels.find((l) => l.row.text.slice(l.start, l.end) === 'VALOR TOTAL DA NOTA');
    expect(label).toBeDefined();
    expect(ruledBoxes(document).valueBelow(rows, label!)?.text).toBe('5.900,00');
    expect(extractInvoice(document).invoice.total).toBe(5900);
    // Without the rules the row's values pair with the wrong labels: the boxes are what reads it.
    expect(extractInvoice(withoutRulings(document)).invoice.total).not.toBe(5900);
  });

  it('takes nothing from a box whose label does not head it', async () => {
    const document = await readBoxedPdf([
      { x: 40, y: 300, w: 300, h: 40, label: 'Observaciones del pedido' },
    ]);
    // A second line inside the box, with the label under the first.
    const pdfRows = layoutRows(document);
    const labels = matchLabels(pdfRows);
    const boxes = ruledBoxes(document);
    for (const l of labels) expect(boxes.valueBelow(pdfRows, l)).toBeNull();
  });

  it('takes nothing below a label whose value stands beside it in a box ruled around several lines', async () => {
    // One box around the totals: "Zwischensumme:   400,80" then "USt. 19%:   76,15" inside it.
    const document = await readBoxedPdf(
      [{ x: 300, y: 300, w: 260, h: 40, label: '' }],
      [
        { x: 305, y: 304, text: 'Zwischensumme:' },
        { x: 480, y: 304, text: '400,80' },
        { x: 305, y: 318, text: 'USt. 19%:' },
        { x: 480, y: 318, text: '76,15' },
      ],
    );
    const rows = layoutRows(document);
    const label = matchLabels(rows).find((l) => l.field === 'subtotal');
    expect(label).toBeDefined();
    expect(ruledBoxes(document).valueBelow(rows, label!)).toBeNull();
  });

  it('needs the rulings: the same words without their boxes give no boxed value', async () => {
    const document = withoutRulings(await readBoxedPdf(totalsBlock));
    const rows = layoutRows(document);
    const boxes = ruledBoxes(document);
    expect(matchLabels(rows).every((l) => boxes.valueBelow(rows, l) === null)).toBe(true);
  });
  it('reads a ruled grid of headings over values: the value is in the cell under a heading that fills its own', async () => {
    // "Imponibile | Aliquota IVA | Imposta | Totale documento" over their values; the last heading wraps in
    // its cell, so its value's line sits nowhere near the heading's first line.
    const headings = [
      { x: 250, w: 70, lines: ['Imponibile'] },
      { x: 320, w: 70, lines: ['Aliquota', 'IVA'] },
      { x: 390, w: 60, lines: ['Imposta'] },
      { x: 450, w: 100, lines: ['Totale', 'documento'] },
    ];
    const values = ['€ 5.204,10', '22%', '€ 1.144,90', '€ 6.349,00'];
    const document = await readBoxedPdf(
      headings.flatMap((h) => [
        { x: h.x, y: 300, w: h.w, h: 30, label: '' },
        { x: h.x, y: 330, w: h.w, h: 20, label: '' },
      ]),
      headings.flatMap((h, i) => [
        ...h.lines.map((line, j) => ({
          x: h.x + 4,
          y: 302 + 11 * j + (h.lines.length === 1 ? 6 : 0),
          text: line,
        })),
        { x: h.x + 4, y: 335, text: values[i]! },
      ]),
    );
    const rows = layoutRows(document);
    const total = matchLabels(rows).find((l) => l.field === 'total');
    expect(total).toBeDefined();
    expect(ruledBoxes(document).valueBelow(rows, total!)?.text).toBe('€ 6.349,00');
    expect(extractInvoice(document).invoice.total).toBe(6349);
  });
});
