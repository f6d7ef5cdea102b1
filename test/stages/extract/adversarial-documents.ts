import type { PageText, ReadDocument, TextLine, Word } from '../../../src/contract/document.ts';
import { toReadDocument } from '../../../src/stages/read/document-text.ts';

/**
 * ReadDocuments built from text, for feeding extraction input no PDF in the corpus has: every line is split
 * into words on spaces and laid left to right (5 pt per character) at 12 pt per line, as a text layer would be.
 */
export function documentOf(pagesOfLines: string[][], confidence = 1): ReadDocument {
  return toReadDocument(pagesOfLines.map((lines, index) => pageOf(index, lines, confidence)));
}

function pageOf(index: number, lines: string[], confidence: number): PageText {
  const textLines: TextLine[] = lines.map((line, row) => {
    const y0 = 20 + row * 12;
    const words: Word[] = [];
    let x = 20;
    for (const text of line.split(' ')) {
      if (text) words.push({ text, x0: x, y0, x1: x + text.length * 5, y1: y0 + 9, confidence });
      x += (text.length + 1) * 5;
    }
    const x1 = words.at(-1)?.x1 ?? 20;
    return { text: words.map((w) => w.text).join(' '), words, x0: 20, y0, x1, y1: y0 + 9 };
  });
  return {
    index,
    width: 612,
    height: Math.max(792, 40 + lines.length * 12),
    source: confidence < 1 ? 'ocr' : 'text',
    lines: textLines.filter((l) => l.words.length > 0),
    deskewDegrees: 0,
  };
}

/** A small deterministic generator (mulberry32), so a failing case can be replayed from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '0',
  '1234567890',
  ' ',
  '  ',
  '-',
  '(',
  ')',
  '.',
  ',',
  '$',
  '%',
  ':',
  '/',
  'NIT',
  'CUIT',
  'CNPJ',
  'RFC',
  'Factura',
  'No.',
  'Fecha',
  'Total',
  'Subtotal',
  'IVA',
  'Cant.',
  'Descripción',
  'Vr. Unitario',
  'S.A.S.',
  'Ltda',
  'ÁÉÍÓÚñ',
  'a',
  'Z',
  '\t',
  '1.234.567,89',
  '2026-03-15',
  '15/03/2026',
];

/** A line of about `length` characters from pieces of invoice text, digits and punctuation. */
export function randomLine(next: () => number, length: number): string {
  let line = '';
  while (line.length < length) line += PIECES[Math.floor(next() * PIECES.length)];
  return line.slice(0, length);
}

/** The adversarial documents every extraction must get through in bounded time. */
export function adversarialDocuments(): { name: string; document: ReadDocument }[] {
  const digits = '7'.repeat(50_000);
  const mixed = (n: number) => '12 (34)-5 '.repeat(n / 10);
  const tableRows = Array.from(
    { length: 1_000 },
    (_, i) => `${i + 1} Producto número ${i + 1} ${(i % 7) + 1} 1.234.567,89 ${(i + 1) * 1000},00`,
  );
  return [
    { name: 'a 50,000-digit run', document: documentOf([[`Razón social ${digits}`, digits]]) },
    {
      name: '44-digit access keys after and before a name, grouped and not',
      document: documentOf([
        [
          `${'3'.repeat(44)} Empresa Exemplo Ltda`,
          `(${'1'.repeat(44)})`,
          '1234 '.repeat(11),
          `Chave de acesso ${'1234 '.repeat(11)}`,
          `CNPJ ${'9'.repeat(44)}`,
        ],
      ]),
    },
    {
      name: '10,000-character lines of digits, spaces, dashes and parentheses',
      document: documentOf([[mixed(10_000), mixed(10_000), `NIT ${mixed(10_000)}`]]),
    },
    {
      name: 'repeated letters',
      document: documentOf([['a'.repeat(10_000), `Factura ${'A'.repeat(10_000)}`]]),
    },
    {
      name: 'deep nesting of parentheses',
      document: documentOf([[`${'('.repeat(5_000)}1${')'.repeat(5_000)}`, `Total ${'((1))'.repeat(2_000)}`]]),
    },
    {
      name: 'a 1,000-row table',
      document: documentOf([
        ['Factura No. FE-1', 'Cant. Descripción Vr. Unitario Vr. Total', ...tableRows, 'Total 999.999,00'],
      ]),
    },
    { name: 'pages with no words', document: documentOf([[], [], []]) },
    { name: 'no pages', document: documentOf([]) },
    { name: 'one 10,000-character word of digits and dots', document: documentOf([['1.1'.repeat(3_334)]]) },
  ];
}
