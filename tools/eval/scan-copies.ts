/**
 * `npx tsx tools/eval/scan-copies.ts --from DIR --out DIR [--seed N] [--photo]`: an image-only "scanned" copy of
 * every PDF under DIR (folder by folder, with each folder's truth.json beside it), made by the held-out
 * generator's scanner (grey, 200 dpi, a small skew, paper noise, specks), or with `--photo` by a phone camera
 * (photo.ts: perspective on a desk, uneven light, blur, JPEG). `facturas eval OUT --truth` then measures the
 * OCR path on the same real layouts the text-layer figures come from. A development tool: not in the image.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRng } from '../../test/heldout/random.ts';
import { scanPdf } from '../../test/heldout/scan.ts';
import { photographPdf } from './photo.ts';

const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    photo: { type: 'boolean', default: false },
  },
});
if (!values.from || !values.out) {
  process.stderr.write(
    'Uso: npx tsx tools/eval/scan-copies.ts --from CARPETA --out CARPETA [--seed N] [--photo]\n',
  );
  process.exit(1);
}
const rng = createRng(Number(values.seed));
let made = 0;
for (const entry of await fs.readdir(values.from, { withFileTypes: true })) {
  if (!entry.isDirectory()) continue;
  const source = path.join(values.from, entry.name);
  const target = path.join(values.out, entry.name);
  await fs.mkdir(target, { recursive: true });
  for (const name of (await fs.readdir(source)).sort()) {
    if (name === 'truth.json') await fs.copyFile(path.join(source, name), path.join(target, name));
    if (!name.toLowerCase().endsWith('.pdf')) continue;
    const bytes = new Uint8Array(await fs.readFile(path.join(source, name)));
    await fs.writeFile(
      path.join(target, name),
      await (values.photo ? photographPdf(bytes, rng) : scanPdf(bytes, rng)),
    );
    made++;
  }
}
process.stdout.write(`${made} copias ${values.photo ? 'fotografiadas' : 'escaneadas'} en ${values.out}\n`);
