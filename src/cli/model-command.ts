import { createModelStore, createState } from '../composition-root.ts';
import type { Env } from '../config/env.ts';
import { currentModelVersion, modelHistory } from '../model-store/pointer.ts';
import { rollbackModel } from '../model-store/rollback.ts';
import type { Logger } from '../shared/logger.ts';

/**
 * `facturas model rollback [VERSION]`: points every instance back at a stored model (by default the one
 * promoted before the current one); each swaps at its next check. `facturas model` shows the versions.
 */
export async function modelCommand(env: Env, logger: Logger, args: string[]): Promise<number> {
  const [action, version, ...extra] = args;
  if ((action !== 'rollback' && action !== undefined && action !== 'list') || extra.length > 0) {
    process.stderr.write('uso: facturas model [list] | facturas model rollback [VERSIÓN]\n');
    return 2;
  }
  const state = await createState(env);
  try {
    const store = await createModelStore(env, logger);
    if (action !== 'rollback') {
      const current = await currentModelVersion(state);
      const history = await modelHistory(state);
      const stored = new Set(await store.list());
      process.stdout.write(`Modelo vigente: ${current ?? '(ninguno publicado)'}\n`);
      for (const v of history) {
        process.stdout.write(
          `  ${v === current ? '*' : ' '} ${v}${stored.has(v) ? '' : ' (no está en el almacén)'}\n`,
        );
      }
      return 0;
    }
    const outcome = await rollbackModel({ store, state }, version);
    if (outcome.ok) {
      process.stdout.write(
        `Modelo vigente: ${outcome.to} (antes ${outcome.from ?? 'ninguno'}). Cada instancia lo cargará en su próxima revisión (tarea horaria o al iniciar).\n`,
      );
      return 0;
    }
    const messages = {
      no_previous: `No hay una versión anterior a ${outcome.from ?? 'la actual'} a la que volver.`,
      not_stored: `La versión ${outcome.to} no está en el almacén de modelos.`,
      already_current: `La versión ${outcome.to} ya es el modelo vigente.`,
    } as const;
    process.stderr.write(`${messages[outcome.reason]}\n`);
    return 1;
  } finally {
    await state.close();
  }
}
