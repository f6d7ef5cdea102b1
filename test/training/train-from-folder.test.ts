import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/shared/logger.ts';
import { loadOnnxClassifier } from '../../src/stages/classify/onnx-classifier.ts';
import { trainFromFolder } from '../../src/training/train.ts';
import { generateInvoice } from '../../tools/corpus/generate.ts';

let root: string | undefined;
afterAll(() => (root ? rm(root, { recursive: true, force: true }) : undefined));

describe('trainFromFolder', () => {
  it('reads class folders, trains, installs a loadable model and prints the Spanish report', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'entrenar-'));
    const dir = path.join(root, 'facturas');
    for (const [folder, label] of [
      ['Correctivas', 'correctiva'],
      ['Preventivas', 'preventiva'],
    ] as const) {
      await mkdir(path.join(dir, folder), { recursive: true });
      for (let i = 0; i < 6; i++) {
        const { pdf } = await generateInvoice(700 + i + (label === 'preventiva' ? 50 : 0), { label });
        await writeFile(path.join(dir, folder, `${i}.pdf`), pdf);
      }
    }
    const outDir = path.join(root, 'onnx');
    const result = await trainFromFolder({ dir, outDir, seed: 9 });
    expect(result.report.samples).toMatchObject({ total: 12, correctiva: 6, preventiva: 6 });
    expect(result.promotion?.promoted).toBe(true);
    expect(result.text).toContain('Matriz de confusión');
    expect(result.text).toContain('Modelo instalado');
    const manifest = JSON.parse(await readFile(path.join(outDir, 'model.json'), 'utf8')) as {
      training: { sources: Record<string, number> };
    };
    expect(manifest.training.sources).toEqual({ folder: 12 });
    const classifier = await loadOnnxClassifier(outDir, { logger: silentLogger });
    expect(classifier.modelVersion).toBe(result.report.modelVersion);
    await classifier.close();
  });
});
