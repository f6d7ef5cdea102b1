import { distance } from 'fastest-levenshtein';
import { buildRow, type Row } from '../page/layout.ts';
import { fold } from '../text/text.ts';

/**
 * Column names OCR misread by a letter or two ("Desiripción", "Cantidd", "Vi unitark", or "Totall" with the
 * table's vertical rule read as a letter), or glued together at a rule ("CANT.[Concepto"), are put back before
 * the header is matched. Only words of five letters or more are repaired (two edits from seven), and only to
 * the one nearest name: the header checks that follow (every word a column name, numbers named) still decide
 * whether the row is a header at all.
 */
const COLUMN_NAMES = [
  'descripcion',
  'description',
  'concepto',
  'detalle',
  'producto',
  'servicio',
  'articulo',
  'cantidad',
  'quantity',
  'unitario',
  'importe',
  'subtotal',
  'total',
  'valor',
  'precio',
  'codigo',
  'unidad',
  'referencia',
  'amount',
];

const KNOWN = new Set(COLUMN_NAMES);

/** Short names of columns, as printed before a full stop ("Cant.", "Vr.") or alone ("Und"). */
const SHORT_NAMES = new Set(['cant', 'cod', 'und', 'unid', 'ref', 'item', 'vr', 'um', 'it', 'uds']);

export function withRepairedColumnNames(row: Row): Row {
  let changed = false;
  const words = row.words.flatMap((word) => {
    const halves = splitAtRule(word);
    if (halves) {
      changed = true;
      return halves;
    }
    const repaired = repairName(word.text);
    if (repaired === null) return [word];
    changed = true;
    return [{ ...word, text: repaired }];
  });
  return changed ? buildRow(words, row.page, row.order, row.pageWidth, row.pageHeight) : row;
}

/**
 * "CANT.[Concepto": two column names OCR glued together, the table's vertical rule between them read as a
 * bracket or a bar. Split where the rule is, each half a name, with the box shared out by letters.
 */
function splitAtRule(word: Row['words'][number]): Row['words'] | null {
  const match = /^([\p{L}.]{2,})[[\]|]([\p{L}.]{2,})$/u.exec(word.text);
  if (!match) return null;
  const [, left = '', right = ''] = match;
  const isName = (text: string) => {
    const folded = fold(text.replace(/\./g, ''));
    return KNOWN.has(folded) || SHORT_NAMES.has(folded);
  };
  if (!isName(left) || !isName(right)) return null;
  const split = word.x0 + ((word.x1 - word.x0) * left.length) / word.text.length;
  return [
    { ...word, text: left, x1: split - 1 },
    { ...word, text: right, x0: split + 1 },
  ];
}

/**
 * Words seen before and their repair (or null): every row of every invoice is tried as a header, and the same
 * words come back on each. Emptied when full.
 */
const repairs = new Map<string, string | null>();
const MAX_REMEMBERED = 20_000;

/** The one column name nearest a misread word, with the word's own trailing punctuation; else null. */
function repairName(text: string): string | null {
  const known = repairs.get(text);
  if (known !== undefined) return known;
  if (repairs.size >= MAX_REMEMBERED) repairs.clear();
  const repaired = nearestName(text);
  repairs.set(text, repaired);
  return repaired;
}

function nearestName(text: string): string | null {
  const match = /^(\p{L}{5,})([.:]?)$/u.exec(text);
  if (!match) return null;
  const folded = fold(match[1]!);
  if (KNOWN.has(folded)) return null;
  // Two edits only in a long word ("unitark" for "unitario"): short names are too close to each other.
  const edits = folded.length >= 7 ? 2 : 1;
  const distances = COLUMN_NAMES.map((name) =>
    Math.abs(name.length - folded.length) <= edits ? distance(name, folded) : Number.POSITIVE_INFINITY,
  );
  const best = Math.min(...distances);
  const near = COLUMN_NAMES.filter((_, i) => distances[i] === best);
  // The one nearest name: "desiripcion" is one edit from "descripcion", two from "description".
  return best <= edits && near.length === 1 ? `${near[0]}${match[2]}` : null;
}
