import { describe, expect, it } from 'vitest';
import type { Word } from '../../../../src/contract/document.ts';
import { cleanOcrWords, isNoiseRow } from '../../../../src/stages/extract/text/ocr-noise.ts';

const word = (text: string, x0: number, x1: number, confidence = 0.9): Word => ({
  text,
  x0,
  x1,
  y0: 100,
  y1: 108,
  confidence,
});

describe('cleanOcrWords', () => {
  it('keeps the dash of a NIT check digit, glued to the digits', () => {
    const words = [
      word('NIT', 300, 315),
      word('908335392', 318, 360),
      word('-', 364, 366),
      word('4', 370, 375),
    ];
    expect(cleanOcrWords(words).map((w) => w.text)).toEqual(['NIT', '908335392-4']);
    const lost = [word('837233376', 206, 250), word('-', 254, 255), word('102A', 289, 304)];
    expect(cleanOcrWords(lost).map((w) => w.text)).toEqual(['837233376-', '102A']);
    // " - " printed with a space either side, in small type.
    const spaced = [word('896482857', 103, 145), word('-', 151, 155), word('3', 161, 164)];
    expect(cleanOcrWords(spaced.map((w) => ({ ...w, y0: 25, y1: 31 }))).map((w) => w.text)).toEqual([
      '896482857-3',
    ]);
  });

  it('still drops dashes that are specks or separators', () => {
    const words = [
      word('S.A.S.', 152, 170),
      word('-', 175, 176, 0.39),
      word('Total', 200, 220),
      word('-', 224, 226),
    ];
    expect(cleanOcrWords(words).map((w) => w.text)).toEqual(['S.A.S.', 'Total']);
    // An amount is not a NIT base.
    const amount = [word('1.234.567', 100, 140), word('-', 143, 145), word('5', 148, 152)];
    expect(cleanOcrWords(amount).map((w) => w.text)).toEqual(['1.234.567', '5']);
  });

  it('reads a lower-case "l" among a code\'s capitals as the capital "I"', () => {
    const words = [
      word('No.', 10, 25),
      word('Sl-52916', 30, 70),
      word('lNV0042', 80, 120),
      word('Sl', 130, 140),
    ];
    expect(cleanOcrWords(words).map((w) => w.text)).toEqual(['No.', 'SI-52916', 'INV0042', 'Sl']);
    expect(cleanOcrWords([word('Hl-5', 10, 30), word('l-5', 40, 60)]).map((w) => w.text)).toEqual([
      'HI-5',
      'l-5',
    ]);
  });

  it('drops a table rule read as a square bracket beside a code or an amount', () => {
    const words = [word('[003A', 56, 75), word('Correa', 113, 140), word('115.600]', 518, 550)];
    expect(cleanOcrWords(words).map((w) => w.text)).toEqual(['003A', 'Correa', '115.600']);
  });

  it('rejoins an amount OCR split right after one of its separators', () => {
    const cents = [word('TOTAL', 13, 40), word('32.819.418,', 153, 203), word('44', 206, 214)];
    expect(cleanOcrWords(cents).map((w) => w.text)).toEqual(['TOTAL', '32.819.418,44']);
    const thousands = [word('$42.', 483, 510), word('677.', 513, 534), word('803', 537, 555)];
    expect(cleanOcrWords(thousands).map((w) => w.text)).toEqual(['$42.677.803']);
    expect(cleanOcrWords(thousands)[0]).toMatchObject({ x0: 483, x1: 555 });
    // A number in the next column is farther away; a lone separator after it is still a speck.
    const columns = [word('1.579.', 169, 195), word('500', 240, 253)];
    expect(cleanOcrWords(columns).map((w) => w.text)).toEqual(['1.579', '500']);
  });

  it('gives back the full stop OCR lost after a dotted legal form, not after one printed without it', () => {
    const words = [
      word('Estampados', 10, 50),
      word('S.A', 52, 64),
      word('Ltda', 70, 86),
      word('S.A.S', 90, 110),
    ];
    expect(cleanOcrWords(words).map((w) => w.text)).toEqual(['Estampados', 'S.A.', 'Ltda.', 'S.A.S']);
  });
});

describe('isNoiseRow', () => {
  it('drops specks read as marks, keeps a run of digits however unsure tesseract was', () => {
    expect(isNoiseRow([word('ii', 30, 34, 0.2), word(',', 40, 41, 0.1), word('~', 50, 52, 0.05)])).toBe(true);
    expect(isNoiseRow([word('0C-41559', 34, 73, 0.04)])).toBe(false);
    expect(isNoiseRow([word('Total', 34, 60, 0.9)])).toBe(false);
  });
});
