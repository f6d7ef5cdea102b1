import PQueue from 'p-queue';
import type { DocumentSource, SourceFile } from '../ports/source.ts';
import { TARGET_FOLDERS } from '../ports/source.ts';
import type { StateStore } from '../ports/state.ts';
import type { Warehouse } from '../ports/warehouse.ts';
import type { Logger } from '../shared/logger.ts';
import { noticeFiledLocation } from './corrections.ts';
import { isInboxCandidate } from './drain-files.ts';
import type { ProcessOutcome } from './processor.ts';
import type { WorkQueue } from './work-queue.ts';

export interface ReconcileSummary {
  inbox: number;
  /** Filed files whose run crashed before its outcome was recorded, run again. */
  resumed: number;
  outcomes: Record<ProcessOutcome['kind'] | 'busy', number>;
  corrections: number;
  ms: number;
}

/**
 * The sweep behind the change feed: everything still in the inbox goes through the queue (the claim skips
 * what already has an outcome and retries retryable failures; a recorded file still in the inbox is filed),
 * then the class folders are checked for files a person moved.
 */
export async function reconcile(deps: {
  source: DocumentSource;
  state: StateStore;
  queue: WorkQueue;
  warehouse: Warehouse;
  logger: Logger;
  ioConcurrency?: number;
}): Promise<ReconcileSummary> {
  const began = Date.now();
  const outcomes: ReconcileSummary['outcomes'] = {
    processed: 0,
    review: 0,
    quarantined: 0,
    failed: 0,
    skipped: 0,
    busy: 0,
  };
  const inbox = (await deps.source.listInbox()).filter(isInboxCandidate);
  const results = await Promise.all(inbox.map((file) => deps.queue.submit(file)));
  for (const result of results) {
    if (result.kind === 'skipped' && result.reason === 'busy') outcomes.busy++;
    else outcomes[result.kind]++;
  }

  const io = new PQueue({ concurrency: deps.ioConcurrency ?? 4 });
  let corrections = 0;
  const filed: SourceFile[] = [];
  const edited: SourceFile[] = [];
  for (const folder of TARGET_FOLDERS) {
    const files = await deps.source.listFolder(folder);
    filed.push(...files);
    const verdicts = await Promise.all(files.map((file) => io.add(() => noticeFiledLocation(file, deps))));
    corrections += verdicts.filter((v) => v === 'correction').length;
    edited.push(...files.filter((_, i) => verdicts[i] === 'edited'));
  }

  // A run that crashed after moving the file but before recording it leaves the file filed and its record
  // 'processing' under an expired lease: run it again (loading replaces, moving where it is does nothing).
  const now = Date.now();
  const stuck = new Set(
    (await deps.state.listFiles({ statuses: ['processing'] }))
      .filter((r) => r.leaseExpiresAt !== null && r.leaseExpiresAt < now)
      .map((r) => r.fileId),
  );
  // ... and a filed file whose content changed since (new md5) is read again.
  const resumed = await Promise.all(
    filed.filter((f) => stuck.has(f.id) || edited.includes(f)).map((file) => deps.queue.submit(file)),
  );
  for (const result of resumed) {
    if (result.kind === 'skipped' && result.reason === 'busy') outcomes.busy++;
    else outcomes[result.kind]++;
  }
  const summary = {
    inbox: inbox.length,
    resumed: resumed.length,
    outcomes,
    corrections,
    ms: Date.now() - began,
  };
  deps.logger.info('reconcile finished', summary);
  return summary;
}
