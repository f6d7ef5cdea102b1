import fs from 'node:fs/promises';
import path from 'node:path';
import type { Env } from '../config/env.ts';
import type { InvoiceResult } from '../contract/result.ts';
import type { Logger } from '../shared/logger.ts';
import { createDocumentPipeline } from './document-pipeline.ts';
import { createProgress } from './progress.ts';
import { type FolderScore, formatTruthReport, scoreFolder, type TruthEntry } from './truth-score.ts';

/** Confidence at or above which a field is loaded without a person's look (the review threshold). */
export const REVIEW_THRESHOLD = 0.8;

/**
 * `facturas eval <dir> --truth [truth.json]`: the pipeline against a folder of real invoices with a
 * `truth.json` (file name → expected values), or against every subfolder that has one. Prints per folder
 * number, date, total, all three, tax ids, line F1, how many documents go to Revisión and how many wrong
 * values were not flagged.
 */
export async function evalTruthCommand(
  env: Env,
  logger: Logger,
  dir: string,
  truthPath: string | undefined,
  options: { json?: boolean; misses?: boolean } = {},
): Promise<number> {
  const folders = await truthFolders(dir, truthPath);
  if (folders.length === 0) throw new Error(`No hay truth.json en ${dir} ni en sus subcarpetas`);
  const pipeline = await createDocumentPipeline(env, logger);
  const scores: [string, FolderScore][] = [];
  try {
    for (const folder of folders) {
      const entries = Object.entries(folder.truth);
      const files = entries.map(([name]) => path.join(folder.dir, name));
      const progress = createProgress(files.length, `Evaluando ${folder.name}`);
      let results: InvoiceResult[];
      try {
        results = await pipeline.processAll(files, () => progress.tick());
      } finally {
        progress.stop();
      }
      const items = entries.map(([file, truth], i) => ({
        file,
        truth,
        result: results[i]!,
        review: sentToReview(results[i]!),
      }));
      scores.push([folder.name, scoreFolder(items, REVIEW_THRESHOLD)]);
    }
  } finally {
    await pipeline.close();
  }
  if (options.json) process.stdout.write(`${JSON.stringify(Object.fromEntries(scores))}\n`);
  else {
    process.stdout.write(formatTruthReport(scores));
    if (options.misses)
      for (const [name, score] of scores)
        for (const miss of score.misses)
          process.stdout.write(
            `${name}/${miss.file}  ${miss.field}: esperado ${JSON.stringify(miss.expected)}, obtenido ${JSON.stringify(miss.got)}${miss.unflagged ? ' (sin marcar)' : ''}\n`,
          );
  }
  return 0;
}

/** In Revisión: the class was unsure, or the extraction asked for a person's look. */
export function sentToReview(result: InvoiceResult): boolean {
  if (result.status === 'quarantined') return false;
  if (result.classification?.label === 'revision') return true;
  return (result as { review?: { needed?: boolean } }).review?.needed === true;
}

interface TruthFolder {
  name: string;
  dir: string;
  truth: Record<string, TruthEntry>;
}

async function truthFolders(dir: string, truthPath: string | undefined): Promise<TruthFolder[]> {
  const read = async (file: string) =>
    JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, TruthEntry>;
  if (truthPath) return [{ name: path.basename(path.resolve(dir)), dir, truth: await read(truthPath) }];
  const own = path.join(dir, 'truth.json');
  if (await exists(own)) return [{ name: path.basename(path.resolve(dir)), dir, truth: await read(own) }];
  const folders: TruthFolder[] = [];
  for (const entry of (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const file = path.join(dir, entry.name, 'truth.json');
    if (entry.isDirectory() && (await exists(file)))
      folders.push({ name: entry.name, dir: path.join(dir, entry.name), truth: await read(file) });
  }
  return folders;
}

const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );
