import { describe, expect, it } from 'vitest';
import { quarantine, retryable, StageError } from '../../src/stages/errors.ts';
import { runStages } from '../../src/stages/runner.ts';
import type { PipelineContext, Stage } from '../../src/stages/stage.ts';
import { pipelineContext } from '../support/pipeline-context.ts';

function context(): PipelineContext {
  return pipelineContext();
}

const noWait = { retryDelayMs: () => 0 };

function recorder(
  log: string[],
  name: string,
  behaviour: () => void = () => {},
  extra: Partial<Stage> = {},
): Stage {
  return {
    name,
    ...extra,
    async run() {
      log.push(name);
      behaviour();
    },
  };
}

describe('runStages', () => {
  it('runs stages in order and times each one and the whole run', async () => {
    const log: string[] = [];
    const ctx = context();
    const outcome = await runStages([recorder(log, 'a'), recorder(log, 'b')], ctx, noWait);
    expect(outcome).toEqual({ kind: 'completed' });
    expect(log).toEqual(['a', 'b']);
    expect(Object.keys(ctx.timings).sort()).toEqual(['aMs', 'bMs', 'totalMs']);
  });

  it('retries retryable errors up to the stage budget, then reports a retryable failure', async () => {
    const log: string[] = [];
    let calls = 0;
    const flaky = recorder(log, 'flaky', () => {
      calls++;
      if (calls < 3) throw retryable('rate_limited', '429');
    });
    expect(await runStages([flaky, recorder(log, 'after')], context(), noWait)).toEqual({
      kind: 'completed',
    });
    expect(log).toEqual(['flaky', 'flaky', 'flaky', 'after']);

    const alwaysDown = recorder(
      [],
      'down',
      () => {
        throw retryable('unavailable', '503');
      },
      { attempts: 2 },
    );
    const outcome = await runStages([alwaysDown], context(), noWait);
    expect(outcome.kind).toBe('failed');
    if (outcome.kind === 'failed') {
      expect(outcome.stage).toBe('down');
      expect(outcome.error.retryable).toBe(true);
    }
  });

  it('after a quarantine error runs only the stages that handle quarantine', async () => {
    const log: string[] = [];
    const ctx = context();
    const stages = [
      recorder(log, 'read', () => {
        throw quarantine('encrypted', 'password');
      }),
      recorder(log, 'classify'),
      recorder(log, 'load', () => {}, { runsOnQuarantine: true }),
      recorder(log, 'file', () => {}, { runsOnQuarantine: true }),
    ];
    const outcome = await runStages(stages, ctx, noWait);
    expect(outcome.kind).toBe('quarantined');
    expect(log).toEqual(['read', 'load', 'file']);
    expect(ctx.quarantine?.code).toBe('encrypted');
  });

  it('turns unexpected exceptions into non-retryable internal failures and stops', async () => {
    const log: string[] = [];
    const outcome = await runStages(
      [
        recorder(log, 'boom', () => {
          throw new TypeError('bug');
        }),
        recorder(log, 'never'),
      ],
      context(),
      noWait,
    );
    expect(log).toEqual(['boom']);
    expect(outcome.kind === 'failed' && outcome.error).toBeInstanceOf(StageError);
    expect(outcome.kind === 'failed' && outcome.error.code).toBe('internal');
    expect(outcome.kind === 'failed' && outcome.error.retryable).toBe(false);
  });

  it('releases a file interrupted by shutdown as a retryable failure, whatever the stage threw', async () => {
    const controller = new AbortController();
    const ctx = { ...context(), signal: controller.signal };
    const log: string[] = [];
    const reading = recorder(log, 'read', () => {
      controller.abort();
      throw new Error('worker terminated');
    });
    const outcome = await runStages([reading, recorder(log, 'classify')], ctx, noWait);
    expect(log).toEqual(['read']);
    expect(outcome.kind === 'failed' && outcome.error.code).toBe('interrupted');
    expect(outcome.kind === 'failed' && outcome.error.retryable).toBe(true);
  });
});
