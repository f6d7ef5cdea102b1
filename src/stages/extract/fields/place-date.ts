import type { Row } from '../page/layout.ts';
import type { FieldCandidate } from './candidate.ts';
import { findDates } from './dates.ts';
import { headerPosition, productScore } from './scorer.ts';

/**
 * A letter's place and date line: "Chemnitz, 23. März 2026", "Madrid, 3 de marzo de 2026", "Paris, le 3 mars
 * 2026", "Milano, 3 marzo 2026". A cell that holds only a place name, a comma, an optional preposition and a
 * date dates the document, in every language that writes letters this way.
 */
// Linear: anchored, and each of the at most three repeated words starts with the space its class excludes.
const PLACE_THEN_REST = /^\p{Lu}[\p{L}'.-]*(?: [\p{L}'.-]+){0,3}, (?:(?:le|den|am|a|el|il|em|op|on|the) )?/u;
/** How strongly the line says "issue date", next to a label's 1. */
const PLACE_DATE_WEIGHT = 0.7;

export function placeDateCandidates(rows: Row[], monthFirst: boolean): FieldCandidate<string>[] {
  const out: FieldCandidate<string>[] = [];
  for (const row of rows) {
    if (row.page !== 0) continue;
    for (const cell of row.cells) {
      const text = cell.text.trim();
      const head = PLACE_THEN_REST.exec(text);
      if (!head || /\d/.test(head[0])) continue;
      const rest = text.slice(head[0].length);
      const date = findDates(rest, monthFirst)[0];
      if (date?.index !== 0 || rest.slice(date.length).replace(/[\s.]/g, '') !== '') continue;
      const features = { label: PLACE_DATE_WEIGHT, position: headerPosition(row), read: row.confidence };
      out.push({
        value: date.iso,
        key: date.iso,
        score: productScore(features),
        source: 'unlabelled',
        row,
        label: null,
        features,
      });
    }
  }
  return out;
}
