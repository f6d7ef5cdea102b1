import { amount, dateOf, isoDate, NONE, type QrFacts, urlParameters } from './facts.ts';
import { cnpjIsValid, cpfIsValid } from './tax-ids.ts';

/** IBGE codes of Brazil's states, the key's first two digits. */
const STATES = new Set([
  11, 12, 13, 14, 15, 16, 17, 21, 22, 23, 24, 25, 26, 27, 28, 29, 31, 32, 33, 35, 41, 42, 43, 50, 51, 52, 53,
]);
/** Models whose key has this layout and that are invoices or freight bills: NF-e, NFC-e, CT-e, CT-e OS. */
const MODELS = new Set(['55', '65', '57', '67']);

export interface AccessKey {
  key: string;
  state: string;
  /** `YYYY-MM`. */
  issueMonth: string;
  /** The issuer's CNPJ (or CPF, padded with three zeros in the key). */
  issuerId: string | null;
  model: string;
  series: string;
  number: string;
}

/** The check digit of a key's 43 first digits: modulo 11, weights 2..9 from the right, 0 for 10 and 11. */
export function accessKeyCheckDigit(first43: string): number {
  let sum = 0;
  for (let i = 0; i < first43.length; i++) sum += Number(first43[first43.length - 1 - i]) * (2 + (i % 8));
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

/**
 * Brazil's 44-digit access key (chave de acesso) of an NF-e, NFC-e or CT-e: cUF(2) AAMM(4) CNPJ(14) mod(2)
 * série(3) nNF(9) tpEmis(1) cNF(8) cDV(1). Null unless the check digit verifies and the state, month and
 * model are real.
 */
export function decodeAccessKey(text: string): AccessKey | null {
  const key = text.replace(/[\s.]/g, '');
  if (!/^\d{44}$/.test(key) || accessKeyCheckDigit(key.slice(0, 43)) !== Number(key[43])) return null;
  const month = Number(key.slice(4, 6));
  const model = key.slice(20, 22);
  if (!STATES.has(Number(key.slice(0, 2))) || month < 1 || month > 12 || !MODELS.has(model)) return null;
  const id = key.slice(6, 20);
  const issuerId = cnpjIsValid(id)
    ? id
    : id.startsWith('000') && cpfIsValid(id.slice(3))
      ? id.slice(3)
      : null;
  return {
    key,
    state: key.slice(0, 2),
    issueMonth: `20${key.slice(2, 4)}-${key.slice(4, 6)}`,
    issuerId,
    model,
    series: String(Number(key.slice(22, 25))),
    number: String(Number(key.slice(25, 34))),
  };
}

/** The facts an access key alone gives. */
export function accessKeyFacts(key: AccessKey): QrFacts {
  return {
    ...NONE,
    authority: 'sefaz',
    number: key.number,
    series: key.series,
    supplierTaxId: key.issuerId,
    cufe: key.key,
    issueMonth: key.issueMonth,
    currency: 'BRL',
  };
}

/**
 * The QR of an NFC-e, NF-e or CT-e: a state portal's URL whose `p` parameter starts with the key (version 2:
 * `p=<key>|2|<env>|…`, offline `p=<key>|2|<env>|<day>|<total>|…`), or whose `chNFe`/`chCTe` parameter is the key
 * (version 1, with `vNF`, `cDest` and the hex-encoded `dhEmi`).
 */
export function parseSefaz(payload: string): QrFacts | null {
  const parameters = urlParameters(payload);
  const p = (parameters.get('p') ?? '').split('|');
  const key =
    decodeAccessKey(p[0] ?? '') ?? decodeAccessKey(parameters.get('chnfe') ?? parameters.get('chcte') ?? '');
  if (!key) return null;
  const facts = accessKeyFacts(key);
  // Offline version 2 carries the day of issue and the total; version 1 the total, buyer and date.
  if (p.length >= 8) {
    facts.total = amount(p[4]);
    facts.issueDate = /^\d{2}$/.test(p[3] ?? '') ? dateOf(...monthParts(key.issueMonth), p[3]!) : null;
  }
  const total = amount(parameters.get('vnf'));
  if (total !== null) facts.total = total;
  const buyer = (parameters.get('cdest') ?? '').replace(/\D/g, '');
  if (cnpjIsValid(buyer) || cpfIsValid(buyer)) facts.customerTaxId = buyer;
  const issued = hexText(parameters.get('dhemi'));
  if (issued) facts.issueDate = isoDate(issued);
  return facts;
}

function monthParts(month: string): [string, string] {
  return [month.slice(0, 4), month.slice(5, 7)];
}

/** Version 1 codes write the date of issue as the hex of its ASCII text. */
function hexText(value: string | undefined): string | null {
  if (!value || !/^(?:[0-9a-f]{2})+$/i.test(value)) return null;
  return Buffer.from(value, 'hex').toString('latin1');
}

/**
 * Access keys printed in a page's text: 44 digits, alone or in groups (`3520 0159 5943 …`, eleven groups of four
 * as DANFEs print them). The pattern is linear: fixed-length digit groups with at most a few separators
 * between them. Only keys whose check digit verifies are returned.
 */
/**
 * The invoice numbers of 44-digit runs shaped like an access key (a real state, month and model) whose check
 * digit fails: a key OCR misread in a digit or two. Such a key proves nothing, but a number read elsewhere
 * on the page that differs from its number field is worth a person's look.
 */
export function unverifiedKeyNumbers(text: string): string[] {
  const numbers: string[] = [];
  for (const key of keyRuns(text)) {
    if (decodeAccessKey(key)) continue;
    const month = Number(key.slice(4, 6));
    if (!STATES.has(Number(key.slice(0, 2))) || month < 1 || month > 12 || !MODELS.has(key.slice(20, 22)))
      continue;
    const number = String(Number(key.slice(25, 34)));
    if (!numbers.includes(number)) numbers.push(number);
  }
  return numbers;
}

export function findAccessKeys(text: string): AccessKey[] {
  const keys: AccessKey[] = [];
  for (const run of keyRuns(text)) {
    const key = decodeAccessKey(run);
    if (key && !keys.some((k) => k.key === key.key)) keys.push(key);
  }
  return keys;
}

/** OCR's look-alikes of digits in a key's groups: the check digit then tells whether the reading is right. */
const LOOKALIKE_DIGITS: Record<string, string> = {
  O: '0',
  o: '0',
  D: '0',
  I: '1',
  l: '1',
  S: '5',
  s: '5',
  $: '5',
  B: '8',
};

/**
 * The 44-character runs printed as a key (in groups of four or not), with OCR's look-alike letters read as
 * the digits they stand for.
 */
function keyRuns(text: string): string[] {
  const runs: string[] = [];
  for (const match of text.matchAll(
    /(?<![\dOoDIlSsB$.])[\dOoDIlSsB$]{4}(?:[ .]{0,3}[\dOoDIlSsB$]{4}){10}(?![\dOoDIlSsB$])/g,
  )) {
    const compact = match[0].replace(/[\s.]/g, '');
    // A run of letters is a word, not a key: most of it must be digits as printed.
    if ((compact.match(/\d/g)?.length ?? 0) < 40) continue;
    runs.push(compact.replace(/[OoDIlSsB$]/g, (c) => LOOKALIKE_DIGITS[c] ?? c));
  }
  return runs;
}
