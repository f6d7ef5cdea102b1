import { NAME_LABELS } from '../labels/name-labels.ts';
import { type Cell, findLabels, type LabelHit, type Row, valueWindows } from '../page/layout.ts';
import { fold } from '../text/text.ts';
import { cleanName, LEGAL_FORM, LEGAL_FORM_ONLY, withWrappedLegalForm } from './company-name.ts';
import type { Anchor, IdOccurrence } from './parties.ts';

const SPANISH_NAME_LABEL = String.raw`razon\s+social|nombre(?:\s+o\s+razon\s+social)?|nome(?:\s*\/\s*(?:razao\s+social|nome\s+empresarial))?|apellido\s+y\s+nombre\s*(?:\/\s*razon\s+social)?|empresa`;

/**
 * A name's label: Spanish and Portuguese ones as printed, with or without a colon; every language's of the
 * lexicon (labels/name-labels.ts: "Firma:", "Raison sociale :", "Naam") with its colon or alone in its cell,
 * as the short ones ("Name", "Nom") are words of prose too.
 */
const NAME_LABEL = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:${SPANISH_NAME_LABEL})\s*:?|(?:${otherNameLabels()})(?:\s?:|(?=\s{3})))`,
  'gu',
);

function otherNameLabels(): string {
  const phrases = new Set(Object.values(NAME_LABELS).flat());
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.]/g, String.raw`\.`).replace(/\s+/g, String.raw`\s+`))
    .join('|');
}

interface NameFound {
  value: string;
  score: number;
}

export function findNames(
  rows: Row[],
  anchors: Anchor[],
  ids: IdOccurrence[],
  supplierId: IdOccurrence | null,
  customerId: IdOccurrence | null,
): { supplier: NameFound | null; customer: NameFound | null } {
  const byRole: Record<'supplier' | 'customer', NameFound[]> = { supplier: [], customer: [] };
  for (const anchor of anchors) {
    if (anchor.role === 'third') continue;
    const value = nameAfter(rows, anchor.hit);
    if (value) byRole[anchor.role].push({ value, score: 0.9 });
  }
  for (const hit of findLabels(rows, NAME_LABEL)) {
    const value = nameAfter(rows, hit);
    if (!value) continue;
    const role = roleOfNearestId(hit, ids, supplierId, customerId);
    if (role) byRole[role].push({ value, score: 0.85 });
  }
  for (const [role, id] of [
    ['supplier', supplierId],
    ['customer', customerId],
  ] as const) {
    const before = id ? nameBeforeId(id) : null;
    if (before) byRole[role].push({ value: before, score: 0.88 });
    const above = id ? nameAboveId(rows, id) : null;
    if (above) byRole[role].push({ value: above, score: 0.8 });
  }
  const letter = senderLine(rows);
  if (letter) {
    byRole.supplier.push({ value: letter.sender, score: 0.92 });
    if (letter.addressee) byRole.customer.push({ value: letter.addressee, score: 0.92 });
  }
  const best = (list: NameFound[]) => list.sort((a, b) => b.score - a.score)[0] ?? null;
  const customer = best(byRole.customer);
  return {
    supplier: best(byRole.supplier) ?? prominentTopName(rows, anchors, customer?.value ?? null),
    customer,
  };
}

/** A sender line's type is at most this share of the address's. */
const SMALL_TYPE = 0.85;

function wordHeight(row: Row): number {
  const heights = row.words.map((w) => w.y1 - w.y0).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}

/** The parts of a sender line: separated by a middle dot, a bullet or a bar, a space either side. */
const SENDER_PARTS = /\s[·•|]\s/;

/**
 * A letter's sender line, in small type over the window of the address ("Textilmaschinen Service GmbH ·
 * Industriestr. 12 · 72764 Reutlingen", as DIN 5008 and most European business letters print it): the
 * company with its legal form, then its street and postal code. The sender is the issuer; the first line of
 * the address block right under it is the addressee, the customer.
 */
function senderLine(rows: Row[]): { sender: string; addressee: string | null } | null {
  for (const row of rows) {
    if (row.page !== 0 || row.y0 > 0.45 * row.pageHeight || row.cells.length !== 1) continue;
    const parts = row.text.split(SENDER_PARTS).map((p) => p.trim());
    if (parts.length < 3 || !LEGAL_FORM.test(fold(parts[0]!))) continue;
    if (!parts.slice(1).some((p) => /(?<!\d)\d{4,5}(?!\d)/.test(p))) continue;
    const height = Math.max(4, row.y1 - row.y0);
    // The address block's first line: the next row starting where the sender line starts (a column of
    // invoice details to the right may come first in reading order).
    const next = rows
      .slice(row.order + 1, row.order + 4)
      .find((r) => r.page === row.page && Math.abs(r.x0 - row.x0) < 2 * height && r.y0 - row.y1 < 3 * height);
    // Set in smaller type than the address under it: a full-size line of parts is a party's own details.
    if (!next || wordHeight(row) > SMALL_TYPE * wordHeight(next)) continue;
    return { sender: cleanName(parts[0]!) ?? parts[0]!, addressee: cleanName(next.cells[0]!.text) };
  }
  return null;
}

/**
 * A party block whose heading OCR did not read: the name stands right above its tax id, aligned with the id's
 * label or its value, possibly wrapped over two rows ("Hilados y Tejidos" / "Montebello LTDA").
 */
function nameAboveId(rows: Row[], o: IdOccurrence): string | null {
  const base = o.id.value.slice(0, 6);
  const valueCell = o.row.cells.find((c) => c.text.replace(/\D/g, '').includes(base));
  const columns = [o.x0, valueCell?.x0].filter((x): x is number => x !== undefined);
  const height = Math.max(8, o.row.y1 - o.row.y0);
  const parts: string[] = [];
  let partHeight = 0;
  // A legal form wrapped alone onto the last row ("S.A.S.", set in capitals shorter than the name's accented
  // letters) does not count as one of the two rows a name may take, nor sets the type size the rows above match.
  let formOnly = false;
  let formCell: Cell | undefined;
  for (let i = o.row.order - 1; i >= 0 && parts.length < (formOnly ? 3 : 2); i--) {
    const row = rows[i]!;
    // Three rows (a legal form wrapped alone under two) reach one row further up.
    if (row.page !== o.row.page || o.row.y0 - row.y0 > (formOnly ? 5 : 4) * height) break;
    const cell =
      row.cells.find((c) => columns.some((x) => Math.abs(c.x0 - x) < 4)) ??
      (formOnly && parts.length === 1 ? centredOver(row, formCell) : undefined) ??
      (parts.length === 0 ? centredAlone(row, o.row) : undefined);
    if (!cell) continue;
    // "Adgquirente: Hilanderías Santa Rita SAS": a heading OCR garbled, with the name after its colon.
    // Only after a heading's one or two words: "Hurtado €: Cía. Ltda." is an ampersand OCR misread.
    const colon = cell.text.lastIndexOf(':');
    const heading = /^[\p{L}()]+(?:\s[\p{L}()]+)?\s?$/u.test(cell.text.slice(0, Math.max(0, colon)));
    const afterColon = parts.length === 0 && heading ? cell.text.slice(colon + 1) : '';
    const text = /:/.test(cell.text) && LEGAL_FORM.test(fold(afterColon)) ? afterColon : cell.text;
    // A colon read inside the legal form ("S:A.S") is no label's.
    if (/\d/.test(text) || /:/.test(text.replace(/\bS[.:]A(?:[.:]S)?\b/g, ''))) break;
    const cleaned = cleanName(text);
    if (!cleaned) break;
    // "Suministros   Integrales JR S.A.S.": a gap OCR left inside the name's first row.
    const name = parts.length === 0 ? withSplitTail(row, cell.text, cleaned) : cleaned;
    // A logo over the name ("SERVITÉCNICOS" over "Servitécnicos SAS") is larger type and repeats it.
    const cellHeight = typeSize(cell.words);
    const sizeSet = parts.length > (formOnly ? 1 : 0);
    if (
      parts.length > 0 &&
      ((sizeSet && Math.abs(cellHeight - partHeight) > 0.25 * partHeight) ||
        fold(parts[0]!).includes(fold(name)))
    )
      break;
    if (parts.length === 0) {
      formOnly = LEGAL_FORM_ONLY.test(name.toLowerCase());
      formCell = cell;
    }
    parts.unshift(name);
    partHeight = cellHeight;
  }
  const value = parts.join(' ');
  return LEGAL_FORM.test(fold(value)) && !LEGAL_FORM_ONLY.test(fold(value)) ? value : null;
}

/** A name centred over its block: the row's one cell, with a legal form, over the id row's extent. */
function centredAlone(row: Row, idRow: Row): Cell | undefined {
  const [cell] = row.cells;
  if (row.cells.length !== 1 || !cell || !LEGAL_FORM.test(fold(cell.text))) return undefined;
  return cell.x0 >= idRow.x0 - 4 && cell.x0 < idRow.x0 + 0.3 * row.pageWidth ? cell : undefined;
}

/** A centred name wrapped onto two rows: the row above spans the centre of the wrapped part. */
function centredOver(row: Row, part: Cell | undefined): Cell | undefined {
  if (!part) return undefined;
  const centre = (part.x0 + part.x1) / 2;
  return row.cells.find(
    (c) => c.x0 < centre && c.x1 > centre && Math.abs((c.x0 + c.x1) / 2 - centre) < 0.1 * row.pageWidth,
  );
}

/** "Electromotores Itagüí SAS · NIT: …", "Rodatec SAS   NIT: …": a name with a legal form just before the id. */
function nameBeforeId(o: IdOccurrence): string | null {
  const before = o.row.words.filter((w) => w.x1 <= o.x0 + 0.5);
  if (before.length === 0) return null;
  const text = before.map((w) => w.text).join(' ');
  const segment = text.split(/\s[|·]\s|\s-\s/).at(-1) ?? '';
  const cleaned = cleanName(segment.replace(/[|·]\s*$/, ''));
  if (!cleaned) return null;
  const folded = cleaned.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  return LEGAL_FORM.test(folded) ? cleaned : null;
}

function roleOfNearestId(
  hit: LabelHit,
  ids: IdOccurrence[],
  supplierId: IdOccurrence | null,
  customerId: IdOccurrence | null,
): 'supplier' | 'customer' | null {
  let best: { role: 'supplier' | 'customer' | null; cost: number } = { role: null, cost: 90 };
  for (const o of ids) {
    if (o.row.page !== hit.row.page) continue;
    const role =
      o.id.value === supplierId?.id.value
        ? 'supplier'
        : o.id.value === customerId?.id.value
          ? 'customer'
          : null;
    if (!role) continue;
    const cost = Math.abs(o.row.y0 - hit.row.y0) + 0.1 * Math.abs(o.x0 - hit.x0);
    if (cost < best.cost) best = { role, cost };
  }
  return best.role;
}

/**
 * The first value after a heading that reads as a name. In a grid of headings ("SEÑORES   C.C./NIT   CIUDAD")
 * the next cell is the next heading, garbled by OCR past recognition ("C.CNIT"): a name with a legal form
 * further on (below the heading) is preferred to one without.
 */
function nameAfter(rows: Row[], hit: LabelHit): string | null {
  let first: string | null = null;
  for (const window of valueWindows(rows, hit)) {
    // "DESTINATÁRIO" over "NOME / RAZÃO SOCIAL" over the name: the label of the name is not the name.
    NAME_LABEL.lastIndex = 0;
    const labelled = NAME_LABEL.exec(fold(window.text));
    if (labelled?.index === 0) continue;
    const cleaned = cleanName(window.text);
    // A legal form alone beside a heading is the tail of a name printed elsewhere, not the name.
    if (!cleaned || LEGAL_FORM_ONLY.test(fold(cleaned))) continue;
    const name = withHangingTail(
      rows,
      hit,
      window.row,
      withWrappedLegalForm(rows, window.row, withSplitTail(window.row, window.text, cleaned)),
    );
    if (LEGAL_FORM.test(fold(name))) return name;
    first ??= name;
  }
  return first;
}

/**
 * "Adquiriente:   Manufacturas Textiles" over "Montebello S.A.S.": a name after its heading, wrapped back to
 * the line's start. The row right below, one short cell under the heading ending in a legal form, is its tail.
 */
function withHangingTail(rows: Row[], hit: LabelHit, row: Row, name: string): string {
  if (LEGAL_FORM.test(fold(name)) || row !== hit.row) return name;
  const next = rows[row.order + 1];
  if (!next || next.page !== row.page || next.y0 - row.y1 > 1.2 * (row.y1 - row.y0)) return name;
  // One cell alone: a row of a grid under its headings ("Estampados Guayabal S.A.S.   901143723-…") is not.
  const [cell, other] = next.cells;
  if (!cell || other || Math.abs(cell.x0 - hit.x0) > 3 || cell.words.length > 4 || /\d|:/.test(cell.text))
    return name;
  const tail = cleanName(cell.text);
  return tail && LEGAL_FORM.test(fold(tail)) ? `${name} ${tail}` : name;
}

/**
 * "CONFECCIONES SANTA   RITA LTDA.": OCR left a wide gap inside the name, splitting it into two cells. The
 * cell right after, close by, is its tail when it ends the name with a legal form and the name has none.
 */
function withSplitTail(row: Row, cellText: string, name: string): string {
  if (LEGAL_FORM.test(fold(name))) return name;
  const index = row.cells.findIndex((c) => c.text === cellText);
  const cell = row.cells[index];
  const next = row.cells[index + 1];
  if (!cell || !next || next.x0 - cell.x1 > 0.05 * row.pageWidth || /\d|:/.test(next.text)) return name;
  const tail = cleanName(next.text);
  return tail && LEGAL_FORM.test(fold(tail)) && next.words.length <= 4 ? `${name} ${tail}` : name;
}

/** The issuer's name is the most prominent text of the first page's top block, usually with a legal form. */
function prominentTopName(rows: Row[], anchors: Anchor[], customer: string | null): NameFound | null {
  const firstCustomer = anchors.find((a) => a.role === 'customer' && a.hit.row.page === 0);
  const limit = firstCustomer ? firstCustomer.hit.row.y0 : Number.POSITIVE_INFINITY;
  const limitX = firstCustomer ? firstCustomer.hit.x0 - 20 : Number.NEGATIVE_INFINITY;
  let best: { value: string; score: number } | null = null;
  for (const row of rows) {
    if (row.page !== 0 || row.y0 > 0.4 * row.pageHeight) continue;
    for (const cell of row.cells) {
      // Below the customer's heading, only what is left of the customer's column can be the issuer's.
      if (row.y0 >= limit && cell.x1 > limitX) continue;
      const text = cleanName(cell.text.replace(/(?:^|(?<!\s)\s+)(?:[A-C]\s+)?(?:factura|invoice)\b.*$/i, ''));
      if (!text || LEGAL_FORM_ONLY.test(text.toLowerCase())) continue;
      const cleaned = withWrappedLegalForm(rows, row, text, cell.x0);
      const folded = cleaned.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
      if (/^(?:[a-c]|original|duplicado|triplicado)$/.test(folded)) continue;
      // The customer's name, found under its own heading, is not the issuer's however large it is printed.
      if (customer && folded === fold(customer)) continue;
      const height = Math.max(...cell.words.map((w) => w.y1 - w.y0));
      const score =
        (LEGAL_FORM.test(folded) ? 4 : 0) +
        height / 10 +
        (1 - row.y0 / row.pageHeight) +
        (/\d/.test(cleaned) ? -1 : 0);
      if (!best || score > best.score) best = { value: cleaned, score };
    }
  }
  return best ? { value: best.value, score: Math.min(0.8, 0.4 + best.score / 10) } : null;
}

/**
 * The type size a row is set in, from its word boxes: a text layer's as they are, OCR's as follows. A box's height depends on the letters in it: capitals,
 * ascenders and accents reach up, g, j, p, q, y hang down, so "Tecnología" is boxed 8.6 px high and "Rivera"
 * 6.4 on the same line. Each height is scaled by the share of the type size its letters span (x-height ½,
 * with ascenders or descenders ⁷⁄₁₀, with both ⁹⁄₁₀) and the middle value taken.
 */
function typeSize(words: Cell['words']): number {
  // A text layer boxes every word of one font size alike, whatever its letters.
  if (words.length > 0 && words.every((w) => w.confidence === 1))
    return Math.max(...words.map((w) => w.y1 - w.y0));
  const sizes = words
    .map((w) => {
      const up = /[\p{Lu}bdfhklt\dáéíóúñÁÉÍÓÚÑ'"]/u.test(w.text);
      const down = /[gjpqy,;]/.test(w.text);
      const share = up && down ? 0.9 : up || down ? 0.7 : 0.5;
      return (w.y1 - w.y0) / share;
    })
    .sort((a, b) => a - b);
  return sizes[Math.floor((sizes.length - 1) / 2)] ?? 0;
}
