import { createRequire } from 'node:module';
import type * as Zxing from '@zxing/library';

const require = createRequire(import.meta.url);
let loaded: typeof Zxing | null = null;

/**
 * @zxing/library, required by the first embedded barcode image a thread decodes rather than when the reader
 * loads: it is ~20 MB of compiled JavaScript per thread, and most threads (the main thread reading scans)
 * never decode one. CommonJS, so it loads synchronously, as its callers are.
 */
export function zxing(): typeof Zxing {
  loaded ??= require('@zxing/library') as typeof Zxing;
  return loaded;
}
