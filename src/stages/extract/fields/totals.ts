import {
  findLabels,
  type LabelHit,
  PLACEMENT_WEIGHT,
  type Placement,
  type Row,
  rowHeight,
  type ValueWindow,
  valueWindows,
} from '../page/layout.ts';
import { withJoinedThousands } from '../page/split-numbers.ts';
import { amountsMatch, parseAmount, roundCents } from '../values/amount.ts';
import { withholdingsFromNet } from './totals-withholdings.ts';

/**
 * The totals block: every labelled amount is a candidate for subtotal, tax, withholdings, total or "net to
 * pay"; the combination that adds up (subtotal + tax (+ other charges) = total, and the lines to the
 * subtotal) wins over labels alone.
 */
export type TotalKind = 'subtotal' | 'tax' | 'withholding' | 'total' | 'net' | 'charge';

export interface AmountCandidate {
  kind: TotalKind;
  value: number;
  score: number;
  row: Row;
  label: string;
  confidence: number;
  /** Where the label is across its row (page points), when known. */
  span?: { x0: number; x1: number };
}

const LABELS: [TotalKind, RegExp, number][] = [
  [
    'net',
    /\b(?:neto\s+a\s+pagar|total\s+neto\s+a\s+pagar|valor\s+neto\s+a\s+pagar|saldo\s+a\s+pagar|total\s+a\s+pagar|valor\s+a\s+pagar)\b/g,
    0.95,
  ],
  [
    'withholding',
    // OCR reads the I of "ReteICA" / "ReteIVA" as l or 1 ("RetelCA").
    /\b(?:retenci[oó]n(?:es)?(?:\s+en\s+la\s+fuente|\s+de\s+(?:iva|ica)|\s+(?:iva|ica))?|rete\s?-?\s?(?:fuente|[il1|]{1,2}ca|[il1|]{1,2}va)|retefuente|rte\.?\s*fte\.?)\b/g,
    0.95,
  ],
  [
    'charge',
    /\b(?:percepci[oó]n(?:es)?(?:\s+[\w.]+)*?|impuestos?\s+internos|otros\s+tributos|importe\s+otros\s+tributos|total\s+percepciones|impoconsumo|impuesto\s+al\s+consumo)\b/g,
    0.8,
  ],
  [
    'total',
    /\b(?:total\s+bruto\s+factura|valor\s+total\s+factura|total\s+factura|importe\s+total|valor\s+total(?:\s+factura)?|gran\s+total|total\s+general|total\s+documento|total\s+(?:de\s+la\s+)?factura|total\s+comprobante|(?<!(?:cantidad|filas|sub|sub-)\s?)total)\b(?![\s.]*(?:iva|i\.v\.a|impuestos?|percep|brut|items|unidades|cantidad|descuentos?|c\/\s*iva|exento|gravado|retenci|neto|de\s+items|lineas))/g,
    0.9,
  ],
  [
    'subtotal',
    /\b(?:sub\s*-?\s*total(?:\s+(?:neto|gravado|general))?(?:\s+antes\s+de\s+(?:iva|impuestos?))?(?:\s?\d(?![\d.,]))?|base\s+(?:gravable|imponible)(?:\s+iva)?|importe\s+neto(?:\s+gravado)?|neto\s+gravado|subtotal\s+gravado|valor[\s.]+brut[o0]?|total[\s.]+brut[o0]?|total[\s.]+neto|valor\s+antes\s+de\s+iva|total\s+antes\s+de\s+impuestos|suma|gravado|neto)\b(?!\s*(?:a\s+pagar|exento|no\s+gravado))/g,
    0.85,
  ],
  [
    'tax',
    // OCR reads the "I" of "I.V.A." as "1", "l" or "|" ("1.V.A. 19%", "LV.A. 5%"), and "V." as "W" ("LW.A.").
    /(?<![\p{L}])(?:total\s+iva|importe\s+iva|valor\s+iva|iva\s+inscripto|[il1|]\.?\s?(?:v\.?|w\.?)\s?a\.?|iva|impuestos?(?!\s+internos)|impuesto\s+sobre\s+las\s+ventas)(?![\p{L}])/gu,
    0.85,
  ],
];

export function findAmountCandidates(read: Row[], tableRows: Set<number>): AmountCandidate[] {
  // "$ 1.579 500": a thousands separator OCR read as a gap, as in table rows.
  const rows = read.map(withJoinedThousands);
  const candidates: AmountCandidate[] = [];
  const lastTableOrder = Math.max(-1, ...tableRows);
  const usable = rows.filter((r) => !tableRows.has(r.order));
  const grid = gridValues(rows, tableRows);
  const takenSpans = new Map<number, [number, number][]>();
  for (const [kind, pattern, weight] of LABELS) {
    for (const hit of findLabels(usable, pattern)) {
      const spans = takenSpans.get(hit.row.order) ?? [];
      if (spans.some(([s, e]) => hit.start < e && hit.end > s)) continue;
      if (kind === 'tax' && isTaxRegime(hit)) continue;
      const found = grid.get(`${hit.row.order}:${hit.first}`) ?? amountAfter(rows, hit);
      if (!found) continue;
      // Withholdings print as deductions ("-$ 23.228"); the contract keeps them positive. A tax is never
      // negative either: a minus before it is a leader dash or a speck read by OCR.
      // Nor is an invoice's subtotal or total (credit notes are other documents).
      found.value = Math.abs(found.value);
      spans.push([hit.start, hit.end]);
      takenSpans.set(hit.row.order, spans);
      const afterTable = hit.row.order > lastTableOrder ? 1 : 0.9;
      candidates.push({
        kind,
        value: found.value,
        score: weight * PLACEMENT_WEIGHT[found.placement] * afterTable,
        row: hit.row,
        label: hit.row.folded.slice(hit.start, hit.end),
        confidence: found.confidence,
        span: { x0: hit.x0, x1: hit.x1 },
      });
    }
  }
  return candidates;
}

/** "IVA Responsable Inscripto", "Condición frente al IVA", "Régimen común IVA": the tax regime, not an amount. */
function isTaxRegime(hit: LabelHit): boolean {
  const after = hit.row.folded.slice(hit.end, hit.end + 24);
  const before = hit.row.folded.slice(Math.max(0, hit.start - 24), hit.start);
  return (
    /^\s*(?::\s*)?(?:resp|no\s+resp|regimen|exento|inscr(?!ipto\s*(?::\s*)?(?:\$\s*)?\d)|monotrib|consumidor|no\s+inscr)/.test(
      after,
    ) || /(?:frente\s+al|condicion|regimen|cond\.?)\s*$/.test(before)
  );
}

interface FoundAmount {
  value: number;
  placement: Placement;
  confidence: number;
}

function amountAfter(rows: Row[], hit: LabelHit): FoundAmount | null {
  const windows = withScrapSkipped(valueWindows(rows, hit));
  for (const [i, window] of windows.entries()) {
    const value = firstAmount(window.text);
    if (value === null) continue;
    // "Rete Fuente 65   ($ 396.726,40)": a bare count alone in the label's cell is its rate misread, when
    // the next cell prints money.
    const next = windows[i + 1];
    // So is a rate with decimals whose % was lost ("ReteFuente 2.51   -$ 437,840").
    if (
      /^\s*(?::\s*)?(?:\d{1,3}|\d{1,2}[.,]\d{1,2})\s*$/.test(window.text) &&
      next?.placement === 'next-cell' &&
      MONEY_IN.test(next.text)
    ) {
      const money = firstAmount(next.text);
      if (money !== null) return { value: money, placement: next.placement, confidence: next.confidence };
    }
    return { value, placement: window.placement, confidence: window.confidence };
  }
  return null;
}

const MONEY_IN = /\$|\d[.,]\d{3}|[.,]\d{2}(?!\d)/;

/**
 * "TOTAL   PAG   COP 12.747.756", "SUBTOTAL ANTES DE IVA   Las   22.589.700": the rest of a label (or a speck)
 * OCR set apart as a cell of a few letters stands between the label and its amount, which is the cell after.
 */
function withScrapSkipped(windows: ValueWindow[]): ValueWindow[] {
  const index = windows.findIndex((w) => w.placement === 'next-cell');
  const scrap = windows[index];
  const text = scrap?.text.trim() ?? '';
  // ...or dot leaders OCR garbled into letters and quotes ("cr... ooo...»").
  const leader = /\.{3}|…/.test(text) && /^[\p{L}.,:;'"»«…\s-]{3,30}$/u.test(text);
  if (!scrap || !(/^[\p{L}.,:;'"]{1,5}$/u.test(text) || leader)) return windows;
  const cells = scrap.row.cells;
  const at = cells.findIndex((c) => c.text === scrap.text);
  const after = at >= 0 ? cells[at + 1] : undefined;
  if (!after) return windows;
  const confidence = after.words.reduce((m, w) => Math.min(m, w.confidence), 1);
  const skipped: ValueWindow = { text: after.text, placement: 'next-cell', row: scrap.row, confidence };
  return [...windows.slice(0, index + 1), skipped, ...windows.slice(index + 1)];
}

/** The first amount of a text, skipping percentages (`19%`, `(21,00 %)`) and a leading rate. */
export function firstAmount(text: string): number | null {
  // OCR splits cents off after the decimal mark ("5.671.291, 16"): rejoined before tokens are read.
  const tokens = text
    .replace(/\$\s+/g, '$')
    // A thousands mark read as a gap after the dollar sign's first group ("$ 2 216.300", "$.2 637.397"): with
    // the sign before it, the lone digit is the amount's head, not a count.
    .replace(
      /\$\.?(\d{1,3})\s(\d{3}(?:[.,]\d{3})*[.,]\d{2,3})(?![\d.,])/g,
      (_, head: string, rest: string) => {
        const mark = rest[3]!;
        const thousands = /^\d{3}[.,]\d{3}(?:[.,]|$)/.test(rest) ? mark : mark === '.' ? ',' : '.';
        return `$${head}${thousands}${rest}`;
      },
    )
    .replace(/(?<=\d)(?:([.,]):|:([.,]))(?=\d{3}(?!\d))/g, '$1$2')
    .replace(/(\d[.,]\d{3}[.,])\s(\d{2})(?!\d)/g, '$1$2')
    // ...or the decimal mark itself as a gap, where nothing but a currency code follows ("161.117 68 COP").
    .replace(
      /(\d{1,3}(?:([.,])\d{3})+)\s(\d{2})(?=\s*(?:cop|usd|ars)?\s*\)?\s*$)/i,
      (_, whole, mark, cents) => `${whole}${mark === '.' ? ',' : '.'}${cents}`,
    )
    .split(/\s+/)
    .filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    // Specks around the amount read as punctuation ("(189.466)!").
    const token = tokens[i]!.replace(/^[:(*'’"=]+|[:)!*'’"|]+$/g, '');
    const following = `${tokens[i + 1] ?? ''} ${tokens[i + 2] ?? ''}`.toLowerCase();
    // A rate: "19%", "11,04 x mil", "11,04 mil:" (per thousand; "míl" as OCR accents it).
    if (token === '' || /%|‰/.test(token) || /^(?:%|‰|(?:x|por)\s+m[ií]l?\b|m[ií]l\b)/.test(following))
      continue;
    if (/^[\p{L}]/u.test(token) && !/^(?:cop|usd|ars)/i.test(token)) {
      if (i > 2) return null;
      continue;
    }
    // A bare count before money ("I.V.A. 199   $9.043.842,30", "Rete Fuente 65   ($ 396.726,40)") is a
    // rate whose % OCR misread, not the amount.
    const next = tokens[i + 1]?.replace(/^[:(]+|[:)]+$/g, '') ?? '';
    if (/^\d{1,3}$/.test(token) && MONEY_SHAPED.test(next) && parseAmount(next) !== null) continue;
    const value = parseAmount(token);
    if (value !== null) return value;
  }
  return null;
}

const MONEY_SHAPED = /^\$|\d[.,]\d{3}|[.,]\d{2}$/;

/**
 * Label-over-value grids ("SUBTOTAL  IVA 19%  TOTAL" over "1.000  190  1.190"): the cells of the row under
 * a row of labels pair with the labels by order when the counts agree, else by nearest centre.
 */
function gridValues(rows: Row[], tableRows: Set<number>): Map<string, FoundAmount> {
  const out = new Map<string, FoundAmount>();
  for (let i = 0; i < rows.length; i++) {
    for (const j of [i + 1, i - 1]) {
      const labelRow = rows[i]!;
      const valueRow = rows[j];
      if (!valueRow || tableRows.has(labelRow.order) || valueRow.page !== labelRow.page) continue;
      if (Math.abs(valueRow.y0 - labelRow.y0) > 3 * rowHeight(labelRow)) continue;
      pairGrid(labelRow, valueRow, out);
    }
  }
  return out;
}

function pairGrid(labelRow: Row, valueRow: Row, out: Map<string, FoundAmount>): void {
  {
    // The value row holds nothing but amounts (and rates); the label row holds no amount of its own.
    const valueCells = withoutCurrencyCells(valueRow.cells);
    if (valueCells.some((c) => !ONLY_AMOUNTS.test(c.text))) return;
    const values = valueCells.map((c) => ({ cell: c, value: firstAmount(c.text) }));
    if (values.length < 2 || values.some((v) => v.value === null)) return;
    if (labelRow.cells.some((c) => ONLY_AMOUNTS.test(c.text))) return;
    const labelCells = labelRow.cells.filter((c) => /\p{L}/u.test(c.text));
    if (labelCells.length < 2 || labelCells.some((c) => firstAmount(c.text) !== null && !/%/.test(c.text)))
      return;
    const pairs: [number, number][] = [];
    if (labelCells.length === values.length) for (let k = 0; k < labelCells.length; k++) pairs.push([k, k]);
    else
      labelCells.forEach((label, k) => {
        const centre = (label.x0 + label.x1) / 2;
        let best = -1;
        let distance = Number.POSITIVE_INFINITY;
        values.forEach((v, j) => {
          const d = Math.abs((v.cell.x0 + v.cell.x1) / 2 - centre);
          if (d < distance) {
            best = j;
            distance = d;
          }
        });
        if (best >= 0) pairs.push([k, best]);
      });
    for (const [k, j] of pairs) {
      const label = labelCells[k]!;
      const firstWord = labelRow.words.indexOf(label.words[0]!);
      const v = values[j]!;
      for (let w = firstWord; w < firstWord + label.words.length; w++) {
        if (out.has(`${labelRow.order}:${w}`)) continue;
        out.set(`${labelRow.order}:${w}`, {
          value: v.value!,
          placement: 'below',
          confidence: Math.min(...v.cell.words.map((x) => x.confidence)),
        });
      }
    }
  }
}

// A run of digits is one token (the lookahead): the group's + cannot split it many ways and backtrack.
const ONLY_AMOUNTS = /^(?:[\s:$+()%-]|cop|usd|ars|\d[\d.,]*(?![\d.,]))+$/i;

/** A "$" printed in its own cell belongs to the amount after it. */
function withoutCurrencyCells(cells: Row['cells']): Row['cells'] {
  return cells.filter((c) => !/^(?:\$|cop|usd|ars|us\$)$/i.test(c.text.trim()));
}

export interface TotalsChoice {
  subtotal: AmountCandidate | null;
  tax: { value: number; score: number; confidence: number } | null;
  /** `derived`: the total less the net amount, not the withholdings as read. */
  withholdings: { value: number; score: number; confidence: number; derived?: boolean } | null;
  total: AmountCandidate | null;
  /** subtotal + tax (+ printed other charges) = total held. */
  consistent: boolean;
  linesMatchSubtotal: boolean;
}

/** Picks the combination of candidates that agrees with itself and with the line items. */
export function chooseTotals(candidates: AmountCandidate[], linesSum: number | null): TotalsChoice {
  const of = (kind: TotalKind) => dedupe(candidates.filter((c) => c.kind === kind)).slice(0, 6);
  const subtotals = of('subtotal');
  const totals = of('total');
  const nets = of('net');
  const taxRows = dedupeByRow(candidates.filter((c) => c.kind === 'tax'));
  const taxOptions = taxAlternatives(taxRows);
  const charges = dedupeByRow(candidates.filter((c) => c.kind === 'charge')).reduce((s, c) => s + c.value, 0);
  const withholdingRows = dedupeByRow(candidates.filter((c) => c.kind === 'withholding'));
  const withholdings =
    withholdingRows.length > 0
      ? {
          value: roundCents(withholdingRows.reduce((s, c) => s + c.value, 0)),
          score: Math.min(...withholdingRows.map((c) => c.score)),
          confidence: Math.min(...withholdingRows.map((c) => c.confidence)),
        }
      : null;
  // "Neto a pagar" is the total when no separate total is printed and nothing was withheld.
  const totalOptions: (AmountCandidate | null)[] = [...totals, ...(withholdings ? [] : nets), null];
  const subtotalOptions: (AmountCandidate | null)[] = [...subtotals, null];
  const taxChoices: (TotalsChoice['tax'] | null)[] = [...taxOptions, null];

  let best: TotalsChoice & { score: number } = {
    subtotal: null,
    tax: null,
    withholdings,
    total: null,
    consistent: false,
    linesMatchSubtotal: false,
    score: Number.NEGATIVE_INFINITY,
  };
  for (const total of totalOptions) {
    for (const subtotal of subtotalOptions) {
      for (const tax of taxChoices) {
        let score = (total?.score ?? 0) + (subtotal?.score ?? 0) * 0.8 + (tax?.score ?? 0) * 0.6;
        let consistent = false;
        if (total && subtotal && tax) {
          // The total printed before the withholdings (Colombia) or after them (Spain's IRPF, CFDI retenciones).
          const sums = [subtotal.value + tax.value, subtotal.value + tax.value + charges];
          if (withholdings) sums.push(...sums.map((sum) => sum - withholdings.value));
          consistent = sums.some((sum) => amountsMatch(sum, total.value, 1.01));
          // Inconsistent totals stay (and are reported); dropping one would hide the problem.
          if (consistent) score += 3;
        }
        if (total && subtotal && !tax && amountsMatch(subtotal.value + charges, total.value, 0.011))
          score += 1;
        // No subtotal read (its label lost): the lines' sum stands in for it, so that the tax rows that
        // make up the total win over one of them alone. Not "consistent": no printed subtotal agreed.
        if (
          total &&
          !subtotal &&
          tax &&
          // A zero tax would let the lines' sum pass for any total read twice.
          tax.value > 0 &&
          linesSum !== null &&
          amountsMatch(
            linesSum + tax.value + charges,
            total.value,
            Math.max(0.015, Math.min(1.01, total.value * 1e-4)),
          )
        )
          score += 2;
        if (
          total &&
          withholdings &&
          nets.some((n) => amountsMatch(total.value - withholdings.value, n.value, 1.01))
        )
          score += 1;
        const linesMatch =
          linesSum !== null && subtotal !== null && amountsMatch(linesSum, subtotal.value, 1.01);
        if (linesMatch) score += 1;
        if (subtotal && total && subtotal.value > total.value + 0.01 && !withholdings) score -= 2;
        if (score > best.score)
          best = { total, subtotal, tax, withholdings, consistent, linesMatchSubtotal: linesMatch, score };
      }
    }
  }
  const { score: _score, ...choice } = best;
  return { ...choice, withholdings: withholdingsFromNet(choice, nets) ?? choice.withholdings };
}

/** Single tax rows, and the sum of all of them when several rates are printed (IVA 19% + IVA 5%). */
function taxAlternatives(rows: AmountCandidate[]): NonNullable<TotalsChoice['tax']>[] {
  const options = rows.map((c) => ({ value: c.value, score: c.score, confidence: c.confidence }));
  const positive = rows.filter((c, i) => c.value > 0 && rows.findIndex((o) => o.value === c.value) === i);
  if (positive.length > 1) {
    options.push({
      value: roundCents(positive.reduce((s, c) => s + c.value, 0)),
      score: Math.min(...positive.map((c) => c.score)),
      confidence: Math.min(...positive.map((c) => c.confidence)),
    });
  }
  return options;
}

function dedupe(list: AmountCandidate[]): AmountCandidate[] {
  return [...list].sort((a, b) => b.score - a.score || b.row.order - a.row.order);
}

/** One amount per printed row and label (the same row read twice through two windows counts once). */
function dedupeByRow(list: AmountCandidate[]): AmountCandidate[] {
  const seen = new Set<string>();
  const out: AmountCandidate[] = [];
  for (const c of list) {
    const key = `${c.row.order}:${c.label}:${c.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}
