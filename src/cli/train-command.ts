import path from 'node:path';
import { createSource, createState } from '../composition-root.ts';
import type { Env } from '../config/env.ts';
import type { Logger } from '../shared/logger.ts';
import { createOcrEngine, ocrOptionsFromEnv } from '../stages/read/ocr-engine.ts';
import { retrain } from '../training/retrain.ts';
import { createProgress } from './progress.ts';

/** `facturas train [dir] [--seed N]`: train from labelled invoices and the corrections people made. */
export async function trainCommand(env: Env, logger: Logger, dirs: string[], seed?: number): Promise<number> {
  if (dirs.length > 1) throw new Error('train acepta una sola carpeta de facturas etiquetadas');
  const { source } = await createSource(env, logger);
  const state = await createState(env);
  const ocr = await createOcrEngine(ocrOptionsFromEnv(env, logger));
  let progress: ReturnType<typeof createProgress> | null = null;
  try {
    const outcome = await retrain({
      dir: dirs[0],
      modelDir: path.resolve(env.MODEL_DIR),
      source,
      state,
      ocr,
      seed,
      logger,
      onProgress: (done, total) => {
        progress ??= createProgress(total, 'Leyendo facturas');
        progress.tick();
        if (done === total) progress.stop();
      },
    });
    process.stdout.write(`${outcome.text}\n`);
    return 0;
  } finally {
    await Promise.allSettled([ocr.close(), state.close()]);
  }
}
