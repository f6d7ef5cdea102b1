import type { ReviewField } from '../../ports/review.ts';
import { issueName } from '../dashboard/format.ts';

/** Spanish names of the fields and of the reasons a document is in the queue. */
export const FIELD_NAMES: Record<ReviewField, string> = {
  number: 'Número',
  issueDate: 'Fecha de emisión',
  dueDate: 'Vencimiento',
  purchaseOrder: 'Orden de compra',
  cufe: 'CUFE',
  supplierName: 'Proveedor',
  supplierTaxId: 'NIT del proveedor',
  customerName: 'Cliente',
  customerTaxId: 'NIT del cliente',
  currency: 'Moneda',
  subtotal: 'Subtotal',
  tax: 'Impuestos',
  withholdings: 'Retenciones',
  total: 'Total',
};

const WHY_NAMES = {
  review: 'En Revisión',
  validation: 'No cuadra',
  low_confidence: 'Confianza baja',
} as const;

export function whyName(why: keyof typeof WHY_NAMES): string {
  return WHY_NAMES[why];
}

const FIELD_REASON = /^(\w+?)_(missing|unsure|learned_unconfirmed)$/;

export function reasonName(reason: string): string {
  if (reason === 'class_unsure') return 'Clase dudosa';
  if (reason === 'not_extracted') return 'No se extrajeron datos';
  const match = FIELD_REASON.exec(reason);
  const field = match?.[1] as ReviewField | undefined;
  if (match && field && field in FIELD_NAMES) {
    const name = FIELD_NAMES[field];
    if (match[2] === 'missing') return `Falta: ${name}`;
    if (match[2] === 'unsure') return `Dudoso: ${name}`;
    return `${name} aprendido sin confirmar`;
  }
  return issueName(reason);
}
