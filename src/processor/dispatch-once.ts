import type { WorkDispatcher, WorkItem } from '../ports/work-dispatcher.ts';
import type { ProcessOutcome } from './processor.ts';

export interface DispatchedOnce {
  /** Items handed to other instances (Pub/Sub published them): no outcome here. */
  published: WorkItem[];
  /** Items this instance ran, with their outcome. */
  ran: { item: WorkItem; outcome: ProcessOutcome }[];
}

/**
 * The sweep's and the replay's hand-over: one attempt per item, no waiting for files another instance holds
 * (they come back 'busy'). Which items ran here and which were published is the dispatcher's choice: the
 * embedded one runs them on this instance's queue, the Pub/Sub one publishes them for every instance.
 */
export async function dispatchOnce(
  dispatcher: WorkDispatcher,
  items: readonly WorkItem[],
  options: { concurrency?: number } = {},
): Promise<DispatchedOnce> {
  const ran: DispatchedOnce['ran'] = [];
  if (items.length === 0) return { published: [], ran };
  await dispatcher.dispatch(items, {
    deadline: Date.now(),
    concurrency: options.concurrency,
    onOutcome: (item, outcome) => ran.push({ item, outcome }),
  });
  const here = new Set(ran.map((r) => r.item));
  return { published: items.filter((item) => !here.has(item)), ran };
}
