import type { Language } from '../labels/lexicon.ts';
import type { Row } from '../page/layout.ts';
import type { ValueGroup } from './value-groups.ts';

/**
 * The feature vector the learned scorer (learned-scorer.ts) reads for one proposed value of a header field
 * (invoice number, order number, issue date, due date). A value may be proposed by several candidates (under
 * two labels, by the lexicon and by the older pattern finders): the vector describes the value's group, with
 * the placement evidence taken from its strongest labelled candidate (by the hand-set score) and the
 * agreement evidence from the whole group. Every feature is a number in a small range, 0 when it does not
 * apply (a date has no identifier shape, a value only a legacy finder proposed has no label).
 *
 * This list is the one place the features are named; weights.json stores the names it was fitted with and
 * the loader refuses a file whose names differ.
 */
export const FEATURE_NAMES = [
  /** The lexicon's weight of the label (how surely the phrase alone names the field), 0 without a label. */
  'labelWeight',
  /** The label ends with or holds a number marker ("Invoice No.", "Nº Factura"). */
  'labelMarker',
  /** Nothing but punctuation or other labels precedes the label in its cell. */
  'labelStartsCell',
  /** The label's language is the document's dominant label language. */
  'labelLanguageMatch',
  /** The value follows the label in the same cell. */
  'placeSameCell',
  /** The value is the next cell on the label's row. */
  'placeNextCell',
  /** The value is the cell right under the label. */
  'placeBelow',
  /** How far down its page the label is (0 top, 1 bottom). */
  'labelDepth',
  /** The label is in the top third of the first page. */
  'topOfFirstPage',
  /** The label is on a later page. */
  'laterPage',
  /** The label is in the footer band (bank details, print stamps, page numbers). */
  'footer',
  /** The label starts in the right half of the page. */
  'rightHalf',
  /** log of how well the value is shaped like an identifier (identifier fields; 0 = perfect). */
  'shapeLog',
  /** Words of prose follow the identifier away from its label (an item code before its description). */
  'prose',
  /** Letters between label and date ("Fecha desde: …"), as log of the hand-set nearness factor. */
  'nearLog',
  /** Day and month could be read either way round. */
  'ambiguousDate',
  /** The value is the earliest labelled one of the field on the document (reading order). */
  'earliestLabel',
  /** 1 − the OCR confidence of the value's words (0 on a text layer). */
  'readDoubt',
  /** log of the value row's height over the document's median row height, clamped to ±1.5 (font size). */
  'fontRatioLog',
  /** Some label of the field proposed this value. */
  'hasLabel',
  /** The older pattern-based finder proposed this value. */
  'hasLegacy',
  /** That finder's own score for it (0 when it did not propose it). */
  'legacyScore',
  /** How many further rows print the value under a label of the field (0, 1 or 2). */
  'repeatRows',
  /** log of the hand-set group strength (scorer.ts), clamped to −6: the old chooser as one more witness. */
  'handStrengthLog',
  /** The hand-set strength over the best hand-set strength among the field's values. */
  'handShare',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Document-wide facts the features are relative to. */
export interface ScoringContext {
  language: Language | null;
  medianRowHeight: number;
}

export function scoringContext(rows: Row[], language: Language | null): ScoringContext {
  const heights = rows.map((r) => r.y1 - r.y0).sort((a, b) => a - b);
  return { language, medianRowHeight: Math.max(1, heights[Math.floor(heights.length / 2)] ?? 10) };
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
/** log of a factor, clamped to [−6, 1]; 0 when the factor does not apply. */
const logOf = (v: number | undefined) => (v === undefined ? 0 : v <= 0 ? -6 : clamp(Math.log(v), -6, 1));

/** One vector per group, in the order of FEATURE_NAMES. */
export function groupFeatures<T>(groups: ValueGroup<T>[], context: ScoringContext): number[][] {
  const maxStrength = Math.max(1e-9, ...groups.map((g) => g.strength));
  const labelOrders = groups.map((g) => g.labelled?.label?.row.order ?? Number.POSITIVE_INFINITY);
  const earliest = Math.min(...labelOrders);
  return groups.map((group, index) => {
    const c = group.labelled;
    const label = c?.label ?? null;
    const f = c?.features ?? {};
    const row = c?.row ?? group.best.row;
    const depth = label ? label.row.y0 / label.row.pageHeight : 0;
    const named: Record<FeatureName, number> = {
      labelWeight: label?.weight ?? 0,
      labelMarker: label?.marker ? 1 : 0,
      labelStartsCell: label?.startsCell ? 1 : 0,
      labelLanguageMatch: label && context.language === label.lang ? 1 : 0,
      placeSameCell: c?.placement === 'same-cell' ? 1 : 0,
      placeNextCell: c?.placement === 'next-cell' ? 1 : 0,
      placeBelow: c?.placement === 'below' ? 1 : 0,
      labelDepth: depth,
      topOfFirstPage: label && label.row.page === 0 && depth < 1 / 3 ? 1 : 0,
      laterPage: label && label.row.page > 0 ? 1 : 0,
      footer: depth > 0.88 ? 1 : 0,
      rightHalf: label && label.x0 > label.row.pageWidth / 2 ? 1 : 0,
      shapeLog: logOf(f.shape),
      prose: f.prose !== undefined && f.prose < 1 ? 1 : 0,
      nearLog: logOf(f.near),
      ambiguousDate: f.ambiguous !== undefined && f.ambiguous < 1 ? 1 : 0,
      earliestLabel: label && labelOrders[index] === earliest ? 1 : 0,
      readDoubt: f.read !== undefined ? clamp(2 * (1 - f.read), 0, 1) : row ? 1 - row.confidence : 0,
      fontRatioLog: row
        ? clamp(Math.log(Math.max(1, row.y1 - row.y0) / context.medianRowHeight), -1.5, 1.5)
        : 0,
      hasLabel: c ? 1 : 0,
      hasLegacy: group.legacy ? 1 : 0,
      legacyScore: group.legacy ? clamp(group.legacy.features.legacy ?? 0, 0, 1) : 0,
      repeatRows: group.repeatRows,
      handStrengthLog: logOf(group.strength),
      handShare: group.strength / maxStrength,
    };
    return FEATURE_NAMES.map((name) => named[name]);
  });
}
