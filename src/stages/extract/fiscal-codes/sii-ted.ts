import { XMLParser } from 'fast-xml-parser';
import { isoDate, NONE, type QrFacts } from './facts.ts';
import { rutIsValid } from './tax-ids.ts';

/** DTE types that are invoices or notes: facturas (33, 34, 46), boletas (39, 41), notas de débito y crédito. */
const DOCUMENT_TYPES = new Set(['33', '34', '39', '41', '46', '56', '61']);

// Entities and DOCTYPEs are left as text: a timbre has none, and a hostile payload gets nothing expanded.
const parser = new XMLParser({
  ignoreAttributes: true,
  processEntities: false,
  parseTagValue: false,
  trimValues: true,
});

/**
 * Chile's timbre electrónico (SII), printed as a PDF417 barcode: the TED XML, whose DD element carries RE (the
 * issuer's RUT), TD (document type), F (folio), FE (date of issue), RR (the receiver's RUT) and MNT (total, in
 * pesos, no decimals).
 */
export function parseSiiTed(payload: string): QrFacts | null {
  if (!/<TED\b/.test(payload) || !/<DD\b/.test(payload)) return null;
  let data: unknown;
  try {
    data = parser.parse(payload);
  } catch {
    return null;
  }
  const dd = (data as { TED?: { DD?: Record<string, unknown> } }).TED?.DD;
  if (!dd || typeof dd !== 'object') return null;
  const text = (name: string) => (typeof dd[name] === 'string' ? (dd[name] as string).trim() : '');
  if (!DOCUMENT_TYPES.has(text('TD')) || !/^\d{1,10}$/.test(text('F'))) return null;
  const total = /^\d{1,18}$/.test(text('MNT')) ? Number(text('MNT')) : null;
  return {
    ...NONE,
    authority: 'sii',
    number: text('F'),
    issueDate: isoDate(text('FE')),
    supplierTaxId: rut(text('RE')),
    customerTaxId: rut(text('RR')),
    total,
    currency: 'CLP',
  };
}

/** `76086428-5` as printed; null unless it verifies. */
function rut(value: string): string | null {
  const match = /^(\d{6,8})-?([\dkK])$/.exec(value.replace(/\./g, ''));
  if (!match) return null;
  const normalised = `${match[1]}-${match[2]!.toUpperCase()}`;
  return rutIsValid(normalised.replace('-', '')) ? normalised : null;
}
