import { parseArgs } from 'node:util';
import { LOCALE_CODES, parseLocales } from './locales/index.ts';

const USAGE = `Uso: npm run corpus -- --out DIR --count N --seed S [--scanned-ratio 0.2] [--only digital|scanned]
                     [--locales LISTA|all]

Genera N facturas sintéticas (PDF + JSON con la verdad) en DIR, reproducibles a partir de la semilla S.
--locales reparte las facturas entre países e idiomas (${LOCALE_CODES.join(', ')}); sin él, todas son
colombianas (es-CO), idénticas byte a byte a las de siempre.`;

function fail(message: string): never {
  console.error(`Error: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function integer(name: string, value: string | undefined): number {
  if (value === undefined) fail(`falta --${name}`);
  if (!/^\d+$/.test(value)) fail(`--${name} debe ser un entero no negativo (recibido "${value}")`);
  return Number(value);
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        out: { type: 'string' },
        count: { type: 'string' },
        seed: { type: 'string' },
        'scanned-ratio': { type: 'string' },
        only: { type: 'string' },
        locales: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const outDir = typeof values.out === 'string' ? values.out : fail('falta --out');
  const count = integer('count', values.count as string | undefined);
  const seed = integer('seed', values.seed as string | undefined);
  if (seed > 0xffffffff) fail('--seed debe caber en 32 bits');
  let scannedRatio = 0.2;
  if (typeof values['scanned-ratio'] === 'string') {
    scannedRatio = Number(values['scanned-ratio']);
    if (!(scannedRatio >= 0 && scannedRatio <= 1)) fail('--scanned-ratio debe estar entre 0 y 1');
  }
  if (values.only !== undefined) {
    if (values.only === 'digital') scannedRatio = 0;
    else if (values.only === 'scanned') scannedRatio = 1;
    else fail('--only debe ser "digital" o "scanned"');
  }
  let locales: string[] | undefined;
  if (values.locales !== undefined) {
    try {
      locales = parseLocales(String(values.locales));
    } catch (error) {
      fail(`--locales: ${(error as Error).message}`);
    }
  }
  // Loaded only after the arguments are valid: mupdf's WASM takes a moment to start.
  const { generateCorpus } = await import('./generate.ts');
  const interactive = process.stderr.isTTY;
  const summary = await generateCorpus({
    outDir,
    count,
    seed,
    scannedRatio,
    ...(locales ? { locales } : {}),
    onProgress: interactive
      ? (done, total) => process.stderr.write(`\rGenerando ${done}/${total}`)
      : undefined,
  });
  if (interactive) process.stderr.write('\n');
  const layouts = Object.entries(summary.byLayout)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  console.log(
    `${count} facturas en ${outDir} (${summary.digital} digitales, ${summary.scanned} escaneadas; ` +
      `correctivas ${summary.byLabel.correctiva}, preventivas ${summary.byLabel.preventiva}) en ${(summary.elapsedMs / 1000).toFixed(1)} s`,
  );
  console.log(`Diseños: ${layouts}`);
  const byLocale = Object.entries(summary.byLocale);
  if (byLocale.length > 0) console.log(`Locales: ${byLocale.map(([code, n]) => `${code} ${n}`).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
