import { afterAll, describe, expect, it } from 'vitest';
import type { ReadDocument } from '../../../src/contract/document.ts';
import { StageError } from '../../../src/stages/errors.ts';
import { locateEvidence } from '../../../src/stages/extract/evidence/locate.ts';
import { extractInvoice } from '../../../src/stages/extract/extract.ts';
import { createExtractPool } from '../../../src/stages/extract/extract-pool.ts';
import { createExtractStage } from '../../../src/stages/extract/stage.ts';
import type { PipelineContext } from '../../../src/stages/stage.ts';
import { pipelineContext } from '../../support/pipeline-context.ts';
import { adversarialDocuments } from './adversarial-documents.ts';
import { readHandMadePdf, row } from './pdf-fixture.ts';

function context(document: ReadDocument): PipelineContext {
  return pipelineContext({ document, pages: { count: 1, ocr: 0 } });
}

/** The slowest adversarial document to extract (a 1,000-row table): hundreds of milliseconds of work. */
function bigTable(): ReadDocument {
  return adversarialDocuments().find((d) => d.name === 'a 1,000-row table')!.document;
}

describe('extraction on worker threads (extract-pool.ts, real extractInvoice)', () => {
  const pool = createExtractPool({ workers: 1, timeoutMs: 30_000 });
  afterAll(() => pool.close());

  it('gives exactly what extractInvoice gives on this thread', async () => {
    const document = await readHandMadePdf([
      [
        { x: 40, y: 30, text: 'Servicios Andinos S.A.S.', size: 14 },
        ...row(50, [[330, 'Factura electrónica de venta No. SA-77']]),
        ...row(64, [[330, 'Fecha de emisión: 02/04/2026']]),
        ...row(150, [
          [380, 'Total'],
          [540, '1.190.000', 'right'],
        ]),
      ],
    ]);
    await pool.warmUp();
    const fromWorker = await pool.extract(document);
    // The same extraction, plus the boxes its fields were read from (found on the thread too).
    const here = extractInvoice(document);
    expect(fromWorker).toEqual({ ...here, evidence: locateEvidence(document, here.invoice) });
    expect(fromWorker.invoice.number).toBe('SA-77');
    expect(fromWorker.evidence?.number?.page).toBe(0);
  });

  it('leaves the event loop free while a long extraction runs in the stage', async () => {
    const stage = createExtractStage({ extract: (d, signal) => pool.extract(d, signal) });
    const ctx = context(bigTable());
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = performance.now();
    await stage.run(ctx);
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(ctx.extraction?.invoice.lines.length).toBeGreaterThan(0);
    // On this thread the interval could not fire until the end; on a worker it fires all along.
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(elapsed / 10 / 3));
    expect(ticks).toBeGreaterThan(5);
  });

  it('quarantines an extraction over EXTRACT_TIMEOUT_MS as timeout, not retryable, and goes on', async () => {
    const strict = createExtractPool({ workers: 1, timeoutMs: 100 });
    try {
      await strict.warmUp();
      const stage = createExtractStage({ extract: (d, signal) => strict.extract(d, signal) });
      const started = performance.now();
      const error = await stage.run(context(bigTable())).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StageError);
      expect(error).toMatchObject({ code: 'timeout', quarantine: true, retryable: false });
      expect((error as StageError).message).toContain('EXTRACT_TIMEOUT_MS');
      expect(performance.now() - started).toBeLessThan(2_000);
      // The terminated worker is replaced: a small document still extracts.
      const small = adversarialDocuments().find((d) => d.name === 'pages with no words')!.document;
      await expect(strict.extract(small)).resolves.toMatchObject({ invoice: { number: null } });
      expect(strict.workersStarted()).toBe(2);
    } finally {
      await strict.close();
    }
  });
});
