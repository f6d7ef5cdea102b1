import type { LineItem } from '../../contract/result.ts';
import {
  AMOUNT_FIELDS,
  DATE_FIELDS,
  REVIEW_FIELDS,
  type ReviewField,
  type ReviewQueue,
} from '../../ports/review.ts';
import type { ReviewView } from '../../processor/review-service.ts';
import { formatDateTime, formatPercent } from '../dashboard/format.ts';
import { esc } from '../dashboard/html.ts';
import { FIELD_NAMES, reasonName } from './labels.ts';
import { doubtfulColumns, lineDoubts } from './line-doubts.ts';
import { shell } from './shell.ts';

/**
 * One document: its pages on the left with a box over the words each field came from, the form on the
 * right (doubtful fields marked), the class with its probability and the words that weighed most.
 */

export interface DocumentPageOptions {
  base: string;
  timeZone: string;
  counts: ReviewQueue['counts'];
  /** What the reviewer sent, shown again with its errors (invalid form). */
  submitted?: { fields: Record<string, string>; lines: Array<Record<string, string>>; classCode?: string };
  errors?: Record<string, string>;
  notices?: string[];
  problem?: string;
}

const LOCALE = 'es-CO';
const money = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const quantity = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 4 });
const weight = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2, signDisplay: 'always' });

function fieldText(field: ReviewField, value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return AMOUNT_FIELDS.includes(field) ? money.format(value) : String(value);
  return value;
}

const lineText = (value: string | number | null) =>
  value === null ? '' : typeof value === 'number' ? quantity.format(value) : value;

function fieldRow(view: ReviewView, field: ReviewField, options: DocumentPageOptions): string {
  const id = `campo-${field}`;
  const value = options.submitted?.fields[field] ?? fieldText(field, view.invoice.fields[field]);
  const confidence = view.invoice.fieldConfidence[field];
  const doubtful = view.doubtful.includes(field);
  const error = options.errors?.[field];
  const date = DATE_FIELDS.includes(field);
  const classes = ['campo', doubtful ? 'dudoso' : '', error ? 'con-error' : ''].filter(Boolean).join(' ');
  const badge =
    confidence === undefined
      ? ''
      : `<span class="confianza" title="Confianza de la extracción">${esc(formatPercent(confidence))}</span>`;
  return `<div class="${classes}" data-campo="${esc(field)}">
  <label for="${id}">${esc(FIELD_NAMES[field])}${doubtful ? ' <span class="marca-dudoso">Revisar</span>' : ''}</label>
  <input id="${id}" name="f.${esc(field)}" value="${esc(value)}" autocomplete="off" spellcheck="false"${
    date ? ' placeholder="AAAA-MM-DD" inputmode="numeric"' : ''
  }${AMOUNT_FIELDS.includes(field) ? ' inputmode="decimal" class="num"' : ''}${
    doubtful ? ' data-dudoso' : ''
  }${view.named.includes(field) ? ' data-motivo' : ''}${error ? ` aria-invalid="true" aria-describedby="${id}-error"` : ''}>
  ${badge}
  ${error ? `<p class="error" id="${id}-error">${esc(error)}</p>` : ''}
</div>`;
}

function linesTable(view: ReviewView, options: DocumentPageOptions): string {
  const stored: Array<Record<keyof LineItem, string>> = view.invoice.lines.map((line) => ({
    code: line.code ?? '',
    description: line.description ?? '',
    quantity: lineText(line.quantity),
    unit: line.unit ?? '',
    unitPrice: lineText(line.unitPrice),
    amount: line.amount === null ? '' : money.format(line.amount),
  }));
  const rows = options.submitted?.lines ?? [
    ...stored,
    { code: '', description: '', quantity: '', unit: '', unitPrice: '', amount: '' },
  ];
  const columns: Array<[keyof LineItem, string, string]> = [
    ['code', 'Código', ''],
    ['description', 'Descripción', 'desc'],
    ['quantity', 'Cant.', 'num'],
    ['unit', 'Unidad', ''],
    ['unitPrice', 'Precio', 'num'],
    ['amount', 'Importe', 'num'],
  ];
  const doubts = lineDoubts(view.invoice.validationIssues);
  const doubtful = view.doubtful.includes('lines') || [...doubts.values()].some((d) => d.mismatch);
  const body = rows
    .map((row, index) => {
      const doubt = doubts.get(index);
      const suspect: readonly string[] = doubtfulColumns(doubt);
      const why = doubt?.mismatch
        ? 'Cantidad × precio no da el importe'
        : doubt
          ? 'Calculado, no leído en el documento'
          : '';
      const cells = columns
        .map(([key, label, css]) => {
          const name = `l.${index}.${key}`;
          const error = options.errors?.[`lines.${index}.${key}`];
          const unsure = suspect.includes(key);
          // A line that does not add up is a finding, like a missing field: the cursor starts there.
          const named = doubt?.mismatch === true && key === suspect[0];
          const tdClass = [error ? 'con-error' : '', unsure ? 'dudoso' : ''].filter(Boolean).join(' ');
          const title = error ?? (unsure ? why : '');
          return `<td${tdClass ? ` class="${tdClass}"` : ''}><input name="${esc(name)}" aria-label="${esc(`${label} línea ${index + 1}`)}" value="${esc(row[key] ?? '')}"${css ? ` class="${css}"` : ''} autocomplete="off"${unsure ? ' data-dudoso' : ''}${named ? ' data-motivo' : ''}${error ? ' aria-invalid="true"' : ''}${title ? ` title="${esc(title)}"` : ''}></td>`;
        })
        .join('');
      const mark = doubt
        ? `<span class="marca-dudoso" title="${esc(why)}">${doubt.mismatch ? 'No cuadra' : 'Calculado'}</span>`
        : '';
      return `<tr${doubt ? ` class="dudosa" data-linea-dudosa="${index + 1}"` : ''}>${cells}<td class="marca">${mark}</td></tr>`;
    })
    .join('\n');
  const lineErrors = Object.entries(options.errors ?? {})
    .filter(([key]) => key.startsWith('lines.'))
    .map(([, message]) => `<p class="error">${esc(message)}</p>`)
    .join('');
  return `<fieldset class="lineas${doubtful ? ' dudoso' : ''}"><legend>Líneas${
    view.invoice.fieldConfidence.lines !== undefined
      ? ` <span class="confianza">${esc(formatPercent(view.invoice.fieldConfidence.lines))}</span>`
      : ''
  }</legend>
<div class="tabla-lineas"><table><thead><tr>${columns
    .map(([, label, css]) => `<th${css === 'num' ? ' class="num"' : ''}>${esc(label)}</th>`)
    .join('')}<th class="marca" aria-label="Revisar"></th></tr></thead><tbody>
${body}
</tbody></table></div>${lineErrors}</fieldset>`;
}

function classSection(view: ReviewView, options: DocumentPageOptions): string {
  const { invoice } = view;
  const chosen =
    options.submitted?.classCode ?? (invoice.classCode === null ? '' : String(invoice.classCode));
  const option = (value: string, label: string) =>
    `<option value="${value}"${chosen === value ? ' selected' : ''}>${esc(label)}</option>`;
  const words = invoice.explanation
    .slice(0, 8)
    .map(
      (c) =>
        `<li class="${c.weight >= 0 ? 'a-favor' : 'en-contra'}">${esc(c.feature)} <small>${esc(weight.format(c.weight))}</small></li>`,
    )
    .join('');
  const error = options.errors?.classCode;
  const unsure = view.reasons.includes('class_unsure') || invoice.classCode === null;
  return `<fieldset class="clase${unsure ? ' dudoso' : ''}"><legend>Clase</legend>
  <div class="campo${error ? ' con-error' : ''}" data-campo="clase">
  <label for="campo-clase">Mantenimiento${unsure ? ' <span class="marca-dudoso">Revisar</span>' : ''}</label>
  <select id="campo-clase" name="classCode"${unsure ? ' data-dudoso' : ''}>${option('', '— elegir —')}${option('0', 'Correctiva')}${option('1', 'Preventiva')}</select>
  ${error ? `<p class="error">${esc(error)}</p>` : ''}
  </div>
  <p class="probabilidad">Modelo: <b>${esc(invoice.label ?? 'sin clase')}</b> con probabilidad <b data-valor="${esc(invoice.confidence ?? '')}">${
    invoice.confidence === null ? '—' : esc(formatPercent(invoice.confidence))
  }</b>${invoice.labelSource === 'human' ? ' · corregida por una persona' : ''}</p>
  ${words ? `<p class="ayuda">Palabras que más pesaron:</p><ul class="palabras">${words}</ul>` : ''}
</fieldset>`;
}

function pagesColumn(view: ReviewView, base: string, problem: string | null): string {
  if (view.pages.length === 0)
    return `<section class="paginas"><p class="vacio">${esc(problem ?? 'Sin páginas.')}</p></section>`;
  const id = encodeURIComponent(view.invoice.fileId);
  const figures = view.pages
    .map((page) => {
      const boxes = Object.entries(view.evidence)
        .filter(([, e]) => e.page === page.index)
        .map(([field, e]) => {
          const name = FIELD_NAMES[field as ReviewField] ?? field;
          const doubtful = view.doubtful.includes(field);
          return `<rect data-campo="${esc(field)}" class="caja${doubtful ? ' dudosa' : ''}" x="${esc(e.box.x0 - 1.5)}" y="${esc(e.box.y0 - 1.5)}" width="${esc(e.box.x1 - e.box.x0 + 3)}" height="${esc(e.box.y1 - e.box.y0 + 3)}"><title>${esc(name)}</title></rect>`;
        })
        .join('');
      return `<figure class="pagina" data-pagina="${page.index}">
  <img src="${esc(`${base}/doc/${id}/pagina/${page.index}`)}" alt="Página ${page.index + 1}" width="${esc(Math.round(page.width))}" height="${esc(Math.round(page.height))}">
  <svg class="cajas" viewBox="0 0 ${esc(page.width)} ${esc(page.height)}" preserveAspectRatio="none" aria-hidden="true">${boxes}</svg>
</figure>`;
    })
    .join('\n');
  return `<section class="paginas" aria-label="Páginas del documento">${figures}</section>`;
}

export function renderDocument(view: ReviewView, options: DocumentPageOptions): string {
  const { invoice, position } = view;
  const base = options.base;
  const id = encodeURIComponent(invoice.fileId);
  const doc = (fileId: string | null) => (fileId ? `${base}/doc/${encodeURIComponent(fileId)}` : null);
  const nav = (href: string | null, rel: string, label: string) =>
    href
      ? `<a href="${esc(href)}" rel="${rel}" data-nav="${rel}">${esc(label)}</a>`
      : `<span class="off">${esc(label)}</span>`;
  const reasons = view.reasons.map((r) => `<li>${esc(reasonName(r))}</li>`).join('');
  const issues = invoice.validationIssues.map((r) => `<li>${esc(reasonName(r))}</li>`).join('');
  const notices = [...(options.notices ?? [])]
    .map((n) => `<p class="aviso" role="status">${esc(n)}</p>`)
    .join('');
  const problem = options.problem ? `<p class="aviso grave" role="alert">${esc(options.problem)}</p>` : '';
  const audit = view.audit
    .map(
      (a) =>
        `<li>${esc(formatDateTime(a.at, options.timeZone))} · ${esc(a.reviewer)} · ${esc(a.action)}${a.field ? ` ${esc(a.field)}` : ''}${
          a.oldValue !== null || a.newValue !== null
            ? `: ${esc(a.oldValue ?? '—')} → ${esc(a.newValue ?? '—')}`
            : ''
        }${a.reason ? ` (${esc(a.reason)})` : ''}</li>`,
    )
    .join('');
  const reviewed = invoice.reviewedAt
    ? `<p class="ayuda">Revisada por ${esc(invoice.reviewedBy ?? '—')} el ${esc(formatDateTime(invoice.reviewedAt, options.timeZone))}.</p>`
    : '';
  const body = `<main class="documento" data-archivo="${esc(invoice.fileId)}">
${pagesColumn(view, base, view.pagesProblem)}
<section class="datos">
  <div class="cabecera-doc">
    <h1 title="${esc(invoice.fileName)}">${esc(invoice.fileName)}</h1>
    <p class="navegacion">${nav(doc(position.previous), 'prev', '← Anterior (K)')} <span>${
      position.index >= 0 ? `${position.index + 1} de ${position.total}` : 'fuera de la cola'
    }</span> ${nav(doc(position.next), 'next', 'Siguiente (J) →')}</p>
  </div>
  ${problem}${notices}
  ${reasons ? `<ul class="motivos" aria-label="Motivos de revisión">${reasons}</ul>` : ''}
  ${issues ? `<details class="validacion"><summary>Comprobaciones que fallaron (${invoice.validationIssues.length})</summary><ul>${issues}</ul></details>` : ''}
  ${reviewed}
  <form id="revisar" method="post" action="${esc(`${base}/doc/${id}/confirmar`)}" autocomplete="off">
    <input type="hidden" name="version" value="${esc(invoice.version)}">
    ${classSection(view, options)}
    <fieldset class="campos"><legend>Datos</legend>
    ${REVIEW_FIELDS.map((field) => fieldRow(view, field, options)).join('\n')}
    </fieldset>
    ${linesTable(view, options)}
    <div class="acciones"><button type="submit" class="principal" id="confirmar">Confirmar <kbd>Intro</kbd></button></div>
  </form>
  <div class="otras-acciones">
    <form method="post" action="${esc(`${base}/doc/${id}/reprocesar`)}"><button type="submit">Volver a procesar</button></form>
    <form method="post" action="${esc(`${base}/doc/${id}/cuarentena`)}" class="cuarentena">
      <input type="hidden" name="version" value="${esc(invoice.version)}">
      <label>Motivo <input name="motivo" required maxlength="500" placeholder="Por qué va a Cuarentena"></label>
      <button type="submit">Enviar a Cuarentena</button>
    </form>
  </div>
  ${audit ? `<details class="historial"><summary>Historial</summary><ul>${audit}</ul></details>` : ''}
  <p class="ayuda teclas"><kbd>Tab</kbd>/<kbd>Mayús+Tab</kbd> entre campos · <kbd>Intro</kbd> confirma · <kbd>Esc</kbd> sale del campo; fuera de un campo <kbd>J</kbd>/<kbd>K</kbd> o <kbd>↓</kbd>/<kbd>↑</kbd> siguiente/anterior, <kbd>C</kbd> va a la clase</p>
</section>
</main>`;
  return shell({ title: invoice.fileName, counts: options.counts, body, base });
}
