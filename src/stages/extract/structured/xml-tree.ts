/**
 * Reading the tree fast-xml-parser returns (namespace prefixes removed, attributes under `@_`, text under
 * `#text` when a tag has attributes): every accessor tolerates a missing node, one node or an array of them.
 */
export type XmlNode = { [key: string]: unknown };

const ATTRIBUTE = '@_';
const TEXT = '#text';
/** CDATA sections are kept apart from text (xml-parse.ts) so that their content is never entity-decoded. */
export const CDATA = '#cdata';

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every child called `name` (an element present once is a one-element list). */
export function children(node: unknown, name: string): unknown[] {
  if (!isNode(node)) return [];
  const value = node[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first element along `path` (each step takes the first child of that name), or undefined. */
export function at(node: unknown, ...path: string[]): unknown {
  let current: unknown = node;
  for (const step of path) {
    current = children(current, step)[0];
    if (current === undefined) return undefined;
  }
  return current;
}

/** Every element matching `path` (each step fans out over repeated children). */
export function all(node: unknown, ...path: string[]): unknown[] {
  let current: unknown[] = [node];
  for (const step of path) current = current.flatMap((n) => children(n, step));
  return current;
}

/**
 * The trimmed text of an element: its character data with predefined and numeric character references
 * decoded, followed by its CDATA sections as they are; null when empty.
 */
export function text(node: unknown): string | null {
  const value = isNode(node)
    ? decodeReferences(strings(node[TEXT]).join('')) + strings(node[CDATA]).join('')
    : decodeReferences(strings(node).join(''));
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(strings);
  return [];
}

/** The text at `path` below `node`. */
export function textAt(node: unknown, ...path: string[]): string | null {
  return text(at(node, ...path));
}

/** An attribute's trimmed value; `name` is matched without regard to case (CFDI 3.2 wrote them lower-case). */
export function attr(node: unknown, name: string): string | null {
  if (!isNode(node)) return null;
  let value = node[ATTRIBUTE + name];
  if (value === undefined) {
    const wanted = (ATTRIBUTE + name).toLowerCase();
    const key = Object.keys(node).find((k) => k.toLowerCase() === wanted);
    value = key === undefined ? undefined : node[key];
  }
  if (typeof value !== 'string') return null;
  const decoded = decodeReferences(value).trim();
  return decoded === '' ? null : decoded;
}

/** A plain decimal (`1005.55`, `-3`, `1.0000`); anything else is null. */
export function decimal(value: string | null): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(trimmed)) return null;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : null;
}

/** An ISO date from `YYYY-MM-DD…` (UBL, CFDI, NF-e date-times) or `YYYYMMDD` (UN/CEFACT format 102). */
export function isoDate(value: string | null): string | null {
  if (value === null) return null;
  const match = /^(\d{4})-?(\d{2})-?(\d{2})(?:$|[T ])/.exec(value.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(d)) return null;
  return `${y}-${m}-${d}`;
}

/** Adds amounts, rounding to the cent; null when there is none. */
export function sum(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return null;
  return roundCents(known.reduce((a, b) => a + b, 0));
}

export function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The five predefined entities and numeric character references. The parser runs with entity processing off
 * (no DTD is ever read), so these are replaced here, one for one: nothing can expand.
 */
export function decodeReferences(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9A-Fa-f]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
