import { describe, expect, it } from 'vitest';
import type { Word } from '../../../../src/contract/document.ts';
import { findInvoiceNumber } from '../../../../src/stages/extract/fields/header.ts';
import { buildRow } from '../../../../src/stages/extract/page/layout.ts';
import { splitSidebar } from '../../../../src/stages/extract/page/sidebar.ts';

const WIDTH = 612;

/** One line of words from [x, text] pairs at height y; each character 5 pt wide, words 3 pt apart. */
function line(y: number, ...parts: [number, string][]): Word[] {
  return parts.flatMap(([x, text]) => {
    let cursor = x;
    return text.split(' ').map((word) => {
      const w = { text: word, x0: cursor, x1: cursor + 5 * word.length, y0: y, y1: y + 9, confidence: 1 };
      cursor = w.x1 + 3;
      return w;
    });
  });
}

/** A sidebar of label-over-value facts at x 38 beside a table at x 200, as the `sidebar` layout prints it. */
function sidebarPage(): Word[][] {
  return [
    line(40, [38, 'Mantenimientos SAS'], [330, 'Cliente:']),
    line(55, [38, 'NIT 900.123.456-7'], [330, 'Hilados del Norte S.A.']),
    line(70, [38, 'Calle 5 # 4-20'], [330, 'NIT 860.001.234-1']),
    line(120, [200, 'Cód. Descripción Cantidad Vr. Unitario Total']),
    line(140, [38, 'NO. DE FACTURA'], [200, '67973 Reparación de tablero 1 5.586.500 5.586.500']),
    line(152, [38, 'MT5955'], [230, 'eléctrico de urdidora']),
    line(170, [38, 'FECHA DE EXPEDICIÓN']),
    line(182, [38, '06-01-2025'], [200, '30995 Horas de técnico 15 92.300 1.384.500']),
    line(205, [38, 'FECHA DE VENCIMIENTO']),
    line(217, [38, '07-03-2025'], [400, 'Subtotal: 6.971.000']),
    line(232, [38, 'PLAZO'], [400, 'IVA 19%: 1.324.490']),
    line(246, [38, 'Crédito'], [400, 'Total: 8.295.490']),
  ];
}

describe('splitSidebar', () => {
  it('reads a sidebar as its own flow, so a label takes the value printed under it', () => {
    const lines = splitSidebar(sidebarPage(), WIDTH);
    const texts = lines.map((l) => l.map((w) => w.text).join(' '));
    expect(texts.slice(0, 4)).toEqual([
      'Mantenimientos SAS',
      'NIT 900.123.456-7',
      'Calle 5 # 4-20',
      'NO. DE FACTURA',
    ]);
    expect(texts[4]).toBe('MT5955');
    const rows = lines.map((words, order) => buildRow(words, 0, order, WIDTH, 792));
    expect(findInvoiceNumber(rows)?.value).toBe('MT5955');
  });

  it('keeps in the sidebar a line of it that reaches just past the gutter, and a footer across the page out', () => {
    const page = sidebarPage();
    // The name's first line, longer than the sidebar's other lines, ends a few points into the gap.
    page.splice(1, 0, line(47, [38, 'Reparaciones Integrales de']));
    page.push(line(300, [38, 'Gracias por su compra, los precios incluyen transporte hasta la planta']));
    const texts = splitSidebar(page, WIDTH).map((l) => l.map((w) => w.text).join(' '));
    expect(texts.slice(0, 3)).toEqual([
      'Mantenimientos SAS',
      'Reparaciones Integrales de',
      'NIT 900.123.456-7',
    ]);
    expect(texts.at(-1)).toBe('Gracias por su compra, los precios incluyen transporte hasta la planta');
  });

  it('leaves alone a table whose description column stands apart from its numbers', () => {
    const page = [
      line(40, [38, 'FACTURA NO. FV 28690']),
      line(55, [38, 'FECHA 23-ene-2026'], [330, 'Maqtextil S.A.S.']),
      line(70, [38, 'FORMA DE PAGO Crédito'], [330, 'NIT 903555765-3']),
      line(192, [38, 'Detalle'], [300, 'CÓDIGO Cantidad P. Unitario Importe']),
      ...Array.from({ length: 10 }, (_, i) =>
        line(207 + 15 * i, [38, `Cambio de filtros ${i}`], [300, `SRV-83${i} 13 $ 129.000 $ 1.677.000`]),
      ),
    ];
    expect(splitSidebar(page, WIDTH)).toBe(page);
  });

  it('leaves alone a table in another language whose description column stands apart from its numbers', () => {
    const page = [
      line(33, [38, 'Southern Boiler Works Corp.'], [330, 'Invoice No. 202536915 (cont.)']),
      line(61, [38, 'No. SKU Item description'], [330, 'QTY UOM Price Extended']),
      ...Array.from({ length: 10 }, (_, i) =>
        line(77 + 16 * i, [38, `${29 + i} REP-16${i} Guía hilo cerámica`], [330, `6 PC 7.02 42.12`]),
      ),
      line(260, [38, 'Net amount'], [330, '$14,101.71']),
      line(275, [38, 'Sales Tax 7%'], [330, '$987.12']),
      line(290, [38, 'Amount due'], [330, '$15,088.83']),
    ];
    expect(splitSidebar(page, WIDTH)).toBe(page);
  });

  it('leaves alone a label grid over an item table whose rows run from the left margin across the page', () => {
    const page = [
      line(40, [38, 'Carolina Loom Service Co.']),
      line(60, [38, 'Date of issue'], [150, '07/14/2026'], [330, 'Invoice to'], [430, 'Cone Denim Works']),
      line(75, [38, 'Due'], [150, '09/12/2026'], [330, 'Tax ID'], [430, '12-0022169']),
      line(90, [38, 'Payment terms'], [150, 'Due in 60 days'], [330, 'Address'], [430, '57 Enterprise Ave']),
      line(105, [38, 'PO Number'], [150, 'PO-65450'], [330, 'City'], [430, 'Dalton, GA 30720']),
      line(120, [38, 'Currency'], [150, 'USD']),
      line(140, [38, 'No. Part No. Description'], [360, 'Qty UOM Unit price Line total']),
      line(155, [
        38,
        '1 P-02904 Mantenimiento rutinario de telar de pinzas Dornier P1, incluye 4 h 17.65 70.60',
      ]),
      line(167, [60, 'limpieza general y ajuste']),
      line(190, [38, 'Sub-total:'], [260, '$70.60']),
      line(203, [38, 'Sales tax 8.25%:'], [260, '$5.82']),
      line(216, [38, 'Balance due:'], [260, '$76.42']),
    ];
    expect(splitSidebar(page, WIDTH)).toBe(page);
  });

  it('leaves alone a page whose text runs across the page', () => {
    const page = Array.from({ length: 14 }, (_, i) =>
      line(40 + 14 * i, [38, 'Servicio de mantenimiento preventivo de telares según plan anual']),
    );
    expect(splitSidebar(page, WIDTH)).toBe(page);
  });
});
