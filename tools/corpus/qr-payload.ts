import type { InvoiceData } from './invoice-data.ts';

/** What the QR code of a DIAN e-invoice carries: every field (Resolución 000165/2023) or only the lookup URL. */
export type QrPayloadKind = 'full' | 'url';

export const DIAN_QR_URL = 'https://catalogo-vpfe.dian.gov.co/document/searchqr?documentkey=';

/** The invoice facts the QR payload is made of, already in the form the payload prints them. */
export interface QrFacts {
  number: string;
  issueDate: string;
  /** 24-hour `HH:MM:SS`; the payload adds Colombia's UTC offset. */
  issueTime: string;
  supplierTaxId: string;
  customerTaxId: string;
  subtotal: number;
  tax: number;
  total: number;
  cufe: string;
}

/** A tax id as the payload wants it: the digits before the check digit. */
function taxIdDigits(taxId: string): string {
  return (taxId.split('-')[0] ?? '').replace(/\D/g, '');
}

/** `Key: value` lines as DIAN prints them; some issuing software encodes only the lookup URL. */
export function dianQrPayload(facts: QrFacts, kind: QrPayloadKind): string {
  const url = `${DIAN_QR_URL}${facts.cufe}`;
  if (kind === 'url') return url;
  return [
    `NumFac: ${facts.number.replace(/[^0-9A-Za-z]/g, '')}`,
    `FecFac: ${facts.issueDate}`,
    `HorFac: ${facts.issueTime}-05:00`,
    `NitFac: ${taxIdDigits(facts.supplierTaxId)}`,
    `DocAdq: ${taxIdDigits(facts.customerTaxId)}`,
    `ValFac: ${facts.subtotal.toFixed(2)}`,
    `ValIva: ${facts.tax.toFixed(2)}`,
    'ValOtroIm: 0.00',
    `ValTolFac: ${facts.total.toFixed(2)}`,
    `CUFE: ${facts.cufe}`,
    `QRCode: ${url}`,
  ].join('\n');
}

/**
 * The printed issue time ("10:32:15", "3:05 p. m.") in 24-hour `HH:MM:SS`, or null when there is none to
 * read, so that the payload agrees with the page.
 */
export function clockTime(printed: string | null): string | null {
  const match = printed?.match(/^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?/);
  if (!match) return null;
  let hour = Number(match[1]);
  if (match[4] === 'p' && hour < 12) hour += 12;
  if (match[4] === 'a' && hour === 12) hour = 0;
  return `${String(hour).padStart(2, '0')}:${match[2]}:${match[3] ?? '00'}`;
}

/** The payload facts of an invoice with a CUFE; `issueTime` is the printed time or one drawn by the caller. */
export function qrFacts(data: InvoiceData & { cufe: string }, issueTime: string): QrFacts {
  return {
    number: data.number,
    issueDate: data.issueDate,
    issueTime,
    supplierTaxId: data.supplier.taxId,
    customerTaxId: data.customer.taxId,
    subtotal: data.subtotal,
    tax: data.tax,
    total: data.total,
    cufe: data.cufe,
  };
}
