import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalFolderSource } from '../../src/adapters/source/local/local-folder.ts';
import { samplesFromSource } from '../../src/training/source-samples.ts';
import { generateInvoice } from '../../tools/corpus/generate.ts';

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

describe('samples from the class folders of a source', () => {
  it('labels by folder, marks corrections as human, and learns from model-filed files only when asked', async () => {
    const inbox = await mkdtemp(path.join(tmpdir(), 'bandeja-'));
    roots.push(inbox);
    await mkdir(path.join(inbox, 'Correctivas'));
    await mkdir(path.join(inbox, 'Preventivas'));
    const moved = await generateInvoice(601, { label: 'preventiva' });
    const filed = await generateInvoice(602, { label: 'correctiva' });
    await writeFile(path.join(inbox, 'Preventivas', 'corregida.pdf'), moved.pdf);
    await writeFile(path.join(inbox, 'Correctivas', 'archivada.pdf'), filed.pdf);
    const source = createLocalFolderSource({ inboxDir: inbox, settleMs: 0 });
    const [preventiveFile] = await source.listFolder('preventivas');
    const humanLabels = [
      {
        fileId: preventiveFile!.id,
        class: 1 as const,
        previousClass: 0 as const,
        at: '2026-11-25T10:00:00Z',
      },
    ];

    const onlyHuman = await samplesFromSource({ source, humanLabels });
    expect(onlyHuman.samples.map((s) => [s.label, s.source])).toEqual([[1, 'human']]);
    expect(onlyHuman.samples[0]!.text.length).toBeGreaterThan(200);

    const all = await samplesFromSource({ source, humanLabels, includeModelFiled: true });
    expect(all.samples.map((s) => [s.label, s.source])).toEqual([
      [0, 'folder'],
      [1, 'human'],
    ]);

    // A correction back to the other class, superseded by a later move, no longer names this folder.
    const stale = await samplesFromSource({ source, humanLabels: [{ ...humanLabels[0]!, class: 0 }] });
    expect(stale.samples).toEqual([]);
  });
});
