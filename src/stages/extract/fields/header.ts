import { isLabelText } from '../labels/label-text.ts';
import {
  findLabels,
  type LabelHit,
  PLACEMENT_WEIGHT,
  positionWeight,
  type Row,
  valueWindows,
} from '../page/layout.ts';
import { endsWithLabel, fold, repairDigits } from '../text/text.ts';
import { findDate } from '../values/date.ts';
import { findPointOfSaleNumber, findUnlabelledNumber, numberUnderTitle } from './invoice-number-fallbacks.ts';
import { ORDER_PREFIX } from './order.ts';

export { findCufe } from './cufe.ts';
export { findPurchaseOrder } from './order.ts';

/** A value found for a field, with how much we trust it before cross-checks (0..1). */
export interface Found<T> {
  value: T;
  score: number;
  row: Row | null;
}

function pick<T>(candidates: Found<T>[]): Found<T> | null {
  let best: Found<T> | null = null;
  for (const c of candidates) if (!best || c.score > best.score) best = c;
  return best;
}

/** Labels near the top of the first page are the invoice's own; the same words lower down often are not. */

// ── invoice number ──────────────────────────────────────────────────────────────────────────────────────

const NUMBER_LABELS: { pattern: RegExp; weight: number }[] = [
  {
    pattern:
      /(?<!(?:fecha|total|valor|subtotal|importe)\s(?:de\s)?(?:la\s)?)\b(?:f?act\s?u\s?ra|fact\.?)(?![a-z])(?:\s+(?:electronica|de|venta|cambiaria|comercial|original|[abc](?=\s)))*\s*(?:(?:no|nro|num|numero)\b\.?|n[°º*?”"'’%>]{1,2}|#)?/g,
    weight: 0.95,
  },
  { pattern: /\b(?:no|nro|numero|n[°º*?”"'’%>]{1,2})\.?\s*(?:de\s+)?(?:la\s+)?factura\b/g, weight: 0.97 },
  { pattern: /\binvoice\s*(?:no|number|#)?\.?/g, weight: 0.9 },
  // "FACTURA" lost whole ("ELECTRÓNICA DE VENTA No.:"); its first letter only is the pattern above ("ACTURA NO.").
  {
    pattern: /\b(?:electronica\s+)?de\s+venta\s*(?:(?:no|nro|numero)\b|n[°º*?”"'’%>]{1,2})\.?\s*:?/g,
    weight: 0.9,
  },
  // A speck glued before it ("HConsecutivo").
  { pattern: /\b(?:numero\s+)?[a-z]?consecutivo(?:\s+(?:no|nro|n[°º*?”"'’%>]{1,2})\.?)?/g, weight: 0.93 },
  { pattern: /\bcomp(?:robante)?\.?\s*(?:no|nro|n[°º*?”"'’%>]{1,2})\.?/g, weight: 0.9 },
  // "NO. PEDIDO", "No. de orden": a number of something else.
  {
    pattern:
      /(?<![\p{L}.])(?:no|nro|numero|n[°º*?”"'’%>]{1,2}|#)[.,]?(?=[\s:;.#\d]|$)(?!\.?\s*(?:de\s+(?:la\s+)?)?(?:pedido|orden|o\.?\s?c\b|remito|cuenta|resolucion|nit|cliente|items?)\b)/gu,
    weight: 0.7,
  },
  // "Nº" heading a grid column, its sign lost by OCR: an "N" alone in its cell.
  { pattern: /(?<![\p{L}\d.])n(?=\s{3}|$)/gu, weight: 0.6 },
];

/** Words that make a "No." belong to something else (O.C. No., NIT No., Remito N°…). */
const FOREIGN_NUMBER_CONTEXT =
  /(?:^|[^a-z0-9])(?:o\.?\s?c\.?|orden(?:\s+de\s+compra)?|pedido|remito|nit|cuit|c\.?u\.?i\.?t\.?|cae|cufe|ref\.?|referencia|operacion|cliente|tel\.?|telefono|resolucion|res\.?|ingresos\s+brutos|ing\.?\s*brutos|iibb|items|hoja|pag\.?|pagina|cuenta|despacho|des|doc(?:umento)?|dian|autorizacion|formulario|id)\s*$/;

const NUMBER_VALUE =
  /^[\s:;#.\-–]*(?:(?:no|nro|n[°º*?”"'’%>]{1,2}|numero)\.?\s*[:#]?\s*)?(?:[A-Ca-c]\s+(?=(?:n[°º*?”"'’%>]{1,2}|no|nro)\.?\s*\d|\d))?(?:(?:n[°º*?”"'’%>]{1,2}|no\.?|nro\.?)\s*[:#]?\s*)?([A-Z]{1,6}(?:\s?-\s?|\s)?\d[\d-]*(?:\s?-\s?\d+)*|\d[\d-]*(?:\s?-\s?\d+)*(?:\s\d{6,8}(?!\d))?)/i;

function readNumber(text: string): string | null {
  const repaired = repairNumber(text);
  const match = NUMBER_VALUE.exec(repaired);
  if (!match) return null;
  // The number must end where a token ends: "20" of "20/08/2026" is not a number.
  const next = repaired[match.index + match[0].length];
  if (
    next !== undefined &&
    (!/[\s,;)]/.test(next) || /^[.,]\d/.test(repaired.slice(match.index + match[0].length)))
  )
    return null;
  let value = match[1]!
    .trim()
    .replace(/(?<!\s)\s+(?=-)|(?<=-)\s+/g, '')
    .replace(/-+$/, '');
  // "Invoice Nod 202637423": lower-case letters set apart before the digits are the marker's tail, no series.
  value = value.replace(/^\p{Ll}{1,3}\s(?=\d)/u, '');
  // Point of sale and number printed as two groups (`0008 00006490`) are one number.
  value = value.replace(/^(\d{3,5})\s(\d{6,8})$/, '$1-$2');
  const prefix = /^([A-Za-z]+)/.exec(value)?.[1]?.toLowerCase();
  if (prefix && NOT_A_PREFIX.has(prefix)) return null;
  // "INVOICE DATE 7 June": a label word of any language set apart before digits is the next label, not a
  // series ("FAC20260039" keeps its prefix, glued).
  const series = /^(\p{L}{2,}) \d/u.exec(value)?.[1];
  if (series && isLabelText(series)) return null;
  const digits = value.replace(/\D/g, '');
  if (digits.length === 0 || value.replace(/[^A-Za-z0-9]/g, '').length < 3) return null;
  if (findDate(value)) return null;
  return value;
}

const NOT_A_PREFIX = new Set([
  'codigo',
  'cod',
  'pag',
  'hoja',
  'tel',
  'nit',
  'cuit',
  'iva',
  'cp',
  'nro',
  'no',
  'fecha',
  'pagina',
  'caja',
  'ref',
  'tipo',
]);

function repairNumber(text: string): string {
  return (
    text
      // A speck read as a full stop after a prefix ("FV. 69370"), or beside a hyphen ("FVE-=2025-07966").
      .replace(/\b([A-Z]{2,6})\.\s(?=\d)/g, '$1 ')
      .replace(/(?<=[A-Z\d])(?:-[=~_]|[=~_]-)(?=\d)/g, '-')
      .split(' ')
      .map((t) => {
        // "SETP99OOOO12": the prefix stays, the digits after its first real digit are repaired.
        const match = /^([A-Za-z]{0,6}-?)(\d[\dOoIlS]*)$/.exec(t);
        return match ? match[1]! + repairDigits(match[2]!) : t;
      })
      .join(' ')
  );
}

export function findInvoiceNumber(rows: Row[]): Found<string> | null {
  const candidates: Found<string>[] = [];
  for (const { pattern, weight } of NUMBER_LABELS) {
    for (const hit of findLabels(rows, pattern)) {
      if (weight < 0.9 && !startsCell(hit)) continue;
      // Only the words just before the label and in its own cell: a neighbouring column ("Señores", "Cliente")
      // says nothing about which number this is.
      const before = hit.row.folded.slice(Math.max(0, hit.start - 24), hit.start);
      if (FOREIGN_NUMBER_CONTEXT.test(before.slice(before.lastIndexOf('   ') + 1))) continue;
      const windows = valueWindows(rows, hit);
      for (const [index, window] of windows.entries()) {
        // "Nro: 0008   00006490": point of sale and number split over two cells.
        const next = windows[index + 1];
        const text =
          window.placement === 'same-cell' &&
          next?.placement === 'next-cell' &&
          /^\d{6,8}$/.test(next.text.trim())
            ? `${window.text} ${next.text.trim()}`
            : window.text;
        const value = readNumber(window.confidence < 1 ? ocrSpeckAsSpace(text) : text);
        if (!value) continue;
        if (isTaxIdLike(value)) continue;
        // A number in another column that runs on into prose ("34497 Diagnóstico y reparación …") is an
        // item code or a quantity, not the invoice number.
        if (window.placement !== 'same-cell' && followedByProse(text, value)) continue;
        const titleOnly =
          window.placement === 'below' &&
          !/(?:no|nro|n[°º*?”"'’%>]{1,2}|#|numero)\.?\s*$/.test(hit.row.folded.slice(hit.start, hit.end));
        candidates.push({
          value,
          score:
            weight *
            PLACEMENT_WEIGHT[window.placement] *
            (titleOnly ? 0.8 : 1) *
            positionWeight(hit.row) *
            (0.5 + 0.5 * window.confidence) *
            // "No. PED-8001" under a column whose "O.C." OCR lost is the order, not the invoice.
            (ORDER_PREFIX.test(value) ? 0.6 : 1),
          row: window.row,
        });
        break;
      }
    }
  }
  const pointOfSale = findPointOfSaleNumber(rows);
  if (pointOfSale) candidates.push(pointOfSale);
  const unlabelled = findUnlabelledNumber(rows);
  if (unlabelled) candidates.push(unlabelled);
  if (candidates.length === 0) {
    const underTitle = numberUnderTitle(rows);
    if (underTitle) candidates.push(underTitle);
  }
  return pick(candidates);
}

/** OCR reads the gap of "FV 62867" as a speck ("FV.62867"); printed numbers keep their own punctuation. */
function ocrSpeckAsSpace(text: string): string {
  return text.replace(/^(\s*[A-Za-z]{1,6})\.(?=\d{3})/, '$1 ');
}

/** A bare "No." / "Nº" labels the invoice only when it opens a cell (after at most the document letter). */
function startsCell(hit: LabelHit): boolean {
  const before = hit.row.text.slice(0, hit.start);
  const cellStart = before.lastIndexOf('   ');
  const inCell = before.slice(cellStart === -1 ? 0 : cellStart + 3).trim();
  return inCell === '' || /^(?:[A-Ca-c]|factura(?:\s+[A-Ca-c])?)$/i.test(inCell);
}

function followedByProse(text: string, value: string): boolean {
  const at = text.indexOf(value.split(/[\s-]/)[0] ?? value);
  const rest = at >= 0 ? text.slice(at + value.length) : '';
  return (rest.match(/\p{Ll}{2,}/gu)?.length ?? 0) >= 2;
}

function isTaxIdLike(value: string): boolean {
  return /^\d{2}-\d{8}-\d$/.test(value) || /^\d{1,3}(\.\d{3}){2,}-\d$/.test(value);
}

// ── dates ───────────────────────────────────────────────────────────────────────────────────────────────

const ISSUE_LABELS: { pattern: RegExp; weight: number }[] = [
  {
    pattern:
      /\b(?:fe[cg]ha[\s-]*(?:y\s+hora\s+)?(?:de\s+)?(?:emision|expedicion|factura(?:cion)?|generacion|elaboracion)|f\.?\s*emision|emitida\s+el|issue\s+date|invoice\s+date)\b/g,
    weight: 1,
  },
  { pattern: /\b(?:expedicion|emision)\b/g, weight: 0.9 },
  {
    pattern:
      /\bfe[cg]ha\b(?![\s'’]*(?:de[\s.]*|del\s+)?(?:venc|vto|vence|limite|inicio|ini\b|imp|pago|entrega|recepcion|impresion|pedido|orden|remito|hasta|desde|corte))/g,
    weight: 0.85,
  },
];

const DUE_LABELS: { pattern: RegExp; weight: number }[] = [
  {
    pattern:
      /\b(?:[fp]e[cg]ha[\s'’.,-]*(?:de\s+)?(?:vencimiento|vto\.?|limite(?:[\s.]+de[\s.]*pago)?|de[\s.,-]*pag(?:o\b|\b))|vencimiento(?:\s+(?:de\s+)?(?:la\s+)?factura)?|vence(?:\s+el)?|vto\.?(?:\s+para\s+el\s+pago)?|pagar\s+antes\s+de|due\s+date|fecha\s+de\s+vto\.?\s+para\s+el\s+pago)(?![.:]?\s*(?:de\s+)?(?:del\s+)?(?:c\.?a\.?[ei]|ca[ei]\b|comp\b))/g,
    weight: 1,
  },
];

function findDateByLabels(rows: Row[], labels: { pattern: RegExp; weight: number }[]): Found<string>[] {
  const candidates: Found<string>[] = [];
  for (const { pattern, weight } of labels) {
    for (const hit of findLabels(rows, pattern)) {
      // "Fecha de Vto. de CAE", "Vencimiento CAE": the authorisation's dates, not the invoice's.
      if (/^\s*(?:de\s+)?(?:del\s+)?(?:c\.?\s?a\.?\s?e|cae|caea|comp\b)/.test(hit.row.folded.slice(hit.end)))
        continue;
      if (
        /(?:inicio\s+(?:de\s+)?(?:actividades?)?|c\.?a\.?e\.?)\s*$/.test(
          hit.row.folded.slice(Math.max(0, hit.start - 20), hit.start),
        )
      )
        continue;
      for (const window of withNextRow(rows, valueWindows(rows, hit))) {
        const date = findDate(window.text);
        if (!date || date.index > 14) continue;
        // A date after a label of its own in the next place ("Fällig am: …") is that label's.
        if (window.placement !== 'same-cell' && endsWithLabel(window.text.slice(0, date.index))) continue;
        candidates.push({
          value: date.iso,
          score:
            weight *
            PLACEMENT_WEIGHT[window.placement] *
            positionWeight(hit.row) *
            (0.5 + 0.5 * window.confidence),
          row: window.row,
        });
        break;
      }
    }
  }
  return candidates;
}

/**
 * "27 de noviembre" / "de 2025": a date wrapped at the end of its cell continues in the same column on the next
 * row, or the one after when another column's row sits between them.
 */
function withNextRow(rows: Row[], windows: ReturnType<typeof valueWindows>): ReturnType<typeof valueWindows> {
  const out = [...windows];
  const first = windows[0];
  if (!first || first.placement === 'below') return out;
  const cell = first.row.cells.find((c) => c.text.endsWith(first.text.trim()));
  for (let i = first.row.order + 1; i <= first.row.order + 2; i++) {
    const next = rows[i];
    if (!next || next.page !== first.row.page || next.y0 - first.row.y1 > 1.5 * rowHeightOf(first.row)) break;
    const below = cell
      ? next.cells.find((c) => Math.min(c.x1, cell.x1) - Math.max(c.x0, cell.x0) > 0)
      : next.cells[0];
    if (below) {
      out.push({ ...first, text: `${first.text} ${below.text}` });
      break;
    }
  }
  return out;
}

function rowHeightOf(row: Row): number {
  return Math.max(4, row.y1 - row.y0);
}

export function findIssueDate(rows: Row[]): Found<string> | null {
  return pick(findDateByLabels(rows, ISSUE_LABELS)) ?? firstUnlabelledDate(rows);
}

const OTHER_DATE_CONTEXT =
  /(?:inicio|actividad(?:es)?|vto\.?|venc\w*|vence|cae|saldo\s+al|impresion|imp\.|hasta|desde|pago)\s*:?\s*$/;

/** No date label at all: the first date at the top of the first page that no other label claims. */
function firstUnlabelledDate(rows: Row[]): Found<string> | null {
  for (const row of rows) {
    if (row.page !== 0 || row.y0 > 0.4 * row.pageHeight) continue;
    const date = findDate(row.text);
    if (!date) continue;
    const before = row.folded.slice(Math.max(0, date.index - 30), date.index);
    if (OTHER_DATE_CONTEXT.test(before)) continue;
    // A label of its own right before it in its cell ("Fällig am: 28.09.2026", in any language): no issue-date
    // label matched it, so it is another date's.
    if (endsWithLabel(before.split('   ').at(-1) ?? '')) continue;
    // "Resolución DIAN No. … del 2024-01-12": the numbering authorisation's date, however far its label.
    if (/resolucion|autorizacion|numeracion|vigencia/.test(row.folded)) continue;
    return { value: date.iso, score: 0.5, row };
  }
  return null;
}

export function findDueDate(rows: Row[], issue: string | null): Found<string> | null {
  const candidates = [...findDateByLabels(rows, DUE_LABELS), ...wrappedDueLabels(rows)].filter(
    (c) => !issue || c.value >= issue,
  );
  return pick(candidates);
}

/**
 * "Fecha   13/05/2026" over "de pago:": a due-date label wrapped in its narrow column, its second line printed
 * (or read by OCR) as a row of its own under the first. The date is the label row's next cell.
 */
function wrappedDueLabels(rows: Row[]): Found<string>[] {
  const found: Found<string>[] = [];
  for (const row of rows) {
    row.cells.forEach((cell, index) => {
      if (!/^fecha(?:\s+limite)?\s*:?$/.test(fold(cell.text))) return;
      const wrapped = rows
        .slice(row.order + 1, row.order + 3)
        .filter((next) => next.page === row.page && next.y0 - row.y0 < 2.5 * rowHeightOf(row))
        .some((next) =>
          next.cells.some(
            (c) =>
              c.x0 < cell.x1 + 30 &&
              c.x1 > cell.x0 &&
              /^(?:de\s+)?(?:pago|vencimiento)\s*:?$/.test(fold(c.text)),
          ),
        );
      const value = row.cells[index + 1];
      const date = wrapped && value ? findDate(value.text) : null;
      if (date && date.index === 0) found.push({ value: date.iso, score: 0.7 * positionWeight(row), row });
    });
  }
  return found;
}

export type { LabelHit };
