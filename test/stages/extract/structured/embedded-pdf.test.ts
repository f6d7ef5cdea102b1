import { AFRelationship, PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { resultSchema } from '../../../../src/contract/result.ts';
import { createExtractStage } from '../../../../src/stages/extract/stage.ts';
import { defaultReadOptions } from '../../../../src/stages/read/options.ts';
import { readPdf } from '../../../../src/stages/read/read-pdf.ts';
import { createReadStage } from '../../../../src/stages/read/stage.ts';
import { readTextPass } from '../../../../src/stages/read/text-pass.ts';
import { buildResult } from '../../../../src/stages/result.ts';
import type { PipelineContext } from '../../../../src/stages/stage.ts';
import { inboxFile, pipelineContext } from '../../../support/pipeline-context.ts';
import { facturX } from './fixtures.ts';

interface Attachment {
  name: string;
  bytes: Uint8Array;
}

/** A one-page invoice printed in Spanish with pdf-lib, its e-invoice XML attached as Factur-X does. */
async function invoicePdf(printedTotal: string, attachments: Attachment[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([612, 792]);
  const lines: [number, number, string][] = [
    [40, 40, 'Beispiel Maschinenbau GmbH'],
    [40, 56, 'NIF: DE123456780'],
    [330, 56, 'Factura No. FX-2025/0042'],
    [330, 70, 'Fecha de emisión: 14/03/2025'],
    [40, 110, 'Descripción'],
    [300, 110, 'Cant.'],
    [380, 110, 'Precio'],
    [500, 110, 'Importe'],
    [40, 126, 'Ventilmotor 24 V'],
    [300, 126, '4'],
    [380, 126, '12,50'],
    [500, 126, '50,00'],
    [40, 140, 'Schrauben M6 & Muttern'],
    [300, 140, '500'],
    [380, 140, '0,07'],
    [500, 140, '35,00'],
    [380, 180, 'Subtotal'],
    [500, 180, '85,00'],
    [380, 194, 'Descuento'],
    [500, 194, '5,00'],
    [380, 208, 'IVA 19%'],
    [500, 208, '15,20'],
    [380, 222, 'TOTAL'],
    [500, 222, printedTotal],
  ];
  for (const [x, y, text] of lines) page.drawText(text, { x, y: 792 - y - 9, size: 9, font });
  for (const { name, bytes } of attachments) {
    await pdf.attach(bytes, name, { mimeType: 'text/xml', afRelationship: AFRelationship.Alternative });
  }
  return pdf.save();
}

function context(bytes: Uint8Array): PipelineContext {
  return pipelineContext({ file: inboxFile('f1', { name: 'factura.pdf' }), bytes: Buffer.from(bytes) });
}

async function readAndExtract(bytes: Uint8Array) {
  const ctx = context(bytes);
  await createReadStage({ options: defaultReadOptions, ocr: null, textPass: null }).run(ctx);
  await createExtractStage().run(ctx);
  return ctx;
}

const xml = (s: string) => new TextEncoder().encode(s);

describe('a PDF carrying its e-invoice XML, through the read and extract stages', () => {
  it('takes every value from the attachment, with provenance xml and confidence 0.99', async () => {
    const bytes = await invoicePdf('95,20', [{ name: 'factur-x.xml', bytes: xml(facturX()) }]);
    const ctx = await readAndExtract(bytes);
    expect(ctx.document?.structured).toMatchObject({
      source: 'pdf_attachment',
      fileName: 'factur-x.xml',
      format: 'cii',
    });
    const extraction = ctx.extraction!;
    expect(extraction.invoice).toMatchObject({
      number: 'FX-2025/0042',
      issueDate: '2025-03-14',
      dueDate: '2025-04-13',
      purchaseOrder: 'PO-5521',
      supplier: { name: 'Beispiel Maschinenbau GmbH', taxId: 'DE123456780' },
      customer: { name: 'Kunde & Partner AG', taxId: 'DE987654320' },
      currency: 'EUR',
      total: 95.2,
    });
    expect(extraction.invoice.lines).toHaveLength(2);
    expect(extraction.validation).toEqual({ ok: true, issues: [] });
    expect(extraction.confidence.total).toBe(0.99);
    expect(extraction.provenance).toMatchObject({
      number: 'xml',
      total: 'xml',
      lines: 'xml',
      supplierTaxId: 'xml',
    });
    const result = buildResult(ctx, 'factura.pdf');
    expect(resultSchema.parse(result).provenance?.total).toBe('xml');
    expect(result.documentKind).toBe('invoice');
  });

  it('the worker-thread text pass finds the same attachment', async () => {
    const bytes = await invoicePdf('95,20', [{ name: 'factur-x.xml', bytes: xml(facturX()) }]);
    const pass = readTextPass(bytes, defaultReadOptions, true);
    expect(pass.document.structured?.invoice.number).toBe('FX-2025/0042');
  });

  it('says so when the printed total is not the XML total, and keeps the XML one', async () => {
    const bytes = await invoicePdf('99,20', [{ name: 'factur-x.xml', bytes: xml(facturX()) }]);
    const ctx = await readAndExtract(bytes);
    expect(ctx.extraction?.invoice.total).toBe(95.2);
    expect(ctx.extraction?.validation.issues).toContain('xml_text_total_mismatch');
    expect(ctx.extraction?.validation.ok).toBe(false);
  });

  it('records a credit note', async () => {
    const bytes = await invoicePdf('95,20', [
      { name: 'factur-x.xml', bytes: xml(facturX({ typeCode: '381' })) },
    ]);
    const ctx = await readAndExtract(bytes);
    expect(ctx.extraction?.documentKind).toBe('credit_note');
    expect(buildResult(ctx, 'nc.pdf').documentKind).toBe('credit_note');
  });

  it('skips a hostile XML attachment with its reason and still takes the good one', async () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>';
    const bytes = await invoicePdf('95,20', [
      { name: 'invoice.xml', bytes: xml(facturX()) },
      { name: 'factur-x.xml', bytes: xml(bomb) },
    ]);
    const ctx = await readAndExtract(bytes);
    expect(ctx.document?.structured?.fileName).toBe('invoice.xml');
    expect(ctx.extraction?.validation.issues).toContain('embedded_xml_rejected:doctype_forbidden');
  });

  it('reads the page alone when the only attachment is refused, and says why', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY x SYSTEM "file:///etc/passwd">]><x>&x;</x>`;
    const ctx = await readAndExtract(await invoicePdf('95,20', [{ name: 'factura.xml', bytes: xml(bomb) }]));
    expect(ctx.document?.structured).toBeUndefined();
    expect(ctx.extraction?.validation.issues).toContain('embedded_xml_rejected:doctype_forbidden');
    expect(ctx.extraction?.provenance?.number).toBe('text');
  });

  it('stops inflating a compressed attachment at the size cap', async () => {
    const huge = new Uint8Array(12 * 1024 * 1024).fill(0x20);
    const bytes = await invoicePdf('95,20', [{ name: 'factur-x.xml', bytes: huge }]);
    expect(bytes.byteLength).toBeLessThan(1024 * 1024);
    const read = await readPdf(bytes, defaultReadOptions, null);
    expect(read.document.structured).toBeUndefined();
    expect(read.document.structuredRejections).toEqual(['too_large']);
  }, 30_000);
});
