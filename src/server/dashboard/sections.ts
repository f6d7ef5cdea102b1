import type { ActivityRow, ProductRow, QueueRow, SupplierRow } from '../../adapters/warehouse/index.ts';
import type { DashboardData } from './data.ts';
import {
  className,
  errorName,
  formatDateTime,
  formatInteger,
  formatMoney,
  formatMonth,
  formatPercent,
  formatQuantity,
  issueName,
  statusName,
} from './format.ts';
import { esc, num, table } from './html.ts';

/** The tables of the dashboard, one function per section. */

function fileCell(row: { fileName: string; link: string | null }): string {
  const name = esc(row.fileName);
  return row.link && /^https?:\/\//.test(row.link)
    ? `<a href="${esc(row.link)}" target="_blank" rel="noopener noreferrer">${name}</a>`
    : name;
}

export function kpis(data: DashboardData): string {
  const { summary, queueSizes } = data;
  const currency = data.parsed.filter.currency ?? null;
  const card = (id: string, title: string, raw: number, text: string, note = '') =>
    `<div class="kpi" data-kpi="${id}"><h3>${esc(title)}</h3><p class="cifra">${num(raw, text)}</p>${note}</div>`;
  return `<section class="kpis" aria-label="Cifras">
${card('facturas', 'Facturas', summary.invoices, formatInteger(summary.invoices))}
${card('total', 'Valor total', summary.total, formatMoney(summary.total, currency), currency ? '' : '<small>Suma sin convertir monedas</small>')}
${card('correctivas', 'Correctivas', summary.correctivas, formatInteger(summary.correctivas))}
${card('preventivas', 'Preventivas', summary.preventivas, formatInteger(summary.preventivas))}
${card('revision', 'En Revisión', queueSizes.review, formatInteger(queueSizes.review), '<small>Pendientes de una persona</small>')}
${card('cuarentena', 'En Cuarentena', queueSizes.quarantined, formatInteger(queueSizes.quarantined), '<small>Archivos ilegibles</small>')}
</section>`;
}

export function monthlyTable(data: DashboardData): string {
  const currency = data.parsed.filter.currency ?? null;
  return table(
    'tabla-mensual',
    [
      { header: 'Mes', nowrap: true, cell: (r) => esc(formatMonth(r.month)) },
      { header: 'Clase', cell: (r) => esc(className(r.label)) },
      { header: 'Facturas', numeric: true, cell: (r) => num(r.invoices, formatInteger(r.invoices)) },
      { header: 'Valor', numeric: true, cell: (r) => num(r.total, formatMoney(r.total, currency)) },
    ],
    data.monthly,
    'No hay facturas con fecha en el rango elegido.',
  );
}

export function suppliersTable(data: DashboardData): string {
  const currency = data.parsed.filter.currency ?? null;
  return table<SupplierRow>(
    'tabla-proveedores',
    [
      { header: 'Proveedor', cell: (r) => esc(r.name ?? 'Sin nombre') },
      { header: 'NIT', nowrap: true, cell: (r) => esc(r.taxId ?? '—') },
      { header: 'Facturas', numeric: true, cell: (r) => num(r.invoices, formatInteger(r.invoices)) },
      { header: 'Valor', numeric: true, cell: (r) => num(r.total, formatMoney(r.total, currency)) },
    ],
    data.suppliers,
    'Sin proveedores en el rango elegido.',
  );
}

export function productsTable(data: DashboardData): string {
  const currency = data.parsed.filter.currency ?? null;
  const short = (text: string | null) =>
    text && text.length > 120 ? `${text.slice(0, 117)}…` : (text ?? '—');
  return table<ProductRow>(
    'tabla-productos',
    [
      { header: 'Código', cell: (r) => esc(r.code ?? '—') },
      {
        header: 'Descripción',
        cell: (r) => `<span title="${esc(r.description)}">${esc(short(r.description))}</span>`,
      },
      { header: 'Líneas', numeric: true, cell: (r) => num(r.lines, formatInteger(r.lines)) },
      { header: 'Cantidad', numeric: true, cell: (r) => num(r.quantity, formatQuantity(r.quantity)) },
      { header: 'Valor', numeric: true, cell: (r) => num(r.amount, formatMoney(r.amount, currency)) },
    ],
    data.products,
    'Sin líneas de detalle en el rango elegido.',
  );
}

function reviewReason(row: QueueRow): string {
  const reasons: string[] = [];
  if (row.confidence !== null) reasons.push(`Confianza baja (${formatPercent(row.confidence)})`);
  for (const issue of row.validationIssues) reasons.push(issueName(issue));
  return reasons.length > 0 ? reasons.join(' · ') : 'Sin clase asignada';
}

export function reviewTable(data: DashboardData, timeZone: string): string {
  return table<QueueRow>(
    'tabla-revision',
    [
      { header: 'Archivo', cell: fileCell },
      { header: 'Motivo', cell: (r) => esc(reviewReason(r)) },
      { header: 'Actualizada', nowrap: true, cell: (r) => esc(formatDateTime(r.updatedAt, timeZone)) },
    ],
    data.review,
    'Nada pendiente en Revisión.',
  );
}

export function quarantineTable(data: DashboardData, timeZone: string): string {
  return table<QueueRow>(
    'tabla-cuarentena',
    [
      { header: 'Archivo', cell: fileCell },
      { header: 'Motivo', cell: (r) => `<strong>${esc(errorName(r.errorCode))}</strong>` },
      { header: 'Detalle', cell: (r) => esc(r.errorMessage ?? '') },
      { header: 'Actualizada', nowrap: true, cell: (r) => esc(formatDateTime(r.updatedAt, timeZone)) },
    ],
    data.quarantine,
    'Nada en Cuarentena.',
  );
}

export function activityTable(data: DashboardData, timeZone: string): string {
  return table<ActivityRow>(
    'tabla-actividad',
    [
      { header: 'Cuándo', nowrap: true, cell: (r) => esc(formatDateTime(r.updatedAt, timeZone)) },
      { header: 'Archivo', cell: (r) => esc(r.fileName) },
      {
        header: 'Estado',
        cell: (r) => `<span class="estado ${esc(r.status)}">${esc(statusName(r.status))}</span>`,
      },
      {
        header: 'Clase',
        cell: (r) =>
          r.label
            ? `${esc(className(r.label))}${r.labelSource === 'human' ? ' <small>(corregida)</small>' : ''}`
            : '—',
      },
      { header: 'Proveedor', cell: (r) => esc(r.supplierName ?? '—') },
      {
        header: 'Total',
        numeric: true,
        cell: (r) => (r.total === null ? '—' : num(r.total, formatMoney(r.total, r.currency))),
      },
    ],
    data.activity,
    'Todavía no se ha procesado ninguna factura.',
  );
}
