import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessDispatcher } from '../../src/adapters/dispatch/in-process.ts';
import type { SourceFile } from '../../src/ports/source.ts';
import { TARGET_FOLDERS } from '../../src/ports/source.ts';
import type { ProcessOutcome } from '../../src/processor/processor.ts';
import { replay } from '../../src/processor/replay.ts';
import type { WorkQueue } from '../../src/processor/work-queue.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { createWorld, supplierInvoice, type World } from '../server/review/world.ts';
import { readPageFormFromView } from './review-form.ts';

/**
 * After a person confirms or quarantines a document, the state store says so (status, folder, who and when),
 * and nothing automatic undoes it: a replay by status or by id skips the file, the sweep's unforced claim is
 * refused; only an explicit `force: true` re-runs it. The queue here claims through the real SQLite state
 * store and, like a pipeline that misreads again, files what it runs back to Revisión.
 */

function pipelineThatRefilesToReview(world: World, ran: string[]): WorkQueue {
  return {
    depth: 0,
    idle: async () => {},
    close: async () => {},
    async submit(file: SourceFile, options = {}): Promise<ProcessOutcome> {
      const claimed = await world.state.claimFile({
        fileId: file.id,
        name: file.name,
        md5: file.md5,
        owner: 'pipeline',
        leaseMs: 60_000,
        ...(options.force ? { force: true } : {}),
      });
      if (!claimed) return { kind: 'skipped', reason: 'done' };
      ran.push(file.id);
      const result = claimed.result!;
      const moved = await world.source.moveTo(file, 'revision');
      await world.state.completeFile(moved.id, 'pipeline', { status: 'review', folder: 'revision', result });
      return { kind: 'review', result };
    },
  };
}

async function locate(world: World, fileId: string): Promise<SourceFile | undefined> {
  const lists = await Promise.all([
    world.source.listInbox(),
    ...TARGET_FOLDERS.map((f) => world.source.listFolder(f)),
  ]);
  return lists.flat().find((file) => file.id === fileId);
}

describe('a person’s decision is final for automatic re-runs', () => {
  let world: World;
  afterEach(async () => {
    await world?.close();
  });

  it('records a confirmation in the state store; replays and sweeps leave it alone unless forced', async () => {
    world = await createWorld();
    const { fileId } = await world.ingest(supplierInvoice({ number: 'FE-31' }));
    const untouched = await world.ingest(supplierInvoice({ number: 'FE-32' }));
    expect((await world.state.getFile(fileId))?.status).toBe('review');

    const outcome = await world.service.confirm(fileId, await readPageFormFromView(world, fileId), 'ana');
    expect(outcome).toMatchObject({ kind: 'saved', folder: 'preventivas' });
    const decided = await world.state.getFile(fileId);
    expect(decided).toMatchObject({
      status: 'processed',
      folder: 'preventivas',
      decision: { action: 'confirmed', by: 'ana' },
    });

    const ran: string[] = [];
    const queue = pipelineThatRefilesToReview(world, ran);
    const deps = {
      source: world.source,
      state: world.state,
      dispatcher: createInProcessDispatcher({ queue, state: world.state }),
      logger: silentLogger,
    };
    // Replaying everything still in Revisión re-runs the other document only.
    const byStatus = await replay(deps, { status: 'review', concurrency: 1, limit: 100 });
    expect(ran).toEqual([untouched.fileId]);
    expect(byStatus.files.map((f) => f.fileId)).toEqual([untouched.fileId]);
    // Named by id, without force: skipped as a person's decision.
    const byId = await replay(deps, { fileIds: [fileId], concurrency: 1, limit: 100 });
    expect(byId.files).toEqual([{ fileId, outcome: 'skipped', code: 'human_decision' }]);
    // The sweep submits without force: the claim is refused.
    const file = await locate(world, fileId);
    expect(file?.location).toBe('preventivas');
    expect(await queue.submit(file!, {})).toMatchObject({ kind: 'skipped' });
    expect(ran).toEqual([untouched.fileId]);
    expect(await world.state.getFile(fileId)).toMatchObject({ status: 'processed', folder: 'preventivas' });
    expect((await locate(world, fileId))?.location).toBe('preventivas');

    // An explicit force is a deliberate re-run: it replaces the decision.
    const forced = await replay(deps, { fileIds: [fileId], force: true, concurrency: 1, limit: 100 });
    expect(forced.files).toEqual([{ fileId, outcome: 'review' }]);
    expect(await world.state.getFile(fileId)).toMatchObject({
      status: 'review',
      folder: 'revision',
      decision: null,
    });
  });

  it('records a quarantine with its reviewer, and a replay of quarantined files leaves it there', async () => {
    world = await createWorld();
    const { fileId } = await world.ingest(supplierInvoice({ number: 'FE-41' }));
    const version = (await world.store.get(fileId))?.version ?? '';
    expect(await world.service.quarantine(fileId, version, 'Duplicada', 'luis')).toMatchObject({
      kind: 'done',
    });
    expect(await world.state.getFile(fileId)).toMatchObject({
      status: 'quarantined',
      folder: 'cuarentena',
      decision: { action: 'quarantined', by: 'luis' },
    });
    const ran: string[] = [];
    const queue = pipelineThatRefilesToReview(world, ran);
    const deps = {
      source: world.source,
      state: world.state,
      dispatcher: createInProcessDispatcher({ queue, state: world.state }),
      logger: silentLogger,
    };
    const summary = await replay(deps, { status: 'quarantined', concurrency: 1, limit: 100 });
    expect(summary.files).toEqual([{ fileId, outcome: 'skipped', code: 'human_decision' }]);
    expect(ran).toEqual([]);
    expect((await locate(world, fileId))?.location).toBe('cuarentena');
  });
});
