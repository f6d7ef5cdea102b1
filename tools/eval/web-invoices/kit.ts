/** Helpers shared by the web-rendered invoice sets: a seeded generator, number and date formats, and `emit`. */

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

let seed = 7;
/** Restarts the generator: the same seed draws the same invoices. */
export function seedRandom(s: number): void {
  seed = s;
}
/** A linear congruential generator. */
export const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
export const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
export const int = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
export const r2 = (x: number) => Math.round(x * 100) / 100;

export type Line = { description: string; quantity: number; unitPrice: number; amount: number };
/** `n` distinct lines drawn from `names`, quantity 1 to 6, unit price in [lo, hi] (whole thousands if `whole`). */
export function lines(names: string[], n: number, lo: number, hi: number, whole = false): Line[] {
  const used = new Set<string>();
  const ls: Line[] = [];
  while (ls.length < n) {
    const d = pick(names);
    if (used.has(d)) continue;
    used.add(d);
    const q = int(1, 6);
    const p = whole ? int(lo, hi) * 1000 : r2(lo + rnd() * (hi - lo));
    ls.push({ description: d, quantity: q, unitPrice: p, amount: r2(q * p) });
  }
  return ls;
}
export const sum = (ls: Line[]) => r2(ls.reduce((s, l) => s + l.amount, 0));
export const rows = (ls: Line[], f: (l: Line, i: number) => string) => ls.map(f).join('');

/** 1.234,56 */
export const eu = (x: number) =>
  x.toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** 1,234.56 */
export const us = (x: number) =>
  x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** 1 234,56 with a normal space. */
export const fr = (x: number) =>
  x.toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).replace(/\u202f/g, ' ');
/** Colombian pesos, 1.234.567,00 */
export const co = (x: number) =>
  x.toLocaleString('es-CO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const dmy = (d: Date, sep = '/') =>
  `${String(d.getUTCDate()).padStart(2, '0')}${sep}${String(d.getUTCMonth() + 1).padStart(2, '0')}${sep}${d.getUTCFullYear()}`;
export const iso = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86400000);
/** A day of 2026 between 1 January and 28 November. */
export const date = () => new Date(Date.UTC(2026, int(0, 10), int(1, 28)));
export const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const DE_MONTHS = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];

/** The first value `f` returns without throwing, in up to 200 tries (for random stems with no valid check digit). */
export function retry(f: () => string): string {
  for (let i = 0; i < 200; i++) {
    try {
      return f();
    } catch {}
  }
  throw new Error('no id');
}

export type Truth = {
  number: string;
  issueDate: string;
  total: number;
  currency: string;
  supplierTaxId: string | null;
  customerTaxId: string | null;
  lines: Line[];
};
export type Emit = (name: string, html: string, t: Truth, css?: string) => void;

const base = `<meta charset="utf-8"><style>@page{size:A4;margin:14mm} body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:10.5pt;color:#222} table{border-collapse:collapse} .r{text-align:right} .muted{color:#666} h1{margin:0}</style>`;

/** Writes `<name>-v<variant>.html`, prints it to PDF with Chromium and records its truth; `save` writes truth.json. */
export function output(out: string, variant: number): { emit: Emit; save: () => number } {
  const truth: Record<string, Truth> = {};
  fs.mkdirSync(out, { recursive: true });
  const emit: Emit = (name, html, t, css) => {
    const file = `${name}-v${variant}`;
    const head = css ? `${base}<style>${css}</style>` : base;
    fs.writeFileSync(
      path.join(out, `${file}.html`),
      `<!doctype html><html><head>${head}</head><body>${html}</body></html>`,
    );
    execFileSync(
      'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--no-pdf-header-footer',
        `--print-to-pdf=${path.join(out, `${file}.pdf`)}`,
        `file://${path.resolve(out, `${file}.html`)}`,
      ],
      { stdio: 'ignore' },
    );
    truth[`${file}.pdf`] = t;
  };
  const save = () => {
    fs.writeFileSync(path.join(out, 'truth.json'), JSON.stringify(truth, null, 1));
    return Object.keys(truth).length;
  };
  return { emit, save };
}

export const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const chars = (n: number, alphabet: string) =>
  Array.from({ length: n }, () => alphabet[int(0, alphabet.length - 1)]).join('');
/** A block of initials standing in for a logo. */
export const logo = (text: string, bg: string, size = 18, fg = '#fff', radius = '4px') =>
  `<span style="display:inline-block;background:${bg};color:${fg};font-weight:bold;font-size:${size}pt;padding:6px 10px;border-radius:${radius};letter-spacing:1px">${text}</span>`;
/** A square of random modules with three finder patterns: looks like a QR code, encodes nothing. */
export function qr(px = 3, n = 25, centre = ''): string {
  const finder = (x: number, y: number) =>
    x < 7 && y < 7 && (x === 0 || y === 0 || x === 6 || y === 6 || (x > 1 && x < 5 && y > 1 && y < 5));
  const inFinder = (x: number, y: number) =>
    [
      [0, 0],
      [n - 7, 0],
      [0, n - 7],
    ].some(([a, b]) => x >= a! - 1 && x <= a! + 7 && y >= b! - 1 && y <= b! + 7);
  let cells = '';
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      const fx = x >= n - 7 ? x - (n - 7) : x;
      const fy = y >= n - 7 ? y - (n - 7) : y;
      const on = inFinder(x, y) ? finder(fx, fy) && (x < 7 || y < 7) : rnd() < 0.5;
      if (on) cells += `<rect x="${x}" y="${y}" width="1" height="1"/>`;
    }
  return `<svg width="${n * px}" height="${n * px}" viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges">${cells}${centre}</svg>`;
}

/** A price in [lo, hi], to the cent. */
export const between = (lo: number, hi: number) => r2(lo + rnd() * (hi - lo));
/**
 * `n` distinct lines from `names`, with a unit price and a quantity drawn for each. An entry may end in
 * "|lo|hi", its own price range; `price` draws the others.
 */
export function draw(
  names: readonly string[],
  n: number,
  price: () => number,
  qty: (name: string) => number = () => int(1, 6),
): Line[] {
  const used = new Set<string>();
  const ls: Line[] = [];
  while (ls.length < n) {
    const entry = pick(names);
    if (used.has(entry)) continue;
    used.add(entry);
    const parts = entry.split('|');
    const range =
      parts.length > 2 && parts.slice(-2).every((x) => /^[\d.]+$/.test(x)) ? parts.splice(-2) : null;
    const name = parts.join('|');
    const q = qty(name);
    const p = range ? between(Number(range[0]), Number(range[1])) : price();
    ls.push({ description: name, quantity: q, unitPrice: p, amount: r2(q * p) });
  }
  return ls;
}
/** Entries "code|description[|lo|hi]": the code returned apart, for its own column or sub-line. */
export function drawCoded(
  catalogue: readonly string[],
  n: number,
  price: () => number,
  qty?: (name: string) => number,
) {
  const ls = draw(catalogue, n, price, qty);
  const codes = ls.map((l) => l.description.split('|')[0]!);
  for (const l of ls) l.description = l.description.split('|')[1]!;
  return { ls, codes };
}
