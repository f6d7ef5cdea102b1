import * as mupdf from 'mupdf';
import { PDFDocument, popGraphicsState, pushGraphicsState, rgb, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readRulings } from '../../../src/stages/read/rulings.ts';
import { readTextLayer } from '../../../src/stages/read/text-layer.ts';

async function onePage(draw: (page: ReturnType<PDFDocument['addPage']>) => void): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([612, 792]);
  draw(page);
  return pdf.save();
}

function withPage<T>(bytes: Uint8Array, read: (page: mupdf.Page) => T): T {
  const document = mupdf.Document.openDocument(bytes, 'application/pdf');
  try {
    const page = document.loadPage(0);
    try {
      return read(page);
    } finally {
      page.destroy();
    }
  } finally {
    document.destroy();
  }
}

const grey = rgb(0.3, 0.3, 0.3);

describe('ruling lines of a digital page (mupdf device)', () => {
  it('keeps stroked horizontal and vertical lines, box edges and thin filled bars, top-left origin', async () => {
    const bytes = await onePage((page) => {
      page.drawLine({ start: { x: 40, y: 692 }, end: { x: 572, y: 692 }, thickness: 0.6, color: grey });
      page.drawLine({ start: { x: 100, y: 700 }, end: { x: 100, y: 600 }, thickness: 0.6, color: grey });
      // A slanted line and a white line draw no ruling.
      page.drawLine({ start: { x: 40, y: 500 }, end: { x: 300, y: 560 }, thickness: 0.6, color: grey });
      page.drawLine({
        start: { x: 40, y: 450 },
        end: { x: 300, y: 450 },
        thickness: 0.6,
        color: rgb(1, 1, 1),
      });
      page.drawRectangle({ x: 40, y: 300, width: 200, height: 50, borderWidth: 0.7, borderColor: grey });
      page.drawRectangle({ x: 300, y: 300, width: 200, height: 1.5, color: grey });
    });
    const rulings = withPage(bytes, readRulings);
    const has = (x0: number, y0: number, x1: number, y1: number) =>
      rulings.some(
        (r) =>
          Math.abs(r.x0 - x0) < 0.5 &&
          Math.abs(r.y0 - y0) < 0.5 &&
          Math.abs(r.x1 - x1) < 0.5 &&
          Math.abs(r.y1 - y1) < 0.5,
      );
    expect(has(40, 100, 572, 100)).toBe(true);
    expect(has(100, 92, 100, 192)).toBe(true);
    // The box: top, bottom, left and right edges (792 − 350 = 442, 792 − 300 = 492).
    expect(has(40, 442, 240, 442)).toBe(true);
    expect(has(40, 492, 240, 492)).toBe(true);
    expect(has(40, 442, 40, 492)).toBe(true);
    expect(has(240, 442, 240, 492)).toBe(true);
    // The thin bar, as its centre line.
    expect(has(300, 491.25, 500, 491.25)).toBe(true);
    expect(rulings.some((r) => r.y0 < 300 && r.y1 > 230)).toBe(false);
    expect(rulings.some((r) => Math.abs(r.y0 - 342) < 1)).toBe(false);
  });

  it('skips curves and stays bounded on a page of 60,000 strokes', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([612, 792]);
    page.drawEllipse({ x: 300, y: 400, xScale: 100, yScale: 50, borderColor: grey, borderWidth: 1 });
    const ops: string[] = ['q', '0.3 G', '0.2 w'];
    for (let i = 0; i < 60_000; i++)
      ops.push(`${10 + (i % 500)} ${10 + (i % 700)} m ${20 + (i % 500)} ${10 + (i % 700)} l S`);
    ops.push('Q');
    page.pushOperators(pushGraphicsState(), popGraphicsState());
    const stream = pdf.context.stream(ops.join('\n'));
    page.node.addContentStream(pdf.context.register(stream));
    await pdf.embedFont(StandardFonts.Helvetica);
    const bytes = await pdf.save();
    const started = performance.now();
    const rulings = withPage(bytes, readRulings);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(rulings.length).toBeGreaterThan(0);
    expect(rulings.length).toBeLessThanOrEqual(20_000);
    // Nothing of the ellipse.
    expect(
      rulings.some((r) => r.x0 >= 199 && r.x1 <= 401 && r.y0 >= 340 && r.y1 <= 460 && r.x1 - r.x0 > 50),
    ).toBe(false);
  });

  it('puts the rulings on the text layer page, where there are words', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([612, 792]);
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    page.drawText('Descripción', { x: 50, y: 700, size: 9, font });
    page.drawLine({ start: { x: 40, y: 692 }, end: { x: 572, y: 692 }, thickness: 0.6, color: grey });
    const bytes = await pdf.save();
    const text = withPage(bytes, (p) => readTextLayer(p, 0));
    expect(text.rulings?.some((r) => Math.abs(r.y0 - 100) < 0.5 && r.x1 - r.x0 > 500)).toBe(true);
    const blank = await onePage((p) => {
      p.drawLine({ start: { x: 40, y: 692 }, end: { x: 572, y: 692 }, thickness: 0.6, color: grey });
    });
    expect(withPage(blank, (p) => readTextLayer(p, 0)).rulings).toBeUndefined();
  });
});
