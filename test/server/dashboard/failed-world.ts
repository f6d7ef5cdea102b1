import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { createLocalFolderSource } from '../../../src/adapters/source/local/local-folder.ts';
import { createSqliteStateStore } from '../../../src/adapters/state/sqlite-state-store.ts';
import { createWarehouse, type KyselyWarehouse } from '../../../src/adapters/warehouse/index.ts';
import type { FileError, StateStore } from '../../../src/ports/state.ts';
import type { WorkDispatcher, WorkItem } from '../../../src/ports/work-dispatcher.ts';
import { replay } from '../../../src/processor/replay.ts';
import { driveFileLink } from '../../../src/server/dashboard/failed-data.ts';
import { failedReplayApp } from '../../../src/server/dashboard/failed-replay-app.ts';
import { dashboardRoutes } from '../../../src/server/dashboard/routes.ts';
import { silentLogger } from '../../../src/shared/logger.ts';

/**
 * A small installation for "Archivos con error": a local inbox with real files, a SQLite state store whose
 * records failed the way runs fail (claimed, then failFile), an empty warehouse, and the dashboard plus its
 * "Reprocesar" action composed as the main entry does, over a dispatcher the test chooses.
 */

export const USER = 'operadora';
export const PASSWORD = 'clave-de-prueba-7';
export const AUTH = { authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` };

export interface FailedFile {
  fileId: string;
  name: string;
}

export interface FailedWorld {
  dir: string;
  state: StateStore;
  warehouse: KyselyWarehouse;
  /** Failed, non-retryable (OCR). */
  ocr: FailedFile;
  /** Failed, retryable, attempts spent (warehouse down). */
  outage: FailedFile;
  /** Failed, then deleted from the inbox. */
  gone: FailedFile;
  /** Claimed and still running: not failed. */
  running: FailedFile;
  /** The dashboard and the action; `password: null` serves without one. */
  app(options: { dispatcher: WorkDispatcher; password?: string | null; allowAnonymous?: boolean }): Hono;
  close(): Promise<void>;
}

/** A Pub/Sub-like dispatcher that records what it is handed and runs nothing. */
export function recordingDispatcher(): WorkDispatcher & { items: WorkItem[] } {
  const items: WorkItem[] = [];
  return {
    kind: 'pubsub',
    items,
    async dispatch(batch) {
      items.push(...batch);
      return { handedOver: batch.length, pending: [] };
    },
  };
}

export async function createFailedWorld(): Promise<FailedWorld> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fallidos-'));
  const inbox = path.join(dir, 'bandeja');
  const source = createLocalFolderSource({ inboxDir: inbox, settleMs: 0 });
  await source.ensureFolders();
  const state = createSqliteStateStore({ path: path.join(dir, 'state.sqlite') });
  const warehouse = await createWarehouse({ dialect: 'sqlite', file: ':memory:' }, silentLogger);
  await warehouse.migrate();

  async function file(name: string, error: FileError | null, attempts = 1): Promise<FailedFile> {
    const content = `%PDF-1.4 ${name}`;
    const full = path.join(inbox, name);
    writeFileSync(full, content);
    const md5 = createHash('md5').update(content).digest('hex');
    for (let attempt = 0; attempt < attempts; attempt++) {
      const claimed = await state.claimFile({ fileId: md5, name, md5, owner: 'prueba', leaseMs: 60_000 });
      if (!claimed) throw new Error(`could not claim ${name}`);
      if (error) await state.failFile(md5, 'prueba', error);
    }
    return { fileId: md5, name };
  }

  const ocr = await file('FE-escaneada.pdf', {
    code: 'ocr_failed',
    message: 'Falló el OCR de la página 2: sin memoria',
    retryable: false,
  });
  const outage = await file(
    'FE-caida.pdf',
    { code: 'warehouse_unavailable', message: 'connect ECONNREFUSED', retryable: true },
    3,
  );
  const gone = await file('FE-borrada.pdf', { code: 'internal', message: 'boom', retryable: false });
  rmSync(path.join(inbox, gone.name));
  const running = await file('FE-en-curso.pdf', null);

  return {
    dir,
    state,
    warehouse,
    ocr,
    outage,
    gone,
    running,
    app({ dispatcher, password = PASSWORD, allowAnonymous = false }) {
      const app = new Hono();
      app.route(
        '/',
        failedReplayApp({
          user: USER,
          password: password ?? undefined,
          allowAnonymous,
          state,
          logger: silentLogger,
          replay: (request) => replay({ source, state, dispatcher, logger: silentLogger }, request),
        }),
      );
      app.route('/', dashboardRoutes({ warehouse, failed: { state, linkFor: driveFileLink } }));
      return app;
    },
    async close() {
      await state.close();
      await warehouse.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
