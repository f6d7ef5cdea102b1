import { findLabels, type LabelHit, type Row, valueWindows } from './layout.ts';
import { findNames } from './party-names.ts';
import { dropImpossibleAccents } from './spanish-accents.ts';
import { kindFromLabel, parseTaxId, type TaxId } from './tax-id.ts';

/**
 * Supplier and customer: every printed tax id is found (by its label, or by its unmistakable shape), then
 * given a role by the nearest party heading that governs it ("Cliente", "Señor(es)", "Adquiriente" vs
 * "Emisor", "Proveedor"…), by position (the issuer's block comes first) when there is no heading.
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
  role: Role;
}

type Role = 'supplier' | 'customer' | 'unknown';

export interface Anchor {
  role: 'supplier' | 'customer';
  hit: LabelHit;
}

const TAX_ID_LABEL =
  /(?<![\p{L}])(?:nit(?:\s*\/\s*c\.?c\.?)?|n\.\s?i\.\s?t\.?|c\.?\s?c\.?\s?\/\s?nit|c\.?\s?u\.?\s?i\.?\s?[tl]\.?|rut|r\.u\.t\.?|ruc|rfc|tax\s+id|c\.c\.|(?:cnpj|cpf)(?:\s?\/\s?(?:cnpj|cpf|nif))*|(?:nif|cif|nie|n\.i\.f\.?)(?![\p{L}])|ust[\s.-]{0,2}id[\s.-]{0,2}(?:nr\.?)?|umsatzsteuer[\s-]?id\p{L}*|uid(?:[\s.-]{0,2}nr\.?)?(?![\p{L}])|vat(?:\s+(?:reg(?:istration)?\.?\s+)?(?:number|id|nr))?(?![\p{L}])|tva(?:\s+intracom\p{L}*\.?)?(?![\p{L}])|p\.\s?iva|partita\s+iva|btw(?:[\s-]?(?:nummer|nr|id))?(?![\p{L}]))(?:\s*(?:nro|no|n[°º])\.?)?\s*[:.#]?/gu;
const CUSTOMER_ANCHOR =
  /(?<![\p{L}])(?:cliente|s?enor(?:\s*\(?\p{L}{1,3}\)|\s*\(?es\)?)|senores|sr\.?\s?\/?\s?(?:es|a)?\.?(?=\s|:)|sres\.?|ad[a-z]?quir[ie]?ente|comprador|facturar\s+a|[fr]acturado(?:\s+a|(?!\s+por))|destinatario|datos\s+del\s+(?:cliente|comprador|adquiriente)|apellido\s+y\s+nombre|customer|bill\s+to|receptor|beneficiario|contratante|tomador)(?![\p{L}])/gu;
const SUPPLIER_ANCHOR =
  /(?<![\p{L}])(?:emisor|emitente|proveedor|vendedor|prestador(?:\s+del\s+servicio)?|datos\s+del\s+(?:emisor|vendedor|proveedor)|facturado\s+por|expedido\s+por|supplier|seller)(?![\p{L}])/gu;

export function findParties(rows: Row[]): { supplier: PartyResult; customer: PartyResult } {
  const anchors = findAnchors(rows);
  const firstCustomer = anchors.find((a) => a.role === 'customer')?.hit.row;
  const firstCustomerX = anchors.find((a) => a.role === 'customer')?.hit.x0;
  const found = findTaxIds(rows);
  const ids = found.map((o) => {
    let role = governingRole(o.row, o.x0, anchors);
    // Above the customer's heading on the same page is the issuer's block.
    if (
      role === 'unknown' &&
      firstCustomer &&
      o.row.page === firstCustomer.page &&
      o.row.y1 < firstCustomer.y0
    )
      role = 'supplier';
    // A page footer carries the issuer's details.
    if (role === 'unknown' && o.row.y0 > 0.8 * o.row.pageHeight) role = 'supplier';
    // Below the customer's heading, in no other heading's column: still the customer's block.
    if (
      role === 'unknown' &&
      firstCustomer &&
      o.row.page === firstCustomer.page &&
      o.row.y0 >= firstCustomer.y0 &&
      o.x0 >= (firstCustomerX ?? 0) - 20 &&
      // Two ids side by side under one heading OCR read (the other's was lost): the heading's is the nearer.
      !found.some(
        (other) =>
          other !== o &&
          other.row.order === o.row.order &&
          other.id.value !== o.id.value &&
          Math.abs(other.x0 - (firstCustomerX ?? 0)) < Math.abs(o.x0 - (firstCustomerX ?? 0)),
      )
    )
      role = 'customer';
    return { ...o, role };
  });
  const supplierId = chooseId(ids, 'supplier', null);
  const customerId = chooseId(ids, 'customer', supplierId?.id.value ?? null);
  const names = findNames(rows, anchors, ids, supplierId, customerId);
  // Read by OCR: accents Spanish spelling does not allow are specks over letters.
  const ocr = rows.some((r) => r.confidence < 1);
  const spelled = (name: string | undefined) => (name && ocr ? dropImpossibleAccents(name) : (name ?? null));
  return {
    supplier: {
      taxId: supplierId?.id ?? null,
      taxIdScore: supplierId ? idScore(supplierId) : 0,
      name: spelled(names.supplier?.value),
      nameScore: names.supplier?.score ?? 0,
    },
    customer: {
      taxId: customerId?.id ?? null,
      taxIdScore: customerId ? idScore(customerId) : 0,
      name: spelled(names.customer?.value),
      nameScore: names.customer?.score ?? 0,
    },
  };
}

function idScore(o: IdOccurrence): number {
  // A computed check digit completes the id as read; it verifies nothing.
  const check = o.id.checked ? (o.id.valid ? 1 : 0.55) : o.id.computed ? 0.65 : 0.8;
  return (
    (o.labeled ? 0.95 : 0.85) * check * (o.role === 'unknown' ? 0.93 : 1) * (0.5 + 0.5 * o.row.confidence)
  );
}

function findAnchors(rows: Row[]): Anchor[] {
  const anchors: Anchor[] = [];
  for (const hit of findLabels(rows, CUSTOMER_ANCHOR)) {
    // "… reporte de falla del cliente." is prose, not the customer's heading.
    if (opensCell(hit)) anchors.push({ role: 'customer', hit });
  }
  for (const hit of findLabels(rows, SUPPLIER_ANCHOR)) {
    // "VENDEDOR: 007 - ML" or "Vendedor: Juan" names a salesperson; only a bare heading opens the issuer's block.
    const rest = hit.row.text.slice(hit.end);
    const cellRest = rest.split('   ')[0]!.replace(/^[\s:]+/, '');
    if (/vendedor/.test(hit.row.folded.slice(hit.start, hit.end)) && cellRest !== '') continue;
    if (/\d/.test(rest.slice(0, 12))) continue;
    anchors.push({ role: 'supplier', hit });
  }
  return anchors;
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
    if (a.row.order === row.order) cost = 2 + 0.02 * Math.abs(a.x0 - x0);
    else {
      const dy = row.y0 - a.row.y0;
      if (dy < 0 || dy > 0.3 * row.pageHeight) continue;
      // A heading governs its own column only.
      if (Math.abs(a.x0 - x0) > 0.25 * row.pageWidth) continue;
      cost = dy + 0.3 * Math.abs(a.x0 - x0);
    }
    if (cost < best.cost) best = { role: anchor.role, cost };
  }
  return best.role;
}

function findTaxIds(rows: Row[]): Omit<IdOccurrence, 'role'>[] {
  const found: Omit<IdOccurrence, 'role'>[] = [];
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
        window.placement === 'same-cell' &&
        following?.placement === 'next-cell' &&
        /^[-‐–—.,:;=_~'`´]*\s*[\dOo]$/.test(following.text.trim())
          ? `${window.text} ${following.text.trim()}`
          : window.text;
      const text = joined.replace(/^[\s:#.\-–]+/, '').replace(/^(?:nro|no|n[°º])\.?\s*:?\s*/i, '');
      const id = parseTaxId(text, kind === 'other' ? null : kind, label);
      if (!id) continue;
      const key = `${window.row.order}:${id.value}`;
      if (taken.has(key)) break;
      taken.add(key);
      found.push({ id, row: window.row, x0: hit.x0, labeled: true });
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
    list.sort((a, b) => Number(b.id.valid) - Number(a.id.valid) || a.row.order - b.row.order)[0] ?? null;
  const withRole = ranked(usable.filter((o) => o.role === role));
  if (withRole) return withRole;
  const unknown = usable.filter((o) => o.role === 'unknown');
  if (role === 'supplier') return unknown[0] ?? null;
  return unknown.find((o) => o.id.value !== exclude) ?? null;
}
