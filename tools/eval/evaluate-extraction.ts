import type { Invoice, LineItem } from '../../src/contract/result.ts';
import { similarity } from '../../src/stages/extract/text/similarity.ts';
import type { Extraction } from '../../src/stages/stage.ts';

/**
 * Extraction quality against truth files, for `npm run eval` (tools/eval/cli.ts) and the tests.
 *
 * Header fields: a field is right when it equals the truth, including both being null (a value invented
 * where the truth has none is wrong). Strings compare after Unicode NFC, collapsing white space and ignoring
 * case; amounts to the cent; dates and tax ids exactly.
 *
 * Line items: a predicted line matches a truth line when their amounts agree to the cent and their
 * descriptions, after normalisation (lower case, accents removed, white space collapsed), are at least
 * DESCRIPTION_SIMILARITY alike (1 − edit distance / longer length): one OCR misreading such as "Montorts" for
 * "Monforts" does not lose the line, a missing or merged line's text does. Each truth line matches at most
 * one predicted line. Precision = matched / predicted, recall = matched / truth, F1 their harmonic mean.
 * Matched lines also report per-field accuracy (description exactly equal, code, quantity, unit, unit
 * price), and `strict` gives the same scores with descriptions required to be exactly equal.
 */
export const DESCRIPTION_SIMILARITY = 0.9;

export const HEADER_FIELDS = [
  'number',
  'cufe',
  'issueDate',
  'dueDate',
  'purchaseOrder',
  'supplier.name',
  'supplier.taxId',
  'customer.name',
  'customer.taxId',
  'currency',
  'subtotal',
  'tax',
  'withholdings',
  'total',
] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

export interface FieldScore {
  correct: number;
  total: number;
  accuracy: number;
}

export interface ExtractionEvaluation {
  documents: number;
  fields: Record<HeaderField, FieldScore>;
  /** All header fields of all documents together. */
  headerAccuracy: number;
  lines: {
    truth: number;
    predicted: number;
    matched: number;
    precision: number;
    recall: number;
    f1: number;
    fields: Record<LineField, FieldScore>;
    /** The same with descriptions required to be exactly equal after normalisation. */
    strict: { matched: number; precision: number; recall: number; f1: number };
  };
  /** Documents with at least one wrong header field or line, with what was wrong (for reports). */
  failures: { index: number; fields: string[]; lineMisses: number }[];
}

type LineField = 'description' | 'code' | 'quantity' | 'unit' | 'unitPrice';

export interface EvaluationPair {
  extraction: Extraction | { invoice: Invoice };
  truth: Invoice;
}

export function evaluateExtraction(pairs: EvaluationPair[]): ExtractionEvaluation {
  const fields = Object.fromEntries(
    HEADER_FIELDS.map((f) => [f, { correct: 0, total: 0, accuracy: 0 }]),
  ) as Record<HeaderField, FieldScore>;
  const lineFields: Record<LineField, FieldScore> = {
    description: { correct: 0, total: 0, accuracy: 0 },
    code: { correct: 0, total: 0, accuracy: 0 },
    quantity: { correct: 0, total: 0, accuracy: 0 },
    unit: { correct: 0, total: 0, accuracy: 0 },
    unitPrice: { correct: 0, total: 0, accuracy: 0 },
  };
  let truthLines = 0;
  let predictedLines = 0;
  let matchedLines = 0;
  let strictMatched = 0;
  const failures: ExtractionEvaluation['failures'] = [];

  pairs.forEach(({ extraction, truth }, index) => {
    const predicted = extraction.invoice;
    const wrong: string[] = [];
    for (const field of HEADER_FIELDS) {
      const ok = sameValue(fieldValue(predicted, field), fieldValue(truth, field));
      fields[field].total++;
      if (ok) fields[field].correct++;
      else wrong.push(field);
    }
    const matches = matchLines(predicted.lines, truth.lines);
    truthLines += truth.lines.length;
    predictedLines += predicted.lines.length;
    matchedLines += matches.length;
    strictMatched += matchLines(predicted.lines, truth.lines, 1).length;
    for (const [p, t] of matches) {
      lineFields.description.total++;
      if (normaliseDescription(p.description) === normaliseDescription(t.description))
        lineFields.description.correct++;
      for (const key of ['code', 'quantity', 'unit', 'unitPrice'] as const) {
        lineFields[key].total++;
        if (sameValue(p[key], t[key])) lineFields[key].correct++;
      }
    }
    const lineMisses = truth.lines.length + predicted.lines.length - 2 * matches.length;
    if (wrong.length > 0 || lineMisses > 0) failures.push({ index, fields: wrong, lineMisses });
  });

  let headerCorrect = 0;
  let headerTotal = 0;
  for (const score of [...Object.values(fields), ...Object.values(lineFields)]) {
    score.accuracy = score.total === 0 ? 1 : score.correct / score.total;
  }
  for (const score of Object.values(fields)) {
    headerCorrect += score.correct;
    headerTotal += score.total;
  }
  const scores = (matched: number) => {
    const precision = predictedLines === 0 ? (truthLines === 0 ? 1 : 0) : matched / predictedLines;
    const recall = truthLines === 0 ? 1 : matched / truthLines;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { precision, recall, f1 };
  };
  const { precision, recall, f1 } = scores(matchedLines);
  return {
    documents: pairs.length,
    fields,
    headerAccuracy: headerTotal === 0 ? 1 : headerCorrect / headerTotal,
    lines: {
      truth: truthLines,
      predicted: predictedLines,
      matched: matchedLines,
      precision,
      recall,
      f1,
      fields: lineFields,
      strict: { matched: strictMatched, ...scores(strictMatched) },
    },
    failures,
  };
}

function fieldValue(invoice: Invoice, field: HeaderField): unknown {
  if (field === 'supplier.name') return invoice.supplier.name;
  if (field === 'supplier.taxId') return invoice.supplier.taxId;
  if (field === 'customer.name') return invoice.customer.name;
  if (field === 'customer.taxId') return invoice.customer.taxId;
  return invoice[field];
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 0.005;
  if (typeof a === 'string' && typeof b === 'string') return normaliseText(a) === normaliseText(b);
  return a === b;
}

export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function normaliseDescription(text: string | null): string {
  return (text ?? '').normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Greedy: the most similar pairs first, so a near-duplicate line cannot take another's exact match. */
function matchLines(
  predicted: LineItem[],
  truth: LineItem[],
  threshold = DESCRIPTION_SIMILARITY,
): [LineItem, LineItem][] {
  const candidates: { p: number; t: number; score: number }[] = [];
  truth.forEach((t, ti) => {
    const description = normaliseDescription(t.description);
    predicted.forEach((p, pi) => {
      if (p.amount === null || t.amount === null || Math.abs(p.amount - t.amount) >= 0.005) return;
      const score = similarity(normaliseDescription(p.description), description);
      if (score >= threshold) candidates.push({ p: pi, t: ti, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.t - b.t || a.p - b.p);
  const usedPredicted = new Set<number>();
  const usedTruth = new Set<number>();
  const matches: [LineItem, LineItem][] = [];
  for (const { p, t } of candidates) {
    if (usedPredicted.has(p) || usedTruth.has(t)) continue;
    usedPredicted.add(p);
    usedTruth.add(t);
    matches.push([predicted[p]!, truth[t]!]);
  }
  return matches;
}
