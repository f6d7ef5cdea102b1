import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
/** Committed models (see tessdata/README.md): same place relative to src/ and to the compiled dist/. */
const COMMITTED_MODELS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../tessdata');
/**
 * Where each language's model comes from. Spanish uses the committed tessdata_fast network: as many words
 * found as the packaged best_int one on our scans, in ~30% less time. Other languages use the "best_int"
 * models inside the @tesseract.js-data packages.
 */
const FAST_LANGUAGES = new Set(['spa']);
const PACKAGED_FOLDER = '4.0.0_best_int';
/** Bumped whenever a model changes, so an old linked folder is never reused. */
const FOLDER_NAME = 'tessdata-spa-fast-v1';

/**
 * tesseract.js loads every language from one `langPath` folder and falls back to a CDN without it, so the
 * model files are linked (or copied, where links are not allowed) into a single folder. Returns that folder.
 */
export async function prepareLanguageFolder(parent: string, languages: readonly string[]): Promise<string> {
  const folder = path.resolve(parent, FOLDER_NAME);
  await fs.mkdir(folder, { recursive: true });
  for (const language of languages) {
    const source = modelFile(language);
    const target = path.join(folder, `${language}.traineddata.gz`);
    if (await sameSize(source, target)) continue;
    await fs.rm(target, { force: true });
    try {
      await fs.symlink(source, target);
    } catch {
      await fs.copyFile(source, target);
    }
  }
  return folder;
}

/** The gzipped traineddata file tesseract.js will load for `language`. */
export function modelFile(language: string): string {
  if (FAST_LANGUAGES.has(language)) return path.join(COMMITTED_MODELS, `${language}.traineddata.gz`);
  let packageJson: string;
  try {
    packageJson = require.resolve(`@tesseract.js-data/${language}/package.json`);
  } catch (error) {
    throw new Error(`Falta el paquete de idioma de OCR @tesseract.js-data/${language}`, { cause: error });
  }
  return path.join(path.dirname(packageJson), PACKAGED_FOLDER, `${language}.traineddata.gz`);
}

async function sameSize(source: string, target: string): Promise<boolean> {
  try {
    const [a, b] = await Promise.all([fs.stat(source), fs.stat(target)]);
    return a.size === b.size;
  } catch {
    return false;
  }
}
