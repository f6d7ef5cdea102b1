import type { Box, ReadDocument, TextLine, Word } from '../../../contract/document.ts';

/**
 * Runs of consecutive words of one printed line: the units a value is looked for in (a value may be printed
 * as several words: `FE 1234`, `$ 1.234.567,89`, `15 de marzo de 2026`).
 */
export interface Span {
  page: number;
  line: number;
  /** Index of the first word in its line. */
  start: number;
  words: Word[];
  text: string;
  box: Box;
  pageWidth: number;
  pageHeight: number;
}

export interface SpanOptions {
  maxWords: number;
  /** Only runs of exactly `maxWords` words. */
  exact?: boolean;
  /** Cheap tests on the first and last word, checked before a span is built. */
  first?: (word: Word) => boolean;
  last?: (word: Word) => boolean;
}

export function boxOf(words: readonly Box[]): Box {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const w of words) {
    x0 = Math.min(x0, w.x0);
    y0 = Math.min(y0, w.y0);
    x1 = Math.max(x1, w.x1);
    y1 = Math.max(y1, w.y1);
  }
  return { x0, y0, x1, y1 };
}

const sortedWords = new WeakMap<TextLine, Word[]>();

/** The line's words left to right (computed once per line). */
export function lineWords(line: TextLine): Word[] {
  let words = sortedWords.get(line);
  if (!words) {
    words = [...line.words].sort((a, b) => a.x0 - b.x0);
    sortedWords.set(line, words);
  }
  return words;
}

export function makeSpan(
  page: { index: number; width: number; height: number },
  lineIndex: number,
  words: Word[],
  start: number,
  end: number,
): Span {
  const run = words.slice(start, end);
  return {
    page: page.index,
    line: lineIndex,
    start,
    words: run,
    text: run.map((w) => w.text).join(' '),
    box: boxOf(run),
    pageWidth: page.width,
    pageHeight: page.height,
  };
}

export function* spans(document: ReadDocument, options: SpanOptions | number = 6): Generator<Span> {
  const { maxWords, exact, first, last } = typeof options === 'number' ? { maxWords: options } : options;
  for (const page of document.pages) {
    for (const [lineIndex, line] of page.lines.entries()) {
      const words = lineWords(line);
      for (let start = 0; start < words.length; start++) {
        if (first && !first(words[start] as Word)) continue;
        const from = exact ? start + maxWords : start + 1;
        for (let end = from; end <= Math.min(words.length, start + maxWords); end++) {
          if (last && !last(words[end - 1] as Word)) continue;
          yield makeSpan(page, lineIndex, words, start, end);
        }
      }
    }
  }
}

/** The words printed before the span on its line (nearest last). */
export function wordsBefore(document: ReadDocument, span: Span): Word[] {
  const line = document.pages.find((p) => p.index === span.page)?.lines[span.line];
  return line ? lineWords(line).slice(0, span.start) : [];
}
