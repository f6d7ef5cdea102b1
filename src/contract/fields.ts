import type { Invoice } from './result.ts';

/**
 * The invoice's header fields by their output-contract name: the keys of a result's `confidence` and
 * `provenance`, the fields a person can correct on the review screen. Party fields are flattened
 * (`supplierTaxId` is `invoice.supplier.taxId`).
 */
export const HEADER_FIELDS = [
  'number',
  'cufe',
  'issueDate',
  'dueDate',
  'purchaseOrder',
  'supplierName',
  'supplierTaxId',
  'customerName',
  'customerTaxId',
  'currency',
  'subtotal',
  'tax',
  'withholdings',
  'total',
] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

/** A header field's value in an invoice, by its contract name. */
export function headerFieldValue(invoice: Invoice, field: HeaderField): string | number | null {
  switch (field) {
    case 'supplierName':
      return invoice.supplier.name;
    case 'supplierTaxId':
      return invoice.supplier.taxId;
    case 'customerName':
      return invoice.customer.name;
    case 'customerTaxId':
      return invoice.customer.taxId;
    default:
      return invoice[field];
  }
}
