import { afterEach, describe, expect, it } from 'vitest';
import type { SourceFile } from '../../../src/ports/source.ts';
import type { WorkDispatcher, WorkItem } from '../../../src/ports/work-dispatcher.ts';

/** One adapter under the contract: its dispatcher and what the workers behind it received. */
export interface DispatcherHarness {
  dispatcher: WorkDispatcher;
  /** The items workers received since open, once `count` arrived or `timeoutMs` passed. */
  received(count: number, timeoutMs: number): Promise<WorkItem[]>;
  close(): Promise<void>;
}

export function sourceFile(id: string, overrides: Partial<SourceFile> = {}): SourceFile {
  return {
    id,
    name: `${id}.pdf`,
    md5: `md5-${id}`,
    size: 1234,
    mimeType: 'application/pdf',
    location: 'inbox',
    modifiedTime: '2026-01-31T10:00:00.000Z',
    link: `https://drive.example/${id}`,
    ...overrides,
  };
}

/**
 * What every WorkDispatcher adapter promises: each dispatched file reaches a worker with its snapshot and
 * reason, once per dispatch, however many files a call carries; `dispatch` resolves after handing all over.
 * `open` returns null when the adapter's backend is unavailable (the suite is then skipped, outside CI).
 */
export function describeDispatcherContract(name: string, open: () => Promise<DispatcherHarness | null>) {
  describe(`WorkDispatcher contract: ${name}`, () => {
    let harness: DispatcherHarness | null = null;
    afterEach(async () => {
      await harness?.close();
      harness = null;
    });

    it('hands every file over with its snapshot and reason, and says so in the receipt', async (ctx) => {
      harness = await open();
      if (!harness) return ctx.skip();
      const items: WorkItem[] = [
        { file: sourceFile('a1'), reason: 'change' },
        {
          file: sourceFile('b2', { md5: null, name: 'Factura Nº 7 — señor.pdf', size: null }),
          reason: 'backfill',
        },
        {
          file: sourceFile('c3', { location: 'correctivas', link: null, modifiedTime: null }),
          reason: 'sweep',
        },
      ];
      const receipt = await harness.dispatcher.dispatch(items);
      expect(receipt).toEqual({ handedOver: 3, pending: [] });
      const received = await harness.received(3, 10_000);
      const byId = new Map(received.map((item) => [item.file.id, item]));
      expect(received).toHaveLength(3);
      for (const item of items) expect(byId.get(item.file.id)).toEqual(item);
    });

    it('does nothing for an empty call', async (ctx) => {
      harness = await open();
      if (!harness) return ctx.skip();
      expect(await harness.dispatcher.dispatch([])).toEqual({ handedOver: 0, pending: [] });
      expect(await harness.received(1, 500)).toEqual([]);
    });

    it('hands over a call larger than one publish request, each file exactly once', async (ctx) => {
      harness = await open();
      if (!harness) return ctx.skip();
      const items = Array.from(
        { length: 1_234 },
        (_, i): WorkItem => ({
          file: sourceFile(`bulk-${String(i).padStart(4, '0')}`),
          reason: 'backfill',
        }),
      );
      const receipt = await harness.dispatcher.dispatch(items);
      expect(receipt.handedOver).toBe(items.length);
      const received = await harness.received(items.length, 20_000);
      const counts = new Map<string, number>();
      for (const item of received) counts.set(item.file.id, (counts.get(item.file.id) ?? 0) + 1);
      expect(counts.size).toBe(items.length);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    });
  });
}
