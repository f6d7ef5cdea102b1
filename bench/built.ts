import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Compiles the service (`npm run build`'s tsc) when dist/main.js is missing or older than a file under src/:
 * the cold start and the instance's memory are measured on what the image runs.
 */
export function ensureBuilt(root = process.cwd()): void {
  const main = path.join(root, 'dist', 'main.js');
  const built = fs.statSync(main, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built >= newestChange(path.join(root, 'src'))) return;
  process.stdout.write('compilando dist/ (tsc -p tsconfig.build.json)…\n');
  const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
  const run = spawnSync(tsc, ['-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`tsc -p tsconfig.build.json falló (código ${run.status})`);
}

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
