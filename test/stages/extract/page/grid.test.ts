import { describe, expect, it } from 'vitest';
import type { PageText, Ruling, Word } from '../../../../src/contract/document.ts';
import { buildGrids, printedLines } from '../../../../src/stages/extract/page/grid.ts';
import { layoutRows } from '../../../../src/stages/extract/page/layout.ts';
import { findRuledLineItems } from '../../../../src/stages/extract/tables/grid-table.ts';
import { toReadDocument } from '../../../../src/stages/read/document-text.ts';
import { groupIntoRows } from '../../../../src/stages/read/rows.ts';

/** Words of a text at (x, top), 5 pt per character, 7 pt high, split on spaces. */
function words(text: string, x: number, top: number): Word[] {
  const out: Word[] = [];
  let at = x;
  for (const token of text.split(' ')) {
    out.push({ text: token, x0: at, x1: at + 5 * token.length, y0: top, y1: top + 7, confidence: 1 });
    at += 5 * token.length + 3;
  }
  return out;
}

const h = (y: number, x0: number, x1: number): Ruling => ({ x0, y0: y, x1, y1: y });
const v = (x: number, y0: number, y1: number): Ruling => ({ x0: x, y0, x1: x, y1 });

/** A fully ruled table: every row boxed, every column edge drawn per row, like most PDF writers do. */
function ruledTable(edges: number[], rowTops: number[]): Ruling[] {
  const rulings: Ruling[] = [];
  for (let i = 0; i + 1 < rowTops.length; i++) {
    rulings.push(h(rowTops[i]!, edges[0]!, edges[edges.length - 1]!));
    for (const x of edges) rulings.push(v(x, rowTops[i]!, rowTops[i + 1]!));
  }
  rulings.push(h(rowTops[rowTops.length - 1]!, edges[0]!, edges[edges.length - 1]!));
  return rulings;
}

const EDGES = [40, 100, 230, 280, 330, 440, 560];
const HEADER = [
  ...words('Código', 45, 104),
  ...words('Descripción', 105, 104),
  ...words('Unidad', 235, 104),
  ...words('Cantidad', 285, 104),
  ...words('Valor unitario', 335, 104),
  ...words('Valor total', 445, 104),
];

/** Item whose description wraps on `lines`, the single-line cells centred between its lines. */
function item(
  top: number,
  code: string,
  lines: string[],
  unit: string,
  q: string,
  price: string,
  amount: string,
) {
  const height = lines.length * 10 + 8;
  const middle = top + height / 2 - 3.5;
  return [
    ...words(code, 45, middle),
    ...lines.flatMap((line, i) => words(line, 105, top + 4 + i * 10)),
    ...words(unit, 235, middle),
    ...words(q, 300, middle),
    ...words(price, 360, middle),
    ...words(amount, 470, middle),
  ];
}

function page(index: number, pageWords: Word[], rulings: Ruling[]): PageText {
  return {
    index,
    width: 612,
    height: 792,
    source: 'text',
    lines: groupIntoRows(pageWords),
    deskewDegrees: 0,
    rulings,
  };
}

describe('ruled grids', () => {
  it('joins collinear rules into bands and cells, and a wrapped cell into one text read top to bottom', () => {
    const all = [
      ...HEADER,
      ...item(116, 'REP-3626', ['Kit de', 'empaques'], 'UN', '2', '10.000,00', '20.000,00'),
    ];
    const grids = buildGrids(ruledTable(EDGES, [100, 116, 144]), all);
    expect(grids).toHaveLength(1);
    const [grid] = grids;
    expect(grid!.bands).toHaveLength(2);
    expect(grid!.bands[0]!.cells.map((c) => c.text)).toEqual([
      'Código',
      'Descripción',
      'Unidad',
      'Cantidad',
      'Valor unitario',
      'Valor total',
    ]);
    expect(grid!.bands[1]!.cells.map((c) => c.text)).toEqual([
      'REP-3626',
      'Kit de empaques',
      'UN',
      '2',
      '10.000,00',
      '20.000,00',
    ]);
  });

  it('reads lines of a cell in print order even when their words come shuffled', () => {
    const shuffled = [...words('empaques', 105, 130), ...words('Kit de', 105, 120)].reverse();
    expect(printedLines(shuffled)).toEqual(['Kit de', 'empaques']);
  });

  it('finds no grid without crossing rules, and stays bounded on a page of thousands of rules', () => {
    expect(buildGrids([h(100, 40, 560), h(120, 40, 560)], HEADER)).toEqual([]);
    const many: Ruling[] = [];
    for (let i = 0; i < 2000; i++) many.push(h(10 + i * 0.39, 0, 600), v(i * 0.3, 0, 790));
    const started = performance.now();
    buildGrids(many, HEADER);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('reads each band as one item: the wrapped description whole, the code apart, totals left out', () => {
    const rowTops = [100, 116, 144, 182, 200];
    const itemWords = [
      ...HEADER,
      ...item(116, 'REP-3626', ['Kit de', 'empaques'], 'UN', '2', '10.000,00', '20.000,00'),
      ...item(
        144,
        'S834-98',
        ['Termografía programada', 'del tablero de jet', 'de tintura'],
        'Hora',
        '1',
        '1.600.000,00',
        '1.600.000,00',
      ),
      ...item(182, 'X1-2', ['Desplazamiento'], 'Servicio', '1', '149.000,00', '149.000,00'),
    ];
    const totals = [...words('Subtotal', 235, 204), ...words('1.769.000,00', 470, 204)];
    const rulings = [...ruledTable(EDGES, rowTops), ...ruledTable([230, 440, 560], [200, 214])];
    const document = toReadDocument([page(0, [...itemWords, ...totals], rulings)]);
    const rows = layoutRows(document);
    const table = findRuledLineItems(document, rows);
    expect(table?.lines).toEqual([
      {
        code: 'REP-3626',
        description: 'Kit de empaques',
        quantity: 2,
        unit: 'UN',
        unitPrice: 10000,
        amount: 20000,
      },
      {
        code: 'S834-98',
        description: 'Termografía programada del tablero de jet de tintura',
        quantity: 1,
        unit: 'Hora',
        unitPrice: 1600000,
        amount: 1600000,
      },
      {
        code: 'X1-2',
        description: 'Desplazamiento',
        quantity: 1,
        unit: 'Servicio',
        unitPrice: 149000,
        amount: 149000,
      },
    ]);
    const subtotalRow = rows.find((r) => r.text.startsWith('Subtotal'))!;
    expect(table!.rows.has(subtotalRow.order)).toBe(false);
    const firstItem = rows.find((r) => r.text.includes('REP-3626'))!;
    expect(table!.rows.has(firstItem.order)).toBe(true);
  });

  it('continues on the next page when its grid has the same column edges, header repeated or not', () => {
    const first = [
      ...HEADER,
      ...item(116, 'A-1', ['Rodamiento', 'de bolas'], 'UN', '4', '25.000,00', '100.000,00'),
    ];
    const second = [
      ...item(40, 'B-2', ['Correa en V', 'perfil B'], 'UN', '2', '30.000,00', '60.000,00'),
      ...words('Total', 235, 72),
      ...words('160.000,00', 470, 72),
    ];
    const document = toReadDocument([
      page(0, first, ruledTable(EDGES, [100, 116, 144])),
      page(1, second, [...ruledTable(EDGES, [40, 68]), ...ruledTable([230, 440, 560], [68, 82])]),
    ]);
    const table = findRuledLineItems(document, layoutRows(document));
    expect(table?.lines.map((l) => [l.code, l.description, l.amount])).toEqual([
      ['A-1', 'Rodamiento de bolas', 100000],
      ['B-2', 'Correa en V perfil B', 60000],
    ]);
  });

  it('leaves to the row reader a grid whose bands hold several items each, or a grid with no header', () => {
    const grouped = [
      ...HEADER,
      ...words('A-1', 45, 120),
      ...words('Rodamiento', 105, 120),
      ...words('1', 300, 120),
      ...words('5.000,00', 360, 120),
      ...words('5.000,00', 470, 120),
      ...words('B-2', 45, 132),
      ...words('Correa', 105, 132),
      ...words('2', 300, 132),
      ...words('3.000,00', 360, 132),
      ...words('6.000,00', 470, 132),
    ];
    const document = toReadDocument([page(0, grouped, ruledTable(EDGES, [100, 116, 150]))]);
    expect(findRuledLineItems(document, layoutRows(document))).toBeNull();
    const noHeader = item(116, 'A-1', ['Rodamiento'], 'UN', '1', '5.000,00', '5.000,00');
    const bare = toReadDocument([page(0, noHeader, ruledTable(EDGES, [100, 116, 144]))]);
    expect(findRuledLineItems(bare, layoutRows(bare))).toBeNull();
  });
});
