import type { AmountStyle, DateStyle } from './format.ts';
import { ES_CO_WORDS } from './locales/es-co.ts';
import type { LayoutWords, NationalIdKind } from './locales/types.ts';
import type { NitStyle } from './nit.ts';
import type { Random } from './random.ts';

/** The wording and number formats of one invoice, chosen independently of its layout. */
export interface PrintStyle {
  amount: AmountStyle;
  date: DateStyle;
  /** Month names for long dates; Spanish when absent. */
  months?: readonly string[];
  nit: NitStyle;
  /** Another country's tax id and the printed form (`formatNationalId`); a Colombian NIT when absent. */
  taxId?: { kind: NationalIdKind; variant: number };
  /** Fixed words the layouts print (addresses, page numbers, headings). */
  words: LayoutWords;
  quantityDecimals: boolean;
  /** Time printed after the issue date ("10:32:15", "3:05 p. m."), or null. */
  issueTime: string | null;
  /** How withholdings (amounts subtracted) are printed: `-$ 1.234` or `($ 1.234)`. */
  negative: 'minus' | 'parens';
  /** Text put between a label and its value: `Fecha: …` or `Fecha …`. */
  colon: string;
  font: 'helvetica' | 'times' | 'courier';
  baseSize: number;
  upperCaseLabels: boolean;
  labels: {
    title: string;
    number: string;
    issueDate: string;
    dueDate: string;
    purchaseOrder: string;
    nit: string;
    customer: string;
    supplier: string;
    paymentTerms: string;
    cufe: string;
    remarks: string;
    subtotal: string;
    tax: string;
    total: string;
    grossTotal: string;
    net: string;
    retefuente: string;
    reteica: string;
    reteiva: string;
  };
  columns: {
    code: string;
    description: string;
    quantity: string;
    unit: string;
    unitPrice: string;
    amount: string;
  };
}

function issueTime(rng: Random): string {
  const hour = rng.int(7, 18);
  const minute = String(rng.int(0, 59)).padStart(2, '0');
  if (rng.chance(0.5))
    return `${String(hour).padStart(2, '0')}:${minute}:${String(rng.int(0, 59)).padStart(2, '0')}`;
  return `${hour > 12 ? hour - 12 : hour}:${minute} ${hour >= 12 ? 'p. m.' : 'a. m.'}`;
}

export function chooseStyle(rng: Random, options: { cents: boolean; currency: string }): PrintStyle {
  const numbers = options.currency === 'USD' || rng.chance(0.15) ? 'intl' : 'co';
  const amount: AmountStyle = {
    numbers,
    cents: options.cents,
    symbol:
      options.currency === 'USD'
        ? rng.pick(['code-before', 'code-after', 'none'] as const)
        : rng.weighted([
            ['dollar-space', 4],
            ['dollar', 3],
            ['none', 3],
            ['code-before', 1],
            ['code-after', 1],
          ] as const),
  };
  const upper = rng.chance(0.2);
  const labels = {
    title: rng.pick([
      'FACTURA ELECTRÓNICA DE VENTA',
      'Factura electrónica de venta',
      'FACTURA DE VENTA',
      'Factura de venta',
      'FACTURA ELECTRÓNICA',
    ]),
    number: rng.pick([
      'No.',
      'Factura de venta No.',
      'FACTURA ELECTRÓNICA DE VENTA No.',
      'Número',
      'Factura No.',
      'N°',
      'Nro.',
      'No. de factura',
      'Factura electrónica No.',
      'Consecutivo',
    ]),
    issueDate: rng.pick([
      'Fecha de emisión',
      'Fecha',
      'Fecha de expedición',
      'Expedición',
      'Fecha factura',
      'Fecha emisión',
      'Fecha y hora de expedición',
      'Fecha de generación',
    ]),
    dueDate: rng.pick([
      'Vence',
      'Fecha de vencimiento',
      'Vencimiento',
      'Fecha vencimiento',
      'Fecha límite de pago',
      'Fecha de pago',
    ]),
    purchaseOrder: rng.pick([
      'Orden de compra',
      'O.C. No.',
      'Pedido',
      'No. Pedido',
      'Orden de compra No.',
      'OC',
    ]),
    nit: rng.pick(['NIT', 'Nit.', 'NIT/CC', 'C.C./NIT', 'NIT', 'Nit', 'Nit No.', 'NIT No.']),
    customer: rng.pick([
      'Cliente',
      'Señor(es)',
      'Adquiriente',
      'Adquirente',
      'Señores',
      'Facturado a',
      'Razón social',
    ]),
    supplier: rng.pick(['Vendedor', 'Emisor', 'Prestador del servicio', 'Proveedor']),
    paymentTerms: rng.pick(['Forma de pago', 'Condición de pago', 'Medio de pago', 'Plazo']),
    cufe: rng.pick(['CUFE', 'CUFE:', 'Código único de factura (CUFE)']).replace(/:$/, ''),
    remarks: rng.pick(['Observaciones', 'Notas', 'Comentarios', 'Observación']),
    subtotal: rng.pick(['Subtotal', 'Sub-total', 'Valor bruto', 'Total bruto', 'Subtotal antes de IVA']),
    tax: rng.pick(['IVA', 'I.V.A.', 'Impuesto IVA', 'IVA', 'Total IVA']),
    total: rng.pick(['Total', 'Total a pagar', 'TOTAL FACTURA', 'Valor total', 'Total factura']),
    grossTotal: rng.pick(['Total factura', 'Total', 'Valor total factura', 'Total bruto factura']),
    net: rng.pick(['Neto a pagar', 'Valor a pagar', 'Total a pagar', 'Neto a pagar']),
    retefuente: rng.pick(['ReteFuente', 'Retención en la fuente', 'Rete Fuente', 'Retefuente']),
    reteica: rng.pick(['ReteICA', 'Rete ICA', 'Retención ICA']),
    reteiva: rng.pick(['ReteIVA', 'Rete IVA', 'Retención de IVA']),
  };
  if (upper) {
    for (const key of Object.keys(labels) as (keyof typeof labels)[]) labels[key] = labels[key].toUpperCase();
  }
  return {
    amount,
    date: rng.weighted([
      ['dmy-slash', 5],
      ['iso', 3],
      ['long', 2],
      ['dmy-abbrev', 1.5],
      ['month-first', 1],
      ['dmy-dash', 1],
    ] as const),
    nit: rng.pick(['dotted', 'plain', 'spaced', 'dotted'] as const),
    quantityDecimals: rng.chance(0.3),
    issueTime: rng.chance(0.15) ? issueTime(rng) : null,
    negative: rng.chance(0.3) ? 'parens' : 'minus',
    colon: rng.pick([':', ':', ':', '']),
    font: rng.weighted([
      ['helvetica', 5],
      ['times', 2],
      ['courier', 1],
    ] as const),
    baseSize: rng.pick([7.5, 8, 8.5, 9, 9.5]),
    upperCaseLabels: upper,
    words: ES_CO_WORDS,
    labels,
    columns: {
      code: rng.pick(['Código', 'Cód.', 'Ref.', 'Referencia', 'CÓDIGO']),
      description: rng.pick([
        'Descripción',
        'Detalle',
        'Concepto',
        'Descripción del servicio',
        'DESCRIPCIÓN',
      ]),
      quantity: rng.pick(['Cant.', 'Cantidad', 'Cant', 'CANT.']),
      unit: rng.pick(['Und', 'U.M.', 'Unidad', 'UM', 'Unid.']),
      unitPrice: rng.pick([
        'Vr. Unitario',
        'Valor unitario',
        'Precio',
        'Precio unit.',
        'V. Unit.',
        'Vlr. Unit.',
        'P. Unitario',
      ]),
      amount: rng.pick(['Vr. Total', 'Valor total', 'Importe', 'Total', 'Valor', 'Vlr. Total', 'Subtotal']),
    },
  };
}
