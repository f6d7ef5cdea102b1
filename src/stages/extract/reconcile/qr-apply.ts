import { distance } from 'fastest-levenshtein';
import type { ReadDocument } from '../../../contract/document.ts';
import type { Invoice } from '../../../contract/result.ts';
import { printedKeyFacts } from '../fiscal-codes/registry.ts';
import { nitCheckDigit } from '../fiscal-codes/tax-id.ts';
import { parseQrPayload, type QrFacts } from './qr-payload.ts';

export type QrField =
  | 'number'
  | 'issueDate'
  | 'cufe'
  | 'supplierTaxId'
  | 'customerTaxId'
  | 'subtotal'
  | 'tax'
  | 'total'
  | 'currency';

export interface QrOutcome {
  /** Fields the code agreed with. */
  confirmed: QrField[];
  /** Fields the code supplied or corrected. */
  changed: QrField[];
  /** A text layer that prints other values than its own QR code: worth a person's look, so it is said. */
  issues: string[];
}

/**
 * The facts of the first QR code or barcode on the document that is a tax authority's; without one, those of a
 * fiscal key printed in its text (Brazil's access key); else null.
 */
export function documentQrFacts(document: ReadDocument): QrFacts | null {
  for (const page of document.pages) {
    for (const code of page.codes ?? []) {
      const facts = parseQrPayload(code);
      if (facts) return facts;
    }
  }
  return printedKeyFacts(document.text);
}

/**
 * Reconciles the fields read from the page with the authority's QR code. A decoded QR has passed error
 * correction, so where both disagree the code wins; the printed form is kept when both say the same thing
 * (`FE-1234` for the code's `FE1234`, `900123456-7` for `900123456`). On a text layer (no OCR involved) a
 * disagreement is listed as `<field>_differs_from_qr` (`_from_key` for a key printed in the text); on a scan
 * it is an OCR misreading, corrected. A code that tells only the month of issue checks the date read against it.
 */
export function applyQrFacts(
  invoice: Invoice,
  confidence: Record<string, number>,
  facts: QrFacts,
  printedLayer: boolean,
  documentText = '',
): QrOutcome {
  const outcome: QrOutcome = { confirmed: [], changed: [], issues: [] };
  const source = facts.origin === 'printed' ? 'key' : 'qr';
  const settle = <T>(
    field: QrField,
    read: T | null,
    code: T | null,
    same: (a: T, b: T) => boolean,
    set: (v: T) => void,
    value: (code: T, read: T | null) => T,
  ) => {
    if (code === null) return;
    if (read !== null && same(read, code)) {
      outcome.confirmed.push(field);
      confidence[field] = Math.max(confidence[field] ?? 0, 0.99);
      return;
    }
    if (read !== null && printedLayer) outcome.issues.push(`${field}_differs_from_${source}`);
    set(value(code, read));
    outcome.changed.push(field);
    confidence[field] =
      source === 'key' && field === 'supplierTaxId'
        ? keyIssuerConfidence(read === null ? null : String(read), String(code), printedLayer)
        : 0.97;
  };
  const keep = <T>(code: T) => code;
  settle(
    'number',
    invoice.number,
    facts.number,
    sameNumber,
    (v) => (invoice.number = v),
    (code, read) => {
      const printed = printedNumber(code, read);
      return printed === code ? (printedFormIn(documentText, code) ?? code) : printed;
    },
  );
  settle('issueDate', invoice.issueDate, facts.issueDate, equal, (v) => (invoice.issueDate = v), keep);
  settle(
    'cufe',
    invoice.cufe,
    facts.cufe,
    (a, b) => a.toLowerCase() === b.toLowerCase(),
    (v) => (invoice.cufe = v),
    keep,
  );
  // The DIAN's code leaves the NIT's check digit out; it is a function of the base, so it is given back
  // whenever the code's NIT replaces what was read (a NIT the page prints bare and OCR read right is kept).
  const taxId = (code: string) => (facts.authority === 'dian' ? `${code}-${nitCheckDigit(code)}` : code);
  settle(
    'supplierTaxId',
    invoice.supplier.taxId,
    facts.supplierTaxId,
    sameTaxId,
    (v) => (invoice.supplier.taxId = v),
    taxId,
  );
  settle(
    'customerTaxId',
    invoice.customer.taxId,
    facts.customerTaxId,
    sameTaxId,
    (v) => (invoice.customer.taxId = v),
    taxId,
  );
  // The code names the issuer: a customer id read as the same one was given the wrong role.
  if (
    facts.supplierTaxId !== null &&
    facts.customerTaxId === null &&
    invoice.customer.taxId !== null &&
    sameTaxId(invoice.customer.taxId, facts.supplierTaxId)
  ) {
    outcome.issues.push(`customerTaxId_is_${source}_issuer`);
    confidence.customerTaxId = Math.min(confidence.customerTaxId ?? 0, 0.5);
  }
  settle('subtotal', invoice.subtotal, facts.subtotal, sameAmount, (v) => (invoice.subtotal = v), keep);
  settle('tax', invoice.tax, facts.tax, sameAmount, (v) => (invoice.tax = v), keep);
  settle('total', invoice.total, facts.total, sameAmount, (v) => (invoice.total = v), keep);
  settle('currency', invoice.currency, facts.currency, equal, (v) => (invoice.currency = v), keep);
  if (facts.issueMonth && invoice.issueDate && !invoice.issueDate.startsWith(facts.issueMonth))
    outcome.issues.push(`issueDate_differs_from_${source}`);
  return outcome;
}

/**
 * A fiscal key printed in the text (Brazil's access key) names its issuer, but only a decoded code was read
 * whole: the key's CNPJ is sure when the supplier's block prints it too (confirmed above), not when it fills
 * an id the page does not print as the supplier's, nor when the page prints another one there; a person then
 * looks. On a scan, an id read within two characters of the key's is the same id misread, corrected.
 */
function keyIssuerConfidence(read: string | null, code: string, printedLayer: boolean): number {
  if (read === null) return 0.7;
  if (!printedLayer && distance(alphanumeric(read), alphanumeric(code)) <= 2) return 0.9;
  return 0.6;
}

const equal = <T>(a: T, b: T) => a === b;
const sameAmount = (a: number, b: number) => Math.abs(a - b) < 0.005;

function alphanumeric(text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
}

/** Groups of letters and digits without leading zeros: `0004-00025399` is AFIP's `00004-00025399`. */
function groups(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((g) => g.replace(/^0+(?=.)/, '').toUpperCase())
    .join('-');
}

/**
 * A code's plain number is also the printed one with leading zeros and grouping (Brazil's `Nº 000.000.002` is
 * its key's number 2); a code's number with separators keeps its groups (AFIP's `00008-00059501`).
 */
function sameNumber(read: string, code: string): boolean {
  const bare = (text: string) => alphanumeric(text).replace(/^0+(?=.)/, '');
  return (
    alphanumeric(read) === alphanumeric(code) ||
    groups(read) === groups(code) ||
    (/^\d+$/.test(code) && bare(read) === bare(code))
  );
}

/** The code's characters in the printed number's layout when only characters were misread (`FE-1Z34`). */
function printedNumber(code: string, read: string | null): string {
  if (read === null) return code;
  const characters = alphanumeric(code);
  if (alphanumeric(read).length !== characters.length || !/^[A-Za-z0-9]+$/.test(code)) return code;
  let next = 0;
  return read.replace(/[A-Za-z0-9]/g, () => characters[next++] as string);
}

/**
 * Where the page prints the code's number with separators the code leaves out (`A-064000` for `A064000`, or
 * `FVE-2024-6 1032` with a space OCR put in), that printed form without spaces; else null. Only hyphens and
 * spaces may separate its characters, so that an amount or a date with the same digits is not taken for it.
 */
function printedFormIn(text: string, code: string): string | null {
  if (!/^[A-Za-z0-9]{4,}$/.test(code)) return null;
  const pattern = [...code].map((c) => c.replace(/[^A-Za-z0-9]/g, '')).join('[- ]?');
  const match = new RegExp(`(?<![A-Za-z0-9-])${pattern}(?![A-Za-z0-9])`, 'i').exec(text);
  return match ? match[0].replace(/ /g, '') : null;
}

/**
 * `900123456-7` is the code's `900123456` (DIAN leaves the check digit out) and its `9001234567`; other ids
 * are the same when their letters and digits are (`76.086.428-5` and `76086428-5`, `hgt9312179la`).
 */
function sameTaxId(read: string, code: string): boolean {
  const digits = read.replace(/\D/g, '');
  const base = read.split('-')[0]?.replace(/\D/g, '') ?? '';
  return digits === code || base === code || alphanumeric(read) === alphanumeric(code);
}
