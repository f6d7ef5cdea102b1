import type { PipelineContext, Stage } from './stage.ts';

/**
 * Whether a person must look at a document before its data is trusted, and why. A wrong value loaded
 * silently into Power BI costs more than a question, so the document goes to Revisión when the class is
 * unsure, when a key field (number, issue date, total, supplier tax id) is missing or below its confidence
 * threshold, or when the document's own sources disagree (XML or fiscal code against the printed text).
 */
export interface ReviewDecision {
  needed: boolean;
  /** Stable codes, e.g. `class_unsure`, `number_missing`, `total_unsure`, `xml_text_total_mismatch`. */
  reasons: string[];
}

export interface ReviewPolicy {
  /** A key field below this confidence is unsure (0..1). */
  fieldConfidence: number;
  /** The fields that must be present and sure; the supplier tax id can be waived for foreign suppliers. */
  keyFields: readonly KeyField[];
}

export const KEY_FIELDS = ['number', 'issueDate', 'total', 'supplierTaxId'] as const;
export type KeyField = (typeof KEY_FIELDS)[number];

export const DEFAULT_REVIEW_POLICY: ReviewPolicy = { fieldConfidence: 0.8, keyFields: KEY_FIELDS };

/**
 * Validation issues that mean two sources of the same document disagree (its XML or fiscal code against the
 * printed page): a person decides. Other validation issues (a line whose arithmetic does not hold) are shown
 * on the review screen's queue without holding the document back.
 */
const DISAGREEMENT = /^xml_text_[a-z_]+_mismatch$|_differs_from_(?:qr|xml|key)$/;

export function decideReview(
  context: PipelineContext,
  policy: ReviewPolicy = DEFAULT_REVIEW_POLICY,
): ReviewDecision {
  if (context.quarantine) return { needed: false, reasons: [] };
  const reasons: string[] = [];
  if (!context.classification || context.classification.label === 'revision') reasons.push('class_unsure');
  const extraction = context.extraction;
  if (!extraction) {
    reasons.push('not_extracted');
    return { needed: true, reasons };
  }
  const invoice = extraction.invoice;
  const value: Record<KeyField, unknown> = {
    number: invoice.number,
    issueDate: invoice.issueDate,
    total: invoice.total,
    supplierTaxId: invoice.supplier.taxId,
  };
  for (const field of policy.keyFields) {
    if (value[field] === null || value[field] === undefined || value[field] === '')
      reasons.push(`${field}_missing`);
    else if ((extraction.confidence[field] ?? 0) < policy.fieldConfidence) reasons.push(`${field}_unsure`);
  }
  for (const issue of extraction.validation.issues) if (DISAGREEMENT.test(issue)) reasons.push(issue);
  return { needed: reasons.length > 0, reasons: [...new Set(reasons)] };
}

/** Decides Revisión after extraction, before anything is loaded or moved. */
export function createReviewStage(policy: ReviewPolicy = DEFAULT_REVIEW_POLICY): Stage {
  return {
    name: 'review',
    attempts: 1,
    async run(context) {
      context.review = decideReview(context, policy);
      if (context.review.needed) context.logger.info('sent to review', { reasons: context.review.reasons });
    },
  };
}
