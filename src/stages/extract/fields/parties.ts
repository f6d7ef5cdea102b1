import { kindFromLabel, parseTaxId, type TaxId } from '../fiscal-codes/tax-id.ts';
import { ADDRESSEE_WORDS, taxIdLabelRegex } from '../fiscal-codes/tax-id-labels.ts';
import { findRoleHeadings } from '../labels/role-headings.ts';
import { findLabels, type LabelHit, type Row, valueWindows } from '../page/layout.ts';
import { dropImpossibleAccents } from '../text/spanish-accents.ts';
import { fold } from '../text/text.ts';
import { LEGAL_FORM } from './company-name.ts';
import { germanLetters, isGermanCompany } from './german-names.ts';
import { findNames } from './party-names.ts';

/**
 * Supplier and customer: every printed tax id is found (by its label, or by its unmistakable shape), then
 * given a role by the nearest role heading of the lexicon that governs it ("Cliente", "Bill to", "Tomador",
 * "Kunde" vs "Emisor", "Seller", "Emitente", "Lieferant"…, see ROLE_HEADINGS), by the headings' layout (the
 * issuer's block stands above the customer's) when its own block has none, and by position (the first id
 * near the top) only when no heading tells. A receipt stub ("Recebemos de …", "Recibí conforme") defines no
 * role: its headings and ids are left out. An id's confidence says how its role was found.
 */
export interface PartyResult {
  name: string | null;
  taxId: TaxId | null;
  nameScore: number;
  taxIdScore: number;
}

export interface IdOccurrence {
  id: TaxId;
  row: Row;
  x0: number;
  labeled: boolean;
  /** Its label addresses the reader ("Ihre USt-IdNr.", "Your VAT No.", "Votre n° TVA"): the customer's id. */
  addressee?: boolean;
  role: Role;
  /** Whether a heading gave the role (its own block's, or the other party's above or below it). */
  byHeading: boolean;
  /** Whether the role is its own heading's, over its column, rather than inferred from another's place. */
  governed?: boolean;
}

type Role = 'supplier' | 'customer' | 'third' | 'unknown';

export interface Anchor {
  /** `third`: another party's block (a carrier, an intermediary): its ids are neither supplier's nor customer's. */
  role: 'supplier' | 'customer' | 'third';
  hit: LabelHit;
  /** A section title alone on its row at the left margin: it heads the whole width below it. */
  band: boolean;
}

const TAX_ID_LABEL = taxIdLabelRegex();
/** A possessive addressing the reader right before a tax id's label, from the lexicon's data. */
const ADDRESSEE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${ADDRESSEE_WORDS.join('|')})\s*$`, 'u');
/** How far down the page (a share of its height) a party heading governs. */
const HEADING_REACH = 0.3;

export function findParties(rows: Row[]): { supplier: PartyResult; customer: PartyResult } {
  const { anchors, stubRows } = findAnchors(rows);
  const firstCustomerAnchor = anchors.find((a) => a.role === 'customer');
  const firstCustomer = firstCustomerAnchor?.hit.row;
  const firstCustomerX = firstCustomerAnchor?.hit.x0;
  // Ids in a receipt stub are the parties named the other way round ("Recebemos de <issuer> … <customer's id>").
  const found = findTaxIds(rows).filter((o) => !stubRows.has(o.row.order));
  const ids = found.map((o): IdOccurrence => {
    let role: Role = o.addressee ? 'customer' : governingRole(o.row, o.x0, anchors);
    let byHeading = role !== 'unknown';
    const governed = byHeading;
    // Above the customer's heading on the same page is the issuer's block.
    if (
      role === 'unknown' &&
      firstCustomer &&
      o.row.page === firstCustomer.page &&
      // Rows set tight together overlap by their boxes: the id's row is above when its middle is.
      (o.row.y0 + o.row.y1) / 2 < firstCustomer.y0
    ) {
      role = 'supplier';
      byHeading = true;
    }
    // A section of its own for another party (a carrier) across the page: its ids are no one's here.
    if (role === 'unknown' && bandRole(o.row, anchors) === 'third') role = 'third';
    // A page footer carries the issuer's details.
    if (role === 'unknown' && o.row.y0 > 0.8 * o.row.pageHeight) role = 'supplier';
    // Below the customer's heading, in no other heading's column: still the customer's block, within the reach
    // of a heading (a footer under the items, far below, is the issuer's).
    if (
      role === 'unknown' &&
      firstCustomer &&
      o.row.page === firstCustomer.page &&
      o.row.y0 >= firstCustomer.y0 &&
      o.row.y0 - firstCustomer.y0 <= HEADING_REACH * o.row.pageHeight &&
      o.x0 >= (firstCustomerX ?? 0) - 20 &&
      // Two ids side by side under one heading OCR read (the other's was lost): the heading's is the nearer.
      !found.some(
        (other) =>
          other !== o &&
          other.row.order === o.row.order &&
          other.id.value !== o.id.value &&
          Math.abs(other.x0 - (firstCustomerX ?? 0)) < Math.abs(o.x0 - (firstCustomerX ?? 0)),
      )
    ) {
      role = 'customer';
      byHeading = true;
    }
    return { ...o, role, byHeading, governed };
  });
  const supplierId = chooseId(ids, 'supplier', null);
  const customerId = chooseId(ids, 'customer', supplierId?.id.value ?? null);
  const names = findNames(rows, anchors, ids, supplierId, customerId);
  // Read by OCR: accents Spanish spelling does not allow are specks over letters; a German name's are umlauts.
  const ocr = rows.some((r) => r.confidence < 1);
  const spelled = (name: string | undefined, id: IdOccurrence | null) => {
    if (!name || !ocr) return name ?? null;
    return isGermanCompany(name, id?.id ?? null) ? germanLetters(name) : dropImpossibleAccents(name);
  };
  const distinct = new Set(ids.filter((o) => o.role !== 'third').map((o) => o.id.value)).size;
  const headed = supplierId && !supplierId.byHeading && isLetterhead(rows, supplierId, ids);
  return {
    supplier: {
      taxId: supplierId?.id ?? null,
      taxIdScore: supplierId ? idScore(supplierId, headed ? 1 : distinct) : 0,
      name: spelled(names.supplier?.value, supplierId),
      nameScore: names.supplier?.score ?? 0,
    },
    customer: {
      taxId: customerId?.id ?? null,
      taxIdScore: customerId ? idScore(customerId, distinct) : 0,
      name: spelled(names.customer?.value, customerId),
      nameScore: names.customer?.score ?? 0,
    },
  };
}

/**
 * How sure an id is, as read and in its role. A role no heading gave is a guess by position: sure enough
 * when the document prints one id only, below the review threshold when there are others it could be.
 */
function idScore(o: IdOccurrence, distinctIds: number): number {
  // A computed check digit completes the id as read; it verifies nothing.
  const check = o.id.checked ? (o.id.valid ? 1 : 0.55) : o.id.computed ? 0.65 : 0.8;
  const role = o.byHeading ? 1 : o.role !== 'unknown' ? 0.97 : distinctIds <= 1 ? 0.93 : 0.8;
  return (o.labeled ? 0.95 : 0.85) * check * role * (0.5 + 0.5 * o.row.confidence);
}

/**
 * Where no heading tells, the issuer's id is the first of the document, at the top of its first page, under or
 * beside the issuer's name: a name with a legal form, or set in larger type than the id (a letterhead).
 */
function isLetterhead(rows: Row[], o: IdOccurrence, ids: IdOccurrence[]): boolean {
  if (o.row.page !== 0 || o.row.y0 > 0.3 * o.row.pageHeight) return false;
  if (ids.some((other) => other.role !== 'third' && other.row.order < o.row.order)) return false;
  const height = o.row.y1 - o.row.y0;
  const before = o.row.words.filter((w) => w.x1 <= o.x0 + 0.5);
  if (LEGAL_FORM.test(fold(before.map((w) => w.text).join(' ')))) return true;
  for (let i = o.row.order - 1; i >= 0 && i >= o.row.order - 4; i--) {
    const row = rows[i]!;
    if (row.page !== o.row.page) break;
    if (LEGAL_FORM.test(row.folded) || row.words.some((w) => w.y1 - w.y0 > 1.3 * height)) return true;
  }
  return false;
}

/** The party headings of the rows, and the rows of receipt stubs (whose headings are left out). */
function findAnchors(rows: Row[]): { anchors: Anchor[]; stubRows: Set<number> } {
  const headings = findRoleHeadings(rows);
  const stubRows = new Set<number>();
  for (const heading of headings)
    if (heading.role === 'stub') for (const o of stubExtent(rows, heading.hit.row)) stubRows.add(o);
  const anchors: Anchor[] = [];
  for (const heading of headings) {
    const { hit, role } = heading;
    if (role === 'stub' || stubRows.has(hit.row.order)) continue;
    // "… reporte de falla del cliente." is prose, not the customer's heading.
    if (!opensCell(hit)) continue;
    const rest = hit.row.text.slice(hit.end);
    const cellRest = rest.split('   ')[0]!.replace(/^[\s:/]+/, '');
    // "VENDEDOR: 007 - ML" or "Vendedor: Juan" names a salesperson; only a bare heading opens the issuer's block.
    if (heading.bare && cellRest !== '') continue;
    // "Emisor 2024", "From 01/03 to 31/03": a heading is not followed by figures.
    if (role !== 'customer' && /\d/.test(rest.slice(0, 12))) continue;
    anchors.push({ role, hit, band: isBand(rows, hit, cellRest) });
  }
  return { anchors, stubRows };
}

/**
 * A receipt stub's rows: the row of its wording and the rows set tight under it (at most three more), up to
 * the first gap of more than a line and a half.
 */
function stubExtent(rows: Row[], first: Row): number[] {
  const out = [first.order];
  let previous = first;
  for (let i = first.order + 1; i < rows.length && out.length < 4; i++) {
    const row = rows[i]!;
    const height = Math.max(4, previous.y1 - previous.y0);
    if (row.page !== first.page || row.y0 - previous.y1 > 1.5 * height) break;
    out.push(row.order);
    if (row.y1 > previous.y1) previous = row;
  }
  return out;
}

/** A section title: the heading alone on its row, nothing after it, starting at the page's left margin. */
function isBand(rows: Row[], hit: LabelHit, cellRest: string): boolean {
  if (hit.row.cells.length !== 1 || cellRest.replace(/[\p{P}\s]/gu, '') !== '' || hit.first !== 0)
    return false;
  let margin = Number.POSITIVE_INFINITY;
  for (const row of rows) if (row.page === hit.row.page) margin = Math.min(margin, row.x0);
  return hit.x0 - margin < 0.05 * hit.row.pageWidth;
}

/** The role of the nearest section title above a row, on its page and within a third of the page. */
function bandRole(row: Row, anchors: Anchor[]): Anchor['role'] | null {
  let best: Anchor | null = null;
  for (const anchor of anchors) {
    const a = anchor.hit.row;
    if (!anchor.band || a.page !== row.page || a.y0 >= row.y0 || row.y0 - a.y0 > 0.3 * row.pageHeight)
      continue;
    if (!best || a.y0 > best.hit.row.y0) best = anchor;
  }
  return best?.role ?? null;
}

function opensCell(hit: LabelHit): boolean {
  const before = hit.row.folded.slice(0, hit.start);
  // "Original - Cliente" names the copy; OCR that loses the dash sets "Cliente" in a cell of its own.
  if (/(?:original|copia|duplicado|triplicado)[\s\-–—:.]*$/.test(before)) return false;
  const cellStart = before.lastIndexOf('   ');
  const inCell = before.slice(cellStart === -1 ? 0 : cellStart + 3).trim();
  return inCell === '' || /^(?:datos|informacion|info\.?)\s+del?$/.test(inCell) || afterLargerType(hit);
}

/**
 * "PROYECTOS TÉRMICOS  Facturar a:": a logo's tall letters widen the gap a row needs to split into cells, so a
 * heading beside it shares its cell. Words in much larger type before the heading are another element.
 */
function afterLargerType(hit: LabelHit): boolean {
  const heading = hit.row.words[hit.first];
  // Logos sit at the top of the page; lower down a tall box is OCR noise ("Original - Cliente").
  if (!heading || hit.first === 0 || hit.row.y0 > 0.2 * hit.row.pageHeight) return false;
  const height = heading.y1 - heading.y0;
  const cellStart = hit.row.cells.find((c) => c.words.includes(heading))?.words[0];
  const before = hit.row.words.slice(cellStart ? hit.row.words.indexOf(cellStart) : 0, hit.first);
  return before.length > 0 && before.every((w) => w.y1 - w.y0 > 2 * height);
}

/** The heading above (or left on the same row) nearest to a point, counting sideways distance heavily. */
function governingRole(row: Row, x0: number, anchors: Anchor[]): Role {
  let best: { role: Role; cost: number } = { role: 'unknown', cost: Number.POSITIVE_INFINITY };
  for (const anchor of anchors) {
    const a = anchor.hit;
    if (a.row.page !== row.page) continue;
    let cost: number;
    if (a.row.order === row.order) {
      // On its own row a heading governs what follows it, not what stands before it.
      if (a.x0 > x0 + 2) continue;
      cost = 2 + 0.02 * Math.abs(a.x0 - x0);
    } else {
      const dy = row.y0 - a.row.y0;
      if (dy < 0 || dy > HEADING_REACH * row.pageHeight) continue;
      // A heading governs its own column only: not a row that ends before the heading starts (a sidebar).
      if (Math.abs(a.x0 - x0) > 0.25 * row.pageWidth || row.x1 < a.x0) continue;
      cost = dy + 0.3 * Math.abs(a.x0 - x0);
    }
    if (cost < best.cost) best = { role: anchor.role, cost };
  }
  return best.role;
}

function findTaxIds(rows: Row[]): Omit<IdOccurrence, 'role' | 'byHeading'>[] {
  const found: Omit<IdOccurrence, 'role' | 'byHeading'>[] = [];
  const taken = new Set<string>();
  for (const hit of findLabels(rows, TAX_ID_LABEL)) {
    const before = hit.row.folded.slice(Math.max(0, hit.start - 22), hit.start);
    if (/(?:brutos|iibb|ing\.?)\s*:?\s*$/.test(before)) continue;
    const label = hit.row.folded.slice(hit.start, hit.end);
    const kind = kindFromLabel(label);
    const windows = valueWindows(rows, hit);
    for (const [index, window] of windows.entries()) {
      // OCR may set the check digit apart ("916605351   - O"): the next cell completes the id.
      const following = windows[index + 1];
      const joined =
        (window.placement === 'same-cell' &&
          following?.placement === 'next-cell' &&
          /^[-‐–—.,:;=_~'`´]*\s*[\dOo]$/.test(following.text.trim())) ||
        // "VAT Registration No.: GB" over "816344338": a VAT number's country prefix wrapped apart from it.
        (kind === 'vat' && following && /^[A-Z]{2}$/.test(window.text.replace(/^[\s:#.\-–]+/, '').trim()))
          ? `${window.text} ${following.text.trim()}`
          : window.text;
      const text = joined.replace(/^[\s:#.\-–]+/, '').replace(/^(?:nro|no|n[°º*])\.?\s*:?\s*/i, '');
      const id = parseTaxId(text, kind === 'other' ? null : kind, label);
      if (!id) continue;
      const key = `${window.row.order}:${id.value}`;
      if (taken.has(key)) break;
      taken.add(key);
      found.push({ id, row: window.row, x0: hit.x0, labeled: true, addressee: ADDRESSEE.test(before) });
      break;
    }
  }
  for (const row of rows) {
    for (const match of row.text.matchAll(
      /(?<![\d.-])(\d{2}-\d{8}-\d|\d{1,3}\.\d{3}\.\d{3}(?:\.\d{3})?\s?-\s?\d|\d{9}-\d|\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2})(?![\d])/g,
    )) {
      const before = row.folded.slice(Math.max(0, match.index - 22), match.index);
      if (/(?:brutos|iibb|ing\.?)\s*:?\s*$/.test(before)) continue;
      // A Brazilian CNPJ's slash (`81.583.054/0001-29`) is unmistakable.
      const id = parseTaxId(match[0], match[0].includes('/') ? 'cnpj' : null);
      if (!id?.valid) continue;
      const key = `${row.order}:${id.value}`;
      if (taken.has(key)) continue;
      taken.add(key);
      const word =
        row.words[
          Math.min(
            row.words.length - 1,
            row.starts.findIndex((s) => s >= match.index),
          )
        ] ?? row.words[0]!;
      found.push({ id, row, x0: word.x0, labeled: false });
    }
  }
  return found.sort((a, b) => a.row.order - b.row.order || a.x0 - b.x0);
}

function chooseId(
  ids: IdOccurrence[],
  role: 'supplier' | 'customer',
  exclude: string | null,
): IdOccurrence | null {
  const usable = ids.filter((o) => o.id.value !== exclude);
  const ranked = (list: IdOccurrence[]) =>
    list.sort(
      (a, b) =>
        Number(b.id.valid) - Number(a.id.valid) ||
        // An id under its own heading before one placed by where another heading stands.
        Number(b.governed ?? false) - Number(a.governed ?? false) ||
        a.row.order - b.row.order,
    )[0] ?? null;
  const withRole = ranked(usable.filter((o) => o.role === role));
  if (withRole) return withRole;
  const unknown = usable.filter((o) => o.role === 'unknown');
  if (role === 'supplier') return unknown[0] ?? null;
  return unknown.find((o) => o.id.value !== exclude) ?? null;
}
