/**
 * What a tax authority's QR code says about an invoice. Colombia's DIAN prints `Key: value` lines (NumFac,
 * FecFac, NitFac, DocAdq, ValFac, ValIva, ValOtroIm, ValTolFac, CUFE, QRCode) or only its lookup URL with the
 * CUFE; Argentina's AFIP prints a URL whose `p` parameter is base64 JSON (fecha, cuit, ptoVta, nroCmp,
 * importe, moneda, nroDocRec…). Fields the code does not carry are null.
 */
export interface QrFacts {
  authority: 'dian' | 'afip';
  /** Letters and digits as the authority records them (DIAN: prefix and number without separators). */
  number: string | null;
  /** ISO date. */
  issueDate: string | null;
  /** Digits only, as the code carries them (DIAN's NIT usually without its check digit). */
  supplierTaxId: string | null;
  customerTaxId: string | null;
  subtotal: number | null;
  /** All taxes: DIAN's IVA plus its "other taxes". */
  tax: number | null;
  total: number | null;
  cufe: string | null;
  currency: string | null;
}

const NONE: Omit<QrFacts, 'authority'> = {
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

/** AFIP's currency codes (tabla de monedas) for the currencies invoices here use. */
const AFIP_CURRENCIES: Record<string, string> = { PES: 'ARS', DOL: 'USD', '060': 'EUR', '012': 'BRL' };

export function parseQrPayload(payload: string): QrFacts | null {
  return parseDianFields(payload) ?? parseDianUrl(payload) ?? parseAfipUrl(payload);
}

function parseDianFields(payload: string): QrFacts | null {
  const fields = new Map<string, string>();
  for (const line of payload.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z]+)\s*[:=]\s*(.*?)\s*$/.exec(line);
    if (match) fields.set(match[1]!.toLowerCase(), match[2]!);
  }
  if (!fields.has('numfac') && !fields.has('cufe')) return null;
  const iva = amount(fields.get('valiva'));
  const others = amount(fields.get('valotroim'));
  return {
    ...NONE,
    authority: 'dian',
    number: alphanumeric(fields.get('numfac')),
    issueDate: isoDate(fields.get('fecfac')),
    supplierTaxId: digits(fields.get('nitfac')),
    customerTaxId: digits(fields.get('docadq')),
    subtotal: amount(fields.get('valfac')),
    tax: iva === null ? null : round(iva + (others ?? 0)),
    total: amount(fields.get('valtolfac') ?? fields.get('valtotfac')),
    cufe: cufe(fields.get('cufe')) ?? cufe(urlParameter(fields.get('qrcode') ?? '', 'documentkey')),
  };
}

function parseDianUrl(payload: string): QrFacts | null {
  if (!/dian\.gov\.co/i.test(payload)) return null;
  const key = cufe(urlParameter(payload.trim(), 'documentkey'));
  return key ? { ...NONE, authority: 'dian', cufe: key } : null;
}

function parseAfipUrl(payload: string): QrFacts | null {
  if (!/afip\.gob\.ar/i.test(payload)) return null;
  const encoded = urlParameter(payload.trim(), 'p');
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

function urlParameter(url: string, name: string): string | null {
  try {
    return new URL(url).searchParams.get(name);
  } catch {
    return null;
  }
}

function alphanumeric(value: string | undefined): string | null {
  const cleaned = (value ?? '').replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return cleaned === '' ? null : cleaned;
}

function digits(value: string | undefined): string | null {
  const cleaned = (value ?? '').replace(/\D/g, '');
  return cleaned === '' || /^0+$/.test(cleaned) ? null : cleaned;
}

function integer(value: unknown): number | null {
  const n = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** The codes write amounts with a dot for decimals and no grouping. */
function amount(value: string | undefined): number | null {
  if (value === undefined || !/^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) return null;
  return round(Number(value));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function isoDate(value: string | undefined): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec((value ?? '').trim());
  if (!match) return null;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== match[0] ? null : match[0];
}

function cufe(value: string | null | undefined): string | null {
  const cleaned = (value ?? '').trim().toLowerCase();
  return /^[0-9a-f]{96}$/.test(cleaned) ? cleaned : null;
}
