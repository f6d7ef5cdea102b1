import PQueue from 'p-queue';
import type { DocumentSource, SourceFile } from '../ports/source.ts';
import { TARGET_FOLDERS } from '../ports/source.ts';
import type { StateStore } from '../ports/state.ts';
import type { Warehouse } from '../ports/warehouse.ts';
import type { WorkDispatcher } from '../ports/work-dispatcher.ts';
import type { Logger } from '../shared/logger.ts';
import { noticeFiledLocation } from './corrections.ts';
import { dispatchOnce } from './dispatch-once.ts';
import { isInboxCandidate } from './drain-files.ts';
import type { ProcessOutcome } from './processor.ts';

export interface ReconcileSummary {
  inbox: number;
  /** Filed files run again: a crash left their record 'processing' under an expired lease, or they were edited. */
  resumed: number;
  /** How the files were handed over: run by this instance, or published for every instance (Pub/Sub). */
  dispatch: WorkDispatcher['kind'];
  /** Files published (one message each); their runs happen on whichever instance each is pushed to. */
  published: number;
  /** What the runs on this instance became (all zero when the files were published). */
  outcomes: Record<ProcessOutcome['kind'] | 'busy', number>;
  corrections: number;
  ms: number;
}

/**
 * The sweep behind the change feed: everything still in the inbox goes to the dispatcher (the claim skips
 * what already has an outcome and retries retryable failures; a recorded file still in the inbox is filed),
 * then the class folders are checked for files a person moved. Embedded, the files run on this instance's
 * queue, one attempt each (a file another instance holds counts as busy); with Pub/Sub each one is
 * published for whichever instance it is pushed to.
 */
export async function reconcile(deps: {
  source: DocumentSource;
  state: StateStore;
  dispatcher: WorkDispatcher;
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
  let published = 0;
  const sweep = async (files: readonly SourceFile[]) => {
    const handed = await dispatchOnce(
      deps.dispatcher,
      files.map((file) => ({ file, reason: 'sweep' as const })),
    );
    published += handed.published.length;
    for (const { outcome } of handed.ran) {
      if (outcome.kind === 'skipped' && outcome.reason === 'busy') outcomes.busy++;
      else outcomes[outcome.kind]++;
    }
  };
  const inbox = (await deps.source.listInbox()).filter(isInboxCandidate);
  await sweep(inbox);

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
  const resumed = filed.filter((f) => stuck.has(f.id) || edited.includes(f));
  await sweep(resumed);
  const summary: ReconcileSummary = {
    inbox: inbox.length,
    resumed: resumed.length,
    dispatch: deps.dispatcher.kind,
    published,
    outcomes,
    corrections,
    ms: Date.now() - began,
  };
  deps.logger.info('reconcile finished', { ...summary });
  return summary;
}
