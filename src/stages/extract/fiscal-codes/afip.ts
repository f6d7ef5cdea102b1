import { amount, digits, integer, isoDate, NONE, type QrFacts, round, urlParameter } from './facts.ts';

/** AFIP's currency codes (tabla de monedas) for the currencies invoices here use. */
const AFIP_CURRENCIES: Record<string, string> = { PES: 'ARS', DOL: 'USD', '060': 'EUR', '012': 'BRL' };

/**
 * Argentina's AFIP (ARCA): a URL whose `p` parameter is base64 JSON (fecha, cuit, ptoVta, nroCmp, importe,
 * moneda, nroDocRec…).
 */
export function parseAfip(payload: string): QrFacts | null {
  if (!/afip\.gob\.ar|arca\.gob\.ar/i.test(payload)) return null;
  const encoded = urlParameter(payload, 'p');
  if (!encoded) return null;
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const pointOfSale = integer(data.ptoVta);
  const sequence = integer(data.nroCmp);
  const currency =
    typeof data.moneda === 'string' ? (AFIP_CURRENCIES[data.moneda.trim().toUpperCase()] ?? null) : null;
  return {
    ...NONE,
    authority: 'afip',
    // AFIP's own print form: point of sale in 5 digits, then the voucher number in 8.
    number:
      pointOfSale !== null && sequence !== null
        ? `${String(pointOfSale).padStart(5, '0')}-${String(sequence).padStart(8, '0')}`
        : null,
    issueDate: isoDate(typeof data.fecha === 'string' ? data.fecha : undefined),
    supplierTaxId: digits(data.cuit === undefined ? undefined : String(data.cuit)),
    customerTaxId: Number(data.nroDocRec) > 0 ? digits(String(data.nroDocRec)) : null,
    total: typeof data.importe === 'number' ? round(data.importe) : amount(String(data.importe ?? '')),
    currency,
  };
}
