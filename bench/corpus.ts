import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A generated corpus (tools/corpus), cached under .corpus/ by name, seed and count: generated again only when
 * its folder does not hold exactly `count` PDFs.
 */
export async function corpus(
  name: string,
  count: number,
  seed: number,
  scannedRatio: number,
): Promise<string> {
  const dir = path.resolve('.corpus', `bench-${name}-${seed}-${count}`);
  const existing = await fs.readdir(dir).catch(() => []);
  if (existing.filter((n) => n.endsWith('.pdf')).length !== count) {
    await fs.rm(dir, { recursive: true, force: true });
    generateInChild(dir, count, seed, scannedRatio);
  }
  return dir;
}

/**
 * The corpus CLI in a child process: making scans (rendering, blurring, JPEG) leaves mupdf's WASM heap and
 * the allocator larger for good, which would count in this process's RSS and which the service never pays.
 */
function generateInChild(dir: string, count: number, seed: number, scannedRatio: number): void {
  const cli = fileURLToPath(new URL('../tools/corpus/cli.ts', import.meta.url));
  const args = ['--out', dir, '--count', String(count), '--seed', String(seed)];
  args.push('--scanned-ratio', String(scannedRatio));
  const made = spawnSync(process.execPath, [...process.execArgv, cli, ...args], { stdio: 'inherit' });
  if (made.status !== 0) throw new Error(`No se pudo generar el corpus ${dir} (código ${made.status})`);
}

/** The PDFs of a corpus folder, in name order. */
export async function corpusPdfs(dir: string): Promise<string[]> {
  const names = (await fs.readdir(dir)).filter((n) => n.endsWith('.pdf')).sort();
  return names.map((n) => path.join(dir, n));
}
