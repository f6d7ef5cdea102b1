import { alphanumeric, amount, digits, isoDate, NONE, type QrFacts, round, urlParameter } from './facts.ts';

/**
 * Colombia's DIAN: the QR prints `Key: value` lines (NumFac, FecFac, NitFac, DocAdq, ValFac, ValIva, ValOtroIm,
 * ValTolFac, CUFE, QRCode) or only its lookup URL with the CUFE.
 */
export function parseDian(payload: string): QrFacts | null {
  return parseDianFields(payload) ?? parseDianUrl(payload);
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
  const key = cufe(urlParameter(payload, 'documentkey'));
  return key ? { ...NONE, authority: 'dian', cufe: key } : null;
}

function cufe(value: string | null | undefined): string | null {
  const cleaned = (value ?? '').trim().toLowerCase();
  return /^[0-9a-f]{96}$/.test(cleaned) ? cleaned : null;
}
