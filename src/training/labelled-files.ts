import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ClassCode } from '../contract/result.ts';
import type { Logger } from '../shared/logger.ts';
import { silentLogger } from '../shared/logger.ts';
import type { OcrEngine } from '../stages/read/ocr-types.ts';
import { defaultReadOptions, type ReadOptions } from '../stages/read/options.ts';
import { readPdf } from '../stages/read/read-pdf.ts';
import type { TrainingSample } from './train-model.ts';

/** A PDF whose class is known, before its text is read. */
export interface LabelledFile {
  file: string;
  label: ClassCode;
  source: string;
  scanned?: boolean;
}

const CLASS_FOLDERS: Record<string, ClassCode> = { correctivas: 0, preventivas: 1 };

/**
 * Finds labelled PDFs under `dir`: class folders (`Correctivas/*.pdf`, `Preventivas/*.pdf`, any letter
 * case) and generated-corpus files (`<id>.pdf` beside `<id>.json` whose `classification.class` is 0 or 1).
 * Files without a usable label are skipped and counted, not guessed.
 */
export async function findLabelledFiles(dir: string): Promise<{ files: LabelledFile[]; skipped: number }> {
  const files: LabelledFile[] = [];
  let skipped = 0;
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const label = CLASS_FOLDERS[entry.name.toLowerCase()];
    if (!entry.isDirectory() || label === undefined) continue;
    const folder = path.join(dir, entry.name);
    for (const name of (await readdir(folder)).sort()) {
      if (name.toLowerCase().endsWith('.pdf'))
        files.push({ file: path.join(folder, name), label, source: 'folder' });
    }
  }
  const names = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
  for (const name of [...names].sort()) {
    if (!name.toLowerCase().endsWith('.pdf')) continue;
    const truthName = `${name.slice(0, -4)}.json`;
    if (!names.has(truthName)) {
      skipped++;
      continue;
    }
    const truth = await readTruth(path.join(dir, truthName));
    if (truth === null) skipped++;
    else
      files.push({
        file: path.join(dir, name),
        label: truth.label,
        source: 'corpus',
        scanned: truth.scanned,
      });
  }
  return { files, skipped };
}

async function readTruth(file: string): Promise<{ label: ClassCode; scanned: boolean } | null> {
  try {
    const truth = JSON.parse(await readFile(file, 'utf8')) as {
      classification?: { class?: unknown };
      meta?: { scanned?: unknown };
    };
    const label = truth.classification?.class;
    if (label !== 0 && label !== 1) return null;
    return { label, scanned: truth.meta?.scanned === true };
  } catch {
    return null;
  }
}

export interface ReadLabelledOptions {
  /** The OCR pool for scanned files; null reads text layers only (scanned files then give no text). */
  ocr?: OcrEngine | null;
  readOptions?: ReadOptions;
  logger?: Logger;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reads each labelled PDF with the production read stage (same text the classifier sees at run time).
 * Unreadable files and files without any text are skipped with a warning: a label without text teaches
 * nothing.
 */
export async function readLabelledFiles(
  files: LabelledFile[],
  options: ReadLabelledOptions = {},
): Promise<{ samples: (TrainingSample & { file: string; ocr: boolean })[]; skipped: string[] }> {
  const logger = options.logger ?? silentLogger;
  const samples: (TrainingSample & { file: string; ocr: boolean })[] = [];
  const skipped: string[] = [];
  let done = 0;
  for (const labelled of files) {
    try {
      const bytes = await readFile(labelled.file);
      const result = await readPdf(bytes, options.readOptions ?? defaultReadOptions, options.ocr ?? null);
      if (/[\p{L}\p{N}]/u.test(result.document.text)) {
        samples.push({
          text: result.document.text,
          label: labelled.label,
          source: labelled.source,
          file: labelled.file,
          ocr: result.pages.ocr > 0,
        });
      } else skipped.push(labelled.file);
    } catch (error) {
      logger.warn('labelled file not readable, skipped', {
        file: labelled.file,
        error: (error as Error).message,
      });
      skipped.push(labelled.file);
    }
    options.onProgress?.(++done, files.length);
  }
  return { samples, skipped };
}
