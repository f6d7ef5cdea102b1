import type { Word } from '../../../contract/document.ts';
import { buildRow, type Row } from './layout.ts';

/**
 * OCR of a monospaced or faint font often loses a thousands separator and leaves a gap where it was:
 * "3.573.200" comes back as "3 573 200" or "3.573 200". Inside a table row a number is rejoined with the
 * next word when that word is exactly three digits (plus optional cents) and the gap is no wider than about
 * one character; numbers in neighbouring columns are separated by far more.
 */
const HEAD = /^[-(]?(?:\$)?\d{1,3}(?:[.,]\d{3})*$/;
/**
 * Exactly three digits and perhaps cents. Not more groups: "5 248.100,00" is far more often a "$" read as 5
 * than a lost separator.
 */
const TAIL = /^\d{3}(?:([.,])\d{1,2})?$/;
/** "229,600 86": the decimal mark lost, the cents left as a word of their own. */
const GROUPED = /^(?:\$)?\d{1,3}(?:([.,])\d{3})+$/;
const CENTS = /^\d{2}$/;
const DOLLAR_HEAD = /^[-(]?\$\d{1,3}$/;
const LONG_TAIL = /^\d{3}([.,])\d{3}(?:\1\d{3})*(?!\1)[.,]\d{2}$/;

export function joinSplitThousands(words: Word[]): Word[] {
  const out: Word[] = [];
  for (const word of words) {
    const previous = out[out.length - 1];
    // Text-layer words (confidence 1) carry their separators as printed: only OCR loses them.
    const fromOcr = previous !== undefined && Math.min(previous.confidence, word.confidence) < 1;
    const joined = previous && fromOcr ? joinedText(previous, word) : null;
    if (previous && joined !== null) out[out.length - 1] = merged(previous, word, joined);
    else out.push(word);
  }
  return out;
}

/** The text of `previous` and `word` read as one amount, or null when they are two. Both are OCR words. */
function joinedText(previous: Word, word: Word): string | null {
  const tail = TAIL.exec(word.text);
  if (tail && HEAD.test(previous.text) && closeEnough(previous, word)) {
    // The decimal mark of the tail, if any, tells which mark the lost thousands separator was.
    return `${previous.text}${tail[1] === '.' ? ',' : '.'}${word.text}`;
  }
  // "$53 714,691.39": after a dollar sign the head is money, not a "$" read as 5, so a longer tail joins too,
  // with the tail's own thousands mark.
  const longTail = LONG_TAIL.exec(word.text);
  if (longTail && DOLLAR_HEAD.test(previous.text) && closeEnough(previous, word))
    return `${previous.text}${longTail[1]}${word.text}`;
  const grouped = GROUPED.exec(previous.text);
  if (grouped && CENTS.test(word.text) && centsGap(previous, word))
    return `${previous.text}${grouped[1] === ',' ? '.' : ','}${word.text}`;
  // "1 40,000.00": the first digit of an amount split off by a hairline gap, far narrower than a space.
  if (LEADING_DIGITS.test(previous.text) && SPLIT_REST.test(word.text)) {
    const joined = `${previous.text}${word.text}`;
    if (/^\d{3}[.,]/.test(joined) && hairline(previous, word)) return joined;
  }
  return null;
}

function merged(previous: Word, word: Word, text: string): Word {
  return {
    ...previous,
    text,
    x1: word.x1,
    y0: Math.min(previous.y0, word.y0),
    y1: Math.max(previous.y1, word.y1),
    confidence: Math.min(previous.confidence, word.confidence),
  };
}

const LEADING_DIGITS = /^\d{1,2}$/;
const SPLIT_REST = /^\d{1,2}[.,]\d{3}(?:[.,]\d{3})*(?:[.,]\d{2})?$/;

function hairline(left: Word, right: Word): boolean {
  const charWidth = (right.x1 - right.x0) / Math.max(1, right.text.length);
  const gap = right.x0 - left.x1;
  return gap >= -1 && gap < 0.5 * charWidth;
}

/** The lost decimal mark leaves about one character's room: measured on the amount, two cents are too few. */
function centsGap(left: Word, right: Word): boolean {
  const charWidth = (left.x1 - left.x0) / Math.max(1, left.text.length);
  const gap = right.x0 - left.x1;
  return gap >= -1 && gap <= 2 * charWidth;
}

function closeEnough(left: Word, right: Word): boolean {
  const charWidth = (right.x1 - right.x0) / Math.max(1, right.text.length);
  const gap = right.x0 - left.x1;
  return gap >= -1 && gap <= 1.6 * charWidth;
}

/** The same row with its split amounts rejoined (the row itself when nothing changes). */
export function withJoinedThousands(row: Row): Row {
  const words = joinSplitThousands(row.words);
  return words.length === row.words.length
    ? row
    : buildRow(words, row.page, row.order, row.pageWidth, row.pageHeight);
}
