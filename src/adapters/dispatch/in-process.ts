import PQueue from 'p-queue';
import type { ProcessOutcome } from '../../ports/process-outcome.ts';
import type { SourceFile } from '../../ports/source.ts';
import { OUTCOME_STATUSES, type StateStore } from '../../ports/state.ts';
import type {
  DispatchOptions,
  DispatchReceipt,
  LocalRunner,
  WorkDispatcher,
  WorkItem,
} from '../../ports/work-dispatcher.ts';

export interface InProcessDispatcherDeps {
  queue: LocalRunner;
  state: Pick<StateStore, 'getFile'>;
  /** First back-off while another instance holds a file; doubles up to 2 s. */
  pollMs?: number;
  /** When no deadline is given: how long one file may stay without an outcome. */
  settleTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The embedded dispatcher: this instance's bounded queue runs every file, and a file counts as handed over
 * only once the state store holds an outcome for it (a queue in memory dies with the instance, so nothing
 * may move past a file before that). A file another instance is running is waited for with back-off.
 */
export function createInProcessDispatcher(deps: InProcessDispatcherDeps): WorkDispatcher {
  const pollMs = deps.pollMs ?? 250;

  async function hasOutcome(file: SourceFile, outcome: ProcessOutcome): Promise<boolean> {
    if (outcome.kind === 'skipped') {
      if (outcome.reason === 'done') return true;
    } else if (outcome.kind !== 'failed') {
      return true;
    }
    // A failure, or someone else's run: settled only once the record says so.
    const record = await deps.state.getFile(file.id);
    return record !== null && OUTCOME_STATUSES.includes(record.status);
  }

  async function settle(item: WorkItem, deadline: number, options: DispatchOptions): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await (item.force
        ? deps.queue.submit(item.file, { force: true })
        : deps.queue.submit(item.file));
      const settled = await hasOutcome(item.file, outcome);
      if (settled || Date.now() >= deadline) {
        options.onOutcome?.(item, outcome);
        return settled;
      }
      await sleep(Math.min(2_000, pollMs * 2 ** attempt));
    }
  }

  return {
    kind: 'inprocess',
    async dispatch(items, options = {}): Promise<DispatchReceipt> {
      const deadline = options.deadline ?? Date.now() + (deps.settleTimeoutMs ?? 120_000);
      const pool = options.concurrency ? new PQueue({ concurrency: options.concurrency }) : null;
      const run = (item: WorkItem) => settle(item, deadline, options);
      const settled = await Promise.all(
        items.map(async (item) => ({
          id: item.file.id,
          ok: await (pool ? pool.add(() => run(item)) : run(item)),
        })),
      );
      const pending = settled.filter((s) => !s.ok).map((s) => s.id);
      return { handedOver: settled.length - pending.length, pending };
    },
  };
}
