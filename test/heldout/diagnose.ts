import { readFileSync } from 'node:fs';
import type { InvoiceResult } from '../../src/contract/result.ts';
import { HEADER_FIELDS, normaliseDescription } from '../../tools/eval/evaluate-extraction.ts';

/**
 * Lists what went wrong per held-out invoice: header fields that differ from the truth, missed or invented
 * lines, and class mistakes or abstentions. Reads the JSON lines of `facturas process --json`:
 *
 *   node bin/facturas.js process DIR --json > out.jsonl && npx tsx test/heldout/diagnose.ts out.jsonl
 */
function field(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | null)?.[k] ?? null, value);
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 0.005;
  if (typeof a === 'string' && typeof b === 'string')
    return a.trim().toLowerCase() === b.trim().toLowerCase();
  return (a ?? null) === (b ?? null);
}

const [input] = process.argv.slice(2);
if (!input) {
  process.stderr.write('Uso: npx tsx test/heldout/diagnose.ts salida.jsonl\n');
  process.exit(2);
}
for (const line of readFileSync(input, 'utf8').trim().split('\n')) {
  const result = JSON.parse(line) as InvoiceResult;
  const truth = JSON.parse(readFileSync(result.file.replace(/\.pdf$/i, '.json'), 'utf8'));
  const problems: string[] = [];
  for (const name of HEADER_FIELDS) {
    const got = field(result.invoice, name);
    const want = field(truth.invoice, name);
    if (!same(got, want)) problems.push(`${name}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
  }
  const key = (l: { description: string | null; amount: number | null }) =>
    `${normaliseDescription(l.description)}|${l.amount?.toFixed(2)}`;
  const got = new Set((result.invoice?.lines ?? []).map(key));
  const want = new Set<string>(truth.invoice.lines.map(key));
  for (const k of want) if (!got.has(k)) problems.push(`missed line ${k}`);
  for (const k of got) if (!want.has(k)) problems.push(`extra line ${k}`);
  if (result.classification?.class !== truth.classification.class)
    problems.push(
      `class ${result.classification?.label} ${result.classification?.confidence} ≠ ${truth.classification.label}`,
    );
  if (problems.length === 0) continue;
  const name = result.file.split('/').pop();
  const scanned = truth.meta?.scanned ? ' scanned' : '';
  process.stdout.write(
    `${name} ${truth.meta?.layout}${scanned}\n${problems.map((p) => `  ${p}`).join('\n')}\n`,
  );
}
