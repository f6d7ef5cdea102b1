import { z } from 'zod';
import type { DocumentSource, SourceFile } from '../ports/source.ts';
import { TARGET_FOLDERS } from '../ports/source.ts';
import type { FileStatus, StateStore } from '../ports/state.ts';
import type { WorkDispatcher, WorkItem } from '../ports/work-dispatcher.ts';
import type { Logger } from '../shared/logger.ts';
import { dispatchOnce } from './dispatch-once.ts';
import type { ProcessOutcome } from './processor.ts';

export const replayRequestSchema = z
  .object({
    fileIds: z.array(z.string().min(1).max(200)).min(1).max(1000).optional(),
    status: z.enum(['failed', 'review', 'quarantined']).optional(),
    /** ISO date or date-time: every file updated since then. */
    since: z.union([z.iso.datetime({ offset: true }), z.iso.date()]).optional(),
    /**
     * Re-run even when an outcome exists for the same content. Unset, a replay re-runs the pipeline's outcomes
     * but leaves alone the files a person decided on the review screen; `true` re-runs those too.
     */
    force: z.boolean().optional(),
    /** Files run at once on this instance (embedded); published files run wherever Pub/Sub pushes them. */
    concurrency: z.number().int().min(1).max(16).default(2),
    limit: z.number().int().min(1).max(5000).default(1000),
  })
  .strict()
  .refine((r) => r.fileIds || r.status || r.since, { message: 'give fileIds, status or since' });

export type ReplayRequest = z.infer<typeof replayRequestSchema>;

export interface ReplaySummary {
  selected: number;
  notFound: string[];
  /** How the files were handed over: run by this instance, or published for every instance (Pub/Sub). */
  dispatch: WorkDispatcher['kind'];
  /** Files published (one message each, forced unless `force: false`); they run wherever they are pushed. */
  published: number;
  /** What the runs on this instance became, plus the files skipped as a person's decision. */
  outcomes: Record<ProcessOutcome['kind'], number>;
  /** Code 'human_decision': skipped, a person decided it on the review screen (replay without force). */
  files: { fileId: string; outcome: ProcessOutcome['kind'] | 'published'; code?: string }[];
  ms: number;
}

/**
 * Re-runs chosen files through the dispatcher: embedded, on this instance's queue with bounded concurrency
 * and each file's outcome in the answer; with Pub/Sub, one forced message per file for whichever instance
 * it is pushed to, and the answer says what was published. Records give the ids; the files' current
 * locations come from listing the inbox and class folders (the port has no get-by-id), so a file a person
 * deleted is reported as not found rather than guessed at.
 */
export async function replay(
  deps: { source: DocumentSource; state: StateStore; dispatcher: WorkDispatcher; logger: Logger },
  request: ReplayRequest,
): Promise<ReplaySummary> {
  const began = Date.now();
  const ids = await selectIds(deps.state, request);
  const located = await locate(deps.source);
  const outcomes: ReplaySummary['outcomes'] = {
    processed: 0,
    review: 0,
    quarantined: 0,
    failed: 0,
    skipped: 0,
  };
  const files: ReplaySummary['files'] = [];
  const notFound: string[] = [];
  // A person's decision is final for automatic re-runs: a replay by status or date must not move a confirmed
  // invoice back to Revisión. Only an explicit `force: true` overrides it.
  const decided =
    request.force === true
      ? new Set<string>()
      : new Set(
          (await Promise.all(ids.map((id) => deps.state.getFile(id))))
            .filter((record) => record?.decision)
            .map((record) => record!.fileId),
        );
  const items: WorkItem[] = [];
  for (const fileId of ids) {
    const file = located.get(fileId);
    if (decided.has(fileId)) {
      outcomes.skipped++;
      files.push({ fileId, outcome: 'skipped', code: 'human_decision' });
    } else if (!file) {
      notFound.push(fileId);
    } else {
      items.push({ file, reason: 'replay', force: request.force ?? true });
    }
  }
  const handed = await dispatchOnce(deps.dispatcher, items, { concurrency: request.concurrency });
  for (const { item, outcome } of handed.ran) {
    outcomes[outcome.kind]++;
    files.push({
      fileId: item.file.id,
      outcome: outcome.kind,
      ...(outcome.kind === 'failed' ? { code: outcome.code } : {}),
    });
  }
  for (const item of handed.published) files.push({ fileId: item.file.id, outcome: 'published' });
  const summary: ReplaySummary = {
    selected: ids.length,
    notFound,
    dispatch: deps.dispatcher.kind,
    published: handed.published.length,
    outcomes,
    files,
    ms: Date.now() - began,
  };
  deps.logger.info('replay finished', {
    selected: ids.length,
    notFound: notFound.length,
    humanDecided: decided.size,
    dispatch: summary.dispatch,
    published: summary.published,
    outcomes,
    ms: summary.ms,
  });
  return summary;
}

async function selectIds(state: StateStore, request: ReplayRequest): Promise<string[]> {
  if (request.fileIds) return [...new Set(request.fileIds)].slice(0, request.limit);
  const statuses: FileStatus[] | undefined = request.status ? [request.status] : undefined;
  const since =
    request.since && request.since.length === 10 ? `${request.since}T00:00:00.000Z` : request.since;
  const records = await state.listFiles({ statuses, since, limit: request.limit });
  return records.map((r) => r.fileId);
}

async function locate(source: DocumentSource): Promise<Map<string, SourceFile>> {
  const lists = await Promise.all([source.listInbox(), ...TARGET_FOLDERS.map((f) => source.listFolder(f))]);
  return new Map(lists.flat().map((file) => [file.id, file]));
}
