import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../../../src/contract/result.ts';
import { extractInvoice } from '../../../../src/stages/extract/extract.ts';
import { defaultReadOptions } from '../../../../src/stages/read/options.ts';
import { readPdf } from '../../../../src/stages/read/read-pdf.ts';
import { realInvoicesFolder } from '../../../support/real-invoices.ts';

/**
 * The real ZUGFeRD / Factur-X PDFs of ../shared/real-invoices/de-zugferd-mustang, compared as its README
 * says (numbers group-wise without leading zeros, ISO dates, amounts to the cent), lines included. Each file
 * is read twice: as the pipeline reads it (its embedded XML), and from its printed text alone, the before.
 */
const DIR = realInvoicesFolder('de-zugferd-mustang');

if (!DIR) console.log('[omitido] no se encontró shared/real-invoices/de-zugferd-mustang: se omite la prueba');

interface TruthLine {
  description: string | null;
  quantity: number | null;
  unitPrice: number | null;
  amount: number | null;
}
interface Truth {
  number: string;
  issueDate: string;
  total: number;
  lines: TruthLine[];
}

const groups = (s: string | null) =>
  (s ?? '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join('-');
const cents = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) < 0.005;

function score(invoice: Invoice, truth: Truth) {
  return {
    number: groups(invoice.number) === groups(truth.number),
    issueDate: invoice.issueDate === truth.issueDate,
    total: cents(invoice.total, truth.total),
    lines:
      invoice.lines.length === truth.lines.length &&
      truth.lines.every((t, i) => {
        const line = invoice.lines[i];
        return (
          line !== undefined &&
          line.description?.trim() === t.description?.trim() &&
          cents(line.quantity, t.quantity) &&
          cents(line.unitPrice, t.unitPrice) &&
          cents(line.amount, t.amount)
        );
      }),
  };
}

describe.skipIf(DIR === null)('real ZUGFeRD / Factur-X invoices (de-zugferd-mustang)', () => {
  it('give number, date, total and every line exactly as their embedded XML', async () => {
    const truth: Record<string, Truth> = JSON.parse(readFileSync(join(DIR!, 'truth.json'), 'utf8'));
    const fields = ['number', 'issueDate', 'total', 'lines'] as const;
    const after = Object.fromEntries(fields.map((f) => [f, 0]));
    const before = Object.fromEntries(fields.map((f) => [f, 0]));
    const misses: string[] = [];
    for (const [file, t] of Object.entries(truth)) {
      const read = await readPdf(readFileSync(join(DIR!, file)), defaultReadOptions, null);
      const withXml = score(extractInvoice(read.document).invoice, t);
      const { structured: _, ...printed } = read.document;
      const textOnly = score(extractInvoice(printed).invoice, t);
      for (const f of fields) {
        if (withXml[f]) after[f]!++;
        else misses.push(`${file}:${f}`);
        if (textOnly[f]) before[f]!++;
      }
    }
    const files = Object.keys(truth).length;
    const line = (s: Record<string, number>) => fields.map((f) => `${f} ${s[f]}/${files}`).join(', ');
    console.log(
      `de-zugferd-mustang (${files} PDFs)\n  printed text only: ${line(before)}\n  with embedded XML: ${line(after)}`,
    );
    expect(misses).toEqual([]);
  }, 120_000);
});
