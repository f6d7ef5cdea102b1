import { StageError } from '../../../src/stages/errors.ts';
import { serveJobs } from '../../../src/stages/workers/serve-jobs.ts';

/**
 * A worker for deadline-pool.test.ts. `backtrack` runs the regex cleanName once had, which backtracks
 * exponentially on a long digit run with no letter after it: a real hang, not a sleep.
 */
export type HangingInput =
  | { kind: 'echo'; text: string }
  | { kind: 'backtrack'; digits: number }
  | { kind: 'quarantine' }
  | { kind: 'crash' };

const CATASTROPHIC = /^(?:\(?\d+\)?\s*-?\s*)+(?=\p{L})/u;

serveJobs((input: HangingInput) => {
  switch (input.kind) {
    case 'echo':
      return { echoed: input.text, at: new Date(0) };
    case 'backtrack':
      return { matched: CATASTROPHIC.test(`${'1'.repeat(input.digits)} `) };
    case 'quarantine':
      throw new StageError('corrupt', 'bad document', { quarantine: true });
    case 'crash':
      process.exit(3);
  }
});
