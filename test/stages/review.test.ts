import { describe, expect, it } from 'vitest';
import { emptyInvoice } from '../../src/contract/result.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { targetFolderFor } from '../../src/stages/file.ts';
import { buildResult } from '../../src/stages/result.ts';
import { createReviewStage, decideReview } from '../../src/stages/review.ts';
import type { PipelineContext } from '../../src/stages/stage.ts';

function context(overrides: Partial<PipelineContext> = {}): PipelineContext {
  const invoice = {
    ...emptyInvoice(),
    number: 'FE-1001',
    issueDate: '2026-11-02',
    total: 1190,
    supplier: { name: 'Proveedor S.A.S.', taxId: '900123456-7' },
  };
  return {
    file: {
      id: 'f1',
      name: 'f1.pdf',
      md5: null,
      size: null,
      mimeType: null,
      location: 'inbox',
      modifiedTime: null,
      link: null,
    },
    logger: createLogger({ level: 'ERROR' }),
    signal: new AbortController().signal,
    pages: { count: 1, ocr: 0 },
    timings: {},
    classification: { label: 'correctiva', class: 0, confidence: 0.97, model: 'm', explanation: [] },
    extraction: {
      invoice,
      confidence: { number: 0.95, issueDate: 0.95, total: 0.99, supplierTaxId: 0.95 },
      validation: { ok: true, issues: [] },
    },
    ...overrides,
  };
}

describe('review decision', () => {
  it('lets a sure document through to its class folder', async () => {
    const c = context();
    await createReviewStage().run(c);
    expect(c.review).toEqual({ needed: false, reasons: [] });
    expect(targetFolderFor(c)).toBe('correctivas');
    expect(buildResult(c, 'f1').review).toEqual({ needed: false, reasons: [] });
  });

  it('sends a document with a sure class but an unsure total to Revisión, saying why', async () => {
    const c = context();
    c.extraction!.confidence.total = 0.55;
    await createReviewStage().run(c);
    expect(c.review).toEqual({ needed: true, reasons: ['total_unsure'] });
    expect(targetFolderFor(c)).toBe('revision');
  });

  it('names every missing key field and an unsure class', () => {
    const c = context({
      classification: { label: 'revision', class: null, confidence: 0.52, model: 'm', explanation: [] },
    });
    c.extraction!.invoice.number = null;
    c.extraction!.invoice.supplier.taxId = null;
    expect(decideReview(c).reasons).toEqual(['class_unsure', 'number_missing', 'supplierTaxId_missing']);
  });

  it('treats a disagreement between the document’s own sources as a question for a person', () => {
    const c = context();
    c.extraction!.validation = {
      ok: false,
      issues: [
        'total_differs_from_qr',
        'line_1_amount_mismatch',
        'xml_text_total_mismatch',
        'supplierTaxId_differs_from_key',
      ],
    };
    expect(decideReview(c)).toEqual({
      needed: true,
      reasons: ['total_differs_from_qr', 'xml_text_total_mismatch', 'supplierTaxId_differs_from_key'],
    });
  });

  it('follows the configured threshold', () => {
    const c = context();
    c.extraction!.confidence.number = 0.7;
    expect(decideReview(c, { fieldConfidence: 0.6, keyFields: ['number'] }).needed).toBe(false);
    expect(decideReview(c, { fieldConfidence: 0.8, keyFields: ['number'] }).reasons).toEqual([
      'number_unsure',
    ]);
  });

  it('leaves a quarantined file to the quarantine', () => {
    const c = context();
    c.quarantine = Object.assign(new Error('x'), { code: 'corrupt', retryable: false }) as never;
    expect(decideReview(c).needed).toBe(false);
  });
});
