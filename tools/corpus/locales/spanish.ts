import { MONTHS } from '../format.ts';
import type { LineDraft } from '../services.ts';
import { ES_CO_WORDS } from './es-co.ts';
import type { LayoutWords, LocaleColumns, LocaleLabels } from './types.ts';

/** What Spain, Mexico and Argentina share; each locale overrides its own words. */
export const SPANISH_MONTHS = MONTHS;

export const SPANISH_WORDS: LayoutWords = {
  ...ES_CO_WORDS,
  taxRegime: ['Inscrita en el Registro Mercantil', 'Régimen general', 'Sujeto pasivo'],
  buyerTitles: ['CLIENTE', 'DESTINATARIO', 'DATOS DEL CLIENTE'],
  billTo: ['Cliente', 'Facturar a'],
  taglines: [
    'Mantenimiento industrial y recambios',
    'Servicio técnico para la industria textil',
    'Ingeniería y montajes industriales',
  ],
  thanks: ['Gracias por su confianza', 'Original - Cliente'],
  spellsAmount: false,
};

export const SPANISH_LABELS: LocaleLabels = {
  title: ['FACTURA', 'Factura', 'FACTURA ORIGINAL'],
  number: ['Nº Factura', 'Número de factura', 'Factura Nº', 'Nº', 'Número'],
  issueDate: ['Fecha de expedición', 'Fecha factura', 'Fecha de emisión', 'Fecha'],
  dueDate: ['Vencimiento', 'Fecha de vencimiento', 'Vence'],
  purchaseOrder: ['Pedido', 'Nº Pedido', 'Su pedido', 'Orden de compra'],
  taxId: ['NIF'],
  customer: ['Cliente', 'Facturar a', 'Datos del cliente'],
  supplier: ['Emisor', 'Proveedor'],
  paymentTerms: ['Forma de pago', 'Condiciones de pago'],
  remarks: ['Observaciones', 'Notas'],
  subtotal: ['Base imponible', 'Subtotal', 'Importe neto'],
  tax: ['IVA'],
  total: ['Total', 'Importe total', 'Total factura', 'TOTAL A PAGAR'],
};

export const SPANISH_COLUMNS: LocaleColumns = {
  code: ['Código', 'Ref.', 'Referencia'],
  description: ['Concepto', 'Descripción', 'Artículo'],
  quantity: ['Cantidad', 'Cant.', 'Uds.'],
  unit: ['Unidad', 'Ud.', 'UM'],
  unitPrice: ['Precio', 'Precio unit.', 'Precio unitario'],
  amount: ['Importe', 'Total', 'Importe neto'],
};

export const SPANISH_UNITS: Record<LineDraft['unit'], string[]> = {
  service: ['ud', 'Ud.', 'SERV'],
  piece: ['ud', 'Ud.', 'pza'],
  hour: ['h', 'Hora', 'Horas'],
  gallon: ['l', 'L', 'litros'],
  kilo: ['kg', 'Kg'],
  box: ['caja', 'Caja'],
  global: ['global', 'GLB'],
  trip: ['viaje', 'Viaje'],
};
