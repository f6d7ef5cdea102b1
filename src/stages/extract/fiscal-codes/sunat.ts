import { amount, dayFirstDate, NONE, type QrFacts } from './facts.ts';
import { rucIsValid } from './tax-ids.ts';

/** SUNAT's document types that are invoices or notes: factura, boleta, nota de crédito, nota de débito. */
const DOCUMENT_TYPES = new Set(['01', '03', '07', '08']);

/**
 * Peru's SUNAT QR: fields separated by pipes — issuer RUC | document type | series | number | IGV | total |
 * date of issue | buyer's document type | buyer's document number | [digest value | signature] — the
 * buyer's document being a RUC (type 6), a DNI (1) or another. The issuer's RUC must verify.
 */
export function parseSunat(payload: string): QrFacts | null {
  const fields = payload
    .trim()
    .split('|')
    .map((f) => f.trim());
  if (fields.length < 7) return null;
  const [ruc, type, series, sequence, igv, total, date, , buyer] = fields;
  if (!rucIsValid(ruc!) || !DOCUMENT_TYPES.has(type!) || !/^[A-Z\d]{4}$/i.test(series!)) return null;
  if (!/^\d{1,8}$/.test(sequence!)) return null;
  const buyerId = (buyer ?? '').replace(/\D/g, '');
  return {
    ...NONE,
    authority: 'sunat',
    // SUNAT's print form: the series, a dash, the number as issued.
    number: `${series!.toUpperCase()}-${sequence}`,
    series: series!.toUpperCase(),
    issueDate: dayFirstDate(date),
    supplierTaxId: ruc!,
    customerTaxId: buyerId === '' || /^0+$/.test(buyerId) ? null : buyerId,
    tax: amount(igv),
    total: amount(total),
    currency: null,
  };
}
