import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ReadDocument } from '../../src/contract/document.ts';
import type { Invoice } from '../../src/contract/result.ts';
import type { OcrEngine } from '../../src/stages/read/ocr-engine.ts';
import { defaultReadOptions } from '../../src/stages/read/options.ts';
import { readPdf } from '../../src/stages/read/read-pdf.ts';

/**
 * The documents of generated corpora (`npm run corpus`: `<id>.pdf` beside `<id>.json`) through the real read
 * stage: text layer, and OCR for scanned pages when an engine is given (scanned files are skipped without
 * one). With a cache folder each read document is kept as JSON, so refitting does not repeat OCR.
 */
export interface CorpusDocument {
  id: string;
  scanned: boolean;
  layout: string;
  document: ReadDocument;
  truth: Invoice;
}

interface TruthFile {
  invoice: Invoice | null;
  meta?: { scanned?: boolean; layout?: string };
}

export async function* readCorpus(
  dirs: string[],
  ocr: OcrEngine | null,
  cacheDir: string | null,
): AsyncGenerator<CorpusDocument> {
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  for (const dir of dirs) {
    const pdfs = readdirSync(dir)
      .filter((f) => f.endsWith('.pdf'))
      .sort();
    for (const pdf of pdfs) {
      const truthPath = join(dir, pdf.replace(/\.pdf$/, '.json'));
      if (!existsSync(truthPath)) continue;
      const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as TruthFile;
      if (!truth.invoice) continue;
      const scanned = truth.meta?.scanned ?? false;
      const id = `${basename(dir)}/${pdf}`;
      const cached = cacheDir ? join(cacheDir, `${basename(dir)}--${pdf}.json`) : null;
      let document: ReadDocument;
      if (cached && existsSync(cached)) document = JSON.parse(readFileSync(cached, 'utf8')) as ReadDocument;
      else {
        if (scanned && !ocr) continue;
        document = (await readPdf(readFileSync(join(dir, pdf)), defaultReadOptions, ocr)).document;
        if (cached) writeFileSync(cached, JSON.stringify(document));
      }
      yield { id, scanned, layout: truth.meta?.layout ?? 'unknown', document, truth: truth.invoice };
    }
  }
}
