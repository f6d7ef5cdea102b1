import type { TaxIdKind } from '../fiscal-codes/tax-id.ts';

/**
 * The invoice currency as an ISO code: an explicit code or currency name wins; otherwise the country the tax
 * ids point to (NIT → COP, CUIT → ARS). With neither, null.
 */
const EXPLICIT: [RegExp, string][] = [
  [/\b(?:usd|us\$|u\$s|dolares?|dollars?|d[oó]lares\s+americanos)\b/, 'USD'],
  // The euro sign beside an amount, not after a short code ("007€" is how OCR reads "007C").
  [/\b(?:eur|euros)\b|€\s?\d{1,3}[.,]\d{3}|\d[.,]\d{2,3}\s?€/, 'EUR'],
  [/\b(?:ars|pesos\s+argentinos)\b/, 'ARS'],
  [/\b(?:cop|pesos\s+colombianos)\b/, 'COP'],
  [/\b(?:mxn|pesos\s+mexicanos)\b/, 'MXN'],
  [/\b(?:clp|pesos\s+chilenos)\b/, 'CLP'],
  [/\b(?:pen|soles)\b/, 'PEN'],
];

export function detectCurrency(
  foldedText: string,
  taxIdKinds: TaxIdKind[],
): { value: string | null; score: number } {
  const counts = new Map<string, number>();
  // A peso of another country than every tax id's is a misread word ("ars"), not the invoice's currency.
  const onlyNit = taxIdKinds.length > 0 && taxIdKinds.every((k) => k === 'nit');
  const onlyCuit = taxIdKinds.length > 0 && taxIdKinds.every((k) => k === 'cuit');
  for (const [pattern, code] of EXPLICIT) {
    if ((code === 'ARS' && onlyNit) || (code === 'COP' && onlyCuit)) continue;
    const matches = foldedText.match(new RegExp(pattern.source, 'g'));
    if (matches) counts.set(code, matches.length);
  }
  let best: string | null = null;
  for (const [code, count] of counts) if (!best || count > (counts.get(best) ?? 0)) best = code;
  if (best) return { value: best, score: 0.95 };
  if (taxIdKinds.includes('nit') || /\b(?:dian|cufe|nit)\b/.test(foldedText))
    return { value: 'COP', score: 0.85 };
  if (taxIdKinds.includes('cuit') || /\b(?:afip|c\.?u\.?i\.?t)\b/.test(foldedText))
    return { value: 'ARS', score: 0.85 };
  return { value: null, score: 0 };
}
