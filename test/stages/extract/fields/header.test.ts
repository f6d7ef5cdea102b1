import { describe, expect, it } from 'vitest';
import {
  findDueDate,
  findInvoiceNumber,
  findIssueDate,
} from '../../../../src/stages/extract/fields/header.ts';
import { rowsOf } from '../rows-fixture.ts';

describe('findInvoiceNumber', () => {
  it('does not read "facturacion6" (an e-mail whose @ OCR misread) as a FACTURA label', () => {
    const rows = rowsOf(
      [
        [
          63,
          [
            [208, '+57 310 786 7891'],
            [282, 'facturacion6 neumaticol.com.co'],
          ],
        ],
        [
          105,
          [
            [37, 'CONSECUTIVO'],
            [215, 'FECHA EMISIÓN'],
          ],
        ],
        [
          115,
          [
            [37, 'FVE-2024-03420'],
            [216, '15 de abril de 2025'],
          ],
        ],
      ],
      0.9,
    );
    expect(findInvoiceNumber(rows)?.value).toBe('FVE-2024-03420');
  });

  it('reads a grid column headed by an "N" whose degree sign OCR lost', () => {
    const rows = rowsOf(
      [
        [
          111,
          [
            [45, 'N'],
            [173, 'FECHA DE EMISIÓN'],
            [301, 'FECHA DE VENCIMIENTO'],
          ],
        ],
        [
          120,
          [
            [45, 'FVE-2026-89147'],
            [173, '23 de febrero de 2025'],
            [302, '10 de marzo de 2025'],
          ],
        ],
      ],
      0.9,
    );
    expect(findInvoiceNumber(rows)?.value).toBe('FVE-2026-89147');
  });

  it('reads "N?" as "Nº"', () => {
    const rows = rowsOf(
      [
        [
          57,
          [
            [42, 'NIT 901245871-9'],
            [441, 'N? MAN42388'],
          ],
        ],
      ],
      0.9,
    );
    expect(findInvoiceNumber(rows)?.value).toBe('MAN42388');
  });

  it('reads a number label that lost "FACTURA", its first letter, or gained a speck or a space', () => {
    const inline = (text: string) => findInvoiceNumber(rowsOf([[40, [[90, text]]]], 0.9))?.value;
    expect(inline('ELECTRÓNICA DE VENTA No.: FV 88227')).toBe('FV 88227');
    expect(inline('DE VENTA N° FV 88227')).toBe('FV 88227');
    expect(inline('HConsecutivo FV 88943')).toBe('FV 88943');
    expect(inline('FACTU RA NO.: FVE-2025-92550')).toBe('FVE-2025-92550');
    const grid = rowsOf(
      [
        [
          94,
          [
            [45, 'ACTURA NO.'],
            [174, 'FECHA FACTURA'],
          ],
        ],
        [
          104,
          [
            [43, 'FVE-2025-75341'],
            [174, '28/04/2025'],
          ],
        ],
      ],
      0.9,
    );
    expect(findInvoiceNumber(grid)?.value).toBe('FVE-2025-75341');
  });

  it('reads "N>" as "Nº", its number on the row below', () => {
    const rows = rowsOf(
      [
        [130, [[39, 'Factura de venta']]],
        [144, [[39, 'N>']]],
        [152, [[39, 'FEV43435']]],
        [167, [[39, 'EXPEDICIÓN']]],
        [177, [[39, '12-05-2026']]],
      ],
      0.9,
    );
    expect(findInvoiceNumber(rows)?.value).toBe('FEV43435');
  });

  it('reads the sign of "Nº" read as a quote or an apostrophe', () => {
    expect(findInvoiceNumber(rowsOf([[92, [[14, 'N”: SETP997544136']]]], 0.9))?.value).toBe('SETP997544136');
    const inline = rowsOf(
      [[92, [[49, "FACTURA ELECTRÓNICA DE VENTA N': FEV67864 / Fecha factura: 2025-05-27"]]]],
      0.9,
    );
    expect(findInvoiceNumber(inline)?.value).toBe('FEV67864');
  });

  it('reads "N%" as "Nº", a speck after the prefix as the space, and skips "NO. PEDIDO" in a grid', () => {
    expect(findInvoiceNumber(rowsOf([[94, [[87, 'N%; FV 51469']]]], 0.9))?.value).toBe('FV 51469');
    expect(findInvoiceNumber(rowsOf([[95, [[85, 'No: FV. 69370']]]], 0.9))?.value).toBe('FV 69370');
    const grid = rowsOf(
      [
        [
          104,
          [
            [33, 'NUMERO'],
            [165, 'FECHA'],
            [300, 'FECHA DE VENCIMIENTO'],
            [434, 'NO. PEDIDO'],
          ],
        ],
        [
          115,
          [
            [33, 'FV 33780'],
            [166, '30 de agosto de 2026'],
            [300, '29 de septiembre de 2026'],
            [434, '4500002757'],
          ],
        ],
      ],
      0.9,
    );
    expect(findInvoiceNumber(grid)?.value).toBe('FV 33780');
  });

  it('reads "N?*" for "Nº", "NRO," heading a grid, and a speck beside a hyphen', () => {
    expect(findInvoiceNumber(rowsOf([[53, [[398, 'N?*: FVE-2026-14051']]]], 0.9))?.value).toBe(
      'FVE-2026-14051',
    );
    expect(findInvoiceNumber(rowsOf([[77, [[334, 'Número: FVE-=2025-07966']]]], 0.9))?.value).toBe(
      'FVE-2025-07966',
    );
    const grid = rowsOf(
      [
        [
          97,
          [
            [33, 'NRO,'],
            [172, 'FECHA'],
            [447, 'NO. PEDIDO'],
          ],
        ],
        [
          107,
          [
            [33, 'SETP997121736'],
            [171, '2025-08-17'],
            [447, '85474'],
          ],
        ],
      ],
      0.9,
    );
    expect(findInvoiceNumber(grid)?.value).toBe('SETP997121736');
  });

  it('takes the number under "FACTURA ELECTRÓNICA" past scraps of the label OCR could not read', () => {
    const rows = rowsOf(
      [
        [133, [[34, 'FACTURA ELECTRÓNICA']]],
        [
          145,
          [
            [35, 'FA'],
            [75, 'R'],
            [107, 'AD'],
          ],
        ],
        [156, [[35, 'SETP999919666']]],
      ],
      0.9,
    );
    expect(findInvoiceNumber(rows)?.value).toBe('SETP999919666');
  });

  it('takes a prefixed number in line under "FACTURA DE VENTA" when its "No." row was lost, and nothing else', () => {
    const rows = (value: string) =>
      rowsOf(
        [
          [140, [[38, 'FACTURA DE VENTA']]],
          [166, [[38, value]]],
          [183, [[38, 'FECHA:']]],
        ],
        0.9,
      );
    expect(findInvoiceNumber(rows('A-042780'))?.value).toBe('A-042780');
    expect(findInvoiceNumber(rows('Bogotá D.C.'))).toBeNull();
  });

  it('reads a speck between an OCR-read prefix and its digits as the space it was', () => {
    const rows = rowsOf(
      [
        [
          68,
          [
            [331, 'NO.'],
            [452, 'FV.62867'],
          ],
        ],
      ],
      0.84,
    );
    expect(findInvoiceNumber(rows)?.value).toBe('FV 62867');
    // A text layer's own punctuation stays as printed (and is not a number shape we read).
    expect(
      findInvoiceNumber(
        rowsOf([
          [
            68,
            [
              [331, 'NO.'],
              [452, 'FV.62867'],
            ],
          ],
        ]),
      ),
    ).toBeNull();
  });

  it('reads the number under a label OCR boxed in two cells ("FACTURA" apart from "DE VENTA NO.")', () => {
    const rows = rowsOf(
      [
        [130, [[41, 'FACTURA ELECTRÓNICA DE VENTA']]],
        [
          149,
          [
            [42, 'FACTURA'],
            [96, 'DE VENTA NO.'],
          ],
        ],
        [158, [[41, 'A-005014']]],
        [
          174,
          [
            [42, 'FECHA'],
            [96, 'DE EMISIÓN'],
          ],
        ],
        [184, [[41, '2026-08-29 16:42:43']]],
      ],
      0.95,
    );
    expect(findInvoiceNumber(rows)?.value).toBe('A-005014');
  });

  it('prefers the invoice number over an order reference under a bare "No."', () => {
    const rows = rowsOf(
      [
        [104, [[451, 'NO.']]],
        [
          106,
          [
            [41, 'NRO'],
            [172, 'FECHA Y HORA DE EXPEDICIÓN'],
          ],
        ],
        [
          116,
          [
            [41, 'FE-705'],
            [172, '2026-03-07'],
            [433, 'PED-8001'],
          ],
        ],
      ],
      0.9,
    );
    expect(findInvoiceNumber(rows)?.value).toBe('FE-705');
  });
});

describe('dates', () => {
  it('reads a due-date label OCR glued with a hyphen ("FECHA-LÍMITE DE PAGO")', () => {
    const rows = rowsOf(
      [
        [
          78,
          [
            [36, 'FACTURA ELECTRÓNICA DE VENTA NO.'],
            [220, 'FECHA DE EXPEDICIÓN'],
            [404, 'FECHA-LÍMITE DE PAGO'],
          ],
        ],
        [
          89,
          [
            [36, 'MT6541'],
            [220, '2 de abril de 2025'],
            [405, '10 de abril de 2025'],
          ],
        ],
      ],
      0.9,
    );
    expect(findDueDate(rows, '2025-04-02')?.value).toBe('2025-04-10');
  });

  it('reads a due-date label whose space OCR read as a quote, or whose F it read as a P', () => {
    // Also a speck (quote, dot, comma, hyphen) for the space, a G read for the C, the space lost, and the label's last letter lost.
    for (const label of [
      "FECHA'DE PAGO",
      'PECHA LÍMITE DE PAGO',
      'FECHA LÍMITE DE.PAGO',
      'FECHA DEPAGO',
      'Fecha de pag',
      'FECHA DE-PAGO',
      'FECHA, LIMITE DE PAGO',
      'FECHA.DE PAGO',
      'FEGHA DE PAGO',
    ]) {
      const rows = rowsOf(
        [
          [
            94,
            [
              [35, 'CONSECUTIVO'],
              [120, 'FECHA EMISIÓN'],
              [260, label],
            ],
          ],
          [
            104,
            [
              [35, 'SETP997979030'],
              [120, '13/10/2025'],
              [260, '12/12/2025'],
            ],
          ],
        ],
        0.9,
      );
      expect(findDueDate(rows, '2025-10-13')?.value, label).toBe('2025-12-12');
      expect(findIssueDate(rows)?.value, label).toBe('2025-10-13');
    }
  });

  it('reads a due-date label wrapped over two rows, "Fecha" (or "Fecha límite") over "de pago:"', () => {
    for (const label of ['Fecha', 'Fecha límite']) {
      const rows = rowsOf(
        [
          [
            59,
            [
              [41, 'Dirección: Cl. 48 No. 66-40'],
              [344, 'Fecha y hora de expedición:'],
              [462, '13/04/2026'],
            ],
          ],
          [
            71,
            [
              [344, label],
              [462, '13/05/2026'],
            ],
          ],
          [
            79,
            [
              [41, 'Tel.: (604) 577 6216'],
              [364, 'de pago:'],
            ],
          ],
        ],
        0.9,
      );
      expect(findIssueDate(rows)?.value, label).toBe('2026-04-13');
      expect(findDueDate(rows, '2026-04-13')?.value, label).toBe('2026-05-13');
    }
  });

  it('reads a label OCR split into two cells after "DE" ("FECHA DE   VENCIMIENTO")', () => {
    const rows = rowsOf(
      [
        [185, [[37, 'FECHA EMISIÓN']]],
        [197, [[36, '2026-01-18']]],
        [
          214,
          [
            [37, 'FECHA DE'],
            [84, 'VENCIMIENTO'],
          ],
        ],
        [225, [[36, '2026-02-02']]],
      ],
      0.9,
    );
    expect(findIssueDate(rows)?.value).toBe('2026-01-18');
    expect(findDueDate(rows, '2026-01-18')?.value).toBe('2026-02-02');
  });

  it('follows a date wrapped in its column past a row of another column', () => {
    const rows = rowsOf([
      [
        170,
        [
          [307, 'FECHA DE PAGO'],
          [410, '23 de septiembre de'],
        ],
      ],
      [
        176,
        [
          [49, 'Dirección'],
          [153, 'Calle 88 N° 47-93 Local'],
        ],
      ],
      [182, [[410, '2026']]],
    ]);
    expect(findDueDate(rows, null)?.value).toBe('2026-09-23');
  });

  it('does not take the numbering resolution date for the issue date', () => {
    const rows = rowsOf([
      [
        192,
        [
          [192, 'Resolución DIAN No. 18766213386433 12'],
          [317, 'del 2024-01-12, numeración FVE232 al FVE50232'],
        ],
      ],
    ]);
    expect(findIssueDate(rows)).toBeNull();
  });
});
