import type { Box, ReadDocument, Word } from '../../../contract/document.ts';
import { pageRules, printedLines, type Segment } from './grid.ts';
import type { LabelHit, Row } from './layout.ts';

/**
 * The ruled box a label heads: forms that print each field in a box of its own (a DANFE's "VALOR TOTAL DA
 * NOTA", a DIAN grid, a German form) put the label at the top of the box and the value under it, anywhere
 * across the box's width (often right-aligned, far from the label). The box is found from the page's ruling
 * lines: the nearest rules above, below, left and right of the label that enclose it. The value is the first
 * printed line under the label inside that box.
 */
export interface BoxedValue {
  text: string;
  /** The row the value's first word sits on. */
  row: Row;
  confidence: number;
  /** The value is in the cell under the label's own (a ruled grid of headings over values), not beside it. */
  cellBelow?: boolean;
}

type Rule = Segment;

interface PageRules {
  horizontal: Rule[];
  vertical: Rule[];
}

/** Rules this close to a label's edge still enclose it (points). */
const TOLERANCE = 1.5;
/** A box taller than this many label heights is a frame or a section, not a field's box. */
const MAX_HEIGHT_RATIO = 7;
/** The value starts within this many label heights under the label. */
const MAX_GAP_RATIO = 2.5;

export interface RuledBoxes {
  /** The value under a label inside the label's ruled box, or null when the label heads no box. */
  valueBelow(rows: Row[], hit: LabelHit): BoxedValue | null;
}

export const NO_BOXES: RuledBoxes = { valueBelow: () => null };

export function ruledBoxes(document: ReadDocument): RuledBoxes {
  const pages = new Map<number, PageRules>();
  for (const page of document.pages) {
    if (page.rulings && page.rulings.length > 0) pages.set(page.index, pageRules(page.rulings));
  }
  if (pages.size === 0) return NO_BOXES;
  return {
    valueBelow(rows, hit) {
      const rules = pages.get(hit.row.page);
      if (!rules) return null;
      const label = labelBox(hit);
      if (!label) return null;
      const box = enclosingBox(rules, label);
      if (!box) return null;
      const own = firstLineBelow(rows, hit, label, box);
      if (own !== undefined) return own;
      // The label fills its cell (a heading of a ruled grid, "Totale documento" over "€ 6.349,00"): the
      // value is in the cell right under it, between the same side rules.
      if (!holdsOnly(hit, box)) return null;
      const below = cellUnder(rules, box);
      if (!below) return null;
      const value = firstLine(rows, hit, below, label.y1 - label.y0);
      return value ? { ...value, cellBelow: true } : null;
    },
  };
}

/** The label's own words' box (its row may be taller: words of other cells share it). */
function labelBox(hit: LabelHit): Box | null {
  const words = hit.row.words.slice(hit.first, hit.last + 1);
  if (words.length === 0) return null;
  return {
    x0: Math.min(...words.map((w) => w.x0)),
    y0: Math.min(...words.map((w) => w.y0)),
    x1: Math.max(...words.map((w) => w.x1)),
    y1: Math.max(...words.map((w) => w.y1)),
  };
}

function enclosingBox(rules: PageRules, label: Box): Box | null {
  const height = Math.max(1, label.y1 - label.y0);
  const middle = (label.y0 + label.y1) / 2;
  let top: number | null = null;
  let bottom: number | null = null;
  for (const h of rules.horizontal) {
    if (!spans(h, label.x0, label.x1)) continue;
    if (h.at <= label.y0 + TOLERANCE && (top === null || h.at > top)) top = h.at;
    if (h.at >= label.y1 - TOLERANCE && (bottom === null || h.at < bottom)) bottom = h.at;
  }
  if (top === null || bottom === null || bottom - top > MAX_HEIGHT_RATIO * height) return null;
  let left: number | null = null;
  let right: number | null = null;
  // The sides run down the whole box, from the label's middle to the bottom rule.
  for (const v of rules.vertical) {
    if (!spans(v, middle, bottom)) continue;
    if (v.at <= label.x0 + TOLERANCE && (left === null || v.at > left)) left = v.at;
    if (v.at >= label.x1 - TOLERANCE && (right === null || v.at < right)) right = v.at;
  }
  if (left === null || right === null) return null;
  return { x0: left, y0: top, x1: right, y1: bottom };
}

/** A rule runs from `lo` to `hi` (within the tolerance). */
function spans(rule: Rule, lo: number, hi: number): boolean {
  return rule.from <= lo + TOLERANCE && rule.to >= hi - TOLERANCE;
}

function inside(word: Word, box: Box): boolean {
  const cx = (word.x0 + word.x1) / 2;
  const cy = (word.y0 + word.y1) / 2;
  return cx > box.x0 && cx < box.x1 && cy > box.y0 && cy < box.y1;
}

/**
 * The cell right under `box`: its bottom rule is the cell's top, its side rules run on down to the next rule
 * across the same width. Null when the grid does not continue there.
 */
function cellUnder(rules: PageRules, box: Box): Box | null {
  const height = box.y1 - box.y0;
  let bottom: number | null = null;
  for (const h of rules.horizontal) {
    if (!spans(h, box.x0, box.x1) || h.at <= box.y1 + TOLERANCE) continue;
    if (bottom === null || h.at < bottom) bottom = h.at;
  }
  if (bottom === null || bottom - box.y1 > MAX_HEIGHT_RATIO * height) return null;
  const sides = (x: number) =>
    rules.vertical.some((v) => Math.abs(v.at - x) <= TOLERANCE && spans(v, box.y1, bottom));
  if (!sides(box.x0) || !sides(box.x1)) return null;
  return { x0: box.x0, y0: box.y1, x1: box.x1, y1: bottom };
}

/** Nothing but the label's own words on its line inside the box (a heading's cell, not a row of them). */
function holdsOnly(hit: LabelHit, box: Box): boolean {
  const own = new Set(hit.row.words.slice(hit.first, hit.last + 1));
  return hit.row.words.every((word) => own.has(word) || !inside(word, box));
}

/** The first printed line inside a cell. */
function firstLine(rows: Row[], hit: LabelHit, cell: Box, height: number): BoxedValue | null {
  const found: Found[] = [];
  for (let i = hit.row.order; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.page > hit.row.page || row.y0 > cell.y1) break;
    for (const word of row.words) if (inside(word, cell)) found.push({ word, row });
  }
  return found.length > 0 ? topLine(found, height) : null;
}

type Found = { word: Word; row: Row };

/** The topmost printed line of the words found, with its row and its words' lowest OCR confidence. */
function topLine(found: Found[], height: number): BoxedValue | null {
  const topmost = Math.min(...found.map((f) => f.word.y0));
  const first = printedLines(found.map((f) => f.word))[0];
  if (!first) return null;
  const firstWords = found.filter((f) => f.word.y0 < topmost + 0.5 * Math.max(1, height));
  return {
    text: first,
    row: firstWords[0]?.row ?? found[0]!.row,
    confidence: firstWords.reduce((m, f) => Math.min(m, f.word.confidence), 1),
  };
}

/**
 * The first printed line under the label inside its box; null when the box says there is no value there (a
 * value beside the label, something printed above it); undefined when nothing with a figure is under the
 * label (the box holds the label alone, or its wrapped end).
 */
function firstLineBelow(rows: Row[], hit: LabelHit, label: Box, box: Box): BoxedValue | null | undefined {
  const height = Math.max(1, label.y1 - label.y0);
  const found: Found[] = [];
  for (let i = Math.max(0, hit.row.order - 3); i < rows.length; i++) {
    const row = rows[i]!;
    if (row.page < hit.row.page) continue;
    if (row.page > hit.row.page || row.y0 > box.y1) break;
    for (const word of row.words) {
      if (!inside(word, box)) continue;
      const cy = (word.y0 + word.y1) / 2;
      // The label heads its box: nothing printed above it inside the box.
      if (cy < label.y0) return null;
      // Nor beside it: a value on the label's own line ("Zwischensumme:   400,80" in a totals box ruled
      // around several lines) is the label's value, and what lies below belongs to the next label.
      // (A speck or a letter OCR split off the label, "Y ALOR TOTAL", is no value.)
      if (cy <= label.y1 && word.x0 >= label.x1 && /\d/.test(word.text)) return null;
      if (cy > label.y1) found.push({ word, row });
    }
  }
  // Nothing under the label but words without a figure: the label's own wrapped end ("Totale" / "documento").
  if (!found.some((f) => /\d/.test(f.word.text))) return undefined;
  const topmost = Math.min(...found.map((f) => f.word.y0));
  if (topmost - label.y1 > MAX_GAP_RATIO * height) return null;
  return topLine(found, height);
}
