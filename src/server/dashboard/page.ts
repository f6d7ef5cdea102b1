import { chartData } from './chart-data.ts';
import type { DashboardData } from './data.ts';
import type { FailedFiles } from './failed-data.ts';
import { failedFilesSection } from './failed-section.ts';
import { ALL_CURRENCIES } from './filters.ts';
import { className } from './format.ts';
import { esc, jsonForScript } from './html.ts';
import {
  activityTable,
  kpis,
  monthlyTable,
  productsTable,
  quarantineTable,
  reviewTable,
  suppliersTable,
} from './sections.ts';

/** The whole dashboard page, server-rendered; dashboard.js only draws the charts from the embedded JSON. */

function filterForm(data: DashboardData): string {
  const { form } = data.parsed;
  const option = (value: string, label: string, selected: string) =>
    `<option value="${esc(value)}"${value === selected ? ' selected' : ''}>${esc(label)}</option>`;
  const classes = [['', 'Todas'], ...['correctiva', 'preventiva', 'revision'].map((c) => [c, className(c)])]
    .map(([v, l]) => option(v ?? '', l ?? '', form.clase))
    .join('');
  const currencies = [
    ...data.currencies.map((c) => option(c.currency, c.currency, form.moneda)),
    option(ALL_CURRENCIES, 'Todas (sin convertir)', form.moneda),
  ].join('');
  return `<form class="filtros" method="get" action="">
  <label>Desde <input type="date" name="desde" value="${esc(form.desde)}"></label>
  <label>Hasta <input type="date" name="hasta" value="${esc(form.hasta)}"></label>
  <label>Clase <select name="clase">${classes}</select></label>
  <label>Moneda <select name="moneda">${currencies}</select></label>
  <button type="submit">Aplicar</button>
  <a class="limpiar" href="?">Quitar filtros</a>
</form>
${data.parsed.warnings.map((w) => `<p class="aviso" role="alert">${esc(w)}</p>`).join('\n')}`;
}

export interface RenderOptions {
  timeZone: string;
  generatedAt: Date;
  /** "Archivos con error", when the page has the state store: the files, the action, the last notice. */
  failed?: { files: FailedFiles; action: string; notice?: string } | null;
}

export function renderDashboard(data: DashboardData, options: RenderOptions): string {
  const scope =
    data.parsed.form.desde || data.parsed.form.hasta
      ? `Fecha de emisión ${data.parsed.form.desde || '…'} a ${data.parsed.form.hasta || '…'}`
      : 'Todas las fechas de emisión';
  return `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Facturas · Panel de análisis</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="assets/dashboard.css">
</head>
<body>
<header>
  <h1>Clasificador de facturas</h1>
  <p>Mantenimiento correctivo y preventivo · ${esc(scope)}</p>
</header>
<main>
${filterForm(data)}
${kpis(data)}
<section class="graficos">
  <figure><figcaption>Facturas por mes y clase</figcaption><div class="lienzo"><canvas id="grafico-mensual" aria-label="Facturas por mes y clase" role="img"></canvas></div></figure>
  <figure><figcaption>Valor por mes y clase</figcaption><div class="lienzo"><canvas id="grafico-valor" aria-label="Valor por mes y clase" role="img"></canvas></div></figure>
  <figure><figcaption>Principales proveedores por valor</figcaption><div class="lienzo"><canvas id="grafico-proveedores" aria-label="Principales proveedores" role="img"></canvas></div></figure>
  <figure><figcaption>Reparto por clase</figcaption><div class="lienzo"><canvas id="grafico-clases" aria-label="Reparto por clase" role="img"></canvas></div></figure>
</section>
<section class="tablas">
  <article><h2>Totales por mes y clase</h2>${monthlyTable(data)}</article>
  <article><h2>Principales proveedores</h2>${suppliersTable(data)}</article>
  <article class="ancho"><h2>Principales productos y servicios</h2>${productsTable(data)}</article>
</section>
<section class="tablas">
  <article><h2>En Revisión <small>(confianza baja)</small> <a class="revisar" href="revision">Revisar →</a></h2>${reviewTable(data, options.timeZone)}</article>
  <article><h2>En Cuarentena <small>(no se pudieron leer)</small></h2>${quarantineTable(data, options.timeZone)}</article>
${options.failed ? failedFilesSection(options.failed.files, { ...options.failed, timeZone: options.timeZone }) : ''}
  <article class="ancho"><h2>Actividad reciente</h2>${activityTable(data, options.timeZone)}</article>
</section>
</main>
<footer>Generado ${esc(options.generatedAt.toISOString().slice(0, 16).replace('T', ' '))} UTC · Los filtros de fecha, clase y moneda aplican a cifras, gráficos y totales; Revisión, Cuarentena${options.failed ? ', Archivos con error' : ''} y Actividad muestran todo.</footer>
<script type="application/json" id="datos-graficos">${jsonForScript(chartData(data))}</script>
<script src="assets/chart.umd.js"></script>
<script src="assets/dashboard.js"></script>
</body>
</html>`;
}
