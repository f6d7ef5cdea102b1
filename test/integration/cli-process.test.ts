import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { resultSchema } from '../../src/contract/result.ts';

const run = promisify(execFile);

describe('facturas process samples --json', () => {
  it('prints one valid output-contract object per PDF, in input order, with the truth class and total', async () => {
    const pdfs = (await fs.readdir('samples')).filter((n) => n.endsWith('.pdf')).sort();
    const { stdout } = await run('node', ['bin/facturas.js', 'process', 'samples', '--json'], {
      timeout: 280_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(pdfs.length);
    let classRight = 0;
    let totalRight = 0;
    for (const [i, line] of lines.entries()) {
      const result = resultSchema.parse(JSON.parse(line));
      expect(result.file).toBe(path.join('samples', pdfs[i]!));
      const truth = JSON.parse(
        await fs.readFile(path.join('samples', pdfs[i]!.replace('.pdf', '.json')), 'utf8'),
      );
      if (result.classification?.class === truth.classification.class) classRight++;
      if (result.invoice?.total === truth.invoice.total) totalRight++;
    }
    console.info(
      `samples: class right ${classRight}/${pdfs.length}, total right ${totalRight}/${pdfs.length}`,
    );
    expect(classRight).toBeGreaterThanOrEqual(pdfs.length - 1);
    expect(totalRight).toBeGreaterThanOrEqual(pdfs.length - 1);
  }, 300_000);
});
