import { describe, expect, it } from 'vitest';
import { buildRow, layoutRows, type Row } from '../../../../src/stages/extract/page/layout.ts';
import { readHeader } from '../../../../src/stages/extract/tables/table-header.ts';
import { readHandMadePdf, row } from '../pdf-fixture.ts';
import { rowsOf } from '../rows-fixture.ts';

async function headerOf(cells: [number, string][]) {
  const rows = layoutRows(await readHandMadePdf([[...row(100, cells)]]));
  const header = readHeader(rows[0]!);
  return header?.columns.map((c) => c.kind) ?? null;
}

/** The same header over item rows (at the same heights) that all print `cells` instead. */
function withItems(rows: Row[], cells: [number, string][]): Row[] {
  return rows.map((r, i) => (i === 0 ? r : rowsOf([[r.y0, cells]], 0.9)[0]!));
}

describe('readHeader', () => {
  it('places an amount column OCR left unnamed where the rows print a second amount past the unit price', () => {
    const rows = rowsOf(
      [
        [
          200,
          [
            [35, 'Referencia DESCRIPCIÓN'],
            [338, 'Cant. Unid.'],
            [433, 'P. Unitario'],
          ],
        ],
        [
          214,
          [
            [35, 'SRV-148'],
            [90, 'Mantenimiento mayor de cortadora'],
            [345, '3'],
            [371, 'SRV'],
            [433, '3.930.300'],
            [510, '11.790.900'],
          ],
        ],
        [
          236,
          [
            [35, 'SRV-728'],
            [90, 'Verificación de marcos y lizos'],
            [345, '1'],
            [371, 'SRV'],
            [433, '5.773.200'],
            [510, '5.773.200'],
          ],
        ],
        [
          258,
          [
            [35, 'REP-413'],
            [90, 'Correa dentada HTD 8M-1200'],
            [345, '6'],
            [371, 'Und'],
            [440, '222.000'],
            [510, '1.332.000'],
          ],
        ],
      ],
      0.9,
    );
    const header = readHeader(rows[0]!, rows.slice(1));
    expect(header?.columns.map((c) => c.kind)).toEqual([
      'code',
      'description',
      'quantity',
      'unit',
      'unitPrice',
      'amount',
    ]);
    // Only one amount per row (the price): no amount column is invented.
    const single = withItems(rows, [
      [35, 'SRV-1'],
      [90, 'Servicio'],
      [433, '3.930.300'],
    ]);
    expect(readHeader(single[0]!, single.slice(1))?.columns.map((c) => c.kind)).not.toContain('amount');
  });

  it('finds the unnamed amount column past a wrapped description and a row of specks', () => {
    const rows = rowsOf(
      [
        [
          200,
          [
            [39, 'Ref.'],
            [90, 'Descripción del servicio'],
            [421, 'Precio % IVA'],
          ],
        ],
        [
          211,
          [
            [39, 'SRV-138'],
            [90, 'Reparación de compresor Kaeser SK 25 por falla en'],
            [336, '2 Unidad'],
            [410, '2.694.200 19%'],
            [519, '5.388.400'],
          ],
        ],
        [229, [[90, 'rodamientos']]],
        [
          241,
          [
            [322, 'osa'],
            [428, 'ES'],
          ],
        ],
        [
          252,
          [
            [39, 'MO-451'],
            [90, 'Horas de técnico en sitio'],
            [332, '17 HR'],
            [419, '74.000 19%'],
            [518, '1.258.000'],
          ],
        ],
      ],
      0.9,
    );
    expect(readHeader(rows[0]!, rows.slice(1))?.columns.map((c) => c.kind)).toContain('amount');
  });

  it('makes a code column of a misread name between the description and the numbers, over codes', () => {
    const rows = rowsOf(
      [
        [
          124,
          [
            [46, 'Detalle'],
            [296, 'cues'],
            [357, 'Cant.'],
            [425, 'P. Unitario'],
            [513, 'Valor total'],
          ],
        ],
        [
          143,
          [
            [46, 'Horas de técnico en sitio'],
            [297, '001B'],
            [368, '4,00'],
            [423, '$69.100,00'],
            [504, '$276.400,00'],
          ],
        ],
        [
          164,
          [
            [46, 'Reparación de fisura en cilindros'],
            [297, '0025'],
            [368, '1,00'],
            [412, '$6.424.500,46'],
            [499, '$6.424.500,46'],
          ],
        ],
      ],
      0.9,
    );
    expect(readHeader(rows[0]!, rows.slice(1))?.columns.map((c) => c.kind)).toEqual([
      'description',
      'code',
      'quantity',
      'unitPrice',
      'amount',
    ]);
    // Without codes under it, the unmatched word makes no column.
    const plain = withItems(rows, [
      [46, 'Servicio técnico'],
      [368, '1,00'],
      [423, '$69.100,00'],
      [504, '$69.100,00'],
    ]);
    expect(readHeader(plain[0]!, plain.slice(1))?.columns.map((c) => c.kind)).not.toContain('code');
  });

  it('places a code column whose name OCR lost whole where the item rows print codes at one x', () => {
    const header = [
      [194, 'Concepto'],
      [433, 'Cant'],
      [473, 'Vr. Unitario'],
      [543, 'Valor total'],
    ] as [number, string][];
    const rows = rowsOf(
      [
        [108, header],
        [
          120,
          [
            [193, 'Reparación urgente de hilar Zinser fuera de'],
            [383, '33596'],
            [435, '9.00'],
            [480, '85,600.00'],
            [542, '770,400.00'],
          ],
        ],
        [132, [[194, 'servicio']]],
        [
          142,
          [
            [192, 'Atención de avería en sensores de'],
            [383, '56794'],
            [436, '1.00'],
            [470, '1,747,600.00'],
            [537, '1,747,600.00'],
          ],
        ],
      ],
      0.9,
    );
    expect(readHeader(rows[0]!, rows.slice(1))?.columns.map((c) => c.kind)).toEqual([
      'description',
      'code',
      'quantity',
      'unitPrice',
      'amount',
    ]);
    // Model numbers ending descriptions of different lengths do not line up: no code column.
    const models = rowsOf(
      [
        [108, header],
        [
          120,
          [
            [193, 'Mantenimiento de telar Toyota JAT810'],
            [435, '1.00'],
            [480, '85,600.00'],
            [542, '85,600.00'],
          ],
        ],
        [
          142,
          [
            [192, 'Revisión de compresor Kaeser SK25 y filtros DDL-8700'],
            [436, '1.00'],
            [470, '1,747,600.00'],
            [537, '1,747,600.00'],
          ],
        ],
      ],
      0.9,
    );
    expect(readHeader(models[0]!, models.slice(1))?.columns.map((c) => c.kind)).not.toContain('code');
  });

  it('places a quantity column whose name OCR lost where the item rows print counts right-aligned at one x', () => {
    const header = [
      [48, 'Cód'],
      [100, 'Concepto'],
      [365, 'Unid.'],
      [431, 'Precio unit.'],
      [511, 'Importe'],
    ] as [number, string][];
    const item = (
      y: number,
      code: string,
      text: string,
      count: string,
      unit: string,
      price: string,
      amount: string,
    ) =>
      [
        y,
        [
          [49, code],
          [100, text],
          [355 - count.length * 4.6, count],
          [374, unit],
          [436, price],
          [500, amount],
        ],
      ] as [number, [number, string][]];
    const rows = rowsOf(
      [
        [219, header],
        item(239, 'SRV-401', 'Rutina de inspección y lubricación de', '8,00', 'HH', '79.200', '633.600'),
        item(263, 'SRV-304', 'Revisión programada de quemador', '12,00', 'Und', '2.536.400', '30.436.800'),
        item(287, 'SRV-343', 'Medición de aislamiento y ajuste de', '1,00', 'Und', '1.531.900', '1.531.900'),
      ],
      0.9,
    );
    expect(readHeader(rows[0]!, rows.slice(1))?.columns.map((c) => c.kind)).toEqual([
      'code',
      'description',
      'quantity',
      'unit',
      'unitPrice',
      'amount',
    ]);
    // A number ending the description's own text ("compresor 8000") is no column.
    const free = rowsOf(
      [
        [219, header],
        [
          239,
          [
            [49, 'REP-272'],
            [100, 'Kit de mantenimiento compresor 8000'],
            [374, 'Und'],
            [436, '844.800'],
            [500, '844.800'],
          ],
        ],
        [
          263,
          [
            [49, 'REP-273'],
            [100, 'Kit de filtros compresor Atlas 8000'],
            [374, 'Und'],
            [436, '844.800'],
            [500, '844.800'],
          ],
        ],
      ],
      0.9,
    );
    expect(readHeader(free[0]!, free.slice(1))?.columns.map((c) => c.kind)).not.toContain('quantity');
  });

  it("starts the description column where the items' text starts when only the end of its name was read", () => {
    const rows = rowsOf(
      [
        [
          200,
          [
            [48, 'CANT. Unidad Referencia'],
            [237, 'servicio'],
            [463, 'V. Unit.'],
            [543, 'Subtotal'],
          ],
        ],
        [
          216,
          [
            [86, 'UND'],
            [116, '0018'],
            [171, 'Medición de aislamiento y ajuste de conexiones'],
            [441, '5.874.300,00'],
            [527, '5.874.300,00'],
          ],
        ],
        [
          238,
          [
            [89, 'HR'],
            [116, '0020'],
            [165, 'Plan de mantenimiento semestral'],
            [442, '110.000,22'],
            [534, '220.000,44'],
          ],
        ],
      ],
      0.9,
    );
    const description = readHeader(rows[0]!, rows.slice(1))?.columns.find((c) => c.kind === 'description');
    expect(description?.x0).toBeLessThan(166);
  });

  it("is a header with one numbers' name when two items follow within four rows, wrapped lines between", () => {
    const rows = rowsOf([
      [
        118,
        [
          [197, 'Descripción'],
          [385, 'ce'],
          [414, 'Unid'],
          [476, 'Valor'],
          [527, 'Subtotal'],
        ],
      ],
      [129, [[465, 'unitario']]],
      [
        144,
        [
          [197, 'Cambio de rodamiento en caldera'],
          [403, '3'],
          [415, 'UND'],
          [457, '5.515.700'],
          [519, '16.547.100'],
        ],
      ],
      [156, [[197, 'pirotubular 150 BHP']]],
      [
        172,
        [
          [197, 'Diagnóstico de falla eléctrica'],
          [404, '1'],
          [416, 'UND'],
          [457, '2.126.100'],
          [523, '2.126.100'],
        ],
      ],
    ]);
    expect(readHeader(rows[0]!, rows.slice(1, 4))).toBeNull();
    // The counts under the misread "ce" (for "Cant.") line up: the quantity column.
    expect(readHeader(rows[0]!, rows.slice(1, 5))?.columns.map((c) => c.kind)).toEqual([
      'description',
      'quantity',
      'unit',
      'amount',
      'amount',
    ]);
  });

  it('names columns in their usual spellings and OCR variants, left to right', async () => {
    expect(
      await headerOf([
        [40, 'Cód.'],
        [90, 'Descripción del servicio'],
        [300, 'Cant.'],
        [340, 'U/M'],
        [380, 'Vir. Unit.'],
        [480, 'Vir. Total'],
      ]),
    ).toEqual(['code', 'description', 'quantity', 'unit', 'unitPrice', 'amount']);
    expect(
      await headerOf([
        [40, 'Descripción'],
        [300, 'Cant.'],
        [380, 'Valor unitario'],
        [480, 'Vr. Tota'],
      ]),
    ).toEqual(['description', 'quantity', 'unitPrice', 'amount']);
    expect(
      await headerOf([
        [40, 'Detalle'],
        [300, 'Cant'],
        [340, 'UM.'],
        [480, 'Valor total'],
      ]),
    ).toEqual(['description', 'quantity', 'unit', 'amount']);
  });

  it('is not a header without a description column', async () => {
    expect(
      await headerOf([
        [40, 'Cant.'],
        [300, 'Valor total'],
      ]),
    ).toBeNull();
  });
});

describe('readHeader with a misread description name', () => {
  it('takes the one unmatched word among named columns as the description column', async () => {
    expect(
      await headerOf([
        [40, 'Ítem'],
        [70, 'Código'],
        [120, 'Dan'],
        [300, 'Cant'],
        [340, 'Und'],
        [380, 'P. Unitario'],
        [480, 'Valor'],
      ]),
    ).toEqual(['other', 'code', 'description', 'quantity', 'unit', 'unitPrice', 'amount']);
    // The description's name lost but for one letter, far left of the numbers' names.
    expect(
      await headerOf([
        [40, 'E'],
        [300, 'UM.'],
        [340, 'Cant.'],
        [400, 'Vr. Unitario'],
        [500, 'Valor total'],
      ]),
    ).toEqual(['description', 'unit', 'quantity', 'unitPrice', 'amount']);
    // Two unmatched runs: not a header we can trust.
    expect(
      await headerOf([
        [40, 'Cant'],
        [100, 'Dan'],
        [200, 'Und'],
        [260, 'xyz'],
        [380, 'P. Unitario'],
        [480, 'Valor'],
      ]),
    ).toBeNull();
  });

  it('places a description whose name OCR lost whole in the one wide gap between named columns', async () => {
    expect(
      await headerOf([
        [40, 'Ítem'],
        [62, 'Cantidad'],
        [104, 'UM'],
        [130, 'CÓDIGO'],
        [438, 'P. Unitario'],
        [525, 'Subtotal'],
      ]),
    ).toEqual(['other', 'quantity', 'unit', 'code', 'description', 'unitPrice', 'amount']);
    // Evenly spread names leave no gap that stands out: no description, no table.
    expect(
      await headerOf([
        [40, 'Código'],
        [160, 'Cant.'],
        [280, 'P. Unitario'],
        [420, 'Valor total'],
      ]),
    ).toBeNull();
  });

  it('ends a column name OCR boxed too wide where the next name starts', () => {
    const [header] = rowsOf(
      [
        [
          192,
          [
            [107, 'Código'],
            [155, 'Concepto'],
            [437, 'Vir. Unit.'],
            [523, 'Importe'],
          ],
        ],
      ],
      0.7,
    );
    // The OCR box of "Código" reached over "Concepto".
    const words = header!.words.map((w) => (w.text === 'Código' ? { ...w, x1: 197 } : w));
    const columns = readHeader(buildRow(words, 0, 0, 612, 792))?.columns ?? [];
    expect(columns.map((c) => c.kind)).toEqual(['code', 'description', 'unitPrice', 'amount']);
    expect(columns[0]!.x1).toBeLessThan(columns[1]!.x0);
  });
});

describe('readHeader with a column name misread by one letter', () => {
  const kinds = (cells: [number, string][]) =>
    readHeader(rowsOf([[100, cells]], 0.9)[0]!)?.columns.map((c) => c.kind) ?? null;

  it('repairs a long name two edits away ("Vi unitark" for "Vr. Unitario"), a short one only one', () => {
    const rows = rowsOf(
      [
        [
          120,
          [
            [93, 'Detalle'],
            [342, 'Cant.'],
            [414, 'Vi unitark'],
            [542, 'Vr. Total'],
          ],
        ],
      ],
      0.9,
    );
    expect(readHeader(rows[0]!)?.columns.map((c) => c.kind)).toEqual([
      'description',
      'quantity',
      'unitPrice',
      'amount',
    ]);
  });

  it('splits two column names OCR glued at the rule between them ("CANT.[Concepto")', () => {
    const rows = rowsOf(
      [
        [
          196,
          [
            [50, 'CANT.[Concepto'],
            [422, 'Vr. Unitario'],
            [539, 'Importe'],
          ],
        ],
      ],
      0.9,
    );
    expect(readHeader(rows[0]!)?.columns.map((c) => c.kind)).toEqual([
      'quantity',
      'description',
      'unitPrice',
      'amount',
    ]);
    // A word with a bracket that is no pair of names stays one word.
    const other = rowsOf(
      [
        [
          196,
          [
            [50, 'Nota[Concepto'],
            [422, 'Vr. Unitario'],
            [539, 'Importe'],
          ],
        ],
      ],
      0.9,
    );
    expect(readHeader(other[0]!)?.columns.map((c) => c.kind) ?? []).not.toContain('quantity');
  });

  it('repairs long names one edit away from a column name', () => {
    // The table's vertical rule read as a doubled letter; a letter misread inside the description's name.
    expect(
      kinds([
        [40, 'Concepto'],
        [380, 'P. Unitario'],
        [480, 'Vr. Totall'],
      ]),
    ).toEqual(['description', 'unitPrice', 'amount']);
    expect(
      kinds([
        [40, 'Desiripción del servicio'],
        [300, 'Unidad'],
        [380, 'Vir. Unit.'],
        [480, 'Importe'],
      ]),
    ).toEqual(['description', 'unit', 'unitPrice', 'amount']);
  });

  it('leaves rows of other words alone', () => {
    expect(
      kinds([
        [40, 'Conceptual'],
        [380, 'Locales'],
        [480, 'Totales'],
      ]),
    ).toBeNull();
  });
});

describe('readHeader: money columns whose names OCR lost', () => {
  /** An item row whose price and amount end (right-aligned) at x 474 and 557, like printed columns. */
  const priced = (y: number, lead: [number, string][], price: string, amount: string) =>
    [y, [...lead, [474 - price.length * 4.6, price], [557 - amount.length * 4.6, amount]]] as [
      number,
      [number, string][],
    ];
  const wrapped = (y: number, text: string) => [y, [[165, text]]] as [number, [number, string][]];

  it('places both from the item rows when the header names neither ("Vir. T"), past wrapped rows', () => {
    const rows = rowsOf(
      [
        [
          200,
          [
            [112, 'Cód.'],
            [165, 'Detalle'],
            [519, 'Vir. T'],
          ],
        ],
        // The first amount was split by OCR: it ends short of the column, and the other rows still place it.
        [
          214,
          [
            [112, '77520'],
            [165, 'Lubricación de cilindros de telar'],
            [432, '88.900,74'],
            [470, '1,422.41'],
            [520, '1,84'],
          ],
        ],
        wrapped(226, 'Dornier P1'),
        priced(
          240,
          [
            [112, '63135'],
            [165, 'Servicio técnico preventivo a telar'],
          ],
          '74.000,00',
          '999.000,00',
        ),
        wrapped(252, 'JAT810: inspección visual'),
        priced(
          266,
          [
            [112, '81808'],
            [165, 'Overhaul programado de frenos'],
          ],
          '69.900,00',
          '349.500,00',
        ),
        wrapped(278, 'seccional Benninger'),
        priced(
          292,
          [
            [112, '13039'],
            [165, 'Repuestos varios'],
          ],
          '212.100,00',
          '212.100,00',
        ),
      ],
      0.9,
    );
    const header = readHeader(rows[0]!, rows.slice(1));
    expect(header?.columns.map((c) => c.kind)).toEqual(['code', 'description', 'unitPrice', 'amount']);
    const price = header!.columns.find((c) => c.kind === 'unitPrice')!;
    expect(price.x1).toBeCloseTo(474, 0);
  });

  it('places the unit price from the item rows when only the amount is named', () => {
    const rows = rowsOf(
      [
        [
          200,
          [
            [60, 'Descripción'],
            [300, 'Cant.'],
            [510, 'Valor total'],
          ],
        ],
        priced(
          214,
          [
            [60, 'Rodamiento SKF 6205'],
            [305, '2'],
          ],
          '49.200,00',
          '98.400,00',
        ),
        priced(
          228,
          [
            [60, 'Pinza portatrama'],
            [305, '1'],
          ],
          '562.700,00',
          '562.700,00',
        ),
      ],
      0.9,
    );
    expect(readHeader(rows[0]!, rows.slice(1))?.columns.map((c) => c.kind)).toEqual([
      'description',
      'quantity',
      'unitPrice',
      'amount',
    ]);
  });

  it("takes no header from a wrapped item's last word over priced rows", () => {
    const rows = rowsOf(
      [
        wrapped(200, 'servicio'),
        priced(
          214,
          [
            [60, 'Manómetro 0-160 psi'],
            [385, '1'],
          ],
          '61.600,00',
          '61.600,00',
        ),
        priced(
          228,
          [
            [60, 'Repuestos varios'],
            [385, '1'],
          ],
          '89.300,00',
          '89.300,00',
        ),
        priced(
          242,
          [
            [60, 'Alquiler de equipo'],
            [385, '1'],
          ],
          '495.500,00',
          '495.500,00',
        ),
      ],
      0.9,
    );
    expect(readHeader(rows[0]!, rows.slice(1))).toBeNull();
  });
});
