import type { PageText, Word } from '../../contract/document.ts';
import type { OcrPageResult } from './ocr-types.ts';
import { groupIntoRows } from './rows.ts';

/** OCR words (pixels at `dpi`) as a page in PDF points, grouped into rows like a text layer. */
export function ocrPageText(
  result: OcrPageResult,
  page: Pick<PageText, 'index' | 'width' | 'height'>,
  dpi: number,
) {
  const scale = 72 / dpi;
  const words: Word[] = result.words.map((w) => ({
    text: w.text,
    confidence: w.confidence,
    x0: w.x0 * scale,
    y0: w.y0 * scale,
    x1: w.x1 * scale,
    y1: w.y1 * scale,
  }));
  // A page read after a quarter turn is as wide as it was tall.
  const sideways = result.quarterTurns % 2 === 1;
  return {
    index: page.index,
    width: sideways ? page.height : page.width,
    height: sideways ? page.width : page.height,
    source: 'ocr',
    lines: groupIntoRows(words),
    deskewDegrees: result.deskewDegrees,
    ...(result.codes.length > 0 ? { codes: result.codes } : {}),
    ...(result.rulings.length > 0 ? { rulings: result.rulings } : {}),
    ...(result.quarterTurns !== 0 ? { quarterTurns: result.quarterTurns } : {}),
  } satisfies PageText;
}

/**
 * A text-layer page plus the OCR words found where the text layer has nothing (the printed part of a scanned
 * form whose filled-in values are text). Text-layer words win wherever both overlap.
 */
export function mergeOcrWords(textPage: PageText, ocrPage: PageText): PageText {
  // OCR read the page turned: its words are in another frame than the text layer's, which stands as it is.
  if (ocrPage.quarterTurns) return textPage;
  const textWords = textPage.lines.flatMap((l) => l.words);
  const extra = ocrPage.lines
    .flatMap((l) => l.words)
    .filter((word) => word.confidence >= 0.5 && !textWords.some((t) => overlaps(t, word)));
  const codes = [...new Set([...(textPage.codes ?? []), ...(ocrPage.codes ?? [])])];
  const withCodes = codes.length > 0 ? { ...textPage, codes } : textPage;
  if (extra.length === 0) return withCodes;
  return {
    ...withCodes,
    source: 'ocr',
    lines: groupIntoRows([...textWords, ...extra]),
    deskewDegrees: ocrPage.deskewDegrees,
  };
}

/** Overlap over the smaller box's area: OCR boxes are looser than text-layer ones. */
function overlaps(a: Word, b: Word): boolean {
  const width = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const height = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  if (width <= 0 || height <= 0) return false;
  const smaller = Math.min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0));
  return width * height > 0.3 * Math.max(1e-6, smaller);
}
