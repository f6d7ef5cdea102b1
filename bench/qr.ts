import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as mupdf from 'mupdf';
import { estimateSkewDegrees, MIN_DESKEW_DEGREES, rotateGray } from '../src/stages/read/deskew.ts';
import { readQrCodes } from '../src/stages/read/qr-scan.ts';
import { renderGray } from '../src/stages/read/rasterize.ts';

/**
 * QR reading on page images, as the OCR engine does it (render at --dpi, straighten, locate, decode):
 *
 *   npx tsx bench/qr.ts DIR [DIR…] [--dpi 200] [--turn DEGREES]
 *
 * For a generated corpus (truth files with `meta.qr`), counts the invoices that print a QR whose CUFE was read.
 * For other PDFs (e.g. ../shared/real-invoices/afip-ar), counts the files where any code was read; `--turn`
 * tilts each render first, as a scanner would, before it is straightened again.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dpi: { type: 'string', default: '200' }, turn: { type: 'string', default: '0' } },
});
const dpi = Number(values.dpi);
const turn = Number(values.turn);

for (const dir of positionals) {
  let tried = 0;
  let read = 0;
  let pages = 0;
  let ms = 0;
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.pdf'))
    .sort()) {
    const truthFile = path.join(dir, name.replace(/\.pdf$/, '.json'));
    const truth = fs.existsSync(truthFile) ? JSON.parse(fs.readFileSync(truthFile, 'utf8')) : null;
    if (truth?.meta && !truth.meta.qr) continue;
    const codes: string[] = [];
    const document = mupdf.Document.openDocument(fs.readFileSync(path.join(dir, name)), 'application/pdf');
    try {
      for (let index = 0; index < document.countPages(); index++) {
        let image = renderGray(document.loadPage(index), dpi);
        if (turn !== 0) image = rotateGray(image, turn);
        const skew = estimateSkewDegrees(image);
        if (Math.abs(skew) >= MIN_DESKEW_DEGREES) image = rotateGray(image, skew);
        const started = performance.now();
        codes.push(...readQrCodes(image, dpi));
        ms += performance.now() - started;
        pages++;
      }
    } finally {
      document.destroy();
    }
    tried++;
    const cufe: string | null = truth?.invoice?.cufe ?? null;
    if (cufe ? codes.some((code) => code.includes(cufe)) : codes.length > 0) read++;
  }
  console.log(
    `${dir}: ${read}/${tried} read · ${(ms / Math.max(1, pages)).toFixed(0)} ms/page for QR reading (${pages} pages, ${dpi} dpi${turn ? `, turned ${turn}°` : ''})`,
  );
}
