import type { TextLine } from '../../../contract/document.ts';

/**
 * Tesseract sometimes cuts one printed row into several lines at the same height: a label's first word on its
 * own line ("Factura" / "de venta No.: FEV18897"), one word of a description dropped out of its row, the two
 * halves of a wrapped label grid. Downstream everything reasons in visual rows, so lines that share most of
 * their height are joined back into one, words in left-to-right order.
 */
export function mergeSplitLines(lines: TextLine[]): TextLine[] {
  const groups: TextLine[] = [];
  for (const line of lines) {
    if (line.words.length === 0) continue;
    const same = groups.find((g) => sameRow(g, line));
    if (!same) {
      groups.push({ ...line, words: [...line.words] });
      continue;
    }
    same.words.push(...line.words);
    same.x0 = Math.min(same.x0, line.x0);
    same.x1 = Math.max(same.x1, line.x1);
    same.y0 = Math.min(same.y0, line.y0);
    same.y1 = Math.max(same.y1, line.y1);
  }
  for (const group of groups) {
    group.words.sort((a, b) => a.x0 - b.x0);
    group.text = group.words.map((w) => w.text).join(' ');
  }
  return groups.sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1));
}

/** Two lines are one row when each covers most of the other's height (robust to one tall speck). */
function sameRow(a: TextLine, b: TextLine): boolean {
  const ha = coreHeight(a);
  const hb = coreHeight(b);
  const overlap = Math.min(ha.y1, hb.y1) - Math.max(ha.y0, hb.y0);
  if (overlap <= 0) return false;
  const small = Math.min(ha.y1 - ha.y0, hb.y1 - hb.y0);
  const large = Math.max(ha.y1 - ha.y0, hb.y1 - hb.y0);
  const centres = Math.abs(ha.y0 + ha.y1 - hb.y0 - hb.y1) / 2;
  return overlap >= 0.7 * small && centres <= 0.4 * large;
}

/** The line's vertical extent from its median word, so a stray tall box does not stretch it. */
function coreHeight(line: TextLine): { y0: number; y1: number } {
  const tops = line.words.map((w) => w.y0).sort((x, y) => x - y);
  const bottoms = line.words.map((w) => w.y1).sort((x, y) => x - y);
  const mid = Math.floor(tops.length / 2);
  return { y0: tops[mid]!, y1: bottoms[mid]! };
}
