import type { Invoice, LineItem } from '../../contract/result.ts';
import type { Extraction } from '../stage.ts';

/**
 * Extraction quality against truth files, for `facturas eval` and the tests.
 *
 * Header fields: a field is right when it equals the truth, including both being null (a value invented
 * where the truth has none is wrong). Strings compare after Unicode NFC, collapsing white space and ignoring
 * case; amounts to the cent; dates and tax ids exactly.
 *
 * Line items: a predicted line matches a truth line when their descriptions are equal after normalisation
 * (lower case, accents removed, white space collapsed) and their amounts agree to the cent; each truth line
 * matches at most one predicted line. Precision = matched / predicted, recall = matched / truth, F1 their
 * harmonic mean. Matched lines also report per-field accuracy (code, quantity, unit, unit price).
 */
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
    fields: Record<'code' | 'quantity' | 'unit' | 'unitPrice', FieldScore>;
  };
  /** Documents with at least one wrong header field or line, with what was wrong (for reports). */
  failures: { index: number; fields: string[]; lineMisses: number }[];
}

export interface EvaluationPair {
  extraction: Extraction | { invoice: Invoice };
  truth: Invoice;
}

export function evaluateExtraction(pairs: EvaluationPair[]): ExtractionEvaluation {
  const fields = Object.fromEntries(
    HEADER_FIELDS.map((f) => [f, { correct: 0, total: 0, accuracy: 0 }]),
  ) as Record<HeaderField, FieldScore>;
  const lineFields = {
    code: { correct: 0, total: 0, accuracy: 0 },
    quantity: { correct: 0, total: 0, accuracy: 0 },
    unit: { correct: 0, total: 0, accuracy: 0 },
    unitPrice: { correct: 0, total: 0, accuracy: 0 },
  };
  let truthLines = 0;
  let predictedLines = 0;
  let matchedLines = 0;
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
    for (const [p, t] of matches) {
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
  const precision = predictedLines === 0 ? (truthLines === 0 ? 1 : 0) : matchedLines / predictedLines;
  const recall = truthLines === 0 ? 1 : matchedLines / truthLines;
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
      f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
      fields: lineFields,
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

function matchLines(predicted: LineItem[], truth: LineItem[]): [LineItem, LineItem][] {
  const used = new Set<number>();
  const matches: [LineItem, LineItem][] = [];
  for (const t of truth) {
    const description = normaliseDescription(t.description);
    const index = predicted.findIndex(
      (p, i) =>
        !used.has(i) &&
        normaliseDescription(p.description) === description &&
        p.amount !== null &&
        t.amount !== null &&
        Math.abs(p.amount - t.amount) < 0.005,
    );
    if (index >= 0) {
      used.add(index);
      matches.push([predicted[index]!, t]);
    }
  }
  return matches;
}
