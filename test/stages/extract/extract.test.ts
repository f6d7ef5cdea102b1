import { describe, expect, it } from 'vitest';
import type { Word } from '../../../src/contract/document.ts';
import { invoiceSchema } from '../../../src/contract/result.ts';
import { extractInvoice } from '../../../src/stages/extract/extract.ts';
import { nitCheckDigit } from '../../../src/stages/extract/fiscal-codes/tax-id.ts';
import { toReadDocument } from '../../../src/stages/read/document-text.ts';
import { groupIntoRows } from '../../../src/stages/read/rows.ts';
import { readHandMadePdf, row } from './pdf-fixture.ts';

const nit = (base: string) => `${base}-${nitCheckDigit(base)}`;
const dotted = (base: string) => `${base.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}-${nitCheckDigit(base)}`;
const CUFE = 'a1b2c3d4'.repeat(12);

describe('extractInvoice on hand-made Colombian invoices', () => {
  it('reads labels beside their values, a two-page table without a repeated header, and withholdings', async () => {
    const document = await readHandMadePdf([
      [
        { x: 40, y: 36, text: 'Servitécnicos Industriales Ltda.', size: 14, bold: true },
        ...row(56, [[40, `NIT: ${dotted('900123456')}`]]),
        ...row(70, [[40, 'Calle 10 # 20-30, Medellín']]),
        ...row(36, [[330, 'FACTURA ELECTRÓNICA DE VENTA No. FE-1234']]),
        ...row(52, [[330, 'Fecha de emisión: 15 de marzo de 2026']]),
        ...row(66, [[330, 'Fecha de vencimiento: 14/04/2026']]),
        ...row(80, [[330, 'Orden de compra: OC-4589']]),
        ...row(120, [
          [40, 'Señores:'],
          [120, 'Textiles Río Negro S.A.S.'],
        ]),
        ...row(134, [
          [40, 'NIT:'],
          [120, dotted('890900123')],
        ]),
        ...row(170, [
          [40, 'Código'],
          [100, 'Descripción'],
          [330, 'Cant.'],
          [370, 'Und'],
          [420, 'Vr. Unitario'],
          [520, 'Vr. Total'],
        ]),
        ...row(186, [
          [40, 'SRV-101'],
          [100, 'Mantenimiento preventivo de telar'],
          [345, '1', 'right'],
          [370, 'UND'],
          [470, '1.234.567,89', 'right'],
          [560, '1.234.567,89', 'right'],
        ]),
        ...row(197, [[100, 'Picanol OptiMax según plan anual']]),
        ...row(212, [
          [40, 'REP-202'],
          [100, 'Rodamiento SKF 6205-2RS'],
          [345, '4', 'right'],
          [370, 'UND'],
          [470, '45.400,00', 'right'],
          [560, '181.600,00', 'right'],
        ]),
        ...row(760, [[500, 'Página 1 de 2']]),
      ],
      [
        ...row(60, [
          [40, 'MO-303'],
          [100, 'Mano de obra técnico electromecánico'],
          [345, '3', 'right'],
          [370, 'HR'],
          [470, '80.000,00', 'right'],
          [560, '240.000,00', 'right'],
        ]),
        ...row(100, [
          [380, 'Subtotal:'],
          [560, '$ 1.656.167,89', 'right'],
        ]),
        ...row(114, [
          [380, 'IVA (19%):'],
          [560, '$ 314.671,90', 'right'],
        ]),
        ...row(128, [
          [380, 'Total factura:'],
          [560, '$ 1.970.839,79', 'right'],
        ]),
        ...row(142, [
          [380, 'Retención en la fuente 2,5%:'],
          [560, '-$ 41.404,20', 'right'],
        ]),
        ...row(156, [
          [380, 'Neto a pagar:'],
          [560, '$ 1.929.435,59', 'right'],
        ]),
        ...row(190, [[40, `CUFE: ${CUFE}`]], 6),
      ],
    ]);
    const { invoice, confidence, validation } = extractInvoice(document);
    expect(invoiceSchema.parse(invoice)).toEqual(invoice);
    expect(invoice).toMatchObject({
      number: 'FE-1234',
      cufe: CUFE,
      issueDate: '2026-03-15',
      dueDate: '2026-04-14',
      purchaseOrder: 'OC-4589',
      supplier: { name: 'Servitécnicos Industriales Ltda.', taxId: nit('900123456') },
      customer: { name: 'Textiles Río Negro S.A.S.', taxId: nit('890900123') },
      currency: 'COP',
      subtotal: 1656167.89,
      tax: 314671.9,
      withholdings: 41404.2,
      total: 1970839.79,
    });
    expect(invoice.lines).toEqual([
      {
        code: 'SRV-101',
        description: 'Mantenimiento preventivo de telar Picanol OptiMax según plan anual',
        quantity: 1,
        unit: 'UND',
        unitPrice: 1234567.89,
        amount: 1234567.89,
      },
      {
        code: 'REP-202',
        description: 'Rodamiento SKF 6205-2RS',
        quantity: 4,
        unit: 'UND',
        unitPrice: 45400,
        amount: 181600,
      },
      {
        code: 'MO-303',
        description: 'Mano de obra técnico electromecánico',
        quantity: 3,
        unit: 'HR',
        unitPrice: 80000,
        amount: 240000,
      },
    ]);
    expect(validation).toEqual({ ok: true, issues: [] });
    for (const field of [
      'number',
      'issueDate',
      'total',
      'subtotal',
      'tax',
      'supplierTaxId',
      'customerTaxId',
      'lines',
    ]) {
      expect(confidence[field], field).toBeGreaterThan(0.85);
    }
  });

  it('reads a label-over-value grid, side-by-side party blocks and international number format', async () => {
    const document = await readHandMadePdf([
      [
        { x: 40, y: 30, text: 'COMPRESORES Y EQUIPOS', size: 20, bold: true },
        ...row(100, [
          [40, 'FACTURA DE VENTA No.'],
          [200, 'FECHA'],
          [300, 'VENCE'],
          [400, 'O.C. No.'],
        ]),
        ...row(112, [
          [40, 'FV 00123'],
          [200, '2026-01-05'],
          [300, '2026-02-04'],
          [400, '4500012345'],
        ]),
        ...row(140, [
          [40, 'EMISOR'],
          [320, 'CLIENTE'],
        ]),
        ...row(152, [
          [40, 'Compresores y Equipos S.A.S.'],
          [320, 'Lanas La Garza LTDA'],
        ]),
        ...row(164, [
          [40, `NIT ${nit('901555888')}`],
          [320, `NIT ${nit('830111222')}`],
        ]),
        ...row(176, [
          [40, 'Moneda: USD'],
          [320, 'Medellín, Antioquia'],
        ]),
        ...row(210, [
          [40, 'Descripción del servicio'],
          [300, 'Cantidad'],
          [390, 'Precio unit.'],
          [500, 'Total'],
        ]),
        ...row(226, [
          [40, 'Calibración de sensores'],
          [340, '2.00', 'right'],
          [440, '1,250.50', 'right'],
          [530, '2,501.00', 'right'],
        ]),
        ...row(240, [
          [40, 'Horas de técnico en sitio'],
          [340, '10.00', 'right'],
          [440, '45.00', 'right'],
          [530, '450.00', 'right'],
        ]),
        ...row(280, [
          [300, 'SUBTOTAL'],
          [400, 'IVA 19%'],
          [500, 'TOTAL'],
        ]),
        ...row(292, [
          [340, '2,951.00', 'right'],
          [440, '560.69', 'right'],
          [530, '3,511.69', 'right'],
        ]),
      ],
    ]);
    const { invoice, validation } = extractInvoice(document);
    expect(invoice).toMatchObject({
      number: 'FV 00123',
      issueDate: '2026-01-05',
      dueDate: '2026-02-04',
      purchaseOrder: '4500012345',
      supplier: { name: 'Compresores y Equipos S.A.S.', taxId: nit('901555888') },
      customer: { name: 'Lanas La Garza LTDA', taxId: nit('830111222') },
      currency: 'USD',
      subtotal: 2951,
      tax: 560.69,
      withholdings: null,
      total: 3511.69,
      cufe: null,
    });
    expect(invoice.lines.map((l) => [l.description, l.quantity, l.unitPrice, l.amount])).toEqual([
      ['Calibración de sensores', 2, 1250.5, 2501],
      ['Horas de técnico en sitio', 10, 45, 450],
    ]);
    expect(validation.issues).toEqual([]);
  });

  it('reports what does not add up instead of fixing it', async () => {
    const document = await readHandMadePdf([
      [
        { x: 40, y: 30, text: 'Taller Eléctrico del Sur S.A.S.', size: 14 },
        ...row(50, [
          [40, `NIT: ${dotted('900123456').replace(/-\d$/, `-${(nitCheckDigit('900123456') + 1) % 10}`)}`],
        ]),
        ...row(50, [[330, 'Factura No. TE-77']]),
        ...row(64, [[330, 'Fecha: 02/02/2026']]),
        ...row(100, [
          [40, 'Descripción'],
          [300, 'Cant.'],
          [390, 'Vr. Unitario'],
          [500, 'Vr. Total'],
        ]),
        ...row(116, [
          [40, 'Rebobinado de motor'],
          [320, '1', 'right'],
          [440, '500.000', 'right'],
          [540, '500.000', 'right'],
        ]),
        ...row(130, [
          [40, 'Contactor tripolar'],
          [320, '2', 'right'],
          [440, '100.000', 'right'],
          [540, '210.000', 'right'],
        ]),
        ...row(170, [
          [380, 'Subtotal'],
          [540, '700.000', 'right'],
        ]),
        ...row(184, [
          [380, 'IVA 19%'],
          [540, '133.000', 'right'],
        ]),
        ...row(198, [
          [380, 'Total a pagar'],
          [540, '900.000', 'right'],
        ]),
      ],
    ]);
    const { invoice, validation, confidence } = extractInvoice(document);
    expect(invoice.lines[1]).toMatchObject({ quantity: 2, unitPrice: 100000, amount: 210000 });
    expect(invoice.total).toBe(900000);
    expect(validation.ok).toBe(false);
    expect(validation.issues).toEqual(
      expect.arrayContaining([
        'line_2_amount_mismatch',
        'lines_do_not_sum_to_subtotal',
        'subtotal_plus_tax_not_total',
        'supplier_nit_check_digit_invalid',
      ]),
    );
    expect(confidence.total).toBeLessThan(0.9);
  });

  it('reads OCR-damaged words (look-alike letters, low confidence) through the same rows', () => {
    const words: Word[] = [];
    // Words laid out left to right as tesseract would box them (about 4.6 pt per character at 9 pt).
    const put = (x: number, y: number, text: string, confidence = 0.72) => {
      let cursor = x;
      for (const token of text.split(' ')) {
        const x1 = cursor + token.length * 4.6;
        words.push({ text: token, x0: cursor, x1, y0: y, y1: y + 9, confidence });
        cursor = x1 + 2.5;
      }
    };
    put(40, 30, 'Induvapor S.A.S.');
    put(40, 44, `NIT: ${dotted('901234567').replace(/0/g, 'O')}`);
    put(330, 30, 'Factura electrónica de venta No. SETP99OOOO12');
    put(330, 44, 'Fecha de expedición: 2O26-O3-15');
    put(40, 80, 'Cliente:');
    put(120, 80, 'Hilanderías La Estrella S.A.S.');
    put(40, 94, 'NIT:');
    put(120, 94, dotted('860000123'));
    put(40, 130, 'Descripción');
    put(320, 130, 'Cant.');
    put(400, 130, 'Valor unitario');
    put(500, 130, 'Valor total');
    put(40, 146, 'Lubricación de urdidora');
    put(325, 146, '2');
    put(400, 146, '1.25O.OOO');
    put(500, 146, '2.5OO.OOO');
    put(380, 190, 'Subtotal:');
    put(500, 190, '2.5OO.OOO');
    put(380, 204, 'IVA 19%:');
    put(500, 204, '475.OOO');
    put(380, 218, 'Total:');
    put(500, 218, '2.975.OOO');
    const document = toReadDocument([
      { index: 0, width: 612, height: 792, source: 'ocr', lines: groupIntoRows(words), deskewDegrees: 0.4 },
    ]);
    const { invoice, confidence, validation } = extractInvoice(document);
    expect(invoice).toMatchObject({
      number: 'SETP99000012',
      issueDate: '2026-03-15',
      supplier: { taxId: nit('901234567') },
      customer: { name: 'Hilanderías La Estrella S.A.S.', taxId: nit('860000123') },
      subtotal: 2500000,
      tax: 475000,
      total: 2975000,
    });
    expect(invoice.lines).toEqual([
      {
        code: null,
        description: 'Lubricación de urdidora',
        quantity: 2,
        unit: null,
        unitPrice: 1250000,
        amount: 2500000,
      },
    ]);
    expect(validation.issues).toEqual([]);
    // OCR confidence caps the confidence of what was read.
    expect(confidence.total).toBeLessThan(0.9);
    expect(confidence.total).toBeGreaterThan(0.5);
  });

  it('returns nulls, not guesses, for a page without invoice data', async () => {
    const document = await readHandMadePdf([[...row(100, [[40, 'Acta de entrega de equipos reparados']])]]);
    const { invoice, validation } = extractInvoice(document);
    expect(invoice).toMatchObject({
      number: null,
      issueDate: null,
      total: null,
      supplier: { taxId: null },
      lines: [],
    });
    expect(validation.issues).toEqual(
      expect.arrayContaining(['missing_number', 'missing_total', 'missing_issue_date']),
    );
  });
});
