import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentStages, createServices, DOCUMENT_STAGE_SHAPES } from '../src/composition-root.ts';
import { loadEnv } from '../src/config/env.ts';
import type { Classifier } from '../src/ports/classifier.ts';
import { silentLogger } from '../src/shared/logger.ts';
import { shapeOf } from '../src/stages/deferred-stages.ts';

/**
 * The packages the document pipeline needs and a request does not: the service must listen without them
 * (each costs tens to hundreds of milliseconds at start). CommonJS, so a load shows in require's cache;
 * mupdf (an ES module) is kept out of the start by the same dynamic imports.
 */
const PIPELINE_PACKAGES =
  /node_modules\/(onnxruntime-node|tesseract\.js|@zxing|sharp|googleapis|google-auth-library)\//;
const loadedPipelinePackages = () =>
  [
    ...new Set(
      Object.keys(createRequire(import.meta.url).cache).flatMap((file) => {
        const match = PIPELINE_PACKAGES.exec(file);
        return match ? [match[1]] : [];
      }),
    ),
  ].sort();

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'facturas-root-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('createServices with the pipeline deferred (the service)', () => {
  it('opens the state store and the warehouse without the pipeline; the first file loads it and waits', async () => {
    const inbox = path.join(dir, 'inbox');
    await fs.mkdir(inbox);
    const env = loadEnv({ INBOX_DIR: inbox, DATA_DIR: path.join(dir, 'data'), LOCAL_SETTLE_MS: '0' });
    const services = await createServices(env, { logger: silentLogger, pipeline: 'deferred' });
    try {
      expect(services.pipelineStatus()).toBe('idle');
      expect(services.classifier.modelVersion).toBe('loading');
      expect(loadedPipelinePackages()).toEqual([]);
      await services.source.ensureFolders();
      await fs.copyFile('samples/s2074-00000.pdf', path.join(inbox, 's2074-00000.pdf'));
      const [file] = await services.source.listInbox();
      const outcome = await services.queue.submit(file!);
      expect(['processed', 'review']).toContain(outcome.kind);
      expect(services.pipelineStatus()).toBe('ready');
      expect(services.classifier.modelVersion).not.toBe('loading');
      // The check above can see these packages: the pipeline has loaded them now.
      expect(loadedPipelinePackages()).toContain('onnxruntime-node');
    } finally {
      await services.close();
    }
  }, 120_000);
});

describe('DOCUMENT_STAGE_SHAPES', () => {
  it('are the shapes of the document stages the pipeline builds', async () => {
    const classifier: Classifier = { modelVersion: 'test', classify: async () => [], close: async () => {} };
    const env = loadEnv({ DATA_DIR: path.join(dir, 'shapes') });
    const built = await createDocumentStages(env, { logger: silentLogger, classifier });
    try {
      expect(built.stages.map(shapeOf)).toEqual(DOCUMENT_STAGE_SHAPES);
    } finally {
      await built.close();
    }
  }, 120_000);
});
