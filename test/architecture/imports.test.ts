import { describe, expect, it } from 'vitest';
import { cycles, type ImportEdge, relativeImports, typeScriptFiles } from './imports.ts';

/** `src/stages/read/ocr.ts` → `src/stages` at depth 1; files directly in src/ are their own node. */
const folder = (file: string, depth: number) =>
  file
    .split('/')
    .slice(0, depth + 1)
    .join('/')
    .replace(/\.ts$/, '');

const crossings = (edges: ImportEdge[], depth: number): [string, string][] =>
  edges.map((edge) => [folder(edge.from, depth), folder(edge.to, depth)]);

const edges = relativeImports(typeScriptFiles('src'));

describe('the import graph of src/', () => {
  it('is read from the code (the parser finds the imports it must judge)', () => {
    expect(edges.length).toBeGreaterThan(100);
    expect(edges).toContainEqual({ from: 'src/server/routes.ts', to: 'src/webhook/notifications.ts' });
  });

  it('has no cycle between the top-level folders of src/', () => {
    expect(cycles(crossings(edges, 1))).toEqual([]);
  });

  it('has the classifier stage and training import each other in one direction only (via src/model)', () => {
    const classifyToTraining = edges.filter(
      (e) => e.from.startsWith('src/stages/classify/') && e.to.startsWith('src/training/'),
    );
    expect(classifyToTraining).toEqual([]);
    const together = cycles(crossings(edges, 2)).filter(
      (cycle) => cycle.includes('src/stages/classify') || cycle.includes('src/training'),
    );
    expect(together).toEqual([]);
  });

  it('has the extractor in layers without a cycle between them (text, values, page, labels, tables, fields, reconcile…)', () => {
    const extract = edges.filter(
      (e) => e.from.startsWith('src/stages/extract/') && e.to.startsWith('src/stages/extract/'),
    );
    const layers = new Set(extract.flatMap((e) => [folder(e.from, 3), folder(e.to, 3)]));
    for (const layer of ['text', 'values', 'page', 'labels', 'tables', 'fields', 'reconcile'])
      expect(layers).toContain(`src/stages/extract/${layer}`);
    expect(cycles(crossings(extract, 3))).toEqual([]);
  });

  it('src/webhook imports nothing from src/server', () => {
    expect(edges.filter((e) => e.from.startsWith('src/webhook/') && e.to.startsWith('src/server/'))).toEqual(
      [],
    );
  });

  it('imports no development tool (tools/, the corpus generator, the tests)', () => {
    const outside = edges.filter((e) => !e.to.startsWith('src/') || e.to.startsWith('src/corpus/'));
    expect(outside).toEqual([]);
  });
});

describe('the cycle finder', () => {
  it('reports a cycle through several nodes and ignores self-loops and one-way edges', () => {
    const found = cycles([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['c', 'd'],
      ['d', 'd'],
    ]);
    expect(found).toEqual([['a', 'b', 'c']]);
  });
});
