import type * as mupdf from 'mupdf';
import type { PageText, Word } from '../../contract/document.ts';
import { groupIntoRows } from './rows.ts';

type Quad = [number, number, number, number, number, number, number, number];

/**
 * The page's text layer as words with boxes, from mupdf's structured text. Characters are walked one by one
 * (their quads give exact boxes) and split into words on white space.
 */
export function readTextLayer(page: mupdf.Page, index: number): PageText {
  const [bx0, by0, bx1, by1] = page.getBounds();
  const structured = page.toStructuredText('preserve-whitespace,preserve-ligatures');
  const words: Word[] = [];
  let current: { text: string; x0: number; y0: number; x1: number; y1: number } | null = null;
  const flush = () => {
    if (current && current.text.trim() !== '') words.push({ ...current, confidence: 1 });
    current = null;
  };
  try {
    structured.walk({
      beginLine: () => flush(),
      endLine: () => flush(),
      onChar: (char: string, _origin: unknown, _font: unknown, _size: number, quad: Quad) => {
        if (/\s/.test(char)) {
          flush();
          return;
        }
        const x0 = Math.min(quad[0], quad[4]) - bx0;
        const x1 = Math.max(quad[2], quad[6]) - bx0;
        const y0 = Math.min(quad[1], quad[3]) - by0;
        const y1 = Math.max(quad[5], quad[7]) - by0;
        if (current && x0 - current.x1 > 0.35 * (y1 - y0)) flush();
        if (!current) current = { text: char, x0, y0, x1, y1 };
        else {
          current.text += char;
          current.x0 = Math.min(current.x0, x0);
          current.y0 = Math.min(current.y0, y0);
          current.x1 = Math.max(current.x1, x1);
          current.y1 = Math.max(current.y1, y1);
        }
      },
    });
    flush();
  } finally {
    structured.destroy();
  }
  return {
    index,
    width: bx1 - bx0,
    height: by1 - by0,
    source: 'text',
    lines: groupIntoRows(words),
    deskewDegrees: 0,
  };
}

/** Enough real characters to trust the text layer instead of running OCR. */
export function hasUsableText(page: PageText, minimumCharacters = 20): boolean {
  let letters = 0;
  for (const line of page.lines) letters += (line.text.match(/[\p{L}\p{N}]/gu) ?? []).length;
  return letters >= minimumCharacters;
}
