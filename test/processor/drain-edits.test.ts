import { afterEach, describe, expect, test } from 'vitest';
import { createDrainRig, type DrainRig } from './drain-harness.ts';

const rigs: DrainRig[] = [];
const rig = (options?: Parameters<typeof createDrainRig>[0]) => {
  const created = createDrainRig(options);
  rigs.push(created);
  return created;
};
afterEach(async () => {
  while (rigs.length) await rigs.pop()?.close();
});

describe('drain: files changed after processing', () => {
  test('an edited file (new md5) is read again and its warehouse row replaced; an unchanged one is not', async () => {
    const { drive, drainer, state, warehouse } = rig();
    await drainer.drain();
    const edited = drive.upload('FE-1.pdf', '%PDF-1.4 first version');
    const untouched = drive.upload('FE-2.pdf');
    await drainer.drain();
    expect(warehouse.saves).toBe(2);
    const before = await state.getFile(edited.id);

    // Renamed to "prev": the label stage now calls it preventiva, so the new content must move it too.
    drive.edit(edited.id, '%PDF-1.4 second version');
    drive.files.get(edited.id)!.name = 'FE-1-prev.pdf';
    const summary = await drainer.drain();
    expect(summary.status).toBe('drained');
    expect(warehouse.saves).toBe(3);
    const after = await state.getFile(edited.id);
    expect(after).toMatchObject({ status: 'processed', attempts: 1, folder: 'preventivas' });
    expect(after?.md5).not.toBe(before?.md5);
    expect(after?.md5).toBe(drive.files.get(edited.id)!.md5);
    expect(warehouse.rows.get(edited.id)?.fileName).toBe('FE-1-prev.pdf');
    expect(drive.moves.filter((m) => m.fileId === edited.id).map((m) => m.to)).toEqual([
      'correctivas',
      'preventivas',
    ]);
    expect(drive.moves.filter((m) => m.fileId === untouched.id)).toHaveLength(1);
    // The next drain sees our own move of the edited file: nothing runs again.
    await drainer.drain();
    expect(warehouse.saves).toBe(3);
  });

  test('a deleted file is marked deleted in the warehouse; other files stay', async () => {
    const { drive, drainer, warehouse } = rig();
    await drainer.drain();
    const gone = drive.upload('FE-1.pdf');
    const kept = drive.upload('FE-2.pdf');
    await drainer.drain();
    drive.remove(gone.id);
    const summary = await drainer.drain();
    expect(summary.status).toBe('drained');
    expect([...warehouse.deleted]).toEqual([gone.id]);
    expect(warehouse.rows.has(kept.id)).toBe(true);
  });
});
