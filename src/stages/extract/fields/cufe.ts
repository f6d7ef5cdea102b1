import type { Word } from '../../../contract/document.ts';
import { findLabels, type LabelHit, type Row } from '../page/layout.ts';
import type { Found } from './header.ts';

/**
 * The CUFE/CUDE: 96 hex characters after its label, often wrapped over two or three rows in a small font.
 * OCR reads some hex characters as look-alikes; those are mapped back only inside a run that is otherwise hex,
 * and only a run of exactly 96 characters is a CUFE. Hex characters read as other hex characters (an "f" read
 * as "1") cannot be told apart from the text and stay wrong.
 */
export function findCufe(rows: Row[]): Found<string> | null {
  for (const hit of findLabels(rows, /\b(?:cufe|cude)\b/g)) {
    const run = hexRun(wordsAfter(rows, hit));
    if (run && run.hex.length === 96) {
      // OCR's own doubt is the best hint of a hex character read as another (the "f" read as "1").
      const score = (run.repaired ? 0.7 : 0.97) * (0.4 + 0.6 * run.confidence);
      return { value: run.hex.toLowerCase(), score, row: hit.row };
    }
  }
  const direct = rows.map((r) => /\b[0-9a-f]{96}\b/i.exec(r.text)).find((m) => m);
  return direct ? { value: direct[0].toLowerCase(), score: 0.9, row: null } : null;
}

/** The label's own row after it, then up to six following rows in the label's column (a sidebar shares rows). */
function wordsAfter(rows: Row[], hit: LabelHit): Word[] {
  const words = hit.row.words.slice(hit.last + 1);
  const labelCellX = hit.row.cells.find((c) => c.x0 <= hit.x0 + 0.5 && c.x1 >= hit.x1 - 0.5)?.x0 ?? hit.x0;
  for (let i = hit.row.order + 1; i < rows.length && i <= hit.row.order + 6; i++) {
    const next = rows[i]!;
    if (next.page !== hit.row.page) break;
    for (const cell of next.cells)
      if (cell.x0 >= labelCellX - 20 && cell.x0 <= hit.x1 + 20) words.push(...cell.words);
  }
  return words;
}

/**
 * Non-hex characters OCR puts in place of hex ones, from the dev scans: "f" as "t", "£", "f£"; "5" as "S";
 * "0" as "O"; "1" as "l"; upper-case hex letters for lower-case ones.
 */
const LOOKALIKES: [RegExp, string][] = [
  [/f£|£f|£/g, 'f'],
  [/t/g, 'f'],
  [/[Ss]/g, '5'],
  [/[Oo]/g, '0'],
  [/[lI|]/g, '1'],
  [/[Zz]/g, '2'],
  [/G/g, '6'],
  [/T/g, '7'],
  [/B/g, '8'],
  [/[gq]/g, '9'],
];

function hexRun(words: Word[]): { hex: string; repaired: boolean; confidence: number } | null {
  let hex = '';
  let repaired = false;
  let confidence = 1;
  for (const word of words) {
    const clean = word.text.replace(/^[^0-9A-Za-z£]+|[^0-9A-Za-z£]+$/g, '');
    if (clean === '') continue;
    // Before the run starts, words are prose of a neighbouring column ("desgaste" is hex once repaired);
    // inside it, a short piece is the tail of a wrapped or split run.
    if (hex === '' && clean.length < 12) continue;
    let fixed = clean;
    for (const [pattern, replacement] of LOOKALIKES) fixed = fixed.replace(pattern, replacement);
    const lookalikes = [...clean].filter((c) => !/[0-9a-fA-F]/.test(c)).length;
    if (!/^[0-9a-fA-F]+$/.test(fixed) || lookalikes > 0.25 * clean.length) {
      if (hex !== '') break;
      continue;
    }
    if (lookalikes > 0) repaired = true;
    hex += fixed;
    confidence = Math.min(confidence, word.confidence);
    if (hex.length >= 96) break;
  }
  return hex === '' ? null : { hex, repaired, confidence };
}
