import PQueue from 'p-queue';
import { z } from 'zod';
import type { DocumentSource, SourceFile } from '../ports/source.ts';
import { TARGET_FOLDERS } from '../ports/source.ts';
import type { FileStatus, StateStore } from '../ports/state.ts';
import type { Logger } from '../shared/logger.ts';
import type { ProcessOutcome } from './processor.ts';
import type { WorkQueue } from './work-queue.ts';

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
    concurrency: z.number().int().min(1).max(16).default(2),
    limit: z.number().int().min(1).max(5000).default(1000),
  })
  .strict()
  .refine((r) => r.fileIds || r.status || r.since, { message: 'give fileIds, status or since' });

export type ReplayRequest = z.infer<typeof replayRequestSchema>;

export interface ReplaySummary {
  selected: number;
  notFound: string[];
  outcomes: Record<ProcessOutcome['kind'], number>;
  /** Code 'human_decision': skipped, a person decided it on the review screen (replay without force). */
  files: { fileId: string; outcome: ProcessOutcome['kind']; code?: string }[];
  ms: number;
}

/**
 * Re-runs chosen files through the queue with bounded concurrency. Records give the ids; the files'
 * current locations come from listing the inbox and class folders (the port has no get-by-id), so a file a
 * person deleted is reported as not found rather than guessed at.
 */
export async function replay(
  deps: { source: DocumentSource; state: StateStore; queue: WorkQueue; logger: Logger },
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
  let humanDecided = 0;
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
  const pool = new PQueue({ concurrency: request.concurrency });
  await Promise.all(
    ids.map((fileId) => {
      if (decided.has(fileId)) {
        humanDecided++;
        outcomes.skipped++;
        files.push({ fileId, outcome: 'skipped', code: 'human_decision' });
        return Promise.resolve();
      }
      const file = located.get(fileId);
      if (!file) {
        notFound.push(fileId);
        return Promise.resolve();
      }
      return pool.add(async () => {
        const outcome = await deps.queue.submit(file, { force: request.force ?? true });
        outcomes[outcome.kind]++;
        files.push({
          fileId,
          outcome: outcome.kind,
          ...(outcome.kind === 'failed' ? { code: outcome.code } : {}),
        });
      });
    }),
  );
  const summary = { selected: ids.length, notFound, outcomes, files, ms: Date.now() - began };
  deps.logger.info('replay finished', {
    selected: ids.length,
    notFound: notFound.length,
    humanDecided,
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
