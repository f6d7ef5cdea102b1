import type { Box, ReadDocument, Word } from '../../../contract/document.ts';

/**
 * Runs of up to `maxWords` consecutive words of one printed line: the units a value is looked for in (a
 * value may be printed as several words: `FE 1234`, `$ 1.234.567,89`, `15 de marzo de 2026`).
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

export function boxOf(words: readonly Box[]): Box {
  return {
    x0: Math.min(...words.map((w) => w.x0)),
    y0: Math.min(...words.map((w) => w.y0)),
    x1: Math.max(...words.map((w) => w.x1)),
    y1: Math.max(...words.map((w) => w.y1)),
  };
}

export function* spans(document: ReadDocument, maxWords = 6): Generator<Span> {
  for (const page of document.pages) {
    for (const [lineIndex, line] of page.lines.entries()) {
      const words = [...line.words].sort((a, b) => a.x0 - b.x0);
      for (let start = 0; start < words.length; start++) {
        for (let end = start + 1; end <= Math.min(words.length, start + maxWords); end++) {
          const run = words.slice(start, end);
          yield {
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
      }
    }
  }
}

/** The words printed before the span on its line (nearest last). */
export function wordsBefore(document: ReadDocument, span: Span): Word[] {
  const line = document.pages.find((p) => p.index === span.page)?.lines[span.line];
  if (!line) return [];
  return [...line.words].sort((a, b) => a.x0 - b.x0).slice(0, span.start);
}
