/**
 * What a tax authority's QR code says about an invoice: see fiscal-codes/ (one parser per authority and the
 * registry that tries them).
 */
export type { FiscalAuthority, QrFacts } from '../fiscal-codes/facts.ts';
export { parseFiscalCode as parseQrPayload } from '../fiscal-codes/registry.ts';
