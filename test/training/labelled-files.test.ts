import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLabelledFiles, readLabelledFiles } from '../../src/training/labelled-files.ts';
import { generateInvoice } from '../../tools/corpus/generate.ts';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'etiquetadas-'));
  await mkdir(path.join(root, 'Correctivas'));
  await mkdir(path.join(root, 'preventivas'));
  await mkdir(path.join(root, 'Revisión'));
  const corrective = await generateInvoice(501, { label: 'correctiva' });
  const preventive = await generateInvoice(502, { label: 'preventiva' });
  const corpus = await generateInvoice(503, { label: 'preventiva', file: 'c-1.pdf' });
  await writeFile(path.join(root, 'Correctivas', 'a.pdf'), corrective.pdf);
  await writeFile(path.join(root, 'preventivas', 'b.PDF'), preventive.pdf);
  await writeFile(path.join(root, 'Revisión', 'unsure.pdf'), preventive.pdf);
  await writeFile(path.join(root, 'c-1.pdf'), corpus.pdf);
  await writeFile(path.join(root, 'c-1.json'), JSON.stringify(corpus.truth));
  await writeFile(path.join(root, 'no-truth.pdf'), corpus.pdf);
  await writeFile(path.join(root, 'broken.pdf'), 'esto no es un pdf');
  await writeFile(path.join(root, 'broken.json'), JSON.stringify({ classification: { class: 0 } }));
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('labelled files', () => {
  it('finds class folders (any case) and corpus truth pairs, skipping PDFs without a label', async () => {
    const { files, skipped } = await findLabelledFiles(root);
    const found = files.map((f) => [path.relative(root, f.file), f.label, f.source]);
    expect(found).toEqual([
      ['Correctivas/a.pdf', 0, 'folder'],
      ['preventivas/b.PDF', 1, 'folder'],
      ['broken.pdf', 0, 'corpus'],
      ['c-1.pdf', 1, 'corpus'],
    ]);
    expect(skipped).toBe(1);
  });

  it('reads them with the production reader and skips unreadable ones', async () => {
    const { files } = await findLabelledFiles(root);
    const { samples, skipped } = await readLabelledFiles(files);
    expect(samples.map((s) => path.basename(s.file))).toEqual(['a.pdf', 'b.PDF', 'c-1.pdf']);
    expect(skipped.map((f) => path.basename(f))).toEqual(['broken.pdf']);
    for (const s of samples) expect(s.text.length).toBeGreaterThan(200);
    expect(samples[2]!.text.toLowerCase()).toContain('factura');
  });
});
