import { headerFieldValue } from '../../../contract/fields.ts';
import type { Invoice } from '../../../contract/result.ts';
import type { ReviewField } from '../../../ports/review.ts';

/** Reads and writes one reviewable field of an invoice by its output-contract name. */
export function getField(invoice: Invoice, field: ReviewField): string | number | null {
  return headerFieldValue(invoice, field);
}

export function setField(invoice: Invoice, field: ReviewField, value: string | number | null): void {
  const text = value === null ? null : String(value);
  switch (field) {
    case 'supplierName':
      invoice.supplier.name = text;
      return;
    case 'supplierTaxId':
      invoice.supplier.taxId = text;
      return;
    case 'customerName':
      invoice.customer.name = text;
      return;
    case 'customerTaxId':
      invoice.customer.taxId = text;
      return;
    case 'subtotal':
    case 'tax':
    case 'withholdings':
    case 'total':
      invoice[field] = typeof value === 'number' ? value : null;
      return;
    default:
      invoice[field] = text;
  }
}
