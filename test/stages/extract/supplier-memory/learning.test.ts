import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewForm } from '../../../../src/processor/review-input.ts';
import { applyLearned } from '../../../../src/stages/extract/supplier-memory/apply.ts';
import { candidatesFromLocators } from '../../../../src/stages/extract/supplier-memory/candidates.ts';
import { learnLocator } from '../../../../src/stages/extract/supplier-memory/learn.ts';
import type { Extraction } from '../../../../src/stages/stage.ts';
import { drawInvoice, type InvoiceDrawing } from '../../../server/review/invoice-pdf.ts';
import { createWorld, nit, supplierInvoice, type World } from '../../../server/review/world.ts';
import { readPdfTextLayer } from '../pdf-fixture.ts';

/**
 * Learning per supplier with real PDFs, mupdf and the real extractor: one supplier prints its invoice number
 * after a label the general extractor does not know; one correction on the review screen teaches it.
 */

const SUPPLIER_A = nit('901234567');
const SUPPLIER_B = nit('830111222');

function oddLayout(
  i: number,
  supplierTaxId = SUPPLIER_A,
  supplierName = 'Montajes Andinos S.A.S.',
): InvoiceDrawing {
  return supplierInvoice({
    supplierName,
    supplierTaxId,
    number: `FV ${20931 + i * 17}`,
    numberLabel: 'Consecutivo DIAN: ',
    issueDate: `${String(3 + i).padStart(2, '0')}/0${1 + (i % 9)}/2026`,
    lines: [
      {
        code: `SRV-${i}`,
        description: 'Mantenimiento preventivo de telar',
        quantity: 1 + i,
        unitPrice: 150000 + i * 1000,
      },
      { code: 'REP-9', description: 'Correa dentada', quantity: 2, unitPrice: 38000 },
    ],
  });
}

describe('learning a supplier layout from one correction', () => {
  let world: World;
  afterEach(async () => {
    await world?.close();
  });

  it('reads the other five invoices of the supplier right and leaves another supplier alone', async () => {
    world = await createWorld();
    // The general extractor alone misses the number on every invoice of this layout.
    for (let i = 0; i < 6; i++) expect((await world.extract(oddLayout(i))).invoice.number).toBeNull();
    expect((await world.extract(oddLayout(6, SUPPLIER_B, 'Otra Empresa Ltda.'))).invoice.number).toBeNull();

    // One correction through the review service.
    const { fileId, extraction } = await world.ingest(oddLayout(0));
    expect(extraction.invoice.number).toBeNull();
    const view = await world.service.view(fileId);
    expect(view?.reasons).toContain('number_missing');
    const fields: Record<string, string> = {};
    for (const [field, value] of Object.entries(view?.invoice.fields ?? {}))
      fields[field] = value === null ? '' : String(value);
    const form: ReviewForm = {
      version: view?.invoice.version ?? '',
      fields: { ...fields, number: 'FV 20931' },
      lines: (view?.invoice.lines ?? []).map((l) => ({
        code: l.code ?? '',
        description: l.description ?? '',
        quantity: String(l.quantity ?? ''),
        unit: l.unit ?? '',
        unitPrice: String(l.unitPrice ?? ''),
        amount: String(l.amount ?? ''),
      })),
      classCode: '1',
    };
    const saved = await world.service.confirm(fileId, form, 'ana');
    expect(saved).toMatchObject({ kind: 'saved' });
    if (saved.kind === 'saved') expect(saved.learned).toContain('number');

    for (let i = 1; i < 6; i++) {
      const drawing = oddLayout(i);
      const read = await world.extract(drawing);
      expect(read.invoice.number).toBe(drawing.number);
      // Nothing confirms a learned number: right, but still below the review threshold.
      expect(read.confidence.number).toBeLessThan(0.8);
      expect(read.validation.issues).toContain('number_learned_unconfirmed');
      expect(read.evidence?.number?.page).toBe(0);
    }
    const stranger = await world.extract(oddLayout(6, SUPPLIER_B, 'Otra Empresa Ltda.'));
    expect(stranger.invoice.number).toBeNull();
    expect(stranger.validation.issues).not.toContain('number_learned_unconfirmed');
  });
});

describe('learned locators', () => {
  it('find a value printed under its label and, without the label, at the learned place on the page', async () => {
    const layout = (number: string, label: string) =>
      drawInvoice({
        ...supplierInvoice({ number: '', numberLabel: '' }),
        extra: [
          { x: 420, y: 100, text: label },
          { x: 420, y: 114, text: number },
        ],
      });
    const first = readPdfTextLayer(await layout('Z-00481', 'Referencia interna'));
    const locator = learnLocator(first, 'number', 'Z-00481', { supplierTaxId: SUPPLIER_A, fileId: 'f1' });
    expect(locator).toMatchObject({ labelText: 'referencia interna', valueFormat: 'A-99999' });
    expect(locator?.dy).toBeGreaterThan(5);

    const next = readPdfTextLayer(await layout('Z-00502', 'Referencia interna'));
    expect(candidatesFromLocators([locator!], next)).toEqual([
      expect.objectContaining({ field: 'number', value: 'Z-00502', via: 'label' }),
    ]);
    const relabelled = readPdfTextLayer(await layout('Z-00777', 'Ref.'));
    expect(candidatesFromLocators([locator!], relabelled)).toEqual([
      expect.objectContaining({ field: 'number', value: 'Z-00777', via: 'position' }),
    ]);
    // A value of another shape at that place is not taken.
    const other = readPdfTextLayer(await layout('12/05/2026', 'Ref.'));
    expect(candidatesFromLocators([locator!], other)).toEqual([]);
  });
});

describe('applyLearned', () => {
  const extraction = (over: Partial<Extraction['invoice']> = {}): Extraction => ({
    invoice: {
      number: 'FE-1',
      cufe: null,
      issueDate: '2026-03-15',
      dueDate: null,
      purchaseOrder: null,
      supplier: { name: 'X', taxId: '900123456-8' },
      customer: { name: null, taxId: null },
      currency: 'COP',
      subtotal: 1000,
      tax: 190,
      withholdings: null,
      total: 1100,
      lines: [],
      ...over,
    },
    confidence: { number: 0.7, total: 0.5, subtotal: 0.99, tax: 0.99 },
    validation: { ok: false, issues: ['subtotal_plus_tax_not_total'] },
  });
  const at = { page: 0, box: { x0: 1, y0: 2, x1: 3, y1: 4 } };

  it('raises confidence only when the extractor agrees or the arithmetic confirms', () => {
    const agreed = extraction();
    expect(applyLearned(agreed, [{ field: 'number', value: 'FE 1', evidence: at, via: 'label' }])).toEqual([
      { field: 'number', outcome: 'agreed' },
    ]);
    expect(agreed.confidence.number).toBeGreaterThanOrEqual(0.97);

    const confirmed = extraction();
    applyLearned(confirmed, [{ field: 'total', value: 1190, evidence: at, via: 'label' }]);
    expect(confirmed.invoice.total).toBe(1190);
    expect(confirmed.confidence.total).toBe(0.95);
    expect(confirmed.validation.issues).not.toContain('subtotal_plus_tax_not_total');

    const unconfirmed = extraction();
    applyLearned(unconfirmed, [{ field: 'total', value: 1250, evidence: at, via: 'position' }]);
    expect(unconfirmed.invoice.total).toBe(1250);
    expect(unconfirmed.confidence.total).toBeLessThanOrEqual(0.6);
    expect(unconfirmed.validation.issues).toContain('total_learned_unconfirmed');
  });

  it('keeps an amount the arithmetic confirms and values from the XML', () => {
    const sound = extraction({ total: 1190 });
    expect(applyLearned(sound, [{ field: 'total', value: 1250, evidence: at, via: 'label' }])).toEqual([
      { field: 'total', outcome: 'kept_extractor' },
    ]);
    expect(sound.invoice.total).toBe(1190);
    const fromXml = extraction();
    fromXml.provenance = { number: 'xml' };
    expect(applyLearned(fromXml, [{ field: 'number', value: 'OTRO-9', evidence: at, via: 'label' }])).toEqual(
      [],
    );
    expect(fromXml.invoice.number).toBe('FE-1');
  });
});
