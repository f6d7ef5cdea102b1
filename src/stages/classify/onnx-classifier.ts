import * as ort from 'onnxruntime-node';
import {
  DEFAULT_FEATURE_SETTINGS,
  densify,
  type FeatureSettings,
  hashedCountsOfWords,
  type SparseVector,
  tokenise,
  weightCounts,
} from '../../model/features.ts';
import { LABEL_MAP } from '../../model/manifest.ts';
import { INPUT_NAME, OUTPUT_HIDDEN, OUTPUT_PROBABILITIES } from '../../model/onnx-export.ts';
import type { Classifier, ClassifierDecision } from '../../ports/classifier.ts';
import type { Logger } from '../../shared/logger.ts';
import { explain } from './explain.ts';
import { loadModelFiles, ModelLoadError } from './load-model-files.ts';

export interface OnnxClassifierOptions {
  logger: Logger;
  /** The feature settings this code computes; a model trained with others fails to load. */
  features?: FeatureSettings;
  /** How many features each explanation lists. */
  explanationSize?: number;
}

export { ModelLoadError };

/**
 * Loads `modelDir/model.json` + `model.onnx` once, checks them against this code (load-model-files.ts) and
 * returns a Classifier whose `classify` runs one batched inference per call. Confidence is the calibrated
 * probability of the chosen class; below the manifest's abstention threshold, or for a text without a
 * single feature, the label is `revision` with class null.
 */
export async function loadOnnxClassifier(
  modelDir: string,
  options: OnnxClassifierOptions,
): Promise<Classifier> {
  const settings = options.features ?? DEFAULT_FEATURE_SETTINGS;
  const files = await loadModelFiles(modelDir, settings);
  const { manifest, idf } = files;
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(files.bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  } catch (error) {
    throw new ModelLoadError(
      'model_corrupt',
      `onnxruntime no pudo abrir el modelo de ${modelDir}: ${(error as Error).message}`,
    );
  }
  const input = session.inputMetadata.find((m) => m.name === INPUT_NAME);
  const width = input?.isTensor ? input.shape[1] : undefined;
  const outputsPresent = [OUTPUT_PROBABILITIES, OUTPUT_HIDDEN].every((name) =>
    session.outputNames.includes(name),
  );
  if (width !== settings.dimensions || !outputsPresent) {
    await session.release();
    throw new ModelLoadError(
      'model_mismatch',
      `el grafo de ${modelDir} no tiene la entrada '${INPUT_NAME}' [N, ${settings.dimensions}] y las salidas '${OUTPUT_PROBABILITIES}' y '${OUTPUT_HIDDEN}'`,
    );
  }
  const threshold = manifest.thresholds.abstain;
  const model = manifest.modelVersion;
  const weights = files.decoded.weights;
  options.logger.info('modelo de clasificación cargado', {
    model,
    threshold,
    temperature: manifest.temperature,
    validationAccuracy: manifest.validation.accuracy,
  });

  return {
    modelVersion: model,
    async classify(texts: string[]): Promise<ClassifierDecision[]> {
      if (texts.length === 0) return [];
      const analysed = texts.map((text) => {
        const words = tokenise(text);
        const counts = hashedCountsOfWords(words, settings);
        return { words, counts, x: weightCounts(counts, idf) };
      });
      const features = densify(
        analysed.map((a) => a.x),
        settings.dimensions,
      );
      const outputs = await session.run({
        [INPUT_NAME]: new ort.Tensor('float32', features, [texts.length, settings.dimensions]),
      });
      const probabilities = outputs[OUTPUT_PROBABILITIES]!.data as Float32Array;
      const hidden = outputs[OUTPUT_HIDDEN]!.data as Float32Array;
      const H = weights.hidden;
      return analysed.map((a, i) =>
        decide(probabilities[i * 2]!, probabilities[i * 2 + 1]!, hidden.subarray(i * H, (i + 1) * H), a),
      );
    },
    async close() {
      await session.release();
    },
  };

  function decide(
    p0: number,
    p1: number,
    hiddenInput: Float32Array,
    { words, counts, x }: { words: string[]; counts: Map<number, number>; x: SparseVector },
  ): ClassifierDecision {
    const chosen = p1 > p0 ? 1 : 0;
    const confidence = Math.min(1, Math.max(0, chosen === 1 ? p1 : p0));
    const rounded = Number(confidence.toFixed(4));
    const explanation =
      x.indices.length === 0
        ? []
        : explain(
            weights,
            x,
            counts,
            idf,
            words,
            settings,
            hiddenInput,
            chosen,
            options.explanationSize ?? 5,
          );
    if (x.indices.length === 0 || confidence < threshold) {
      return { label: 'revision', class: null, confidence: rounded, model, explanation };
    }
    return {
      label: LABEL_MAP[chosen === 1 ? '1' : '0'],
      class: chosen,
      confidence: rounded,
      model,
      explanation,
    };
  }
}
