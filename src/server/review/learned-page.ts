import type { ReviewQueue, StoredLocator } from '../../ports/review.ts';
import { formatDateTime } from '../dashboard/format.ts';
import { esc } from '../dashboard/html.ts';
import { FIELD_NAMES } from './labels.ts';
import { shell } from './shell.ts';

/** What was learned per supplier, with a button to forget each entry. */
export function renderLearned(
  locators: StoredLocator[],
  options: { base: string; timeZone: string; counts: ReviewQueue['counts']; notice?: string },
): string {
  const rows = locators
    .map(
      (l) => `<tr data-aprendido="${l.id}">
  <td>${esc(l.supplierTaxId)}</td>
  <td>${esc(FIELD_NAMES[l.field] ?? l.field)}</td>
  <td>${esc(l.labelText ?? '— (posición en la página)')}</td>
  <td class="num">${l.dx === null ? '—' : esc(`${Math.round(l.dx)}, ${Math.round(l.dy ?? 0)}`)}</td>
  <td><code>${esc(l.valueFormat)}</code></td>
  <td>${esc(l.exampleValue)}</td>
  <td>${esc(l.createdBy)} · ${esc(formatDateTime(l.createdAt, options.timeZone))}</td>
  <td><form method="post" action="${esc(`${options.base}/aprendido/${l.id}/borrar`)}"><button type="submit">Olvidar</button></form></td>
</tr>`,
    )
    .join('\n');
  const notice = options.notice ? `<p class="aviso ok" role="status">${esc(options.notice)}</p>` : '';
  const body = `<main class="cola">${notice}<h1>Aprendido por proveedor</h1>
<p class="ayuda">Cada corrección enseña dónde imprime ese proveedor el campo: la etiqueta más cercana, la distancia a ella (puntos) y la forma del valor. Las facturas siguientes del proveedor lo usan como candidato fuerte; la confianza sólo sube si coincide con la extracción general o con las cuentas.</p>
${
  locators.length === 0
    ? '<p class="vacio">Todavía no se ha aprendido nada.</p>'
    : `<table id="aprendido"><thead><tr><th>NIT</th><th>Campo</th><th>Etiqueta</th><th class="num">Desplazamiento</th><th>Forma</th><th>Ejemplo</th><th>Aprendido</th><th></th></tr></thead><tbody>
${rows}
</tbody></table>`
}</main>`;
  return shell({ title: 'Aprendido', counts: options.counts, body, base: options.base });
}
