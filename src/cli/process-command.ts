import type { Env } from '../config/env.ts';
import type { InvoiceResult } from '../contract/result.ts';
import type { Logger } from '../shared/logger.ts';
import { createDocumentPipeline, expandInputs } from './document-pipeline.ts';
import { createProgress } from './progress.ts';

/** `facturas process <file|dir>... [--json]`: one contract object per line, or a readable table. */
export async function processCommand(
  env: Env,
  logger: Logger,
  inputs: string[],
  json: boolean,
): Promise<number> {
  const files = await expandInputs(inputs, { allInvoiceFiles: true });
  const pipeline = await createDocumentPipeline(env, logger);
  const progress = json ? { tick() {}, stop() {} } : createProgress(files.length, 'Procesando');
  const pending = new Map<number, InvoiceResult>();
  let printed = 0;
  try {
    const results = await pipeline.processAll(files, (result, index) => {
      progress.tick();
      if (!json) return;
      // Lines come out in input order even though files finish out of order.
      pending.set(index, result);
      while (pending.has(printed)) {
        process.stdout.write(`${JSON.stringify(pending.get(printed))}\n`);
        pending.delete(printed++);
      }
    });
    progress.stop();
    if (!json) process.stdout.write(formatTable(results));
    return results.some((r) => r.status === 'quarantined') ? 2 : 0;
  } finally {
    await pipeline.close();
  }
}

export function formatTable(results: InvoiceResult[]): string {
  const header = [
    'Archivo',
    'Estado',
    'Clase',
    'Conf.',
    'Número',
    'Fecha',
    'Proveedor NIT',
    'Total',
    'Líneas',
    'ms',
  ];
  const rows = results.map((r) => [
    r.file.length > 40 ? `…${r.file.slice(-39)}` : r.file,
    r.status === 'processed' ? 'procesada' : `cuarentena (${r.error?.code})`,
    r.classification?.label ?? '-',
    r.classification ? r.classification.confidence.toFixed(2) : '-',
    r.invoice?.number ?? '-',
    r.invoice?.issueDate ?? '-',
    r.invoice?.supplier.taxId ?? '-',
    r.invoice?.total != null ? r.invoice.total.toLocaleString('es-CO', { minimumFractionDigits: 2 }) : '-',
    String(r.invoice?.lines.length ?? 0),
    String(Math.round(r.timings.totalMs ?? 0)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}\n`;
  const processed = results.filter((r) => r.status === 'processed').length;
  return (
    line(header) +
    line(widths.map((w) => '-'.repeat(w))) +
    rows.map(line).join('') +
    `\n${results.length} archivos: ${processed} procesados, ${results.length - processed} en cuarentena\n`
  );
}
