import chokidar, { type FSWatcher } from 'chokidar';
import type { DocumentSource } from '../ports/source.ts';
import { TARGET_FOLDERS } from '../ports/source.ts';
import type { StateStore } from '../ports/state.ts';
import type { Warehouse } from '../ports/warehouse.ts';
import type { Logger } from '../shared/logger.ts';
import { noticeFiledLocation } from './corrections.ts';
import type { WorkQueue } from './work-queue.ts';

export interface LocalInbox {
  /** One pass: process every file waiting in the inbox, then look for corrections in the class folders. */
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The embedded default's trigger: a file-system watcher on the inbox (for "within seconds") plus a periodic
 * sweep (for anything the watcher missed). Passes are coalesced: one running, at most one queued.
 */
export function startLocalInbox(deps: {
  inboxDir: string;
  source: DocumentSource;
  state: StateStore;
  warehouse: Warehouse;
  queue: WorkQueue;
  logger: Logger;
  sweepIntervalMs: number;
  settleMs: number;
  watch?: boolean;
}): LocalInbox {
  let running: Promise<void> | null = null;
  let again = false;

  async function pass() {
    const files = await deps.source.listInbox();
    await Promise.all(files.map((file) => deps.queue.submit(file)));
    for (const folder of TARGET_FOLDERS) {
      for (const file of await deps.source.listFolder(folder)) {
        await noticeFiledLocation(file, deps);
      }
    }
  }

  function sweep(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .catch((error: unknown) => deps.logger.error('inbox sweep failed', { reason: String(error) }))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          void sweep();
        }
      });
    return running;
  }

  let watcher: FSWatcher | null = null;
  if (deps.watch !== false) {
    watcher = chokidar.watch(deps.inboxDir, {
      depth: 1,
      ignoreInitial: true,
      awaitWriteFinish: { stabilityThreshold: deps.settleMs + 150, pollInterval: 100 },
    });
    watcher.on('add', () => void sweep());
    watcher.on('change', () => void sweep());
    watcher.on('error', (error: unknown) =>
      deps.logger.warn('inbox watcher error', { reason: String(error) }),
    );
  }
  const timer = setInterval(() => void sweep(), deps.sweepIntervalMs);
  timer.unref();
  // Files copied in just before start are not settled yet: the first pass waits until they are.
  const first = setTimeout(() => void sweep(), deps.settleMs + 100);

  return {
    sweep,
    async stop() {
      clearInterval(timer);
      clearTimeout(first);
      await watcher?.close();
      await running;
    },
  };
}
