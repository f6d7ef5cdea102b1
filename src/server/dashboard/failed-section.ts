import type { FailedFileRow, FailedFiles } from './failed-data.ts';
import { errorName, formatDateTime, formatInteger } from './format.ts';
import { esc, num, table } from './html.ts';

/**
 * "Archivos con error": the state store's failed files with their reason, each with a "Reprocesar" form and
 * one "Reprocesar todos" for the listed ones. Plain form POSTs (no script), to the authenticated action.
 */

export interface FailedSectionOptions {
  timeZone: string;
  /** Where the forms post (the review's authenticated action). */
  action: string;
  /** What the last "Reprocesar" did. */
  notice?: string;
}

const DETAIL_CHARS = 300;

function fileCell(row: FailedFileRow): string {
  const name = esc(row.name || row.fileId);
  return row.link && /^https:\/\//.test(row.link)
    ? `<a href="${esc(row.link)}" target="_blank" rel="noopener noreferrer">${name}</a>`
    : name;
}

function reasonCell(row: FailedFileRow): string {
  const kind = row.retryable === false ? 'no se reintenta solo' : row.retryable ? 'transitorio' : '';
  return `<strong>${esc(errorName(row.code))}</strong>${kind ? ` <small>(${esc(kind)})</small>` : ''}`;
}

function detailCell(row: FailedFileRow): string {
  const message = row.message ?? '';
  if (message.length <= DETAIL_CHARS) return esc(message);
  return `<span title="${esc(message.slice(0, 2000))}">${esc(message.slice(0, DETAIL_CHARS - 1))}…</span>`;
}

function replayForm(action: string, fileIds: string[], label: string, title: string): string {
  const inputs = fileIds.map((id) => `<input type="hidden" name="archivo" value="${esc(id)}">`).join('');
  return `<form class="reprocesar" method="post" action="${esc(action)}">${inputs}<button type="submit" title="${esc(title)}">${esc(label)}</button></form>`;
}

export function failedFilesSection(failed: FailedFiles, options: FailedSectionOptions): string {
  const { rows } = failed;
  const count = failed.more
    ? `más de ${formatInteger(rows.length)}; se muestran los ${formatInteger(rows.length)} más recientes`
    : num(rows.length, formatInteger(rows.length));
  const all =
    rows.length > 0
      ? replayForm(
          options.action,
          rows.map((r) => r.fileId),
          'Reprocesar todos',
          `Reprocesar los ${rows.length} archivos listados`,
        )
      : '';
  const notice = options.notice
    ? `<p class="aviso hecho" role="status">${esc(options.notice.slice(0, 1000))}</p>`
    : '';
  const list = table<FailedFileRow>(
    'tabla-fallidos',
    [
      { header: 'Archivo', cell: fileCell },
      { header: 'Motivo', cell: reasonCell },
      { header: 'Detalle', cell: detailCell },
      { header: 'Intentos', numeric: true, cell: (r) => num(r.attempts, formatInteger(r.attempts)) },
      { header: 'Cuándo', nowrap: true, cell: (r) => esc(formatDateTime(r.updatedAt, options.timeZone)) },
      {
        header: '',
        cell: (r) => replayForm(options.action, [r.fileId], 'Reprocesar', `Reprocesar ${r.name}`),
      },
    ],
    rows,
    'Ningún archivo con error.',
  );
  return `<article class="ancho" id="archivos-con-error"><div class="titulo-acciones"><h2>Archivos con error <small>(${count}; no produjeron factura)</small></h2>${all}</div>
${notice}${list}</article>`;
}
