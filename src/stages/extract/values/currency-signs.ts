/**
 * How invoices print their currency, as data over folded text (lower case, no accents): ISO codes, names and
 * signs that name one currency alone, and the signs several currencies share ("$") with the countries that
 * use them. Adding a currency is a change to these tables only.
 */

/** Codes, names and unambiguous signs: each names its currency wherever it is printed. */
export const CURRENCY_MARKS: readonly { pattern: RegExp; code: string }[] = [
  { pattern: /\b(?:usd|us\$|u\$s|dolares?|dollars?|d[oó]lares\s+americanos)\b/, code: 'USD' },
  // The euro sign beside an amount, not after a short code ("007€" is how OCR reads "007C").
  { pattern: /\b(?:eur|euros)\b|€\s?\d{1,3}[.,]\d{3}|€\s?\d+[.,]\d{2}\b|\d[.,]\d{2,3}\s?€/, code: 'EUR' },
  // The pound sign before an amount ("£1,445.23"); "£" alone is how OCR reads an ampersand in names.
  { pattern: /\b(?:gbp|pounds?\s+sterling)\b|£\s?\d/, code: 'GBP' },
  { pattern: /\b(?:brl|reais)\b|\br\$/, code: 'BRL' },
  { pattern: /\b(?:ars|pesos\s+argentinos)\b/, code: 'ARS' },
  { pattern: /\b(?:cop|pesos\s+colombianos)\b/, code: 'COP' },
  { pattern: /\b(?:mxn|pesos\s+mexicanos|m\.n\.)(?![\p{L}])/u, code: 'MXN' },
  { pattern: /\b(?:clp|pesos\s+chilenos)\b/, code: 'CLP' },
  { pattern: /\b(?:pen|soles)\b/, code: 'PEN' },
  { pattern: /\b(?:chf)\b/, code: 'CHF' },
  { pattern: /\bc\$/, code: 'CAD' },
];

/** The dollar sign before or after an amount: the currency is the peso or dollar of the invoice's country. */
export const DOLLAR_SIGN = /\$\s?\d|\d\s?\$/;

/** Each country's currency, and the ones whose currency is written with "$". */
export const COUNTRY_CURRENCY: Readonly<Record<string, string>> = {
  AR: 'ARS',
  AT: 'EUR',
  BE: 'EUR',
  BR: 'BRL',
  CA: 'CAD',
  CL: 'CLP',
  CO: 'COP',
  DE: 'EUR',
  ES: 'EUR',
  FI: 'EUR',
  FR: 'EUR',
  GB: 'GBP',
  IE: 'EUR',
  IT: 'EUR',
  LU: 'EUR',
  MX: 'MXN',
  NL: 'EUR',
  PE: 'PEN',
  PT: 'EUR',
  US: 'USD',
};

export const DOLLAR_COUNTRIES = new Set(['AR', 'CA', 'CL', 'CO', 'MX', 'US']);

/**
 * Wording that places an invoice in a country when its tax ids do not: its tax authority, its e-invoice's
 * name, its address format (a US state and ZIP code).
 */
export const COUNTRY_WORDS: readonly { pattern: RegExp; country: string }[] = [
  { pattern: /\b(?:dian|cufe|nit)\b/, country: 'CO' },
  { pattern: /\b(?:afip|arca|c\.?u\.?i\.?t)\b/, country: 'AR' },
  { pattern: /\b(?:cfdi|r\.?f\.?c|s\.\s?a\.\s?de\s+c\.\s?v)\b/, country: 'MX' },
  { pattern: /\b(?:cnpj|nf-?s?e|danfe)\b/, country: 'BR' },
  {
    pattern:
      /\bsales\s+tax\b|,\s(?:al|ak|az|ar|ca|co|ct|de|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv|nh|nj|nm|ny|nc|nd|oh|ok|or|pa|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy)\s\d{5}(?:-\d{4})?\b/,
    country: 'US',
  },
];
