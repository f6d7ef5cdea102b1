import type { SourceFile } from '../../ports/source.ts';
import { OUTCOME_STATUSES, type StateStore } from '../../ports/state.ts';
import type { DispatchReceipt, WorkDispatcher } from '../../ports/work-dispatcher.ts';
import type { ProcessOutcome } from '../../processor/processor.ts';
import type { WorkQueue } from '../../processor/work-queue.ts';

export interface InProcessDispatcherDeps {
  queue: Pick<WorkQueue, 'submit'>;
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

  async function settle(file: SourceFile, deadline: number): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await deps.queue.submit(file);
      if (await hasOutcome(file, outcome)) return true;
      if (Date.now() >= deadline) return false;
      await sleep(Math.min(2_000, pollMs * 2 ** attempt));
    }
  }

  return {
    kind: 'inprocess',
    async dispatch(items, options = {}): Promise<DispatchReceipt> {
      const deadline = options.deadline ?? Date.now() + (deps.settleTimeoutMs ?? 120_000);
      const settled = await Promise.all(
        items.map(async (item) => ({
          id: item.file.id,
          ok: await settle(item.file, deadline),
        })),
      );
      const pending = settled.filter((s) => !s.ok).map((s) => s.id);
      return { handedOver: settled.length - pending.length, pending };
    },
  };
}
