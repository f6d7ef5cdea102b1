import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDeadlinePool } from '../../src/stages/workers/deadline-pool.ts';
import { startThread } from '../../src/stages/workers/thread-entry.ts';
import { regexLiterals } from './regex-literals.ts';

/**
 * Every regex of the extract and read stages runs in linear time: each literal in their source files, and each
 * RegExp their modules export (built ones included), is run globally over long adversarial strings (50k digits,
 * 10k-character lines of digits, spaces, dashes and parentheses, repeated letters...). A regex over 200 ms on one
 * input, or stuck for 5 s, fails with its file and line.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const DIRS = ['src/stages/extract', 'src/stages/read'];
const PER_INPUT_MS = Number(process.env.REGEX_MS ?? 200);

interface Candidate {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(): string[] {
  return DIRS.flatMap((dir) =>
    (fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('-worker.ts'))
      .map((f) => path.join(dir, f)),
  );
}

function literalCandidates(): Candidate[] {
  return sourceFiles().flatMap((file) =>
    regexLiterals(fs.readFileSync(path.join(ROOT, file), 'utf8')).map((literal) => ({
      where: `${file}:${literal.line}`,
      source: literal.source,
      flags: literal.flags,
    })),
  );
}

/** Exported RegExps, also one level down in exported arrays and objects (tables of patterns). */
async function exportedCandidates(): Promise<Candidate[]> {
  const found: Candidate[] = [];
  for (const file of sourceFiles()) {
    const module = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      const nested =
        value && typeof value === 'object' && !(value instanceof RegExp) ? Object.values(value) : [];
      for (const item of [
        value,
        ...nested.flatMap((v) => (v && typeof v === 'object' ? [v, ...Object.values(v)] : [v])),
      ]) {
        if (item instanceof RegExp)
          found.push({ where: `${file} export ${name}`, source: item.source, flags: item.flags });
      }
    }
  }
  return found;
}

describe('regexes of the extract and read stages are linear', () => {
  const pool = createDeadlinePool<{ source: string; flags: string }, { input: string; ms: number }[]>({
    name: 'prueba de expresiones',
    start: () => startThread(new URL('./regex-timing-worker.ts', import.meta.url)),
    workers: 1,
    timeoutMs: 5_000,
    timeoutSetting: 'regex-linear.test.ts',
  });
  afterAll(() => pool.close());

  it('finds the literals (the lexer reads every one as a valid regex)', () => {
    const literals = literalCandidates();
    expect(literals.length).toBeGreaterThan(300);
    for (const { where, source, flags } of literals) {
      expect(() => new RegExp(source, flags), where).not.toThrow();
    }
  });

  it(`runs each one over long adversarial strings in under ${PER_INPUT_MS} ms per string`, async () => {
    const all = [...literalCandidates(), ...(await exportedCandidates())];
    const unique = [...new Map(all.map((c) => [`${c.flags}/${c.source}`, c])).values()];
    await pool.warmUp();
    const slow: string[] = [];
    for (const candidate of unique) {
      try {
        const timings = await pool.run({ source: candidate.source, flags: candidate.flags });
        for (const { input, ms } of timings) {
          if (ms > PER_INPUT_MS)
            slow.push(`${candidate.where} /${candidate.source}/ on ${input}: ${Math.round(ms)} ms`);
        }
      } catch (error) {
        slow.push(`${candidate.where} /${candidate.source}/: ${String(error)}`);
      }
    }
    expect(slow).toEqual([]);
  }, 600_000);
});
