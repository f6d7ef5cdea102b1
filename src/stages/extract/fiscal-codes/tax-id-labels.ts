import type { NationalIdKind } from './printed-ids.ts';

/**
 * The labels tax ids are printed under, per country, as data: each a pattern over folded text (lower case, no
 * accents), the kind of id it announces and, for VAT labels, the country its numbers belong to when printed
 * without their prefix. Order matters: a longer label comes before a shorter one it starts with, and the first
 * label that matches at a label's start names its kind. Adding a country's label is a change to this table.
 */
export interface TaxIdLabel {
  pattern: string;
  kind: NationalIdKind | 'nit' | 'cuit' | 'other';
  country?: string;
}

/** A VAT label ends its word, or runs into the number's country prefix printed without a space ("TVAFR42…"). */
const GLUED_PREFIX = String.raw`(?:(?![\p{L}])|(?=[a-z]{2}\s?\d))`;

/**
 * Possessives that address the reader, folded, as printed right before a tax id's label ("Ihre USt-IdNr.",
 * "Your VAT No.", "Votre n° TVA", "Su NIF", "Uw btw-nummer", "Sua inscrição"): the id is the customer's.
 */
export const ADDRESSEE_WORDS: readonly string[] = [
  'ihre',
  'ihr',
  'your',
  'votre',
  'vostra',
  'vostro',
  'su',
  'uw',
  'sua',
  'seu',
];

export const TAX_ID_LABELS: readonly TaxIdLabel[] = [
  // Colombia
  { pattern: String.raw`nit(?:\s*\/\s*c\.?c\.?)?`, kind: 'nit', country: 'CO' },
  { pattern: String.raw`n\.\s?i\.\s?t\.?`, kind: 'nit', country: 'CO' },
  { pattern: String.raw`c\.?\s?c\.?\s?\/\s?nit`, kind: 'nit', country: 'CO' },
  // Argentina. Dotted abbreviations take OCR's look-alikes: "i" read as "1" or "l" ("C.U.1.T."), a full stop
  // as a colon; undotted, "cult…" is a word.
  {
    pattern: String.raw`c\.?\s?u\.?\s?i\.?\s?[tl]\.?|c\.\s?u\.\s?[l1]\.\s?t\.?`,
    kind: 'cuit',
    country: 'AR',
  },
  // Chile, Peru
  { pattern: String.raw`rut|r\.u\.t\.?`, kind: 'rut', country: 'CL' },
  { pattern: String.raw`ruc|r\.\s?u\.\s?c\.?`, kind: 'ruc', country: 'PE' },
  // Mexico
  { pattern: String.raw`rfc|r[.:]\s?f[.:]\s?c\.?`, kind: 'rfc', country: 'MX' },
  // United States: the employer identification number, or the federal tax id it is.
  {
    pattern: String.raw`(?:f?ein|e\.i\.n\.?|federal\s+(?:tax\s+id|ein|id)(?:\s+number)?)(?![\p{L}])`,
    kind: 'ein',
    country: 'US',
  },
  { pattern: String.raw`tax\s+id(?:\s+number)?`, kind: 'other' },
  { pattern: String.raw`c\.c\.`, kind: 'other', country: 'CO' },
  // Brazil
  { pattern: 'cnpj', kind: 'cnpj', country: 'BR' },
  { pattern: 'cpf', kind: 'cpf', country: 'BR' },
  // Spain
  {
    // "N.I.F." read as "N.LF." or "N.1.F.": the "i" and its full stop taken for one letter.
    pattern: String.raw`(?:nif|cif|nie|n[.:]\s?[il1][.:]?\s?f\.?|c[.:]\s?[il1][.:]?\s?f\.?)(?![\p{L}])`,
    kind: 'nif',
    country: 'ES',
  },
  // Germany, Austria
  {
    pattern: String.raw`ust[\s.-]{0,2}id[\s.-]{0,2}(?:nr\.?)?|umsatzsteuer[\s-]?id\p{L}*`,
    kind: 'vat',
    country: 'DE',
  },
  { pattern: String.raw`uid(?:[\s.-]{0,2}nr\.?)?(?![\p{L}])`, kind: 'vat', country: 'AT' },
  // United Kingdom and any VAT number printed with its prefix: "VAT Reg. No.", "VAT Registration No.".
  {
    pattern: String.raw`vat(?:\s+reg(?:istration|istered|\.)?)?(?:\s+(?:number|id|nr)\.?)?${GLUED_PREFIX}`,
    kind: 'vat',
  },
  // France (and Belgium)
  { pattern: String.raw`tva(?:\s+intracom\p{L}*\.?)?${GLUED_PREFIX}`, kind: 'vat', country: 'FR' },
  // Italy
  { pattern: String.raw`p\.\s?iva|partita\s+iva`, kind: 'vat', country: 'IT' },
  // Netherlands (and Belgium)
  { pattern: String.raw`btw(?:[\s-]?(?:nummer|nr|id))?${GLUED_PREFIX}`, kind: 'vat', country: 'NL' },
];

/** A second name of the same id after a slash: "EIN/Tax ID", "Partita IVA/C.F.", "NIF/CIF", "CNPJ/CPF". */
const SECOND_NAME = String.raw`(?:\s?\/\s?(?:c\.\s?f\.?|codice\s+fiscale|tax\s+id|nif|cif|cpf|cnpj|nit))?`;

/** Every label of the table as one global regex over folded rows, with a number marker and colon after it. */
export function taxIdLabelRegex(): RegExp {
  const alternatives = TAX_ID_LABELS.map((l) => l.pattern).join('|');
  return new RegExp(
    String.raw`(?<![\p{L}])(?:${alternatives})${SECOND_NAME}(?:\s*(?:nro|no|n[°º*])\.?)?\s*[:.#]?`,
    'gu',
  );
}

/** The labels' regex, built once (and run by the regex-linearity test as every exported RegExp). */
export const TAX_ID_LABEL_REGEX = taxIdLabelRegex();

const SEARCHED = TAX_ID_LABELS.map((l) => ({
  ...l,
  regex: new RegExp(`(?<![\\p{L}])(?:${l.pattern})`, 'u'),
}));

/** The table's entry a folded label names ("n° tva intracommunautaire" → TVA), the earliest in it first. */
export function taxIdLabelOf(foldedLabel: string): TaxIdLabel | null {
  let best: { label: TaxIdLabel; index: number } | null = null;
  for (const { regex, ...label } of SEARCHED) {
    const index = regex.exec(foldedLabel)?.index;
    if (index !== undefined && (!best || index < best.index)) best = { label, index };
  }
  return best?.label ?? null;
}
