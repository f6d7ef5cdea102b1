import { describe, expect, it } from 'vitest';
import { cleanName } from '../../../../src/stages/extract/fields/company-name.ts';
import { findParties } from '../../../../src/stages/extract/fields/parties.ts';
import { nitCheckDigit } from '../../../../src/stages/extract/fiscal-codes/tax-id.ts';
import { buildRow } from '../../../../src/stages/extract/page/layout.ts';
import { rowsOf } from '../rows-fixture.ts';

const nit = (base: string) => `${base}-${nitCheckDigit(base)}`;
const dottedNit = (base: string) =>
  `${base.slice(0, 3)}.${base.slice(3, 6)}.${base.slice(6)}-${nitCheckDigit(base)}`;

describe('findParties on OCR rows', () => {
  it('takes an undotted NIT whose label OCR garbled when its check digit verifies', () => {
    const rows = rowsOf(
      [
        [
          40,
          [
            [38, 'Térmicos Gómez S.A.S.'],
            [194, 'Facturado a:'],
          ],
        ],
        [51, [[194, 'HILANDERÍAS DEL VALLE S.A.S.']]],
        [
          59,
          [
            [38, `NIT: ${nit('892838007')}`],
            [195, 'CI0'],
            [219, `NUDO ${nit('869782445')}`],
          ],
        ],
      ],
      0.9,
    );
    const { supplier, customer } = findParties(rows);
    expect(supplier.taxId?.value).toBe(nit('892838007'));
    expect(customer.taxId?.value).toBe(nit('869782445'));
  });

  it('does not take a receipt footer\'s "Original - Cliente", its dash lost, for the customer\'s heading', () => {
    const rows = rowsOf(
      [
        [12, [[63, 'Servitécnicos S.A.S.']]],
        [24, [[68, `NIT: ${dottedNit('834366153')}`]]],
        [79, [[17, 'Factura electrónica No.: FVE-2025-86189']]],
        [124, [[10, 'Razón social: Estampados Montebello LTDA']]],
        [133, [[10, `NIT: ${dottedNit('904954639')}`]]],
        [
          409,
          [
            [67, 'Original'],
            [120, 'Cliente'],
          ],
        ],
      ],
      0.9,
    );
    const { supplier, customer } = findParties(rows);
    expect(supplier.taxId?.value).toBe(nit('834366153'));
    expect(customer.taxId?.value).toBe(nit('904954639'));
    expect(customer.name).toBe('Estampados Montebello LTDA');
  });

  it('joins a name wrapped over two rows with its legal form alone on a third, under a logo', () => {
    const rows = rowsOf(
      [
        [30, [[41, 'REPARACIONES ELECTROMECÁNICAS']]],
        [44, [[41, 'Reparaciones']]],
        [56, [[41, 'Electromecánicas del Valle']]],
        [68, [[41, 'S.A.S.']]],
        [84, [[41, `NIT: ${dottedNit('931891619')}`]]],
      ],
      0.9,
    );
    expect(findParties(rows).supplier.name).toBe('Reparaciones Electromecánicas del Valle S.A.S.');
  });

  it('finds the customer under headings OCR garbled ("Adgquiriente", "Facturado" without its "a")', () => {
    const grid = rowsOf(
      [
        [20, [[37, 'Reparaciones Textiles S.A.S.']]],
        [30, [[37, `NIT: ${dottedNit('834366153')}`]]],
        [
          131,
          [
            [41, 'Fecha factura'],
            [153, '14 de mayo de 2025'],
            [316, 'Adgquiriente'],
            [427, 'Tintorería Sabaneta LTDA'],
          ],
        ],
        [
          148,
          [
            [316, 'C.C./NIT'],
            [427, nit('915487138')],
          ],
        ],
      ],
      0.9,
    );
    expect(findParties(grid).customer.name).toBe('Tintorería Sabaneta LTDA');
    const receipt = rowsOf(
      [
        [12, [[63, 'Servitécnicos S.A.S.']]],
        [24, [[68, `NIT: ${dottedNit('834366153')}`]]],
        [
          154,
          [
            [15, 'Facturado'],
            [77, 'Textiles La Estrella S.A.S'],
          ],
        ],
        [164, [[15, `NIT: ${dottedNit('935422810')}`]]],
      ],
      0.9,
    );
    expect(findParties(receipt).customer.name).toBe('Textiles La Estrella S.A.S');
  });

  it('takes a name above its tax id whose legal form OCR read with a colon ("S:A.S")', () => {
    const rows = rowsOf(
      [
        [
          112,
          [
            [48, 'EMISOR'],
            [320, 'comrraDoR'],
          ],
        ],
        [
          127,
          [
            [48, 'Electrosur S.A.S.'],
            [320, 'Manufacturas Textiles El Retiro S:A.S'],
          ],
        ],
        [
          137,
          [
            [48, `NIT No.: ${nit('991110512')}`],
            [320, `NIT No.: ${nit('815258793')}`],
          ],
        ],
      ],
      0.9,
    );
    expect(findParties(rows).customer.name).toBe('Manufacturas Textiles El Retiro S.A.S');
  });

  it('reads "€:" in a name as its ampersand, not as a heading\'s colon', () => {
    const rows = rowsOf(
      [
        [
          39,
          [
            [39, 'Tecnoservicios Hurtado €: Cía. Ltda.'],
            [410, 'Factura de venta electrónica'],
          ],
        ],
        [59, [[40, `NIT. ${dottedNit('800317264')}`]]],
      ],
      0.9,
    );
    expect(findParties(rows).supplier.name).toBe('Tecnoservicios Hurtado & Cía. Ltda.');
  });

  it('joins a name OCR split by a gap above its id, and a name wrapped back under its heading', () => {
    const split = rowsOf(
      [
        [
          45,
          [
            [49, 'Suministros'],
            [129, 'Integrales JR S.A.S.'],
          ],
        ],
        [60, [[49, `NIT: ${nit('966946998')}`]]],
      ],
      0.9,
    );
    expect(findParties(split).supplier.name).toBe('Suministros Integrales JR S.A.S.');
    const hanging = rowsOf(
      [
        [7, [[32, 'MANTENIMIENTOS TÉCNICOS RIVERA SAS']]],
        [21, [[71, `Nit: ${dottedNit('835401606')}`]]],
        [
          152,
          [
            [13, 'Adquiriente:'],
            [75, 'Manufacturas Textiles'],
          ],
        ],
        [162, [[13, 'Montebello S.A.S.']]],
        [172, [[13, `Nit: ${dottedNit('832738042')}`]]],
      ],
      0.9,
    );
    expect(findParties(hanging).customer.name).toBe('Manufacturas Textiles Montebello S.A.S.');
  });

  it('leaves an unlabelled number with a wrong check digit alone', () => {
    const wrong = `869782445-${(nitCheckDigit('869782445') + 1) % 10}`;
    const rows = rowsOf(
      [
        [
          40,
          [
            [38, 'Térmicos Gómez S.A.S.'],
            [194, 'Facturado a:'],
          ],
        ],
        [
          59,
          [
            [38, `NIT: ${nit('892838007')}`],
            [219, `Pedido ${wrong}`],
          ],
        ],
      ],
      0.9,
    );
    expect(findParties(rows).customer.taxId).toBeNull();
  });

  it('trusts a computed check digit less than a printed one', () => {
    const rows = rowsOf(
      [
        [
          40,
          [
            [38, 'Térmicos Gómez S.A.S.'],
            [300, 'Cliente:'],
          ],
        ],
        [
          52,
          [
            [38, `NIT: ${nit('892838007')}`],
            [300, 'NIT: 869782445 -'],
          ],
        ],
      ],
      0.9,
    );
    const { supplier, customer } = findParties(rows);
    expect(customer.taxId).toMatchObject({ value: nit('869782445'), computed: true });
    expect(customer.taxIdScore).toBeLessThan(supplier.taxIdScore);
  });

  it('finds a name wrapped over two rows right above its tax id when the heading was not read', () => {
    const rows = rowsOf(
      [
        [38, [[43, 'Reparaciones Técnicas y Cía. S.A.S']]],
        [66, [[43, `NIT: ${nit('817679206')}`]]],
        [
          145,
          [
            [47, 'Fecha de expedición 18-ago-2026'],
            [410, 'Hilados y Tejidos'],
          ],
        ],
        [157, [[409, 'Montebello LTDA']]],
        [
          174,
          [
            [47, 'Orden de compra No.'],
            [152, 'OC-2805'],
            [305, 'NIT/CC'],
            [410, dottedNit('869710990')],
          ],
        ],
      ],
      0.9,
    );
    const { supplier, customer } = findParties(rows);
    expect(customer.taxId?.value).toBe(nit('869710990'));
    expect(customer.name).toBe('Hilados y Tejidos Montebello LTDA');
    expect(supplier.name).toBe('Reparaciones Técnicas y Cía. S.A.S');
  });

  it('joins a name wrapped over two rows whose taller accented word sets its box higher', () => {
    const rows = rowsOf(
      [
        [48, [[40, 'Tecnología Electromecánicas']]],
        [58, [[40, 'Rivera Ltda.']]],
        [69, [[40, `NIT: ${nit('915681869')}`]]],
      ],
      0.9,
    );
    // OCR's boxes take in the "g" and the accents: 8.6 px on the first word, 6.4 on the next row.
    rows[0]!.words[0]!.y1 = rows[0]!.words[0]!.y0 + 8.6;
    rows[0]!.words[1]!.y1 = rows[0]!.words[1]!.y0 + 6.8;
    for (const w of rows[1]!.words) w.y1 = w.y0 + 6.4;
    expect(findParties(rows).supplier.name).toBe('Tecnología Electromecánicas Rivera Ltda.');
  });

  it('compares type sizes letter by letter: descenders and capitals do not make a row look larger', () => {
    const rows = rowsOf(
      [
        [45, [[36, 'REPARACIONES INTEGRALES']]],
        [60, [[36, 'Reparaciones Integrales de']]],
        [69, [[36, 'Colombia LTDA']]],
        [80, [[37, `NIT: ${nit('910400527')}`]]],
      ],
      0.9,
    );
    const heights = [
      [6.5, 6.1],
      [6.5, 6.5, 5.0],
      [5.0, 4.7],
    ];
    heights.forEach((row, r) => {
      row.forEach((h, k) => {
        rows[r]!.words[k]!.y1 = rows[r]!.words[k]!.y0 + h;
      });
    });
    expect(findParties(rows).supplier.name).toBe('Reparaciones Integrales de Colombia LTDA');
  });

  it('joins a centred name whose legal form wrapped alone under it, and never takes the form alone', () => {
    const rows = rowsOf(
      [
        [10, [[21, 'SUMINISTROS ELECTROMECÁNICOS DEL NORTE']]],
        [25, [[98, 'S.A.S.']]],
        [
          35,
          [
            [74, 'NIT:'],
            [99, nit('937460675')],
          ],
        ],
      ],
      0.9,
    );
    expect(findParties(rows).supplier.name).toBe('SUMINISTROS ELECTROMECÁNICOS DEL NORTE S.A.S.');
    const formOnly = rowsOf(
      [
        [10, [[300, 'Factura electrónica']]],
        [25, [[98, 'S.A.S.']]],
        [
          35,
          [
            [74, 'NIT:'],
            [99, nit('937460675')],
          ],
        ],
      ],
      0.9,
    );
    expect(findParties(formOnly).supplier.name).not.toBe('S.A.S.');
  });

  it('reads customer headings whose first letter OCR lost or misread', () => {
    const rows = rowsOf(
      [
        [20, [[40, 'Montajes Integrales Rivera S.A.S.']]],
        [30, [[40, `NIT: ${nit('890687643')}`]]],
        [
          100,
          [
            [31, 'PRESTADOR DEL SERVICIO'],
            [315, 'RACTURADO A'],
          ],
        ],
        [
          117,
          [
            [31, 'Montajes Integrales Rivera S.A.S.'],
            [315, 'Manufacturas Textiles Sabaneta S.A.S.'],
          ],
        ],
        [144, [[16, 'eñor (es) Hilados y Tejidos Río Negro S.A.']]],
      ],
      0.9,
    );
    const { customer } = findParties(rows);
    expect(customer.name).toBe('Manufacturas Textiles Sabaneta S.A.S.');
    expect(cleanName('eñor (es) Hilados y Tejidos Río Negro S.A.')).toBe('Hilados y Tejidos Río Negro S.A.');
  });

  it("gives the id beside the customer's, under a heading OCR lost, to the issuer", () => {
    const rows = rowsOf(
      [
        [18, [[32, 'PROYECTOS HIDRÁULICOS']]],
        [91, [[36, 'COMPRADOR']]],
        [
          101,
          [
            [36, 'HILANDERÍAS RÍO NEGRO S.A.S.'],
            [312, 'PROYECTOS HIDRÁULICOS DEL CARIBE S.A.S.'],
          ],
        ],
        [
          120,
          [
            [36, `NIT.:${nit('836220921')}`],
            [312, `NIT.:${nit('930560046')}`],
          ],
        ],
      ],
      0.9,
    );
    const { supplier, customer } = findParties(rows);
    expect(customer.taxId?.value).toBe(nit('836220921'));
    expect(supplier.taxId?.value).toBe(nit('930560046'));
  });

  it('drops accents Spanish spelling forbids from names OCR read, never from a text layer', () => {
    const spec: [number, [number, string][]][] = [
      [20, [[40, 'Electrómotores Itagüí S.A.S.']]],
      [30, [[40, `NIT: ${nit('890687643')}`]]],
    ];
    expect(findParties(rowsOf(spec, 0.9)).supplier.name).toBe('Electromotores Itagüí S.A.S.');
    expect(findParties(rowsOf(spec)).supplier.name).toBe('Electrómotores Itagüí S.A.S.');
  });

  it('takes the name under a heading of a grid, not the next heading OCR garbled', () => {
    const rows = rowsOf(
      [
        [20, [[40, 'Montajes Integrales Rivera S.A.S.']]],
        [30, [[40, `NIT: ${nit('890687643')}`]]],
        [
          109,
          [
            [41, 'SEÑORES'],
            [302, 'Servicio'],
            [433, 'CIUDAD'],
          ],
        ],
        [
          118,
          [
            [41, 'Estampados Guayabal S.A.S.'],
            [302, nit('901143723')],
            [433, 'Rionegro, Antioquia'],
          ],
        ],
      ],
      0.9,
    );
    expect(findParties(rows).customer.name).toBe('Estampados Guayabal S.A.S.');
  });

  it('finds the customer name after a heading OCR garbled, and a name centred over its block', () => {
    const garbled = rowsOf(
      [
        [13, [[27, 'REPARACIONES INTEGRALES ANDINOS LTDA']]],
        [24, [[83, `Nit: ${dottedNit('936544294')}`]]],
        [133, [[15, 'Adgquirente: Hilanderías Santa Rita SAS']]],
        [143, [[15, `Nit: ${dottedNit('832360267')}`]]],
      ],
      0.9,
    );
    expect(findParties(garbled).customer.name).toBe('Hilanderías Santa Rita SAS');
    const centred = rowsOf(
      [
        [11, [[86, 'Tecnimaq S.A.S']]],
        [23, [[77, `Nit No. ${dottedNit('935053521')}`]]],
        [152, [[58, 'HILANDERÍAS RÍO NEGRO S.A.']]],
        [163, [[15, `Nit No. ${dottedNit('939149197')}`]]],
      ],
      0.9,
    );
    expect(findParties(centred).customer.name).toBe('HILANDERÍAS RÍO NEGRO S.A.');
  });

  it('does not prepend the logo printed over the issuer name', () => {
    const words = rowsOf([[30, [[40, 'SERVITÉCNICOS']]]]);
    // The logo is set in larger type than the name under it.
    for (const w of words[0]!.words) w.y1 = w.y0 + 16;
    const rows = [
      words[0]!,
      ...rowsOf([
        [50, [[40, 'Servitécnicos SAS']]],
        [62, [[40, `NIT: ${nit('805823365')}`]]],
      ]).map((r) => ({ ...r, order: r.order + 1 })),
    ];
    expect(findParties(rows).supplier.name).toBe('Servitécnicos SAS');
  });

  it('does not take the customer name, printed large under its own heading, for the issuer', () => {
    const rows = rowsOf([
      [44, [[42, 'Mantenimientos Textiles Andinos SAS']]],
      [58, [[200, `C.C./NIT ${dottedNit('969329719')}`]]],
      [
        136,
        [
          [304, 'RAZÓN SOCIAL'],
          [408, 'Estampados El Cóndor S.A.S'],
        ],
      ],
      [
        148,
        [
          [304, 'C.C./NIT'],
          [408, dottedNit('804424617')],
        ],
      ],
    ]);
    for (const w of rows[2]!.words) if (w.x0 >= 408) w.y1 = w.y0 + 14;
    const { supplier, customer } = findParties(rows);
    expect(customer.name).toBe('Estampados El Cóndor S.A.S');
    expect(supplier.name).toBe('Mantenimientos Textiles Andinos SAS');
  });

  it('reads a customer heading that shares a cell with the logo beside it', () => {
    const rows = rowsOf([
      [
        38,
        [
          [70, 'PROYECTOS TÉRMICOS'],
          [180, 'Facturar a:'],
        ],
      ],
      [49, [[180, 'Hilados y Tejidos Montebello S.A.S']]],
      [
        59,
        [
          [24, 'Protermic SAS'],
          [180, `NIT No.: ${nit('963319494')}`],
        ],
      ],
      [72, [[24, `NIT: ${nit('939910183')}`]]],
    ]);
    // The logo is set in type four times as tall as the heading; the row keeps them in one cell.
    const logo = rows[0]!.words.map((w) => (w.x0 < 170 ? { ...w, y1: w.y0 + 25 } : w));
    rows[0] = buildRow(logo, 0, 0, 612, 792);
    expect(rows[0].cells).toHaveLength(1);
    const { supplier, customer } = findParties(rows);
    expect(customer).toMatchObject({
      name: 'Hilados y Tejidos Montebello S.A.S',
      taxId: { value: nit('963319494') },
    });
    expect(supplier.taxId?.value).toBe(nit('939910183'));
  });
});
