import { describe, expect, it } from 'vitest';
import { createInProcessDispatcher } from '../../../src/adapters/dispatch/in-process.ts';
import type { FileRecord } from '../../../src/ports/state.ts';
import type { WorkItem } from '../../../src/ports/work-dispatcher.ts';
import type { ProcessOutcome, Processor } from '../../../src/processor/processor.ts';
import { createWorkQueue } from '../../../src/processor/work-queue.ts';
import { createLogger } from '../../../src/shared/logger.ts';
import { sampleResult } from '../state/sample-result.ts';
import { describeDispatcherContract, sourceFile } from './dispatcher-contract.ts';

const logger = createLogger({ level: 'ERROR' });

describeDispatcherContract('in-process (the work queue)', async () => {
  const ran: WorkItem[] = [];
  const processor: Processor = {
    owner: 'test',
    async process(file) {
      ran.push({ file, reason: 'change' });
      return { kind: 'processed', result: sampleResult(file.id) };
    },
  };
  const queue = createWorkQueue({ processor, concurrency: 4, logger });
  const dispatcher = createInProcessDispatcher({ queue, state: { getFile: async () => null } });
  // The queue runs files, not messages: the reason stays with the caller. Report what ran with the
  // reason it was dispatched with, so the contract compares like with like.
  const reasons = new Map<string, WorkItem['reason']>();
  return {
    dispatcher: {
      kind: dispatcher.kind,
      dispatch(items, options) {
        for (const item of items) reasons.set(item.file.id, item.reason);
        return dispatcher.dispatch(items, options);
      },
    },
    async received(count, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (ran.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return ran.map((item) => ({ file: item.file, reason: reasons.get(item.file.id) ?? item.reason }));
    },
    close: () => queue.close({ graceMs: 0 }),
  };
});

describe('in-process dispatcher', () => {
  it('waits for a file another instance holds, and reports it pending past the deadline', async () => {
    let calls = 0;
    const busy: ProcessOutcome = { kind: 'skipped', reason: 'busy' };
    const dispatcher = createInProcessDispatcher({
      queue: {
        async submit() {
          calls++;
          return busy;
        },
      },
      state: { getFile: async () => ({ status: 'processing' }) as FileRecord },
      pollMs: 10,
    });
    const receipt = await dispatcher.dispatch([{ file: sourceFile('held'), reason: 'change' }], {
      deadline: Date.now() + 150,
    });
    expect(receipt).toEqual({ handedOver: 0, pending: ['held'] });
    expect(calls).toBeGreaterThan(1);
  });

  it('counts a failure as handed over once the state store records it', async () => {
    const dispatcher = createInProcessDispatcher({
      queue: { submit: async () => ({ kind: 'failed', retryable: true, code: 'x', message: 'x' }) },
      state: { getFile: async () => ({ status: 'failed' }) as FileRecord },
    });
    expect(await dispatcher.dispatch([{ file: sourceFile('f'), reason: 'sweep' }])).toEqual({
      handedOver: 1,
      pending: [],
    });
  });
});

describe('in-process dispatcher options', () => {
  it('runs forced items forced, at most `concurrency` at once, and reports each outcome once', async () => {
    const forced: boolean[] = [];
    let running = 0;
    let peak = 0;
    const dispatcher = createInProcessDispatcher({
      queue: {
        async submit(file, options) {
          forced.push(options?.force === true);
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 10));
          running--;
          return file.id === 'held'
            ? { kind: 'skipped', reason: 'busy' }
            : { kind: 'processed', result: sampleResult(file.id) };
        },
      },
      state: { getFile: async () => ({ status: 'processing' }) as FileRecord },
    });
    const items: WorkItem[] = ['a', 'b', 'c', 'd', 'held'].map((id) => ({
      file: sourceFile(id),
      reason: 'replay',
      force: id !== 'd',
    }));
    const seen: [string, string][] = [];
    const receipt = await dispatcher.dispatch(items, {
      deadline: Date.now(),
      concurrency: 2,
      onOutcome: (item, outcome) => seen.push([item.file.id, outcome.kind]),
    });
    expect(receipt).toEqual({ handedOver: 4, pending: ['held'] });
    expect(peak).toBe(2);
    expect(forced).toEqual([true, true, true, false, true]);
    expect(seen.sort()).toEqual([
      ['a', 'processed'],
      ['b', 'processed'],
      ['c', 'processed'],
      ['d', 'processed'],
      ['held', 'skipped'],
    ]);
  });
});
