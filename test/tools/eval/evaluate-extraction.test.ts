import { describe, expect, it } from 'vitest';
import { emptyInvoice, type Invoice, type LineItem } from '../../../src/contract/result.ts';
import { similarity } from '../../../src/stages/extract/text/similarity.ts';
import { evaluateExtraction } from '../../../tools/eval/evaluate-extraction.ts';

const line = (description: string, amount: number): LineItem => ({
  code: null,
  description,
  quantity: 1,
  unit: null,
  unitPrice: amount,
  amount,
});

function invoice(lines: LineItem[], total = 100): Invoice {
  return { ...emptyInvoice(), number: 'FE-1', total, lines };
}

describe('similarity', () => {
  it('is one minus the edit distance over the longer length', () => {
    expect(similarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7);
    expect(similarity('', 'abc')).toBe(0);
    expect(similarity('monforts', 'montorts')).toBeCloseTo(7 / 8);
    expect(similarity('', '')).toBe(1);
    expect(similarity('abc', 'xyz')).toBe(0);
  });
});

describe('evaluateExtraction', () => {
  const truth = invoice([
    line('Servicio de mantenimiento de rama termofijadora Monforts', 1000),
    line('Rodamiento SKF 6205-2RS', 250),
    line('Transporte', 50),
  ]);

  it('matches a line with one OCR misreading, and counts its description as not exact', () => {
    const predicted = invoice([
      line('Servicio de mantenimiento de rama termofijadora Montorts', 1000),
      line('rodamiento skf 6205-2rs', 250),
      line('Transporte', 50),
    ]);
    const result = evaluateExtraction([{ extraction: { invoice: predicted }, truth }]);
    expect(result.lines.f1).toBe(1);
    expect(result.lines.fields.description).toMatchObject({ correct: 2, total: 3 });
    expect(result.lines.strict.matched).toBe(2);
    expect(result.lines.strict.f1).toBeCloseTo(2 / 3);
  });

  it('does not match a cut description, a wrong amount or two lines merged into one', () => {
    const predicted = invoice([
      line('Servicio de mantenimiento', 1000),
      line('Rodamiento SKF 6205-2RS', 260),
      line('Transporte Rodamiento SKF 6205-2RS', 50),
    ]);
    const result = evaluateExtraction([{ extraction: { invoice: predicted }, truth }]);
    expect(result.lines.matched).toBe(0);
    expect(result.lines.f1).toBe(0);
    expect(result.failures).toEqual([{ index: 0, fields: [], lineMisses: 6 }]);
  });

  it('gives each truth line at most one predicted line, the most similar first', () => {
    const twice = invoice([line('Visita técnica', 80), line('Visita técnica', 80)]);
    const predicted = invoice([
      line('Visita tecnlca', 80),
      line('Visita técnica', 80),
      line('Visita técnica', 80),
    ]);
    const result = evaluateExtraction([{ extraction: { invoice: predicted }, truth: twice }]);
    expect(result.lines).toMatchObject({ truth: 2, predicted: 3, matched: 2 });
    expect(result.lines.fields.description).toMatchObject({ correct: 2, total: 2 });
  });

  it('scores header fields exactly: a wrong or invented value is wrong, both null is right', () => {
    const predicted = { ...invoice(truth.lines, 101), cufe: 'abc' };
    const result = evaluateExtraction([{ extraction: { invoice: predicted }, truth }]);
    expect(result.fields.number.correct).toBe(1);
    expect(result.fields.total.correct).toBe(0);
    expect(result.fields.cufe.correct).toBe(0);
    expect(result.fields.dueDate.correct).toBe(1);
  });
});
