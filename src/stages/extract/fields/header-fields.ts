import { isLabelText, isLabelTextOf } from '../labels/label-text.ts';
import type { Language } from '../labels/lexicon.ts';
import type { LabelMatch } from '../labels/match.ts';
import { type Row, valueWindows, wrappedLine } from '../page/layout.ts';
import { endsWithLabel } from '../text/text.ts';
import type { FieldCandidate, FieldChoice } from './candidate.ts';
import { findDates } from './dates.ts';
import { type ScoringContext, scoringContext } from './features.ts';
import { activeChooser, type Chooser, chooseValue } from './field-chooser.ts';
import type { Found } from './header.ts';
import { readIdentifier } from './identifier.ts';
import { repairCodePrefix } from './order.ts';
import { placeDateCandidates } from './place-date.ts';
import { headerPosition, PLACEMENT_FACTOR, productScore } from './scorer.ts';
import { withSeries } from './series-number.ts';

/**
 * Invoice number, issue date and due date from the lexicon's labels, ranked together with what the older
 * pattern-based finders (`legacy`) proposed: agreement between the two raises a value, disagreement lowers
 * the confidence of whichever wins.
 */
export interface HeaderLegacy {
  number: Found<string> | null;
  order: Found<string> | null;
  issueDate: Found<string> | null;
  dueDate: Found<string> | null;
}

export interface HeaderFields {
  number: FieldChoice<string> | null;
  order: FieldChoice<string> | null;
  issueDate: FieldChoice<string> | null;
  dueDate: FieldChoice<string> | null;
}

/** How far a finder that knows only Spanish-language layouts is trusted next to the lexicon. */
const LEGACY_TRUST = 0.9;

export function numberKey(value: string): string {
  return value
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean)
    .map((group) => group.replace(/^0+(?=\d)/, ''))
    .join('-');
}

export function dominantLanguage(labels: LabelMatch[]): Language | null {
  const counts = new Map<Language, number>();
  // A series label reads alike in several languages ("Serie", "Série"): it says nothing of the language.
  for (const l of labels)
    if (l.field !== 'other' && l.field !== 'series') counts.set(l.lang, (counts.get(l.lang) ?? 0) + 1);
  let best: Language | null = null;
  for (const [lang, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = lang;
  return best;
}

function windowConfidence(confidence: number): number {
  return 0.5 + 0.5 * confidence;
}

export function numberCandidates(
  rows: Row[],
  labels: LabelMatch[],
  tableRows: Set<number> = new Set(),
  field: 'number' | 'order' = 'number',
): FieldCandidate<string>[] {
  const out: FieldCandidate<string>[] = [];
  for (const label of labels) {
    // A "#" or "Nº" heading an item column numbers the items.
    if (label.field !== field || tableRows.has(label.row.order)) continue;
    // "59100 Prato (PO)": a word in brackets is an abbreviation inside a value (a province), not a label.
    if (label.row.text[label.start - 1] === '(' && label.row.text[label.end] === ')') continue;
    // A bare "No." / "Nº" names the invoice's number only where it opens a cell.
    const bare = label.weight < 0.6 && label.marker;
    if (bare && !label.startsCell) continue;
    // "FACTURA DE VENTA" over "N°": a title and its marker stacked in one box are one label.
    const weight = bare && titleAbove(rows, labels, label) ? 1 : label.weight;
    for (const window of valueWindows(rows, label)) {
      if (window.placement === 'below' && tableRows.has(window.row.order)) continue;
      const reading = readIdentifier(field === 'order' ? repairCodePrefix(window.text.trim()) : window.text);
      // A date or a rate is never the number: the next place may hold it.
      if (!reading || reading.shape < 0.15) continue;
      // "INVOICE   DATE 7 June 2026": the next label and a day are no series and number. A number's own
      // abbreviation is a series ("Serie y folio: FAC 5793").
      const series = /^(\p{L}{2,}) \d/u.exec(reading.value)?.[1];
      if (series && isLabelText(series) && !isLabelTextOf(series, 'number')) continue;
      if (field === 'order' && window.placement === 'same-cell' && prefixLabel(label))
        reading.value = `${label.row.text.slice(label.start, label.end).toUpperCase()} ${reading.value}`;
      const features = {
        label: weight,
        marker: label.marker ? 1 : 0.85,
        cellStart: label.startsCell ? 1 : 0.75,
        placement: PLACEMENT_FACTOR[window.placement],
        position: headerPosition(label.row),
        shape: reading.shape,
        prose: reading.prose && window.placement !== 'same-cell' ? 0.35 : 1,
        read: windowConfidence(window.confidence),
      };
      out.push({
        value: reading.value,
        key: numberKey(reading.value),
        score: productScore(features),
        source: 'label',
        row: window.row,
        label,
        placement: window.placement,
        features,
      });
      break;
    }
  }
  // "OC 2026-794" read whole under one label and as "2026-794" after its own prefix taken for a label: the
  // prefix belongs to the value.
  const keys = new Set(out.map((c) => c.key));
  const kept = out.filter((c) => {
    const label = c.label;
    if (!label) return true;
    return !keys.has(numberKey(`${label.row.text.slice(label.start, label.end)} ${c.value}`));
  });
  return field === 'number' ? withSeries(rows, labels, kept, numberKey) : kept;
}

/**
 * An order prefix taken for a label ("OC 2025-320", "Remito: OC 50043"): the abbreviation printed right
 * before the number, with no colon or number marker between, is part of the printed reference, as the
 * pattern-based finder reads it (a long bare number after it, "OC 4500081955", stays the label's value).
 */
function prefixLabel(label: LabelMatch): boolean {
  const text = label.row.text;
  if (!/^(?:oc|os|ot|ped|po)$/i.test(text.slice(label.start, label.end))) return false;
  return /^\s(?:\d{1,5}\b(?![.,]\d)|\d+-\d)/.test(text.slice(label.end));
}

/** "Fattura n. 12 del …": a joining word after the invoice number's label on its row. */
function followsNumber(labels: LabelMatch[], label: LabelMatch): boolean {
  return labels.some(
    (l) =>
      l.field === 'number' &&
      l.row === label.row &&
      l.end <= label.start &&
      (l.weight >= 0.6 || l.startsCell),
  );
}

/** A number title without marker ("Factura", "Invoice") ending right above the label, over the same column. */
function titleAbove(rows: Row[], labels: LabelMatch[], label: LabelMatch): boolean {
  const height = Math.max(4, label.row.y1 - label.row.y0);
  return labels.some(
    (other) =>
      other.field === 'number' &&
      !other.marker &&
      other.row.page === label.row.page &&
      other.row.order < label.row.order &&
      label.row.y0 - other.row.y1 < 1.6 * height &&
      label.row.y0 > other.row.y0 &&
      Math.min(other.x1, label.x1) - Math.max(other.x0, label.x0) > 0 &&
      other.row.text.slice(other.end).split('   ')[0]!.trim() === '' &&
      // Nothing printed between the two in that column (the title's own value would be).
      !rows
        .slice(other.row.order + 1, label.row.order)
        .some((r) => r.page === label.row.page && r.cells.some((c) => c.x0 < label.x1 && c.x1 > label.x0)),
  );
}

export function dateCandidates(
  rows: Row[],
  labels: LabelMatch[],
  field: 'issueDate' | 'dueDate',
  monthFirst: boolean,
): FieldCandidate<string>[] {
  const out: FieldCandidate<string>[] = [];
  for (const label of labels) {
    const joined = field === 'issueDate' && label.field === 'numberDate' && followsNumber(labels, label);
    if (label.field !== field && !joined) continue;
    for (const window of valueWindows(rows, label)) {
      if (joined && window.placement !== 'same-cell') break;
      const text = window.text.replace(/^[\s:;.,\-–]+/, '');
      // A long date wrapped in a narrow cell ("14 de novembro de" / "2025") reads on with its next line.
      const wrapped = /\p{L}/u.test(text) ? wrappedLine(rows, label, window) : null;
      const date =
        findDates(text, monthFirst)[0] ??
        (wrapped
          ? findDates(`${text} ${wrapped}`, monthFirst).find((d) => d.index < text.length)
          : undefined);
      if (!date || date.index > (joined ? 0 : 14)) continue;
      // "Rechnungsdatum:   Fällig am: 28.09.2026": a date after a label of its own in the next place is that
      // label's, not this one's.
      if (window.placement !== 'same-cell' && endsWithLabel(text.slice(0, date.index))) continue;
      const features = {
        label: label.weight,
        cellStart: label.startsCell ? 1 : 0.8,
        placement: PLACEMENT_FACTOR[window.placement],
        position: headerPosition(label.row),
        // Words between label and date ("Fecha desde: …", "Date paid …") say the date is of something else.
        near: date.index <= 3 ? 1 : /\p{L}{2,}/u.test(text.slice(0, date.index)) ? 0.7 : 0.85,
        ambiguous: date.ambiguous ? 0.9 : 1,
        read: windowConfidence(window.confidence),
      };
      out.push({
        value: date.iso,
        key: date.iso,
        score: productScore(features),
        source: 'label',
        row: window.row,
        label,
        placement: window.placement,
        features,
      });
      break;
    }
  }
  return out;
}

function legacyCandidate(found: Found<string> | null, key: (v: string) => string): FieldCandidate<string>[] {
  if (!found) return [];
  return [
    {
      value: found.value,
      key: key(found.value),
      score: LEGACY_TRUST * Math.min(1, found.score),
      source: 'legacy',
      row: found.row,
      label: null,
      features: { legacy: found.score },
    },
  ];
}

/**
 * A letter printed as part of the number after its marker ("Nro. B 0426-00063155": Argentina's voucher
 * class) is kept: where a label read the number with it and the Spanish-layout finder without it, both name
 * that printed form.
 */
function withPrintedLetter(
  labelled: FieldCandidate<string>[],
  legacy: FieldCandidate<string>[],
): FieldCandidate<string>[] {
  // After a number marker ("Nro. B 0426-…"); after a title ("FACTURA A 0003-…") the letter is the class's.
  const fuller = (key: string) =>
    labelled.find((l) => l.label?.marker && /^[A-Z]-/.test(l.key) && l.key.slice(2) === key);
  return [
    ...labelled,
    ...legacy.map((c) => {
      const printed = fuller(c.key);
      if (printed) return { ...c, value: printed.value, key: printed.key };
      const letter = letterAfterMarker(c);
      return letter ? { ...c, value: `${letter} ${c.value}`, key: numberKey(`${letter} ${c.value}`) } : c;
    }),
  ];
}

/** A number marker and a lone capital letter right before the number on its row ("Comp. Nro.: B 3202-…"). */
const MARKER_LETTER = /(?:^|[^\p{L}])(?:nro|n[°º]|no|num|núm)\.?\s?:?\s([A-Z])\s$/iu;

function letterAfterMarker(candidate: FieldCandidate<string>): string | null {
  const text = candidate.row?.text;
  if (!text || /^[A-Z]\s/.test(candidate.value)) return null;
  const at = text.indexOf(candidate.value);
  if (at < 0) return null;
  const letter = MARKER_LETTER.exec(text.slice(Math.max(0, at - 12), at))?.[1];
  return letter && letter === letter.toUpperCase() ? letter : null;
}

/** A numeric date whose day cannot be a month tells the document's order: 31/07/2025 or 07/31/2025. */
const NUMERIC_DATE = /(?<![\d.,/-])(\d{1,2})[./-](\d{1,2})[./-](?:\d{4}|\d{2})(?![\d.,/-])/g;

/** US federal employer id label, or a US address's state and ZIP code ("Charlotte, NC 28208"). */
const US_SIGNS = /\bein\b|, [a-z]{2} \d{5}(?:-\d{4})?\b/;

/**
 * US documents print month first; everything else in the lexicon's countries prints day first. A date that
 * can only be read one way settles the order for the whole document; otherwise, without euros or pounds, US
 * signs (an EIN, a state and ZIP code) or dollars with US-English wording mean month first.
 */
function prefersMonthFirst(rows: Row[], lang: Language | null): boolean {
  const text = rows.map((r) => r.folded).join('\n');
  let dayFirst = 0;
  let monthFirst = 0;
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b >= 1 && b <= 12) dayFirst++;
    else if (b > 12 && b <= 31 && a >= 1 && a <= 12) monthFirst++;
  }
  if (dayFirst !== monthFirst) return monthFirst > dayFirst;
  if (/€|£|\beur\b|\bgbp\b/.test(text)) return false;
  return US_SIGNS.test(text) || (lang === 'en' && /\$|\busd\b/.test(text));
}

/** Every header field's candidates before any choice; the due date's are filtered by the chosen issue date. */
export interface HeaderCandidates {
  number: FieldCandidate<string>[];
  order: FieldCandidate<string>[];
  issueDate: FieldCandidate<string>[];
  dueDate: FieldCandidate<string>[];
  context: ScoringContext;
}

export function headerCandidates(
  rows: Row[],
  labels: LabelMatch[],
  legacy: HeaderLegacy,
  tableRows: Set<number> = new Set(),
): HeaderCandidates {
  const language = dominantLanguage(labels);
  const monthFirst = prefersMonthFirst(rows, language);
  return {
    number: withPrintedLetter(
      numberCandidates(rows, labels, tableRows),
      legacyCandidate(legacy.number, numberKey),
    ),
    order: [
      ...numberCandidates(rows, labels, tableRows, 'order'),
      ...legacyCandidate(legacy.order, numberKey),
    ],
    issueDate: [
      ...dateCandidates(rows, labels, 'issueDate', monthFirst),
      ...placeDateCandidates(rows, monthFirst),
      ...legacyCandidate(legacy.issueDate, (v) => v),
    ],
    dueDate: [
      ...dateCandidates(rows, labels, 'dueDate', monthFirst),
      ...legacyCandidate(legacy.dueDate, (v) => v),
    ],
    context: scoringContext(rows, language),
  };
}

/** A due date never precedes the issue date. */
export function dueAfterIssue<T extends string>(
  candidates: FieldCandidate<T>[],
  issue: string | null,
): FieldCandidate<T>[] {
  return candidates.filter((c) => issue === null || c.value >= issue);
}

export function findHeaderFields(
  rows: Row[],
  labels: LabelMatch[],
  legacy: HeaderLegacy,
  tableRows: Set<number> = new Set(),
  chooser: Chooser = activeChooser(),
): HeaderFields {
  const found = headerCandidates(rows, labels, legacy, tableRows);
  const { context } = found;
  const number = chooseValue('number', found.number, context, chooser);
  const order = chooseValue('order', found.order, context, chooser);
  const issueDate = chooseValue('issueDate', found.issueDate, context, chooser);
  const dueDate = chooseValue(
    'dueDate',
    dueAfterIssue(found.dueDate, issueDate?.value ?? null),
    context,
    chooser,
  );
  return { number, order, issueDate, dueDate };
}
