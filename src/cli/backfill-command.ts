import { randomUUID } from 'node:crypto';
import { createPubSubDispatcher } from '../adapters/dispatch/pubsub.ts';
import { createServices, createSource, createState } from '../composition-root.ts';
import type { Env } from '../config/env.ts';
import type { DocumentSource } from '../ports/source.ts';
import type { StateStore } from '../ports/state.ts';
import type { WorkDispatcher } from '../ports/work-dispatcher.ts';
import { type BackfillSummary, backfill } from '../processor/backfill.ts';
import type { Logger } from '../shared/logger.ts';
import { createProgress, type Progress } from './progress.ts';

interface Backend {
  source: DocumentSource;
  state: StateStore;
  dispatcher: WorkDispatcher;
  close(): Promise<void>;
}

/**
 * `facturas backfill [--force]`: every file of the inbox and the class folders without an outcome goes to
 * the dispatcher. With DISPATCH=pubsub it is published (the service's instances process it); embedded, it
 * is processed here. Resumes after the cursor an interrupted run left; --force starts from the beginning.
 */
export async function backfillCommand(env: Env, logger: Logger, restart = false): Promise<number> {
  const backend = await open(env, logger);
  const bar: { current: Progress | null } = { current: null };
  const verb = backend.dispatcher.kind === 'pubsub' ? 'Publicando' : 'Procesando';
  try {
    const summary = await backfill(
      {
        source: backend.source,
        state: backend.state,
        dispatcher: backend.dispatcher,
        logger,
        owner: `cli-${randomUUID()}`,
        onListed: (remaining) => {
          bar.current = createProgress(remaining, verb);
        },
        onProgress: (done) => {
          for (let i = 0; i < done; i++) bar.current?.tick();
        },
      },
      { restart },
    );
    bar.current?.stop();
    bar.current = null;
    process.stdout.write(`${describe(summary, backend.dispatcher.kind)}\n`);
    return summary.status === 'done' ? 0 : 1;
  } finally {
    bar.current?.stop();
    await backend.close();
  }
}

async function open(env: Env, logger: Logger): Promise<Backend> {
  if (env.DISPATCH === 'pubsub') {
    // Publishing needs no model, OCR or warehouse: only the listing, the state and the topic.
    const { source } = await createSource(env, logger);
    const state = await createState(env);
    const dispatcher = createPubSubDispatcher({
      project: (env.PUBSUB_PROJECT ?? env.GOOGLE_CLOUD_PROJECT)!,
      topic: env.PUBSUB_TOPIC!,
      emulatorHost: env.PUBSUB_EMULATOR_HOST,
      logger,
    });
    return { source, state, dispatcher, close: () => state.close() };
  }
  const services = await createServices(env, { logger });
  return {
    source: services.source,
    state: services.state,
    dispatcher: services.dispatcher,
    close: () => services.close(),
  };
}

function describe(summary: BackfillSummary, kind: WorkDispatcher['kind']): string {
  if (summary.status === 'busy') return 'Otra carga histórica está en curso; inténtelo más tarde.';
  const lines = [
    `Archivos en la bandeja y las carpetas: ${summary.listed}`,
    summary.resumedAfter ? `Reanudado tras el archivo ${summary.resumedAfter}` : null,
    `Revisados: ${summary.examined} · ya con resultado: ${summary.withOutcome}`,
    `${kind === 'pubsub' ? 'Publicados' : 'Procesados'}: ${summary.dispatched}`,
    summary.pending.length > 0 ? `Aún en otra instancia: ${summary.pending.length}` : null,
    summary.status === 'lease_lost' ? 'Interrumpido: se reanudará desde el último lote.' : null,
    `Tiempo: ${(summary.ms / 1000).toFixed(1)} s`,
  ];
  return lines.filter((line) => line !== null).join('\n');
}
