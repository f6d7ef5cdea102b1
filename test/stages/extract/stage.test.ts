import { describe, expect, it } from 'vitest';
import { StageError } from '../../../src/stages/errors.ts';
import { nitCheckDigit } from '../../../src/stages/extract/fiscal-codes/tax-id.ts';
import { createExtractStage } from '../../../src/stages/extract/stage.ts';
import type { PipelineContext } from '../../../src/stages/stage.ts';
import { inboxFile, pipelineContext } from '../../support/pipeline-context.ts';
import { readHandMadePdf, row } from './pdf-fixture.ts';

const supplierNit = `900123456-${nitCheckDigit('900123456')}`;

async function invoiceDocument() {
  return readHandMadePdf([
    [
      { x: 40, y: 30, text: 'Servitécnicos Industriales Ltda.', size: 14 },
      ...row(50, [
        [40, `NIT: ${supplierNit}`],
        [330, 'Factura de venta No. FE-1234'],
      ]),
      ...row(64, [[330, 'Fecha de emisión: 15/03/2026']]),
      ...row(100, [
        [40, 'Descripción'],
        [300, 'Cant.'],
        [390, 'Vr. Unitario'],
        [500, 'Vr. Total'],
      ]),
      ...row(116, [
        [40, 'Mantenimiento preventivo de telar'],
        [320, '1', 'right'],
        [440, '1.000.000', 'right'],
        [540, '1.000.000', 'right'],
      ]),
      ...row(150, [
        [380, 'Subtotal'],
        [540, '1.000.000', 'right'],
      ]),
      ...row(164, [
        [380, 'IVA 19%'],
        [540, '190.000', 'right'],
      ]),
      ...row(178, [
        [380, 'Total'],
        [540, '1.190.000', 'right'],
      ]),
    ],
  ]);
}

function context(id: string, document: PipelineContext['document']): PipelineContext {
  return pipelineContext({ file: inboxFile(id), document, pages: { count: 1, ocr: 0 } });
}

/** The warehouse's answer, kept in memory: supplier tax id + number → file id. */
function knownInvoices(entries: [string, string, string][]) {
  const calls: string[][] = [];
  const lookup = async (taxId: string, number: string, exclude: string) => {
    calls.push([taxId, number, exclude]);
    return entries.find(([t, n, file]) => t === taxId && n === number && file !== exclude)?.[2] ?? null;
  };
  return { lookup, calls };
}

describe('extract stage', () => {
  it('sets the extraction and flags a duplicate of another file, keeping both', async () => {
    const document = await invoiceDocument();
    const { lookup, calls } = knownInvoices([[supplierNit, 'FE-1234', 'drive-file-1']]);
    const stage = createExtractStage({ findDuplicate: lookup });
    const ctx = context('drive-file-2', document);
    await stage.run(ctx);
    expect(ctx.extraction?.invoice).toMatchObject({
      number: 'FE-1234',
      total: 1190000,
      supplier: { taxId: supplierNit },
    });
    expect(calls).toEqual([[supplierNit, 'FE-1234', 'drive-file-2']]);
    expect(ctx.duplicateOf).toBe('drive-file-1');
    expect(ctx.extraction?.validation.issues).toContain('duplicate_of:drive-file-1');
    expect(ctx.extraction?.validation.ok).toBe(false);
  });

  it('does not flag the same file processed again', async () => {
    const document = await invoiceDocument();
    const { lookup } = knownInvoices([[supplierNit, 'FE-1234', 'drive-file-1']]);
    const ctx = context('drive-file-1', document);
    await createExtractStage({ findDuplicate: lookup }).run(ctx);
    expect(ctx.duplicateOf).toBeNull();
    expect(ctx.extraction?.validation).toEqual({ ok: true, issues: [] });
  });

  it('turns a failing lookup into a retryable error and refuses a missing document', async () => {
    const document = await invoiceDocument();
    const failing = createExtractStage({
      findDuplicate: async () => {
        throw new Error('connection refused');
      },
    });
    const error = await failing.run(context('f', document)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StageError);
    expect((error as StageError).retryable).toBe(true);
    const missing = await createExtractStage()
      .run(context('g', undefined))
      .catch((e: unknown) => e);
    expect((missing as StageError).code).toBe('internal');
  });
});
