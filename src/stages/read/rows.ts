import type { TextLine, Word } from '../../contract/document.ts';

/**
 * Groups words into visual rows (top to bottom, each row left to right), the way a person reads a page.
 * Text layers and OCR both hand back fragments in arbitrary order: a label and its value are often separate
 * fragments on the same baseline, so extraction works on rows, not on the producer's own lines.
 * A wide horizontal gap inside a row is rendered as three spaces so that plain-text rules can still see
 * the column break.
 */
export function groupIntoRows(words: Word[]): TextLine[] {
  const sorted = words
    .filter((w) => w.text.trim() !== '')
    .sort((a, b) => centerY(a) - centerY(b) || a.x0 - b.x0);
  const rows: Word[][] = [];
  for (const word of sorted) {
    const row = findRow(rows, word);
    if (row) row.push(word);
    else rows.push([word]);
  }
  return rows
    .map((row) => toLine(row.sort((a, b) => a.x0 - b.x0)))
    .sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1) || a.x0 - b.x0);
}

function centerY(w: Word): number {
  return (w.y0 + w.y1) / 2;
}

/**
 * The last few rows are the only candidates: words arrive sorted by their vertical centre. A word joins a row
 * when its centre is close to the row's mean centre. Comparing with the row's union of boxes instead lets a
 * row grow and swallow the next line of another column when two columns' lines are offset by half a line.
 */
function findRow(rows: Word[][], word: Word): Word[] | undefined {
  const height = Math.max(1, word.y1 - word.y0);
  const center = centerY(word);
  for (let i = rows.length - 1; i >= Math.max(0, rows.length - 3); i--) {
    const row = rows[i]!;
    let centers = 0;
    let heights = 0;
    for (const w of row) {
      centers += centerY(w);
      heights += w.y1 - w.y0;
    }
    const rowCenter = centers / row.length;
    const rowHeight = Math.max(1, heights / row.length);
    if (
      Math.abs(center - rowCenter) <= 0.4 * Math.max(height, rowHeight) &&
      !overlapsHorizontally(row, word)
    ) {
      return row;
    }
  }
  return undefined;
}

function overlapsHorizontally(row: Word[], word: Word): boolean {
  return row.some((w) => Math.min(w.x1, word.x1) - Math.max(w.x0, word.x0) > 0.5 * (word.x1 - word.x0));
}

function toLine(words: Word[]): TextLine {
  let text = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (i > 0) {
      const previous = words[i - 1]!;
      const charWidth = (previous.x1 - previous.x0) / Math.max(1, previous.text.length);
      text += word.x0 - previous.x1 > Math.max(3 * charWidth, 8) ? '   ' : ' ';
    }
    text += word.text;
  }
  return {
    text,
    words,
    x0: Math.min(...words.map((w) => w.x0)),
    y0: Math.min(...words.map((w) => w.y0)),
    x1: Math.max(...words.map((w) => w.x1)),
    y1: Math.max(...words.map((w) => w.y1)),
  };
}
