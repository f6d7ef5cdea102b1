import type { Logger } from '../shared/logger.ts';
import { StageError, toStageError } from './errors.ts';
import type { PipelineContext, Stage } from './stage.ts';

export type PipelineOutcome =
  | { kind: 'completed' }
  | { kind: 'quarantined'; error: StageError }
  | { kind: 'failed'; stage: string; error: StageError };

export interface RunnerOptions {
  /** Delay before retry number `attempt` (1-based) of a retryable error. */
  retryDelayMs?: (attempt: number) => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Sees every stage's duration (metrics). */
  observe?: (stage: string, ms: number, ok: boolean) => void;
}

/** Truncated exponential backoff with full jitter, 0.2 s → 5 s. */
export function defaultRetryDelay(attempt: number): number {
  return Math.random() * Math.min(5_000, 200 * 2 ** (attempt - 1));
}

/**
 * Runs the ordered stages over one file. The runner alone owns timing (`<stage>Ms` and `totalMs`), retries
 * of retryable errors, logging and the outcome: a quarantine error marks the context and only the stages
 * that handle quarantine run after it; a retryable error that persists, or any other error, stops the run.
 */
export async function runStages(
  stages: readonly Stage[],
  context: PipelineContext,
  options: RunnerOptions = {},
): Promise<PipelineOutcome> {
  const retryDelay = options.retryDelayMs ?? defaultRetryDelay;
  const sleep = options.sleep ?? abortableSleep;
  const started = performance.now();
  try {
    for (const stage of stages) {
      if (context.quarantine && !stage.runsOnQuarantine) continue;
      if (context.signal.aborted) {
        // Shutting down: stop between stages; the file stays where it is and is claimable again.
        const error = new StageError('interrupted', 'processing interrupted by shutdown', {
          retryable: true,
        });
        return { kind: 'failed', stage: stage.name, error };
      }
      const before = performance.now();
      const failure = await runWithRetries(stage, context, context.logger, retryDelay, sleep);
      options.observe?.(stage.name, performance.now() - before, failure === null);
      if (!failure) continue;
      if (failure.quarantine && !context.quarantine) {
        context.logger.warn('file quarantined', {
          stage: stage.name,
          code: failure.code,
          reason: failure.message,
        });
        context.quarantine = failure;
        continue;
      }
      context.logger.error('stage failed', {
        stage: stage.name,
        code: failure.code,
        retryable: failure.retryable,
        reason: failure.message,
      });
      return { kind: 'failed', stage: stage.name, error: failure };
    }
    return context.quarantine ? { kind: 'quarantined', error: context.quarantine } : { kind: 'completed' };
  } finally {
    context.timings.totalMs = round(performance.now() - started);
  }
}

async function runWithRetries(
  stage: Stage,
  context: PipelineContext,
  logger: Logger,
  retryDelay: (attempt: number) => number,
  sleep: (ms: number, signal: AbortSignal) => Promise<void>,
): Promise<StageError | null> {
  const attempts = Math.max(1, stage.attempts ?? 3);
  const key = `${stage.name}Ms`;
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    try {
      await stage.run(context);
      context.timings[key] = round((context.timings[key] ?? 0) + performance.now() - started);
      logger.debug('stage done', { stage: stage.name, ms: context.timings[key] });
      return null;
    } catch (error) {
      context.timings[key] = round((context.timings[key] ?? 0) + performance.now() - started);
      // Whatever a stage throws once shutdown aborted it, the file itself is fine: release it for a retry.
      const failure = context.signal.aborted
        ? new StageError('interrupted', 'processing interrupted by shutdown', {
            retryable: true,
            cause: error,
          })
        : toStageError(error);
      if (!failure.retryable || attempt >= attempts || context.signal.aborted) return failure;
      logger.warn('stage retry', { stage: stage.name, attempt, code: failure.code, reason: failure.message });
      await sleep(retryDelay(attempt), context.signal);
    }
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
