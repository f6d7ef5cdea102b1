import type { ReviewQueue } from '../../ports/review.ts';
import { formatInteger } from '../dashboard/format.ts';
import { esc } from '../dashboard/html.ts';

/** The frame of every review page: header with the queue's counts, navigation, and the page's own body. */
export function shell(options: {
  title: string;
  counts: ReviewQueue['counts'];
  body: string;
  base: string;
}): string {
  const { counts } = options;
  const count = (name: string, value: number, id: string) =>
    `<li data-cuenta="${esc(id)}">${esc(name)} <b data-valor="${esc(value)}">${esc(formatInteger(value))}</b></li>`;
  return `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(options.title)} · Revisión de facturas</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${esc(options.base)}/assets/revision.css">
</head>
<body>
<header class="barra">
  <a class="marca" href="${esc(options.base)}">Revisión de facturas</a>
  <ul class="cuentas" aria-label="Documentos por revisar">
    ${count('Por revisar', counts.total, 'total')}
    ${count('En Revisión', counts.review, 'revision')}
    ${count('No cuadran', counts.validation, 'validacion')}
    ${count('Confianza baja', counts.lowConfidence, 'confianza')}
  </ul>
  <nav><a href="${esc(options.base)}/aprendido">Aprendido por proveedor</a> <a href="/">Panel</a></nav>
</header>
${options.body}
<script src="${esc(options.base)}/assets/revision.js"></script>
</body>
</html>`;
}
