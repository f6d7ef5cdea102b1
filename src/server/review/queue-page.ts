import type { ReviewQueue } from '../../ports/review.ts';
import { formatDateTime, formatMoney } from '../dashboard/format.ts';
import { esc } from '../dashboard/html.ts';
import { whyName } from './labels.ts';
import { shell } from './shell.ts';

/** The queue: documents to check, oldest first. */
export function renderQueue(
  queue: ReviewQueue,
  options: { base: string; timeZone: string; notice?: string },
): string {
  const rows = queue.items
    .map(
      (item, index) => `<tr data-archivo="${esc(item.fileId)}">
  <td class="nowrap">${esc(formatDateTime(item.processedAt, options.timeZone))}</td>
  <td><a href="${esc(`${options.base}/doc/${encodeURIComponent(item.fileId)}`)}"${index === 0 ? ' data-primero' : ''}>${esc(item.fileName)}</a></td>
  <td>${esc(item.supplierName ?? '—')}</td>
  <td>${esc(item.number ?? '—')}</td>
  <td class="num">${item.total === null ? '—' : esc(formatMoney(item.total, item.currency))}</td>
  <td>${item.why.map((w) => `<span class="motivo motivo-${esc(w)}">${esc(whyName(w))}</span>`).join(' ')}</td>
</tr>`,
    )
    .join('\n');
  const notice = options.notice ? `<p class="aviso ok" role="status">${esc(options.notice)}</p>` : '';
  const body =
    queue.items.length === 0
      ? `<main class="cola">${notice}<p class="vacio" id="cola-vacia">No hay documentos por revisar.</p></main>`
      : `<main class="cola">${notice}
<p class="ayuda">Los más antiguos primero. <kbd>J</kbd> o <kbd>Intro</kbd> abre el primero.</p>
<table id="cola"><thead><tr><th>Procesado</th><th>Archivo</th><th>Proveedor</th><th>Número</th><th class="num">Total</th><th>Motivo</th></tr></thead>
<tbody>
${rows}
</tbody></table></main>`;
  return shell({ title: 'Cola', counts: queue.counts, body, base: options.base });
}
