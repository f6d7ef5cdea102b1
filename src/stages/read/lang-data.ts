import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
/** The small LSTM-only models ("best_int"), shipped inside the @tesseract.js-data packages. */
const MODEL_FOLDER = '4.0.0_best_int';

/**
 * tesseract.js loads every language from one `langPath` folder and falls back to a CDN without it, so the
 * packaged traineddata files are linked (or copied, where links are not allowed) into a single folder.
 * Returns that folder.
 */
export async function prepareLanguageFolder(parent: string, languages: readonly string[]): Promise<string> {
  const folder = path.resolve(parent, `tessdata-${MODEL_FOLDER}`);
  await fs.mkdir(folder, { recursive: true });
  for (const language of languages) {
    const source = packagedModel(language);
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

function packagedModel(language: string): string {
  let packageJson: string;
  try {
    packageJson = require.resolve(`@tesseract.js-data/${language}/package.json`);
  } catch (error) {
    throw new Error(`Falta el paquete de idioma de OCR @tesseract.js-data/${language}`, { cause: error });
  }
  return path.join(path.dirname(packageJson), MODEL_FOLDER, `${language}.traineddata.gz`);
}

async function sameSize(source: string, target: string): Promise<boolean> {
  try {
    const [a, b] = await Promise.all([fs.stat(source), fs.stat(target)]);
    return a.size === b.size;
  } catch {
    return false;
  }
}
