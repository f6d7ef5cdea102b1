import { isLabelTextOf } from '../labels/label-text.ts';
import type { LabelMatch } from '../labels/match.ts';
import { type Row, valueWindows } from '../page/layout.ts';
import type { FieldCandidate } from './candidate.ts';

/**
 * An invoice number printed as a series and a number in cells of their own ("Serie: A" beside "Folio:
 * 167ABC") is one identifier, the series before the number without a separator (Mexico's SAT writes
 * Serie + Folio, Spain's series + number). Only a lettered series joins: a numeric one (Brazil's NF-e
 * "Série 1") is a register of its own, apart from the number.
 */

/** A series on its own in its window: letters, maybe digits after them, nothing else. */
const SERIES = /^[\s:#.\-–]*([A-Za-z][A-Za-z0-9]{0,9})\s*$/;

/** How many rows apart a series and its number's label may be (one box's label row and value row). */
const NEAR_ROWS = 2;

function readSeries(rows: Row[], labels: LabelMatch[], label: LabelMatch): string | null {
  for (const window of valueWindows(rows, label)) {
    // "Serie: MX Folio: 6081" in one cell: the series ends where the next label starts.
    const next =
      window.placement === 'same-cell'
        ? labels
            .filter((l) => l.row === label.row && l.start >= label.end)
            .reduce<LabelMatch | null>((a, l) => (a && a.start <= l.start ? a : l), null)
        : null;
    const text = (
      next && next.start - label.end <= window.text.length + 4
        ? label.row.text.slice(label.end, next.start)
        : window.text
    ).trim();
    // "Serie   Folio" over their values: the next cell holds another label, not the series.
    const labelled = labels.some(
      (l) => l.row === window.row && l !== label && text.startsWith(l.row.text.slice(l.start, l.end)),
    );
    if (labelled) continue;
    const match = SERIES.exec(text);
    if (match) return match[1]!;
    // The series' place holds something else (a number, words): no series here.
    return null;
  }
  return null;
}

/** A lettered series, a space and the number ("FAC 5793"). */
const SPACED_SERIES = /^([A-Za-z][A-Za-z0-9]{0,9}) (\d[\w/-]*)$/;

/**
 * "Serie y folio: FAC 5793": under a label that names the series first, a lettered series and the number
 * printed apart are one identifier, joined as a series and number in cells of their own are.
 */
function joinedUnderSeriesLabel(
  candidate: FieldCandidate<string>,
  key: (value: string) => string,
): FieldCandidate<string> {
  const label = candidate.label;
  if (!label) return candidate;
  const firstWord = label.row.text.slice(label.start, label.end).split(/\s+/)[0] ?? '';
  const spaced = SPACED_SERIES.exec(candidate.value);
  if (!spaced || !isLabelTextOf(firstWord, 'series')) return candidate;
  const value = `${spaced[1]}${spaced[2]}`;
  return { ...candidate, value, key: key(value), features: { ...candidate.features, series: 1 } };
}

/** The number's labelled candidates with a lettered series printed near their label put in front. */
export function withSeries(
  rows: Row[],
  labels: LabelMatch[],
  candidates: FieldCandidate<string>[],
  key: (value: string) => string,
): FieldCandidate<string>[] {
  candidates = candidates.map((candidate) => joinedUnderSeriesLabel(candidate, key));
  const series = labels
    .filter((l) => l.field === 'series')
    .map((label) => ({ label, value: readSeries(rows, labels, label) }))
    .filter((s): s is { label: LabelMatch; value: string } => s.value !== null);
  if (series.length === 0) return candidates;
  return candidates.map((candidate) => {
    const label = candidate.label;
    if (!label) return candidate;
    const near = series.find(
      (s) =>
        s.label.row.page === label.row.page &&
        Math.abs(s.label.row.order - label.row.order) <= NEAR_ROWS &&
        // The series is read first: left of the number's label on its row, or above it.
        (s.label.row.order < label.row.order || (s.label.row === label.row && s.label.end <= label.start)),
    );
    if (!near) return candidate;
    const upper = candidate.value.toUpperCase();
    // "A-167" or "A167" already holds its series.
    if (upper.startsWith(near.value.toUpperCase())) return candidate;
    const value = `${near.value}${candidate.value}`;
    return { ...candidate, value, key: key(value), features: { ...candidate.features, series: 1 } };
  });
}
