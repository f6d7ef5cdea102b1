import type { Invoice } from '../../../contract/result.ts';
import type { ReviewField } from '../../../ports/review.ts';
import type { Extraction } from '../../stage.ts';
import { kindOf, sameValue } from '../evidence/value-match.ts';
import { linesSum } from '../reconcile/validate.ts';
import { amountsMatch } from '../values/amount.ts';
import type { LearnedCandidate } from './candidates.ts';
import { getField, setField } from './fields.ts';

/** Confidence of a learned value the general extractor also read. */
const AGREED = 0.97;
/** ...that the invoice's own arithmetic confirms. */
const ADDS_UP = 0.95;
/** ...that nothing confirms: the value is proposed, a person still checks it (below the review threshold). */
const UNCONFIRMED = 0.6;

/** Whether the invoice's amounts confirm `value` for an amount field (subtotal + tax = total, lines = subtotal). */
export function arithmeticConfirms(invoice: Invoice, field: ReviewField, value: number): boolean {
  const { subtotal, tax, total, withholdings } = invoice;
  const near = (a: number | null, b: number) => a !== null && amountsMatch(a, b, 0.015);
  const net = (t: number | null) => (t === null ? null : t - (withholdings ?? 0));
  switch (field) {
    case 'total':
      return (
        subtotal !== null && tax !== null && (near(subtotal + tax, value) || near(net(subtotal + tax), value))
      );
    case 'subtotal': {
      const sum = linesSum(invoice.lines);
      return (
        (sum !== null && near(sum, value)) || (total !== null && tax !== null && near(total - tax, value))
      );
    }
    case 'tax':
      return total !== null && subtotal !== null && near(total - subtotal, value);
    default:
      return false;
  }
}

/** Issues about the totals' arithmetic that a confirmed learned amount settles. */
const SETTLED_BY_ARITHMETIC = ['subtotal_plus_tax_not_total', 'missing_total'];

export interface LearnedOutcome {
  field: ReviewField;
  outcome: 'agreed' | 'replaced_confirmed' | 'replaced_unconfirmed' | 'kept_extractor';
}

/**
 * Merges a supplier's learned candidates into an extraction. The learned value is a strong candidate: it is
 * taken unless the extractor's own value is the one the arithmetic confirms. Its confidence rises only when
 * the general extractor read the same value or the invoice's arithmetic confirms it; otherwise the value is
 * used but stays below the review threshold. Values from the invoice's XML or fiscal QR code are not touched.
 */
export function applyLearned(
  extraction: Extraction,
  candidates: readonly LearnedCandidate[],
): LearnedOutcome[] {
  const outcomes: LearnedOutcome[] = [];
  const { invoice, confidence } = extraction;
  const issues = new Set(extraction.validation.issues);
  for (const candidate of candidates) {
    const { field, value } = candidate;
    const source = extraction.provenance?.[field];
    if (source === 'xml' || source === 'qr') continue;
    const kind = kindOf(field);
    const current = getField(invoice, field);
    const evidence = extraction.evidence ?? {};
    extraction.evidence = evidence;
    if (sameValue(kind, current, value)) {
      const confirmed = kind === 'amount' && arithmeticConfirms(invoice, field, value as number);
      confidence[field] = Math.max(confidence[field] ?? 0, confirmed ? 0.99 : AGREED);
      evidence[field] = candidate.evidence;
      outcomes.push({ field, outcome: 'agreed' });
      continue;
    }
    if (kind === 'amount') {
      const learnedAddsUp = arithmeticConfirms(invoice, field, value as number);
      const currentAddsUp = typeof current === 'number' && arithmeticConfirms(invoice, field, current);
      if (currentAddsUp && !learnedAddsUp) {
        outcomes.push({ field, outcome: 'kept_extractor' });
        continue;
      }
      setField(invoice, field, value);
      evidence[field] = candidate.evidence;
      if (learnedAddsUp) {
        confidence[field] = ADDS_UP;
        for (const settled of SETTLED_BY_ARITHMETIC) issues.delete(settled);
        issues.delete(`${field}_derived`);
        outcomes.push({ field, outcome: 'replaced_confirmed' });
        continue;
      }
    } else {
      setField(invoice, field, value);
      evidence[field] = candidate.evidence;
      if (field === 'number') issues.delete('missing_number');
      if (field === 'issueDate') issues.delete('missing_issue_date');
      if (field === 'supplierTaxId') issues.delete('missing_supplier_tax_id');
    }
    confidence[field] = Math.min(confidence[field] ?? UNCONFIRMED, UNCONFIRMED);
    issues.add(`${field}_learned_unconfirmed`);
    outcomes.push({ field, outcome: 'replaced_unconfirmed' });
  }
  extraction.validation.issues = [...issues];
  extraction.validation.ok = issues.size === 0;
  return outcomes;
}
