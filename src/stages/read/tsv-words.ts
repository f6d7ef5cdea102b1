import type { OcrWord } from './ocr-types.ts';

/** tesseract's TSV columns: level … left top width height conf text; level 5 rows are words. */
const WORD_LEVEL = '5';

/** Words of tesseract's TSV output, boxes in pixels of the image tesseract saw. */
export function parseTsvWords(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const line of tsv.split('\n')) {
    const columns = line.split('\t');
    if (columns.length < 12 || columns[0] !== WORD_LEVEL) continue;
    const text = columns.slice(11).join('\t').trim();
    const confidence = Number(columns[10]);
    if (text === '' || !(confidence >= 0)) continue;
    const left = Number(columns[6]);
    const top = Number(columns[7]);
    const width = Number(columns[8]);
    const height = Number(columns[9]);
    words.push({ text, confidence: confidence / 100, x0: left, y0: top, x1: left + width, y1: top + height });
  }
  return words;
}
