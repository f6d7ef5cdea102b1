import { amount, NONE, type QrFacts, urlParameters } from './facts.ts';

/**
 * Mexico's CFDI (SAT) QR: the verification URL
 * `https://verificacfdi.facturaelectronica.sat.gob.mx/default.aspx?id=<UUID>&re=<RFC emisor>&rr=<RFC receptor>
 * &tt=<total>&fe=<last 8 of the seal>`. CFDI 3.3 pads the total (`tt=0000006075.780000`), 4.0 writes it plain;
 * CFDI 3.2 codes were `?re=…&rr=…&tt=…&id=…` without the host. The code carries neither series and folio nor
 * the date; its UUID is the folio fiscal.
 */
export function parseSatCfdi(payload: string): QrFacts | null {
  const text = payload.trim();
  const isUrl = /sat\.gob\.mx/i.test(text);
  const parameters = isUrl
    ? urlParameters(text)
    : urlParameters(`https://sat.gob.mx/?${text.replace(/^\?/, '')}`);
  const uuid = (parameters.get('id') ?? '').trim().toUpperCase();
  if (!/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/.test(uuid)) return null;
  const re = rfc(parameters.get('re'));
  if (!isUrl && re === null) return null;
  return {
    ...NONE,
    authority: 'sat',
    cufe: uuid,
    supplierTaxId: re,
    customerTaxId: rfc(parameters.get('rr')),
    total: amount(parameters.get('tt')),
  };
}

/** An RFC as the code writes it (`&` and `Ñ` included); null when not of an RFC's shape. */
function rfc(value: string | undefined): string | null {
  const cleaned = (value ?? '').trim().toUpperCase();
  return /^[A-ZÑ&]{3,4}\d{6}[A-Z\d]{3}$/.test(cleaned) ? cleaned : null;
}
