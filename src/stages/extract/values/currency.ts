import type { TaxId, TaxIdKind } from '../fiscal-codes/tax-id.ts';
import {
  COUNTRY_CURRENCY,
  COUNTRY_WORDS,
  CURRENCY_MARKS,
  DOLLAR_COUNTRIES,
  DOLLAR_SIGN,
} from './currency-signs.ts';

/**
 * The invoice currency as an ISO code (tables in currency-signs.ts). An explicit code, name or sign of one
 * currency wins ("EUR", "£", "R$"). Otherwise the country the document belongs to decides: the country of its
 * tax ids (an RFC → Mexico, a CUIT → Argentina, a VAT number's prefix), else its wording (DIAN, CFDI, a US
 * state and ZIP code). A "$" takes that country's peso or dollar; with no sign at all, the country's currency
 * is a guess and scored lower. With no evidence, null.
 */
type IdEvidence = TaxIdKind | Pick<TaxId, 'kind' | 'value'>;

/** Signs (no code) of a currency not the country's it takes to believe them over the country. */
const FOREIGN_MARKS_SURE = 3;

const KIND_COUNTRY: Partial<Record<TaxIdKind, string>> = {
  nit: 'CO',
  cuit: 'AR',
  rfc: 'MX',
  cnpj: 'BR',
  cpf: 'BR',
  rut: 'CL',
  ruc: 'PE',
  nif: 'ES',
  ein: 'US',
};

export function detectCurrency(
  foldedText: string,
  taxIds: readonly IdEvidence[],
): { value: string | null; score: number } {
  const countries = idCountries(taxIds);
  const counts = new Map<string, number>();
  const written = new Set<string>();
  // A peso of another country than every tax id's is a misread word ("ars"), not the invoice's currency.
  for (const { pattern, code } of CURRENCY_MARKS) {
    if (isForeignPeso(code, countries)) continue;
    const matches = foldedText.match(new RegExp(pattern.source, `g${pattern.flags}`));
    if (!matches) continue;
    counts.set(code, matches.length);
    if (matches.some((m) => /\p{L}{2}/u.test(m))) written.add(code);
  }
  let best: string | null = null;
  for (const [code, count] of counts) if (!best || count > (counts.get(best) ?? 0)) best = code;

  const country = soleCountry(countries) ?? soleCountry(wordCountries(foldedText));
  const local = country ? COUNTRY_CURRENCY[country] : undefined;
  if (best) {
    // Another currency than the country's: sure when written out ("USD", "euros") or its sign is printed
    // again and again; a sign once or twice may be a misread one (OCR takes a "$" for "£"), so the country's
    // currency is kept, below the review threshold.
    const marks = counts.get(best) ?? 0;
    if (!local || best === local || written.has(best) || marks >= FOREIGN_MARKS_SURE)
      return { value: best, score: 0.95 };
    return { value: local, score: 0.6 };
  }
  if (!country || !local) return { value: null, score: 0 };
  if (DOLLAR_SIGN.test(foldedText)) {
    // "$" in a country whose money is not written so (a euro invoice) says nothing sure.
    return DOLLAR_COUNTRIES.has(country) ? { value: local, score: 0.85 } : { value: null, score: 0 };
  }
  // Colombian and Argentine invoices print bare amounts in pesos, grouped with full stops; amounts written
  // the English way ("3,565.78") with no sign are likely another currency's. Elsewhere a bare amount is a
  // weaker guess.
  const pesoStyle = (country === 'CO' || country === 'AR') && !writtenTheEnglishWay(foldedText);
  return { value: local, score: pesoStyle ? 0.85 : country === 'CO' || country === 'AR' ? 0.6 : 0.7 };
}

const ENGLISH_GROUPING = /(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d{2}(?![\d.,])/g;
const CONTINENTAL_GROUPING = /(?<![\d.,])\d{1,3}(?:\.\d{3})+(?:,\d{2})?(?![\d.,])/g;

/** Whether more amounts group thousands with commas and cents with a full stop than the other way. */
function writtenTheEnglishWay(text: string): boolean {
  const english = text.match(ENGLISH_GROUPING)?.length ?? 0;
  return english > 0 && english > (text.match(CONTINENTAL_GROUPING)?.length ?? 0);
}

function idCountries(taxIds: readonly IdEvidence[]): string[] {
  const out: string[] = [];
  for (const id of taxIds) {
    const kind = typeof id === 'string' ? id : id.kind;
    const value = typeof id === 'string' ? '' : id.value;
    const country = kind === 'vat' ? /^[A-Z]{2}/.exec(value)?.[0] : KIND_COUNTRY[kind];
    if (country) out.push(country === 'EL' ? 'GR' : country);
  }
  return out;
}

function wordCountries(foldedText: string): string[] {
  return COUNTRY_WORDS.filter((w) => w.pattern.test(foldedText)).map((w) => w.country);
}

/** The one country the evidence names; null when it names none or several. */
function soleCountry(countries: string[]): string | null {
  const distinct = new Set(countries);
  return distinct.size === 1 ? [...distinct][0]! : null;
}

function isForeignPeso(code: string, countries: string[]): boolean {
  if (code !== 'ARS' && code !== 'COP') return false;
  const own = code === 'ARS' ? 'AR' : 'CO';
  return countries.length > 0 && countries.every((c) => c !== own);
}
