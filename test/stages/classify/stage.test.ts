import { describe, expect, it } from 'vitest';
import type { ReadDocument } from '../../../src/contract/document.ts';
import type { Classifier, ClassifierDecision } from '../../../src/ports/classifier.ts';
import { createBatchingClassifier } from '../../../src/stages/classify/batching.ts';
import { createClassifyStage } from '../../../src/stages/classify/stage.ts';
import type { PipelineContext } from '../../../src/stages/stage.ts';
import { inboxFile, pipelineContext } from '../../support/pipeline-context.ts';

/** A recording classifier: the stage's own logic (batching, context) is what is under test here. */
function recordingClassifier(): Classifier & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    modelVersion: 'test.1',
    async classify(texts) {
      calls.push(texts);
      return texts.map(
        (text): ClassifierDecision => ({
          label: text.includes('preventivo') ? 'preventiva' : 'correctiva',
          class: text.includes('preventivo') ? 1 : 0,
          confidence: 0.9,
          model: 'test.1',
          explanation: [{ feature: text.split(' ')[0]!, weight: 1 }],
        }),
      );
    },
    async close() {},
  };
}

function context(text: string | null): PipelineContext {
  const document: ReadDocument | undefined = text === null ? undefined : { pages: [], text };
  return pipelineContext({ file: inboxFile('f', { mimeType: null }), document, pages: { count: 1, ocr: 0 } });
}

describe('classify stage', () => {
  it('sets the classification with its explanation from the document text', async () => {
    const stage = createClassifyStage({ classifier: recordingClassifier() });
    const ctx = context('mantenimiento preventivo');
    await stage.run(ctx);
    expect(ctx.classification).toMatchObject({ label: 'preventiva', class: 1, model: 'test.1' });
    expect(ctx.classification!.explanation).toEqual([{ feature: 'mantenimiento', weight: 1 }]);
  });

  it('batches files processed concurrently into one inference, answers in order', async () => {
    const inner = recordingClassifier();
    const stage = createClassifyStage({ classifier: inner, maxBatch: 2 });
    const contexts = ['a preventivo', 'b falla', 'c preventivo'].map(context);
    await Promise.all(contexts.map((c) => stage.run(c)));
    expect(inner.calls).toEqual([['a preventivo', 'b falla'], ['c preventivo']]);
    expect(contexts.map((c) => c.classification!.class)).toEqual([1, 0, 1]);
  });

  it('passes multi-text calls straight through and rejects every waiter when inference fails', async () => {
    const inner = recordingClassifier();
    const batching = createBatchingClassifier(inner, { maxBatch: 8 });
    await batching.classify(['x preventivo', 'y']);
    expect(inner.calls).toEqual([['x preventivo', 'y']]);
    const failing = createBatchingClassifier(
      { ...inner, classify: () => Promise.reject(new Error('ort falló')) },
      { maxBatch: 8 },
    );
    const results = await Promise.allSettled([failing.classify(['a']), failing.classify(['b'])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('refuses to run without a read document', async () => {
    const stage = createClassifyStage({ classifier: recordingClassifier() });
    await expect(stage.run(context(null))).rejects.toMatchObject({ code: 'internal' });
  });
});
