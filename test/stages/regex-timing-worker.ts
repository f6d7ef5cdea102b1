import { serveJobs } from '../../src/stages/workers/serve-jobs.ts';
import { adversarialInputs } from './adversarial-inputs.ts';

/**
 * Times one regex over every adversarial input (regex-linear.test.ts), on a worker thread so that a regex that
 * backtracks forever is ended by the pool's deadline instead of hanging the test run. The regex runs global
 * (every start position, every match), the worst any caller can make of it.
 */
const inputs = adversarialInputs();

serveJobs(({ source, flags }: { source: string; flags: string }) => {
  const regex = new RegExp(source, `${flags.replace(/[gy]/g, '')}g`);
  // The better of two runs: a shared machine only ever adds time.
  return inputs.map(({ name, text }) => ({
    input: name,
    ms: Math.min(timed(regex, text), timed(regex, text)),
  }));
});

function timed(regex: RegExp, text: string): number {
  const started = performance.now();
  text.replace(regex, '');
  return performance.now() - started;
}
