import { repairDigits } from '../text/text.ts';
import { type NationalIdKind, nationalKindFromLabel, parseNationalId } from './printed-ids.ts';
import { taxIdLabelOf } from './tax-id-labels.ts';
import { cuitIsValid, nitCheckDigit } from './tax-ids.ts';

/**
 * Tax ids. Normalisation (the contract's `taxId`):
 * - Colombian NIT: base digits, '-', DIAN check digit — `900123456-7` — whatever the printed grouping
 *   (`900.123.456-7`, `900123456 - 7`, `9001234567` when the last digit verifies as the check digit).
 * - Argentine CUIT/CUIL and any other id: digits only — `30-71014576-4` → `30710145764`.
 * - Other countries' ids (RFC, CNPJ, CPF, NIF, RUC, RUT, EU VAT numbers): see fiscal-codes/printed-ids.ts.
 */
export { cuitIsValid, nitCheckDigit };

export type TaxIdKind = 'nit' | 'cuit' | NationalIdKind | 'other';

export interface TaxId {
  value: string;
  kind: TaxIdKind;
  /** The check digit was printed and verifies. */
  valid: boolean;
  /** A check digit was printed (or is part of the scheme), so `valid` means something. */
  checked: boolean;
  /**
   * The NIT's check digit was printed but could not be read (a dash with nothing legible after it), so it was
   * computed from the base: right by construction for the base as read, so it cannot catch a misread base.
   */
  computed?: boolean;
}

const CUIT_PREFIXES = new Set(['20', '23', '24', '25', '26', '27', '30', '33', '34']);

/**
 * Reads one printed tax id. `hint` is what the label said (NIT, CUIT, RFC…), when there was one; `label`, its
 * folded text, tells the VAT country a label implies ("P.IVA"). Returns null when the text holds no plausible id.
 */
export function parseTaxId(printed: string, hint: TaxIdKind | null = null, label = ''): TaxId | null {
  if (hint !== null && hint !== 'nit' && hint !== 'cuit' && hint !== 'other') {
    const national = parseNationalId(printed, hint, nationalKindFromLabel(label)?.country);
    // "RUT" also names Colombia's registry, whose number is the NIT: the id whose check verifies wins.
    if (hint !== 'rut' || national?.valid) return national;
    const nit = parseColombianOrArgentine(printed, null);
    return nit?.valid || !national ? nit : national;
  }
  // "Tax ID: 12-3456789": a US EIN's 2–7 grouping is no other scheme's (NIT 9–1, CUIT 2–8–1).
  if (hint !== 'nit' && hint !== 'cuit') {
    const us = /^\d{2}-\d{7}(?!\d)(?!-\d)/.test(printed.trim()) ? parseNationalId(printed, 'ein') : null;
    if (us) return us;
  }
  return parseColombianOrArgentine(printed, hint);
}

function parseColombianOrArgentine(printed: string, hint: TaxIdKind | null): TaxId | null {
  const text = ocrSeparators(
    repairDigits(printed.trim())
      .replace(/\s+/g, ' ')
      // The check digit 0 read as the letter O before the next field ("961220630-O Av. 11").
      .replace(/(\d\s?[-‐–—]\s?)[Oo](?=\s|$)/, '$10'),
  );
  const match = /^(\d[\d. ]*\d|\d)(?:\s?[-‐–—]+\s?(\d[\d.]{0,10}\d|\d))?(?:\s?[-‐–—]+\s?(\d))?/.exec(text);
  if (!match) return null;
  const head = match[1]!.replace(/[. ]/g, '');
  const middle = match[2]?.replace(/\./g, '');
  const tail = match[3];
  const digits = head + (middle ?? '') + (tail ?? '');

  const cuitShaped =
    (head.length === 2 && middle?.length === 8 && tail !== undefined) || (!middle && head.length === 11);
  if (
    hint === 'cuit' ||
    (hint !== 'nit' && cuitShaped && cuitIsValid(digits) && CUIT_PREFIXES.has(digits.slice(0, 2)))
  ) {
    // A CUIT always has 11 digits; anything else under a CUIT label is a misreading.
    if (digits.length !== 11) return null;
    return { value: digits, kind: 'cuit', valid: cuitIsValid(digits), checked: true };
  }
  if (hint === 'other')
    return digits.length >= 5 ? { value: digits, kind: 'other', valid: false, checked: false } : null;

  // "813-119.511-4": a dash OCR read in place of a thousands dot. The base's check digit decides.
  if (
    !cuitShaped &&
    middle !== undefined &&
    tail !== undefined &&
    (head + middle).length >= 8 &&
    (head + middle).length <= 10 &&
    nitCheckDigit(head + middle) === Number(tail)
  )
    return { value: `${head}${middle}-${tail}`, kind: 'nit', valid: true, checked: true };
  // NIT: base of 6..10 digits, check digit after a dash, or glued as the 10th digit when it verifies.
  if (
    middle !== undefined &&
    tail === undefined &&
    middle.length === 1 &&
    head.length >= 6 &&
    head.length <= 10
  ) {
    return {
      value: `${head}-${middle}`,
      kind: 'nit',
      valid: nitCheckDigit(head) === Number(middle),
      checked: true,
    };
  }
  if (middle === undefined && head.length >= 7 && head.length <= 11) {
    const base = head.slice(0, -1);
    if (head.length === 10 && nitCheckDigit(base) === Number(head.at(-1))) {
      return { value: `${base}-${head.at(-1)}`, kind: 'nit', valid: true, checked: true };
    }
    if (hint === 'nit') {
      // "837233376 -", "966488887- $": the check digit's place is printed, its digit lost (a speck after it).
      const rest = text.slice(match[0].length);
      const dangling = /^\s*[-‐–—]\s*[.,;:$'"*_~]?\s*$/.test(rest);
      // "NIT: 816416247" alone: a company's nine-digit NIT (8… or 9…) whose dash and digit OCR lost together.
      const bare = rest.trim() === '' && head.length === 9 && /^[89]/.test(head);
      if ((dangling && head.length >= 8 && head.length <= 10) || bare)
        return {
          value: `${head}-${nitCheckDigit(head)}`,
          kind: 'nit',
          valid: false,
          checked: false,
          computed: true,
        };
      return { value: head, kind: 'nit', valid: false, checked: false };
    }
    return null;
  }
  if (hint === 'nit' && digits.length >= 6)
    return { value: digits, kind: 'nit', valid: false, checked: false };
  return null;
}

/**
 * OCR reads the dots of "969.329.719-6" as commas or colons and its dash as a colon ("969.329,719:6",
 * "906.209:406-2"), and leaves specks around the dash ("811855397 .=-1", "969483698 -.8").
 */
function ocrSeparators(text: string): string {
  return (
    text
      // A speck beside a thousands dot ("904.:954.639-9").
      .replace(/(\d)(?:[.,][.,:;]|[:;][.,])(?=\d{3}(?!\d))/g, '$1.')
      .replace(/^([\d.,:;]*\d)\s?[.,:;=_~'`´]*\s?[-‐–—]+\s?[.,:;=_~'`´]*\s?(\d)(?!\d)/, '$1-$2')
      .replace(/^(\d{1,3})[.,:;](\d{3})[.,:;](\d{3})\s?[-:;.,]\s?(\d)(?!\d)/, '$1.$2.$3-$4')
      .replace(/^(\d{8,10})\s?[:;]\s?(\d)(?![\d.,])/, '$1-$2')
  );
}

/** The kind of id a label announces (fiscal-codes/tax-id-labels.ts). */
export function kindFromLabel(foldedLabel: string): TaxIdKind {
  return taxIdLabelOf(foldedLabel)?.kind ?? 'other';
}
