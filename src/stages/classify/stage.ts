import type { Classifier } from '../../ports/classifier.ts';
import { StageError } from '../errors.ts';
import type { Stage } from '../stage.ts';
import { createBatchingClassifier } from './batching.ts';

export interface ClassifyStageOptions {
  classifier: Classifier;
  /**
   * Files processed concurrently are classified together: requests arriving within the same turn of the
   * event loop share one inference (up to this many texts). 1 turns batching off.
   */
  maxBatch?: number;
}

/** The classify stage: reads `context.document.text`, sets `context.classification` (with explanation). */
export function createClassifyStage(options: ClassifyStageOptions): Stage {
  const classifier =
    (options.maxBatch ?? 32) > 1
      ? createBatchingClassifier(options.classifier, { maxBatch: options.maxBatch ?? 32 })
      : options.classifier;
  return {
    name: 'classify',
    async run(context) {
      if (!context.document) {
        throw new StageError('internal', 'la etapa de clasificación se ejecutó sin documento leído');
      }
      const [decision] = await classifier.classify([context.document.text]);
      if (!decision) throw new StageError('internal', 'el clasificador no devolvió decisión');
      context.classification = decision;
      context.logger.debug('classified', {
        label: decision.label,
        confidence: decision.confidence,
        model: decision.model,
      });
    },
  };
}
