import * as mupdf from 'mupdf';
import { describe, expect, it } from 'vitest';
import { generateInvoice, LAYOUTS } from '../../../tools/corpus/index.ts';

interface Glyph {
  c: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function glyphsPerPage(pdf: Uint8Array): { width: number; height: number; glyphs: Glyph[] }[] {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  try {
    return Array.from({ length: doc.countPages() }, (_, i) => {
      const page = doc.loadPage(i);
      const [x0, y0, x1, y1] = page.getBounds();
      const glyphs: Glyph[] = [];
      page.toStructuredText('preserve-whitespace').walk({
        onChar(c, _origin, _font, _size, quad) {
          if (c.trim() === '') return;
          const xs = [quad[0], quad[2], quad[4], quad[6]];
          const ys = [quad[1], quad[3], quad[5], quad[7]];
          glyphs.push({
            c,
            x0: Math.min(...xs),
            y0: Math.min(...ys),
            x1: Math.max(...xs),
            y1: Math.max(...ys),
          });
        },
      });
      return { width: x1 - x0, height: y1 - y0, glyphs };
    });
  } finally {
    doc.destroy();
  }
}

/** Pairs of glyphs whose boxes overlap by more than a sliver: text printed over other text. */
function overlaps(glyphs: Glyph[]): [Glyph, Glyph][] {
  const found: [Glyph, Glyph][] = [];
  const sorted = [...glyphs].sort((a, b) => a.y0 - b.y0);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.y0 < a.y1; j++) {
      const b = sorted[j]!;
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      // Consecutive lines may touch (tall font boxes); overprinting shares most of the height.
      if (w > 1.2 && h > 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0)) found.push([a, b]);
    }
  }
  return found;
}

describe('layouts keep every glyph on the page and never overprint, the QR code included', () => {
  it.each(LAYOUTS.map((layout) => layout.name))('%s', async (layout) => {
    // CORPUS_FIT_SEEDS=N widens the sweep when changing layouts; the default keeps the suite quick.
    const extra = Number(process.env.CORPUS_FIT_SEEDS ?? 0);
    const cases: [number, number | undefined][] = [
      [101, undefined],
      [102, undefined],
      [103, 40],
      [104, 16],
      [105, 1],
      ...Array.from({ length: extra }, (_, i): [number, number | undefined] => [
        1000 + i,
        i % 3 === 0 ? 15 + (i % 26) : undefined,
      ]),
    ];
    for (const [seed, lines] of cases) {
      const { pdf, qr } = await generateInvoice(seed, { layout, lines });
      glyphsPerPage(pdf).forEach((page, index) => {
        for (const g of page.glyphs) {
          expect(
            g.x0 >= 0 && g.y0 >= 0 && g.x1 <= page.width && g.y1 <= page.height,
            `${layout} seed ${seed}: ${JSON.stringify(g)} off the page ${page.width}x${page.height}`,
          ).toBe(true);
        }
        const clash = overlaps(page.glyphs).map(
          ([a, b]) => `${a.c}@${a.x0.toFixed(0)},${a.y0.toFixed(0)} / ${b.c}`,
        );
        expect(clash.slice(0, 5), `${layout} seed ${seed}`).toEqual([]);
        if (qr?.page !== index) return;
        const square = { x0: qr.left, y0: qr.top, x1: qr.left + qr.side, y1: qr.top + qr.side };
        expect(square.x0 >= 0 && square.y0 >= 0 && square.x1 <= page.width && square.y1 <= page.height).toBe(
          true,
        );
        const under = page.glyphs.filter(
          (g) => g.x1 > square.x0 && g.x0 < square.x1 && g.y1 > square.y0 && g.y0 < square.y1,
        );
        expect(under.map((g) => g.c).join(''), `${layout} seed ${seed}: text under the QR code`).toBe('');
      });
    }
  });
});
