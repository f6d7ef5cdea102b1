import * as mupdf from 'mupdf';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { ReadDocument } from '../../../src/contract/document.ts';
import { toReadDocument } from '../../../src/stages/read/document-text.ts';
import { readTextLayer } from '../../../src/stages/read/text-layer.ts';

/** Text drawn at (x, y) in points from the page's top-left, like a person would lay out an invoice. */
export interface Placed {
  x: number;
  y: number;
  text: string;
  size?: number;
  bold?: boolean;
  /** `x` is the right edge (numbers in tables are right-aligned). */
  right?: boolean;
}

/** Builds a real PDF with pdf-lib (one array of texts per page) and reads it back through mupdf's text layer. */
export async function readHandMadePdf(pages: Placed[][], width = 612, height = 792): Promise<ReadDocument> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  for (const texts of pages) {
    const page = pdf.addPage([width, height]);
    for (const t of texts) {
      const size = t.size ?? 9;
      const font = t.bold ? bold : regular;
      const x = t.right ? t.x - font.widthOfTextAtSize(t.text, size) : t.x;
      page.drawText(t.text, { x, y: height - t.y - size, size, font });
    }
  }
  const bytes = await pdf.save();
  return readPdfTextLayer(bytes);
}

export function readPdfTextLayer(bytes: Uint8Array): ReadDocument {
  const document = mupdf.Document.openDocument(bytes, 'application/pdf');
  try {
    const pages = [];
    for (let i = 0; i < document.countPages(); i++) {
      const page = document.loadPage(i);
      pages.push(readTextLayer(page, i));
      page.destroy();
    }
    return toReadDocument(pages);
  } finally {
    document.destroy();
  }
}

/** A row of cells, each at its own x, on one baseline. */
export function row(y: number, cells: [number, string, ('right' | 'left')?][], size = 9): Placed[] {
  return cells.map(([x, text, align]) => ({ x, y, text, size, right: align === 'right' }));
}

/** The same document as OCR would hand it over: pages marked as OCR, every word read with 90% confidence. */
export function asOcr(document: ReadDocument): ReadDocument {
  return {
    ...document,
    pages: document.pages.map((page) => ({
      ...page,
      source: 'ocr' as const,
      lines: page.lines.map((line) => ({
        ...line,
        words: line.words.map((word) => ({ ...word, confidence: 0.9 })),
      })),
    })),
  };
}

/** An English item table of two lines that add up to 1,000.00, its header at `y`. */
export function twoItemRows(y: number): Placed[] {
  return [
    ...row(y, [
      [40, 'Description'],
      [330, 'Qty'],
      [400, 'Unit price'],
      [490, 'Amount'],
    ]),
    ...row(y + 16, [
      [40, 'Repair of the warping machine brake'],
      [330, '1'],
      [400, '600.00'],
      [490, '600.00'],
    ]),
    ...row(y + 32, [
      [40, 'Bearing SKF 6205-2RS'],
      [330, '4'],
      [400, '100.00'],
      [490, '400.00'],
    ]),
  ];
}
