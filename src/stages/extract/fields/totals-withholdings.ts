import { amountsMatch, roundCents } from '../values/amount.ts';
import { taxRateFits } from '../values/tax-rates.ts';
import type { AmountCandidate, TotalsChoice } from './totals.ts';

/**
 * "Total 22.372.238 … Neto a pagar 21.114.505": what was withheld is their difference. When the withholdings
 * read by OCR do not come to it ("$1,128,012" read "51,128,012") or were not read, and the total is trusted
 * (subtotal + tax add up to it, or it is the subtotal plus a VAT rate of it), the difference is taken and
 * reported as derived. A text layer's withholdings stay as printed.
 */
export function withholdingsFromNet(
  choice: TotalsChoice,
  nets: AmountCandidate[],
): TotalsChoice['withholdings'] {
  const { total, withholdings, subtotal } = choice;
  if (!total || (withholdings && withholdings.confidence >= 1)) return null;
  const trusted =
    choice.consistent ||
    (subtotal !== null && taxRateFits(subtotal.value, roundCents(total.value - subtotal.value)));
  if (!trusted) return null;
  for (const net of nets) {
    const withheld = roundCents(total.value - net.value);
    if (withheld <= 0 || withheld > 0.25 * total.value) continue;
    if (withholdings && amountsMatch(withholdings.value, withheld, 1.01)) return null;
    return {
      value: withheld,
      score: Math.min(total.score, net.score) * 0.8,
      confidence: Math.min(total.confidence, net.confidence),
      derived: true,
    };
  }
  return null;
}
