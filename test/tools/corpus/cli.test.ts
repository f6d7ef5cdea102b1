import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '../../../tools/corpus/cli.ts');
const TSX = join(import.meta.dirname, '../../../node_modules/.bin/tsx');

async function corpus(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run corpus', () => {
  it('writes a PDF and a truth file per invoice', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corpus-cli-'));
    try {
      const result = await corpus(['--out', dir, '--count', '3', '--seed', '9', '--only', 'digital']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('3 facturas');
      expect((await readdir(dir)).sort()).toEqual([
        's9-00000.json',
        's9-00000.pdf',
        's9-00001.json',
        's9-00001.pdf',
        's9-00002.json',
        's9-00002.pdf',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects bad arguments with a Spanish message and exit code 2', async () => {
    const missing = await corpus(['--count', '3', '--seed', '1']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('falta --out');
    const badRatio = await corpus(['--out', '/tmp/x', '--count', '3', '--seed', '1', '--scanned-ratio', '2']);
    expect(badRatio.code).toBe(2);
    expect(badRatio.stderr).toContain('--scanned-ratio');
    const badOnly = await corpus(['--out', '/tmp/x', '--count', '3', '--seed', '1', '--only', 'paper']);
    expect(badOnly.code).toBe(2);
    expect(badOnly.stderr).toContain('--only');
  });
});
