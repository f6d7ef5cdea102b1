import { describe, expect, it } from 'vitest';
import type { TextLine, Word } from '../../../../src/contract/document.ts';
import { mergeSplitLines } from '../../../../src/stages/extract/page/ocr-lines.ts';

const word = (text: string, x0: number, y0: number, x1: number, y1: number): Word => ({
  text,
  x0,
  y0,
  x1,
  y1,
  confidence: 0.9,
});

const line = (...words: Word[]): TextLine => ({
  text: words.map((w) => w.text).join(' '),
  words,
  x0: Math.min(...words.map((w) => w.x0)),
  y0: Math.min(...words.map((w) => w.y0)),
  x1: Math.max(...words.map((w) => w.x1)),
  y1: Math.max(...words.map((w) => w.y1)),
});

describe('mergeSplitLines', () => {
  it('joins a row tesseract cut in two because one box was drawn too wide', () => {
    const merged = mergeSplitLines([
      line(word('Factura', 325, 51, 388, 58)),
      line(
        word('Señor(es):', 33, 51, 69, 59),
        word('de', 356, 50, 364, 61),
        word('venta', 368, 51, 387, 58),
        word('No.:', 391, 51, 406, 58),
        word('FEV18897', 442, 51, 479, 59),
      ),
      line(word('Hilanderías', 33, 62, 84, 69)),
    ]);
    expect(merged.map((l) => l.text)).toEqual(['Señor(es): Factura de venta No.: FEV18897', 'Hilanderías']);
    expect(merged[0]!.y0).toBe(50);
    expect(merged[0]!.x1).toBe(479);
  });

  it('keeps lines offset by half a line apart (two columns drifting)', () => {
    const merged = mergeSplitLines([
      line(word('NIT:', 40, 100, 60, 110)),
      line(word('Dirección:', 300, 105, 350, 115)),
    ]);
    expect(merged).toHaveLength(2);
  });

  it('is not fooled by one tall speck stretching a line', () => {
    const merged = mergeSplitLines([
      line(word('Fecha', 40, 100, 70, 108), word('de', 72, 100, 80, 108), word('|', 85, 98, 87, 116)),
      line(word('Total', 300, 107, 330, 116)),
    ]);
    expect(merged).toHaveLength(2);
  });

  it('gives back the words a too-wide box pushed into the next row of a table', () => {
    const merged = mergeSplitLines([
      line(
        word('de', 108, 214, 116, 226),
        word('2025', 120, 214, 140, 226),
        word('003B', 197, 212, 217, 219),
        word('CAMBIO', 237, 212, 273, 219),
        word('HR', 418, 212, 430, 219),
        word('176.80', 557, 212, 580, 219),
      ),
      line(word('23', 37, 214, 47, 226), word('de', 51, 214, 60, 226), word('noviembre', 63, 215, 139, 222)),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.text).toBe('23 de noviembre de 2025 003B CAMBIO HR 176.80');
  });
});
