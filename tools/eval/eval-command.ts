import fs from 'node:fs/promises';
import { createDocumentPipeline, expandInputs } from '../../src/cli/document-pipeline.ts';
import { createProgress } from '../../src/cli/progress.ts';
import type { Env } from '../../src/config/env.ts';
import { emptyInvoice, type Invoice, type InvoiceResult } from '../../src/contract/result.ts';
import type { Logger } from '../../src/shared/logger.ts';
import { type ExtractionEvaluation, evaluateExtraction } from './evaluate-extraction.ts';

interface Truth {
  classification: { class: 0 | 1 } | null;
  invoice: Invoice;
  meta?: { scanned?: boolean; locale?: string };
}

export interface ClassScore {
  documents: number;
  /** Right answers among the documents the model did not send to review. */
  accuracy: number;
  abstained: number;
  abstentionRate: number;
  /** Wrong answers over all documents (what reaches a class folder wrongly). */
  errorRate: number;
}

export interface GroupReport {
  documents: number;
  quarantined: number;
  classification: ClassScore;
  extraction: ExtractionEvaluation;
  msPerDocument: number;
}

export interface EvalReport {
  all: GroupReport;
  digital: GroupReport | null;
  scanned: GroupReport | null;
  /** One group per locale (truth `meta.locale`, es-CO when absent), only when the corpus has more than one. */
  locales: Record<string, GroupReport>;
}

/** `npm run eval -- <dir>`: the pipeline against a generated corpus's truth files. */
export async function evalCommand(env: Env, logger: Logger, dir: string, json = false): Promise<number> {
  const files = await expandInputs([dir]);
  const truths = await Promise.all(files.map(readTruth));
  const pairs = files.flatMap((file, i) => (truths[i] ? [{ file, truth: truths[i]! }] : []));
  if (pairs.length === 0) throw new Error(`No hay PDFs con su verdad (.json) en ${dir}`);
  const pipeline = await createDocumentPipeline(env, logger);
  const progress = createProgress(pairs.length, 'Evaluando');
  let results: InvoiceResult[];
  try {
    results = await pipeline.processAll(
      pairs.map((p) => p.file),
      () => progress.tick(),
    );
  } finally {
    progress.stop();
    await pipeline.close();
  }
  const scored = pairs.map((p, i) => ({ truth: p.truth, result: results[i]! }));
  const report = evaluate(scored);
  process.stdout.write(json ? `${JSON.stringify(report)}\n` : formatEvalReport(report));
  return 0;
}

async function readTruth(pdf: string): Promise<Truth | null> {
  const text = await fs.readFile(pdf.replace(/\.pdf$/i, '.json'), 'utf8').catch(() => null);
  return text ? (JSON.parse(text) as Truth) : null;
}

export function evaluate(scored: { truth: Truth; result: InvoiceResult }[]): EvalReport {
  const group = (items: typeof scored): GroupReport | null => (items.length ? report(items) : null);
  return {
    all: report(scored),
    digital: group(scored.filter((s) => !s.truth.meta?.scanned)),
    scanned: group(scored.filter((s) => s.truth.meta?.scanned)),
    locales: byLocale(scored),
  };
}

function byLocale(scored: { truth: Truth; result: InvoiceResult }[]): Record<string, GroupReport> {
  const groups = new Map<string, typeof scored>();
  for (const item of scored) {
    const locale = item.truth.meta?.locale ?? 'es-CO';
    groups.set(locale, [...(groups.get(locale) ?? []), item]);
  }
  if (groups.size < 2) return {};
  return Object.fromEntries(
    [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([locale, items]) => [locale, report(items)]),
  );
}

function report(items: { truth: Truth; result: InvoiceResult }[]): GroupReport {
  let answered = 0;
  let right = 0;
  let abstained = 0;
  for (const { truth, result } of items) {
    const predicted = result.classification?.class ?? null;
    if (predicted === null) abstained++;
    else {
      answered++;
      if (predicted === truth.classification?.class) right++;
    }
  }
  const extraction = evaluateExtraction(
    items.map(({ truth, result }) => ({
      // A quarantined file extracted nothing: it scores as all nulls.
      extraction: { invoice: result.invoice ?? emptyInvoice() },
      truth: truth.invoice,
    })),
  );
  const totalMs = items.reduce((sum, { result }) => sum + (result.timings.totalMs ?? 0), 0);
  return {
    documents: items.length,
    quarantined: items.filter((i) => i.result.status === 'quarantined').length,
    classification: {
      documents: items.length,
      accuracy: answered ? right / answered : 0,
      abstained,
      abstentionRate: abstained / items.length,
      errorRate: (answered - right) / items.length,
    },
    extraction,
    msPerDocument: totalMs / items.length,
  };
}

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

export function formatEvalReport(report: EvalReport): string {
  const candidates: [string, GroupReport | null][] = [
    ['Todas', report.all],
    ['Digitales', report.digital],
    ['Escaneadas', report.scanned],
    ...Object.entries(report.locales ?? {}),
  ];
  const groups = candidates.filter((g): g is [string, GroupReport] => g[1] !== null);
  const rows: string[][] = [['', ...groups.map(([name, g]) => `${name} (${g.documents})`)]];
  const add = (label: string, pick: (g: GroupReport) => string) =>
    rows.push([label, ...groups.map(([, g]) => pick(g))]);
  add('Clase: exactitud (sin revisión)', (g) => pct(g.classification.accuracy));
  add('Clase: enviadas a revisión', (g) => pct(g.classification.abstentionRate));
  add('Clase: errores sobre el total', (g) => pct(g.classification.errorRate));
  add('Cuarentena', (g) => String(g.quarantined));
  add('Campos de encabezado (todos)', (g) => pct(g.extraction.headerAccuracy));
  for (const field of Object.keys(report.all.extraction.fields) as (keyof ExtractionEvaluation['fields'])[]) {
    add(`  ${field}`, (g) => pct(g.extraction.fields[field].accuracy));
  }
  add('Líneas: precisión', (g) => pct(g.extraction.lines.precision));
  add('Líneas: exhaustividad', (g) => pct(g.extraction.lines.recall));
  add('Líneas: F1', (g) => pct(g.extraction.lines.f1));
  add('  descripción idéntica (de las halladas)', (g) => pct(g.extraction.lines.fields.description.accuracy));
  add('  F1 exigiendo descripción idéntica', (g) => pct(g.extraction.lines.strict.f1));
  add('ms por documento', (g) => g.msPerDocument.toFixed(1));
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return `${rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n')}\n`;
}
