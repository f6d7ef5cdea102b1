import type { LineItem } from '../../../contract/result.ts';

const SMALL_WORDS = 'de|del|la|las|los|el|y|en|a|para|por|DE|DEL|LA|LAS|LOS|EL|Y|EN|A|PARA|POR';

/**
 * Specks OCR reads as punctuation inside an item's description: after a preposition or article, which is
 * never abbreviated ("DE. IZAJE", "DEL' TÉCNICO", "DE'OBRA"), after a word before one ("Reparación. de"), or
 * as a dash glued to one ("Transporte -de"). Only on scans: a text layer's description is what was printed.
 */
export function withoutDescriptionSpecks(lines: LineItem[]): LineItem[] {
  return lines.map((line) =>
    line.description ? { ...line, description: cleanDescription(line.description) } : line,
  );
}

function cleanDescription(text: string): string {
  return text
    .replace(new RegExp(`(?<![\\p{L}])(${SMALL_WORDS})[.'’:,](?=\\s)`, 'gu'), '$1')
    .replace(/(?<![\p{L}])(de|del|DE|DEL)['’](?=\p{L})/gu, '$1 ')
    .replace(new RegExp(`(?<=\\p{L}{3})[.'’](?=\\s(?:${SMALL_WORDS})\\s)`, 'gu'), '')
    .replace(new RegExp(`\\s-(?=(?:${SMALL_WORDS})\\s)`, 'gu'), ' ');
}
