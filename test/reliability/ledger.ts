import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sleep } from './cluster.ts';
import type { Scene, World } from './world.ts';

/**
 * What happened to each version (file id + md5) of a scene's uploads, counted from the two places that
 * cannot hide a repeat: the fake Drive's request log (downloads and moves, with the file's md5 when the
 * call arrived) and the instances' own logs ('file claimed', and 'file done' with whether the state store
 * kept that run's outcome). The warehouse's primary key and an idempotent move would hide a second run;
 * these counts do not.
 */
export interface VersionCount {
  fileId: string;
  md5: string | null;
  downloads: number;
  claims: number;
  /** Runs whose success (processed, review, quarantined) was recorded. */
  runs: number;
  /** Runs whose failure was recorded (retryable outages, interruptions). */
  failedRuns: number;
  moves: number;
}

export type Ledger = Map<string, VersionCount>;

const key = (fileId: string, md5: string | null | undefined) => `${fileId}|${md5 ?? '-'}`;
const SUCCESS = new Set(['processed', 'review', 'quarantined']);

export async function readLedger(world: World, scene: Scene): Promise<Ledger> {
  const ids = new Set(scene.uploaded.map((f) => f.id));
  const ledger: Ledger = new Map();
  const entry = (fileId: string, md5: string | null | undefined): VersionCount => {
    const k = key(fileId, md5);
    let count = ledger.get(k);
    if (!count) {
      count = { fileId, md5: md5 ?? null, downloads: 0, claims: 0, runs: 0, failedRuns: 0, moves: 0 };
      ledger.set(k, count);
    }
    return count;
  };
  for (const request of world.fake.requests) {
    if (!request.fileId || !ids.has(request.fileId) || request.status !== 200) continue;
    if (request.method === 'files.download') entry(request.fileId, request.md5).downloads++;
    if (request.method === 'files.update' && request.params.addParents)
      entry(request.fileId, request.md5).moves++;
  }
  await sleep(300); // the instances' last lines on their way through the pipes
  const logs = (await readdir(world.logDir)).filter(
    (f) => f.startsWith(`${scene.name}-`) && f.endsWith('.log'),
  );
  for (const log of logs) {
    const text = await readFile(path.join(world.logDir, log), 'utf8');
    for (const line of text.split('\n')) {
      if (!line.includes('"file claimed"') && !line.includes('"file done"')) continue;
      let parsed: {
        message?: string;
        fileId?: string;
        md5?: string | null;
        outcome?: string;
        recorded?: boolean;
      };
      try {
        parsed = JSON.parse(line);
      } catch {
        continue;
      }
      if (!parsed.fileId || !ids.has(parsed.fileId)) continue;
      const count = entry(parsed.fileId, parsed.md5);
      if (parsed.message === 'file claimed') count.claims++;
      else if (parsed.recorded && SUCCESS.has(parsed.outcome ?? '')) count.runs++;
      else if (parsed.recorded && parsed.outcome === 'failed') count.failedRuns++;
    }
  }
  return ledger;
}

/**
 * An instance killed with SIGKILL loses the log lines still in its buffer, so a run it recorded in the state
 * store can be missing from its log. For a file with no logged successful run, the state store's record is
 * taken instead when an instance of the scene was killed, the record holds a successful outcome for the
 * current version, and the fake Drive saw exactly one move of it. Returns how many runs were restored.
 */
export async function restoreLostRuns(scene: Scene, ledger: Ledger): Promise<number> {
  if (scene.instances.every((instance) => instance.alive)) return 0;
  let restored = 0;
  for (const file of scene.uploaded) {
    const record = await scene.state.getFile(file.id);
    if (!record || !SUCCESS.has(record.status)) continue;
    const count = ledger.get(key(file.id, record.md5));
    if (count?.runs !== 0 || count.moves !== 1) continue;
    // The record's outcome is the claim's and the run's evidence alike.
    count.claims = Math.max(count.claims, 1);
    count.runs = 1;
    restored++;
  }
  return restored;
}

export interface LedgerVerdict {
  ok: boolean;
  versions: number;
  text: string;
}

/**
 * Exactly one recorded successful run for the current version of every upload still in Drive (unless
 * `expectRun` says otherwise for a file), at most one for any other version, at most one move per version,
 * and never a recorded run without a claim.
 */
export function judgeLedger(
  world: World,
  scene: Scene,
  ledger: Ledger,
  options: { expectRun?: (fileId: string) => boolean } = {},
): LedgerVerdict {
  const problems: string[] = [];
  let versions = 0;
  let downloads = 0;
  let claims = 0;
  let runs = 0;
  let moves = 0;
  for (const file of scene.uploaded) {
    const current = world.fake.file(file.id);
    if (!current || current.trashed) continue;
    if (options.expectRun && !options.expectRun(file.id)) continue;
    const count = ledger.get(key(file.id, current.md5Checksum));
    if ((count?.runs ?? 0) !== 1) problems.push(`${file.name}: ${count?.runs ?? 0} successful runs`);
  }
  for (const count of ledger.values()) {
    versions++;
    downloads += count.downloads;
    claims += count.claims;
    runs += count.runs;
    moves += count.moves;
    if (count.runs > 1) problems.push(`${count.fileId}@${count.md5?.slice(0, 6)}: ${count.runs} runs`);
    if (count.moves > 1) problems.push(`${count.fileId}@${count.md5?.slice(0, 6)}: ${count.moves} moves`);
    if (count.runs > count.claims) problems.push(`${count.fileId}: a run without a claim`);
  }
  return {
    ok: problems.length === 0,
    versions,
    text: `ledger ${versions} versions: ${downloads} downloads, ${claims} claims, ${runs} recorded runs, ${moves} moves${
      problems.length
        ? `; PROBLEMS: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ' …' : ''}`
        : ''
    }`,
  };
}
