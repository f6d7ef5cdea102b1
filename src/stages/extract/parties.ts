import { findLabels, type LabelHit, type Row, valueWindows } from './layout.ts';
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

interface IdOccurrence {
  id: TaxId;
  row: Row;
  x0: number;
  labeled: boolean;
  role: Role;
}

type Role = 'supplier' | 'customer' | 'unknown';

interface Anchor {
  role: 'supplier' | 'customer';
  hit: LabelHit;
}

const TAX_ID_LABEL =
  /(?<![\p{L}])(?:nit(?:\s*\/\s*c\.?c\.?)?|n\.\s?i\.\s?t\.?|c\.?\s?c\.?\s?\/\s?nit|c\.?\s?u\.?\s?i\.?\s?[tl]\.?|rut|r\.u\.t\.?|ruc|rfc|tax\s+id|c\.c\.)(?:\s*(?:nro|no|n[°º])\.?)?\s*[:.#]?/gu;
const CUSTOMER_ANCHOR =
  /(?<![\p{L}])(?:cliente|senor\s*\(?es\)?|senores|sr\.?\s?\/?\s?(?:es|a)?\.?(?=\s|:)|sres\.?|adquir[ie]?ente|comprador|facturar\s+a|facturado\s+a|destinatario|datos\s+del\s+(?:cliente|comprador|adquiriente)|apellido\s+y\s+nombre|customer|bill\s+to|receptor|beneficiario|contratante)(?![\p{L}])/gu;
const SUPPLIER_ANCHOR =
  /(?<![\p{L}])(?:emisor|proveedor|vendedor|prestador(?:\s+del\s+servicio)?|datos\s+del\s+(?:emisor|vendedor|proveedor)|facturado\s+por|expedido\s+por|supplier|seller)(?![\p{L}])/gu;
const NAME_LABEL =
  /(?<![\p{L}])(?:razon\s+social|nombre(?:\s+o\s+razon\s+social)?|apellido\s+y\s+nombre\s*(?:\/\s*razon\s+social)?|empresa)\s*:?/gu;
const NOT_A_NAME =
  /\b(?:factura|fecha|nit|cuit|c\.u\.i\.t|telefono|tel\.?|direccion|domicilio|ciudad|email|e-mail|correo|www|regimen|responsable|iva|i\.v\.a|original|duplicado|pagina|cod\.?|codigo|inicio|ingresos|condicion|cufe|resolucion|autorizacion|vencimiento|numero|no\.|nro|orden|pedido|forma\s+de\s+pago|contado|credito|total|moneda|hora)\b|@|:/;
const LEGAL_FORM =
  /\b(?:s\.?\s?a\.?\s?s\.?|s\.?\s?a\.?|ltda\.?|limitada|s\.?\s?r\.?\s?l\.?|e\.?\s?u\.?|s\.?\s?en\s+c\.?|&\s*c[ií]a\.?|inc\.?|corp\.?|sociedad|hnos\.?|y\s+cia)(?=\s|$|[,.])/;

export function findParties(rows: Row[]): { supplier: PartyResult; customer: PartyResult } {
  const anchors = findAnchors(rows);
  const firstCustomer = anchors.find((a) => a.role === 'customer')?.hit.row;
  const firstCustomerX = anchors.find((a) => a.role === 'customer')?.hit.x0;
  const ids = findTaxIds(rows).map((o) => {
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
      o.x0 >= (firstCustomerX ?? 0) - 20
    )
      role = 'customer';
    return { ...o, role };
  });
  const supplierId = chooseId(ids, 'supplier', null);
  const customerId = chooseId(ids, 'customer', supplierId?.id.value ?? null);
  const names = findNames(rows, anchors, ids, supplierId, customerId);
  return {
    supplier: {
      taxId: supplierId?.id ?? null,
      taxIdScore: supplierId ? idScore(supplierId) : 0,
      name: names.supplier?.value ?? null,
      nameScore: names.supplier?.score ?? 0,
    },
    customer: {
      taxId: customerId?.id ?? null,
      taxIdScore: customerId ? idScore(customerId) : 0,
      name: names.customer?.value ?? null,
      nameScore: names.customer?.score ?? 0,
    },
  };
}

function idScore(o: IdOccurrence): number {
  const check = o.id.checked ? (o.id.valid ? 1 : 0.55) : 0.8;
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
  const cellStart = before.lastIndexOf('   ');
  const inCell = before.slice(cellStart === -1 ? 0 : cellStart + 3).trim();
  return inCell === '' || /^(?:datos|informacion|info\.?)\s+del?$/.test(inCell);
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
    const kind = kindFromLabel(hit.row.folded.slice(hit.start, hit.end));
    const windows = valueWindows(rows, hit);
    for (const [index, window] of windows.entries()) {
      // OCR may set the check digit apart ("916605351   - O"): the next cell completes the id.
      const following = windows[index + 1];
      const joined =
        window.placement === 'same-cell' &&
        following?.placement === 'next-cell' &&
        /^[-‐–—]*\s*[\dOo]$/.test(following.text.trim())
          ? `${window.text} ${following.text.trim()}`
          : window.text;
      const text = joined.replace(/^[\s:#.\-–]+/, '').replace(/^(?:nro|no|n[°º])\.?\s*:?\s*/i, '');
      const id = parseTaxId(text, kind === 'other' ? null : kind);
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
      /(?<![\d.-])(\d{2}-\d{8}-\d|\d{1,3}\.\d{3}\.\d{3}(?:\.\d{3})?\s?-\s?\d)(?![\d])/g,
    )) {
      const before = row.folded.slice(Math.max(0, match.index - 22), match.index);
      if (/(?:brutos|iibb|ing\.?)\s*:?\s*$/.test(before)) continue;
      const id = parseTaxId(match[0]);
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

interface NameFound {
  value: string;
  score: number;
}

function findNames(
  rows: Row[],
  anchors: Anchor[],
  ids: IdOccurrence[],
  supplierId: IdOccurrence | null,
  customerId: IdOccurrence | null,
): { supplier: NameFound | null; customer: NameFound | null } {
  const byRole: Record<'supplier' | 'customer', NameFound[]> = { supplier: [], customer: [] };
  for (const anchor of anchors) {
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
    const value = id ? nameBeforeId(id) : null;
    if (value) byRole[role].push({ value, score: 0.88 });
  }
  const best = (list: NameFound[]) => list.sort((a, b) => b.score - a.score)[0] ?? null;
  return {
    supplier: best(byRole.supplier) ?? prominentTopName(rows, anchors),
    customer: best(byRole.customer),
  };
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

function nameAfter(rows: Row[], hit: LabelHit): string | null {
  for (const window of valueWindows(rows, hit)) {
    const cleaned = cleanName(window.text);
    if (cleaned) return withWrappedLegalForm(rows, window.row, cleaned);
  }
  return null;
}

/** "Manufacturas Textiles Vallecaucana" + "SAS" on the row below: a name wrapped before its legal form. */
function withWrappedLegalForm(rows: Row[], row: Row, name: string, x0?: number): string {
  const folded = name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  if (LEGAL_FORM.test(folded)) return name;
  const next = rows[row.order + 1];
  if (!next || next.page !== row.page || next.y0 - row.y1 > 1.2 * (row.y1 - row.y0)) return name;
  const alone = next.cells.find((c) => LEGAL_FORM_ONLY.test(c.text.toLowerCase()));
  if (alone) return `${name} ${alone.text.trim()}`;
  // "Hilados y Tejidos" over "Montebello SAS": the name's cell continues right below, ending in a legal form.
  const start = x0 ?? row.cells.find((c) => c.text.includes(name.split(' ')[0] ?? name))?.x0;
  if (start === undefined) return name;
  const below = next.cells.find((c) => Math.abs(c.x0 - start) < 3 && c.words.length <= 4);
  const belowFolded = below?.text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '') ?? '';
  return below && LEGAL_FORM.test(belowFolded) && !/\d|:/.test(below.text)
    ? `${name} ${below.text.trim()}`
    : name;
}

const LEGAL_FORM_ONLY =
  /^\s*(?:s\.?\s?a\.?\s?s\.?|s\.?\s?a\.?|ltda\.?|limitada|s\.?\s?r\.?\s?l\.?|e\.?\s?u\.?|s\.?\s?en\s+c\.?|&\s*c[ií]a\.?|inc\.?)\s*$/;

const LEADING_LABEL =
  /^(?:raz[oó]n\s+social|nombre(?:\s+o\s+raz[oó]n\s+social)?|apellido\s+y\s+nombre(?:\s*\/\s*raz[oó]n\s+social)?|empresa|cliente|se[ñn]or(?:\s*\(?es\)?)?|se[ñn]ores|sres?\.?(?:\/es)?|adquir[ie]?ente|comprador|facturado\s+a|facturar\s+a|emisor|proveedor|vendedor|prestador(?:\s+del\s+servicio)?|beneficiario|receptor)(?![\p{L}])\s*:?\s*/iu;

const HEADING_ONLY =
  /^(?:cliente|se[ñn]or(?:\(?es\)?)?|se[ñn]ores|adquir[ie]?ente|comprador|vendedor|emisor|proveedor|prestador(?:\s+del\s+servicio)?|raz[oó]n\s+social|nombre|facturado\s+a|datos\s+del\s+\p{L}+|del\s+servicio|beneficiario|receptor)\s*:?$/iu;

function cleanName(text: string): string | null {
  const value = text
    // OCR reads an S as "$" inside words ("$.A.S.", "$ervicios").
    .replace(/\$(?=\.?\p{L})/gu, 'S')
    .split(
      /\s[|·/]\s|\s[-–]\s(?=\S*\s?(?:nit|n\.i\.t|c\.c|cuit|c\.u\.i\.t|rut|tel|dir))|\s(?=(?:nit|n\.i\.t|c\.c\.?|cc|c\.u\.i\.t|cuit|rut)[\s.:/])/i,
    )[0]!
    .replace(/^[\s:#.\-–]+/, '')
    .replace(LEADING_LABEL, '')
    .replace(/^(?:\(?\d+\)?\s*-?\s*)+(?=\p{L})/u, '')
    .replace(/\s+-\s+\[.*$/, '')
    .replace(/\s*\(\w*\d\w*\)\s*$/, '')
    .replace(/[\s,;:\-–/|·]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const letters = value.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 3) return null;
  if (HEADING_ONLY.test(value)) return null;
  const folded = value.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  if (NOT_A_NAME.test(folded) && !LEGAL_FORM.test(folded)) return null;
  return value;
}

/** The issuer's name is the most prominent text of the first page's top block, usually with a legal form. */
function prominentTopName(rows: Row[], anchors: Anchor[]): NameFound | null {
  const firstCustomer = anchors.find((a) => a.role === 'customer' && a.hit.row.page === 0);
  const limit = firstCustomer ? firstCustomer.hit.row.y0 : Number.POSITIVE_INFINITY;
  const limitX = firstCustomer ? firstCustomer.hit.x0 - 20 : Number.NEGATIVE_INFINITY;
  let best: { value: string; score: number } | null = null;
  for (const row of rows) {
    if (row.page !== 0 || row.y0 > 0.4 * row.pageHeight) continue;
    for (const cell of row.cells) {
      // Below the customer's heading, only what is left of the customer's column can be the issuer's.
      if (row.y0 >= limit && cell.x1 > limitX) continue;
      const text = cleanName(cell.text.replace(/(?:^|\s+)(?:[A-C]\s+)?(?:factura|invoice)\b.*$/i, ''));
      if (!text || LEGAL_FORM_ONLY.test(text.toLowerCase())) continue;
      const cleaned = withWrappedLegalForm(rows, row, text, cell.x0);
      const folded = cleaned.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
      if (/^(?:[a-c]|original|duplicado|triplicado)$/.test(folded)) continue;
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
