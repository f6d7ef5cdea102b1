import { describe, expect, it } from 'vitest';
import { extractInvoice } from '../../../src/stages/extract/extract.ts';
import { matchLabels } from '../../../src/stages/extract/labels/match.ts';
import { layoutRows } from '../../../src/stages/extract/page/layout.ts';
import { joinSpaceGroups, parseSpaceGrouped } from '../../../src/stages/extract/values/amount.ts';
import { readHandMadePdf, row } from './pdf-fixture.ts';

/** A one-page invoice with its item table named in another language, read through mupdf. */
async function invoiceWithTable(header: string[], items: string[][], totals: [string, string][]) {
  const columns = [40, 320, 400, 540];
  return extractInvoice(
    await readHandMadePdf([
      [
        { x: 40, y: 40, text: 'Supplier Ltd', size: 13 },
        ...row(100, [[360, 'Invoice No. 4471']]),
        ...row(114, [[360, 'Date 19/04/2024']]),
        ...row(
          160,
          header.map(
            (text, i) =>
              [columns[i]!, text, i === 3 ? 'right' : 'left'] as [number, string, 'right' | 'left'],
          ),
        ),
        ...items.flatMap((cells, r) =>
          row(
            176 + 16 * r,
            cells.map(
              (text, i) =>
                [columns[i]!, text, i === 3 ? 'right' : 'left'] as [number, string, 'right' | 'left'],
            ),
          ),
        ),
        ...totals.flatMap(([label, value], r) =>
          row(240 + 14 * r, [
            [380, label],
            [540, value, 'right'],
          ]),
        ),
      ],
    ]),
  );
}

describe('line-item tables named in the lexicon languages', () => {
  const cases: [string, string[]][] = [
    ['French', ['Désignation', 'Qté', 'P.U. HT', 'Montant HT']],
    ['German', ['Bezeichnung', 'Menge', 'Einzelpreis', 'Gesamtpreis']],
    ['Portuguese', ['Descrição do produto', 'Qtde.', 'Valor unitário', 'Valor total']],
    ['Italian', ['Descrizione', 'Quantità', 'Prezzo unitario', 'Importo']],
    ['Dutch', ['Omschrijving', 'Aantal', 'Stukprijs', 'Bedrag']],
  ];
  it.each(cases)('reads the items of a %s table', async (_language, header) => {
    const extraction = await invoiceWithTable(
      header,
      [
        ['Kit de maintenance navette', '3', '400,00', '1 200,00'],
        ['Graisse spéciale', '2', '10,00', '20,00'],
      ],
      [
        ['Subtotal', '1 220,00'],
        ['Total', '1 220,00'],
      ],
    );
    expect(extraction.invoice.lines.map((l) => [l.description, l.quantity, l.unitPrice, l.amount])).toEqual([
      ['Kit de maintenance navette', 3, 400, 1200],
      ['Graisse spéciale', 2, 10, 20],
    ]);
  });

  it('takes a total printed after the withholdings (IRPF) as consistent with base, tax and withholding', async () => {
    const extraction = await invoiceWithTable(
      ['Concepto', 'Cantidad', 'Precio', 'Importe'],
      [['Reparación de telar', '1', '450,00', '450,00']],
      [
        ['Base imponible', '450,00 €'],
        ['IVA 21%', '94,50 €'],
        ['IRPF -15%', '-67,50 €'],
        ['TOTAL FACTURA', '477,00 €'],
      ],
    );
    expect(extraction.invoice).toMatchObject({ subtotal: 450, tax: 94.5, withholdings: 67.5, total: 477 });
    expect(extraction.validation.issues).not.toContain('subtotal_plus_tax_not_total');
  });
});

describe('thousands grouped by spaces', () => {
  it('joins groups a word space apart, and leaves a count and an amount in their own columns apart', () => {
    const word = (text: string, x0: number, x1: number) => ({ text, x0, x1, y0: 0, y1: 10 });
    expect(joinSpaceGroups([word('1', 0, 5), word('200,00', 7.5, 35)]).map((w) => w.text)).toEqual([
      '1200,00',
    ]);
    expect(
      joinSpaceGroups([word('12', 0, 10), word('345', 12, 27), word('678.90', 29, 60)]).map((w) => w.text),
    ).toEqual(['12345678.90']);
    expect(joinSpaceGroups([word('2', 0, 5), word('528,17', 40, 70)]).map((w) => w.text)).toEqual([
      '2',
      '528,17',
    ]);
    expect(joinSpaceGroups([word('2', 0, 5), word('5281', 7, 30)]).map((w) => w.text)).toEqual(['2', '5281']);
  });

  it('reads a cell printed with space groups as one amount', () => {
    expect(parseSpaceGrouped('1 200,00 €')).toBe(1200);
    expect(parseSpaceGrouped('12 345 678,90')).toBe(12_345_678.9);
    expect(parseSpaceGrouped('2 52,17')).toBeNull();
    expect(parseSpaceGrouped('Kit 200,00')).toBeNull();
  });
});

describe('labels beside a title in the same row', () => {
  it('keeps a number marker with its own label, not with the title in the cell before it', async () => {
    const document = await readHandMadePdf([
      [
        { x: 40, y: 40, text: 'Textiles Machines Lyon SARL', size: 13 },
        ...row(100, [
          [40, 'FACTURE'],
          [360, 'N° de facture : FA-00912'],
        ]),
        ...row(114, [[360, 'Date : 19/04/2024']]),
      ],
    ]);
    const labels = matchLabels(layoutRows(document)).map((l) => l.row.folded.slice(l.start, l.end));
    expect(labels).toContain('n° de facture');
    expect(labels).not.toContain('facture   n°');
    const { invoice, confidence } = extractInvoice(document);
    expect(invoice.number).toBe('FA-00912');
    expect(confidence.number).toBeGreaterThanOrEqual(0.9);
  });
});
