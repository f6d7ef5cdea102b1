import type { ClassCode } from '../contract/result.ts';
import type { DocumentSource, SourceFile } from '../ports/source.ts';
import type { HumanLabel } from '../ports/state.ts';
import { type Logger, silentLogger } from '../shared/logger.ts';
import type { OcrEngine } from '../stages/read/ocr-types.ts';
import { defaultReadOptions, type ReadOptions } from '../stages/read/options.ts';
import { readPdf } from '../stages/read/read-pdf.ts';
import type { TrainingSample } from './train-model.ts';

export interface SourceSamplesOptions {
  source: DocumentSource;
  /** Corrections recorded in the state store; their files are labelled `human`. */
  humanLabels: HumanLabel[];
  /**
   * Also learn from files the model itself filed (label source `folder`). Off means only corrections teach,
   * as paperless-ngx does; on, the model also sees the company's own invoices it was sure about.
   */
  includeModelFiled?: boolean;
  ocr?: OcrEngine | null;
  readOptions?: ReadOptions;
  logger?: Logger;
}

/**
 * Labelled samples from the class folders of a document source (the Drive class folders, or the local
 * inbox's): a file in `Correctivas` is class 0 and one in `Preventivas` class 1, read by the production
 * reader. A human label whose file is no longer in the folder it names is ignored (a later move
 * superseded it). Unreadable files are skipped with a warning.
 */
export async function samplesFromSource(
  options: SourceSamplesOptions,
): Promise<{ samples: TrainingSample[]; skipped: number }> {
  const logger = options.logger ?? silentLogger;
  const human = new Map(options.humanLabels.map((l) => [l.fileId, l.class]));
  const readOptions = options.readOptions ?? defaultReadOptions;
  const samples: TrainingSample[] = [];
  let skipped = 0;
  const folders: [ClassCode, 'correctivas' | 'preventivas'][] = [
    [0, 'correctivas'],
    [1, 'preventivas'],
  ];
  for (const [label, folder] of folders) {
    const files = await options.source.listFolder(folder);
    for (const file of files.sort((a, b) => a.id.localeCompare(b.id))) {
      const isHuman = human.get(file.id) === label;
      if (!isHuman && !options.includeModelFiled) continue;
      const text = await readText(options.source, file, readOptions, options.ocr ?? null, logger);
      if (text === null) {
        skipped++;
        continue;
      }
      samples.push({ text, label, source: isHuman ? 'human' : 'folder' });
    }
  }
  return { samples, skipped };
}

async function readText(
  source: DocumentSource,
  file: SourceFile,
  readOptions: ReadOptions,
  ocr: OcrEngine | null,
  logger: Logger,
): Promise<string | null> {
  if (!file.name.toLowerCase().endsWith('.pdf') && file.mimeType !== 'application/pdf') return null;
  try {
    const bytes = await source.download(file, readOptions.maxFileBytes);
    const { document } = await readPdf(bytes, readOptions, ocr);
    return /[\p{L}\p{N}]/u.test(document.text) ? document.text : null;
  } catch (error) {
    logger.warn('labelled file not readable, skipped', { fileId: file.id, error: (error as Error).message });
    return null;
  }
}
