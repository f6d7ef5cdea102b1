import { parseVerifactu } from './aeat-verifactu.ts';
import { parseAfip } from './afip.ts';
import { parseDian } from './dian.ts';
import type { QrFacts } from './facts.ts';
import { parseSatCfdi } from './sat-cfdi.ts';
import { accessKeyFacts, findAccessKeys, parseSefaz } from './sefaz-key.ts';
import { parseSiiTed } from './sii-ted.ts';
import { parseSunat } from './sunat.ts';
import { parseTicketBai } from './ticketbai.ts';

export type FiscalCodeParser = (payload: string) => QrFacts | null;

/**
 * Every tax authority's code this service reads, tried in turn on a decoded payload; each parser returns null
 * for another authority's code, so the order only matters for speed (commonest first).
 */
export const FISCAL_CODE_PARSERS: readonly FiscalCodeParser[] = [
  parseDian,
  parseAfip,
  parseSatCfdi,
  parseSefaz,
  parseVerifactu,
  parseTicketBai,
  parseSunat,
  parseSiiTed,
];

/** The facts of a decoded QR code or barcode, or null when no authority's parser knows it. */
export function parseFiscalCode(payload: string): QrFacts | null {
  for (const parse of FISCAL_CODE_PARSERS) {
    const facts = parse(payload);
    if (facts) return facts;
  }
  return null;
}

/**
 * The facts of a fiscal key printed in a page's text (Brazil's 44-digit access key): the first that verifies,
 * or null.
 */
export function printedKeyFacts(text: string): QrFacts | null {
  const key = findAccessKeys(text)[0];
  return key ? { ...accessKeyFacts(key), origin: 'printed' } : null;
}
