import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { modelFile, prepareLanguageFolder } from '../../../src/stages/read/lang-data.ts';

const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) fs.rmSync(f, { recursive: true, force: true });
});

/** Bytes of the LSTM network inside a traineddata file (component 17), to tell fast from best_int models. */
function lstmSize(gz: string): number {
  const data = zlib.gunzipSync(fs.readFileSync(gz));
  const entries = data.readInt32LE(0);
  // Offsets table: entries × int64 after the count; component 17 is the LSTM network.
  const offsets = Array.from({ length: entries }, (_, i) => Number(data.readBigInt64LE(4 + 8 * i)));
  const start = offsets[17]!;
  const end = offsets.slice(18).find((o) => o > 0) ?? data.length;
  return end - start;
}

describe('OCR language data', () => {
  it('reads Spanish with the committed tessdata_fast network and English from its package', () => {
    expect(modelFile('spa')).toBe(path.resolve('tessdata/spa.traineddata.gz'));
    expect(modelFile('eng')).toContain(path.join('@tesseract.js-data', 'eng', '4.0.0_best_int'));
    // The fast Spanish network is ~0.4 MB; best_int's is ~1.5 MB.
    expect(lstmSize(modelFile('spa'))).toBeLessThan(600_000);
    expect(lstmSize(modelFile('eng'))).toBeGreaterThan(lstmSize(modelFile('spa')));
  });

  it('links every language into one folder and refreshes a stale copy', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'lang-'));
    folders.push(parent);
    const folder = await prepareLanguageFolder(parent, ['spa', 'eng']);
    const stale = path.join(folder, 'spa.traineddata.gz');
    expect(fs.statSync(stale).size).toBe(fs.statSync(modelFile('spa')).size);
    fs.rmSync(stale);
    fs.writeFileSync(stale, 'old model');
    await prepareLanguageFolder(parent, ['spa', 'eng']);
    expect(fs.readFileSync(stale).equals(fs.readFileSync(modelFile('spa')))).toBe(true);
    expect(fs.existsSync(path.join(folder, 'eng.traineddata.gz'))).toBe(true);
  });
});
