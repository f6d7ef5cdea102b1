import { parentPort, workerData } from 'node:worker_threads';
import { createSqliteStateStore } from '../../../src/adapters/state/sqlite-state-store.ts';

/** Worker for the cross-connection race test: claims every file id it is given, reports the ones it won. */
const { path, owner, fileIds } = workerData as { path: string; owner: string; fileIds: string[] };
const store = createSqliteStateStore({ path });
const won: string[] = [];
for (const fileId of fileIds) {
  const claimed = await store.claimFile({ fileId, name: `${fileId}.pdf`, md5: 'm', owner, leaseMs: 60_000 });
  if (claimed) won.push(fileId);
}
await store.close();
parentPort?.postMessage(won);
