/**
 * What a tax authority's code says about an invoice: a QR code or barcode printed on it (decoded by the read
 * stage), or an access key printed in its text. Every authority's parser maps its payload to this one shape;
 * fields the code does not carry are null (or absent, for the optional ones).
 */
export interface QrFacts {
  authority: FiscalAuthority;
  /** Letters and digits as the authority records them (DIAN: prefix and number without separators). */
  number: string | null;
  /** ISO date. */
  issueDate: string | null;
  /** As the code carries them (DIAN's NIT usually without its check digit; RFC, NIF, CNPJ as letters and digits). */
  supplierTaxId: string | null;
  customerTaxId: string | null;
  subtotal: number | null;
  /** All taxes: DIAN's IVA plus its "other taxes". */
  tax: number | null;
  total: number | null;
  /** The authority's id of the document: DIAN's CUFE, SAT's UUID (folio fiscal), Brazil's access key. */
  cufe: string | null;
  currency: string | null;
  /** `YYYY-MM` when the code tells the month of issue but not the day (Brazil's access key). */
  issueMonth?: string | null;
  /** The series when the code carries it apart from the number (NF-e, TicketBAI, SUNAT). */
  series?: string | null;
  /** Where the facts come from: a decoded symbol (the default) or a key found in the page's text. */
  origin?: 'symbol' | 'printed';
}

export type FiscalAuthority = 'dian' | 'afip' | 'sat' | 'verifactu' | 'ticketbai' | 'sunat' | 'sefaz' | 'sii';

export const NONE: Omit<QrFacts, 'authority'> = {
  number: null,
  issueDate: null,
  supplierTaxId: null,
  customerTaxId: null,
  subtotal: null,
  tax: null,
  total: null,
  cufe: null,
  currency: null,
};

export function urlParameter(url: string, name: string): string | null {
  try {
    return new URL(url.trim()).searchParams.get(name);
  } catch {
    return null;
  }
}

/** The URL's parameters with case-folded names (authorities differ in case: `chNFe`, `chnfe`). */
export function urlParameters(url: string): Map<string, string> {
  const out = new Map<string, string>();
  try {
    for (const [key, value] of new URL(url.trim()).searchParams) out.set(key.toLowerCase(), value);
  } catch {
    // Not a URL: no parameters.
  }
  return out;
}

export function alphanumeric(value: string | null | undefined): string | null {
  const cleaned = (value ?? '').replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return cleaned === '' ? null : cleaned;
}

export function digits(value: string | null | undefined): string | null {
  const cleaned = (value ?? '').replace(/\D/g, '');
  return cleaned === '' || /^0+$/.test(cleaned) ? null : cleaned;
}

export function integer(value: unknown): number | null {
  const n = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** The codes write amounts with a dot for decimals and no grouping (CFDI 3.3 pads them with zeros). */
export function amount(value: string | null | undefined): number | null {
  if (value === undefined || value === null || !/^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) return null;
  return round(Number(value));
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** An ISO date from `YYYY-MM-DD…`, or from day, month and year given apart; null when not a real date. */
export function isoDate(value: string | null | undefined): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec((value ?? '').trim());
  return match ? dateOf(match[1]!, match[2]!, match[3]!) : null;
}

export function dateOf(year: string, month: string, day: string): string | null {
  const text = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : text;
}

/** `dd-mm-yyyy` or `dd/mm/yyyy` (Spain's and Peru's codes). */
export function dayFirstDate(value: string | null | undefined): string | null {
  const match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec((value ?? '').trim());
  return match ? dateOf(match[3]!, match[2]!, match[1]!) : isoDate(value);
}
