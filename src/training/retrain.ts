import path from 'node:path';
import type { DocumentSource } from '../ports/source.ts';
import type { StateStore } from '../ports/state.ts';
import type { Logger } from '../shared/logger.ts';
import type { OcrEngine } from '../stages/read/ocr-types.ts';
import { formatTrainingReport } from './report.ts';
import { samplesFromSource, trainFromDirectories, trainFromFolder } from './train.ts';

export interface RetrainInput {
  /** A folder of labelled invoices (class folders or a generated corpus); optional for retraining. */
  dir?: string;
  modelDir: string;
  source: DocumentSource;
  state: StateStore;
  ocr: OcrEngine | null;
  seed?: number;
  logger: Logger;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The full training path shared by `facturas train` and `POST /tasks/train`: labelled invoices from a folder,
 * plus every invoice a person corrected in the source's class folders (human labels from the state store),
 * then the promotion rule: the new model replaces the current one only if it does at least as well.
 */
export async function retrain(input: RetrainInput): Promise<{ text: string; promoted: boolean | null }> {
  const humanLabels = await input.state.listHumanLabels();
  const corrections = await samplesFromSource({
    source: input.source,
    humanLabels,
    // Without a labelled folder, corrections alone are too few to train on: learn from every invoice in the
    // class folders (those the model filed and nobody moved count as confirmed), corrections included.
    includeModelFiled: !input.dir,
    ocr: input.ocr,
    logger: input.logger,
  });
  input.logger.info('human corrections read', {
    labels: humanLabels.length,
    samples: corrections.samples.length,
  });
  if (input.dir) {
    const outcome = await trainFromFolder({
      dir: path.resolve(input.dir),
      outDir: input.modelDir,
      seed: input.seed,
      ocr: input.ocr,
      extraSamples: corrections.samples,
      logger: input.logger,
      onProgress: input.onProgress,
    });
    const summary = `Correcciones humanas incluidas: ${corrections.samples.length}`;
    return { text: `${outcome.text}\n${summary}`, promoted: outcome.promotion?.promoted ?? null };
  }
  const perClass = [0, 1].map((label) => corrections.samples.filter((s) => s.label === label).length);
  if (Math.min(...perClass) < 10) {
    return {
      text: `Muy pocas facturas para entrenar (correctivas: ${perClass[0]}, preventivas: ${perClass[1]}; mínimo 10 de cada clase).`,
      promoted: null,
    };
  }
  const { report, promotion } = await trainFromDirectories({
    labelled: corrections.samples,
    seed: input.seed,
    outDir: input.modelDir,
    logger: input.logger,
  });
  const verdict = promotion?.promoted
    ? `Modelo instalado en ${promotion.directory}: ${promotion.reason}.`
    : `Modelo NO instalado; guardado en ${promotion?.directory}: ${promotion?.reason}.`;
  return { text: `${formatTrainingReport(report)}\n\n${verdict}`, promoted: promotion?.promoted ?? null };
}
