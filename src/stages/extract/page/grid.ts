import type { Box, Ruling, Word } from '../../../contract/document.ts';

/**
 * Ruled grids of a page: its ruling lines joined into tables of row bands (between horizontal rules) and
 * cells (between the vertical rules that cross the band), with every word placed in the cell that holds its
 * centre. A cell's lines read top to bottom, so a description that wraps inside its cell is one text
 * however its lines sit against the single-line cells beside it (vertically centred or not).
 */
export interface GridCell {
  x0: number;
  x1: number;
  words: Word[];
  /** The cell's words as printed lines, top to bottom, each left to right. */
  lines: string[];
  /** All lines joined by one space. */
  text: string;
}

export interface GridBand {
  y0: number;
  y1: number;
  cells: GridCell[];
}

export interface Grid extends Box {
  bands: GridBand[];
}

/** Rules this close (points) are one rule; segments whose ends are this close join. */
const SNAP = 2;
/** A ruling this thick or thicker is no line. */
const MAX_THICKNESS = 3;
/** Horizontal × vertical pairs tested at most per page (a hostile page of rules costs no more). */
const MAX_PAIRS = 1_000_000;
/** A horizontal rule bounds the grid's rows when it spans at least this share of the grid's width. */
const ROW_RULE_SPAN = 0.5;

export interface Segment {
  /** The fixed coordinate: y of a horizontal rule, x of a vertical one. */
  at: number;
  from: number;
  to: number;
}

/** The ruled grids of one page: two or more row bands and two or more columns each. */
export function buildGrids(rulings: readonly Ruling[], words: readonly Word[]): Grid[] {
  const { horizontal: hs, vertical: vs } = pageRules(rulings);
  if (hs.length < 2 || vs.length < 2 || hs.length * vs.length > MAX_PAIRS) return [];
  const components = connect(hs, vs);
  const grids: Grid[] = [];
  for (const { h, v } of components) {
    if (h.length < 2 || v.length < 2) continue;
    const grid = toGrid(h, v, words);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => a.y0 - b.y0);
}

/** A page's rulings as merged horizontal and vertical rules; thick ones (filled areas) are no lines. */
export function pageRules(rulings: readonly Ruling[]): { horizontal: Segment[]; vertical: Segment[] } {
  const horizontal: Segment[] = [];
  const vertical: Segment[] = [];
  for (const r of rulings) {
    const width = r.x1 - r.x0;
    const height = r.y1 - r.y0;
    if (height < MAX_THICKNESS && width > height)
      horizontal.push({ at: (r.y0 + r.y1) / 2, from: r.x0, to: r.x1 });
    else if (width < MAX_THICKNESS && height > width)
      vertical.push({ at: (r.x0 + r.x1) / 2, from: r.y0, to: r.y1 });
  }
  return { horizontal: mergeSegments(horizontal), vertical: mergeSegments(vertical) };
}

/** Collinear segments that overlap or touch become one; near-equal positions snap together. */
export function mergeSegments(segments: Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.at - b.at || a.from - b.from);
  const lines: Segment[][] = [];
  for (const s of sorted) {
    const group = lines[lines.length - 1];
    if (group && s.at - group[0]!.at <= SNAP) group.push(s);
    else lines.push([s]);
  }
  const merged: Segment[] = [];
  for (const group of lines) {
    const at = group.reduce((sum, s) => sum + s.at, 0) / group.length;
    group.sort((a, b) => a.from - b.from);
    let current: Segment | null = null;
    for (const s of group) {
      if (current && s.from <= current.to + SNAP) current.to = Math.max(current.to, s.to);
      else {
        if (current) merged.push(current);
        current = { at, from: s.from, to: s.to };
      }
    }
    if (current) merged.push(current);
  }
  return merged;
}

/** Rules that cross or touch one another, gathered into connected sets. */
function connect(hs: Segment[], vs: Segment[]): { h: Segment[]; v: Segment[] }[] {
  const parent = Array.from({ length: hs.length + vs.length }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) {
      const next = parent[i]!;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  hs.forEach((h, i) => {
    vs.forEach((v, j) => {
      if (v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP)
        parent[find(i)] = find(hs.length + j);
    });
  });
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  const group = (i: number) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) {
      g = { h: [], v: [] };
      groups.set(root, g);
    }
    return g;
  };
  hs.forEach((h, i) => {
    group(i).h.push(h);
  });
  vs.forEach((v, j) => {
    group(hs.length + j).v.push(v);
  });
  return [...groups.values()];
}

function toGrid(hs: Segment[], vs: Segment[], words: readonly Word[]): Grid | null {
  const x0 = Math.min(...hs.map((h) => h.from));
  const x1 = Math.max(...hs.map((h) => h.to));
  const y0 = Math.min(...vs.map((v) => v.from), ...hs.map((h) => h.at));
  const y1 = Math.max(...vs.map((v) => v.to), ...hs.map((h) => h.at));
  const width = x1 - x0;
  const ys = uniqueSorted(hs.filter((h) => h.to - h.from >= ROW_RULE_SPAN * width).map((h) => h.at));
  if (ys.length < 2) return null;
  const inside = words.filter((w) => {
    const cx = (w.x0 + w.x1) / 2;
    const cy = (w.y0 + w.y1) / 2;
    return cx > x0 && cx < x1 && cy > ys[0]! && cy < ys[ys.length - 1]!;
  });
  const bands: GridBand[] = [];
  for (let i = 1; i < ys.length; i++) {
    const top = ys[i - 1]!;
    const bottom = ys[i]!;
    if (bottom - top < 3) continue;
    const middle = (top + bottom) / 2;
    const crossing = vs.filter((v) => v.from <= middle && v.to >= middle).map((v) => v.at);
    const edges = uniqueSorted(crossing);
    if (edges.length < 2) continue;
    const cells: GridCell[] = [];
    for (let k = 1; k < edges.length; k++) cells.push(cellOf(edges[k - 1]!, edges[k]!, top, bottom, inside));
    bands.push({ y0: top, y1: bottom, cells });
  }
  if (bands.length < 2) return null;
  return { x0, y0, x1, y1, bands };
}

function cellOf(left: number, right: number, top: number, bottom: number, words: readonly Word[]): GridCell {
  const own = words.filter((w) => {
    const cx = (w.x0 + w.x1) / 2;
    const cy = (w.y0 + w.y1) / 2;
    return cx >= left && cx < right && cy >= top && cy < bottom;
  });
  const lines = printedLines(own);
  return { x0: left, x1: right, words: own, lines, text: lines.join(' ') };
}

/** Words grouped into lines by their vertical centres, top to bottom, each line left to right. */
export function printedLines(words: readonly Word[]): string[] {
  const sorted = [...words].sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1));
  const lines: Word[][] = [];
  for (const word of sorted) {
    const line = lines[lines.length - 1];
    const centre = (word.y0 + word.y1) / 2;
    if (line) {
      const last = line[line.length - 1]!;
      const height = Math.max(1, Math.min(last.y1 - last.y0, word.y1 - word.y0));
      if (Math.abs(centre - (last.y0 + last.y1) / 2) < 0.5 * height) {
        line.push(word);
        continue;
      }
    }
    lines.push([word]);
  }
  return lines.map((line) =>
    line
      .sort((a, b) => a.x0 - b.x0)
      .map((w) => w.text)
      .join(' ')
      .trim(),
  );
}

function uniqueSorted(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - out[out.length - 1]! > SNAP) out.push(v);
  return out;
}
