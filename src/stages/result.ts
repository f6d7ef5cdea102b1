import { emptyInvoice, type InvoiceResult } from '../contract/result.ts';
import type { PipelineContext } from './stage.ts';

/** The output-contract object for what the pipeline knows so far about one file. */
export function buildResult(context: PipelineContext, fileLabel: string): InvoiceResult {
  const quarantined = context.quarantine;
  const classification = context.classification;
  const extraction = context.extraction;
  const issues = [...(extraction?.validation.issues ?? [])];
  return {
    file: fileLabel,
    status: quarantined ? 'quarantined' : 'processed',
    error: quarantined ? { code: quarantined.code, message: quarantined.message } : null,
    classification:
      !quarantined && classification
        ? {
            label: classification.label,
            class: classification.class,
            confidence: classification.confidence,
            model: classification.model,
          }
        : null,
    invoice: quarantined ? null : (extraction?.invoice ?? emptyInvoice()),
    confidence: quarantined ? {} : (extraction?.confidence ?? {}),
    validation: quarantined ? { ok: false, issues: [] } : { ok: issues.length === 0, issues },
    pages: { ...context.pages },
    timings: { ...context.timings },
    ...(!quarantined && extraction?.provenance ? { provenance: { ...extraction.provenance } } : {}),
    ...(!quarantined && context.review
      ? { review: { needed: context.review.needed, reasons: [...context.review.reasons] } }
      : {}),
    ...(!quarantined && extraction?.documentKind ? { documentKind: extraction.documentKind } : {}),
    ...(!quarantined && extraction?.evidence ? { evidence: { ...extraction.evidence } } : {}),
  };
}
