import { describe, expect, it } from 'vitest';
import { deferStages, shapeOf } from '../../src/stages/deferred-stages.ts';
import { runStages } from '../../src/stages/runner.ts';
import type { PipelineContext, Stage } from '../../src/stages/stage.ts';
import { pipelineContext } from '../support/pipeline-context.ts';

function context(): PipelineContext {
  return pipelineContext();
}

const noWait = { retryDelayMs: () => 0 };

function stage(name: string, log: string[], extra: Partial<Stage> = {}): Stage {
  return {
    name,
    ...extra,
    async run() {
      log.push(name);
    },
  };
}

describe('deferStages', () => {
  it('waits for the stages to load, then runs the real stage of each name, in order', async () => {
    const log: string[] = [];
    let release: (stages: Stage[]) => void = () => {};
    const loading = new Promise<Stage[]>((resolve) => {
      release = resolve;
    });
    const real = [stage('read', log, { attempts: 2 }), stage('classify', log)];
    const standIns = deferStages(real.map(shapeOf), () => loading);
    expect(standIns.map(shapeOf)).toEqual([{ name: 'read', attempts: 2 }, { name: 'classify' }]);
    const running = runStages(standIns, context(), noWait);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log).toEqual([]);
    release(real);
    expect(await running).toEqual({ kind: 'completed' });
    expect(log).toEqual(['read', 'classify']);
  });

  it('fails the file as retryable when the stages cannot load', async () => {
    const standIns = deferStages([{ name: 'read' }], () => Promise.reject(new Error('modelo dañado')));
    const outcome = await runStages(standIns, context(), noWait);
    expect(outcome).toMatchObject({
      kind: 'failed',
      stage: 'read',
      error: { code: 'pipeline_unavailable', retryable: true },
    });
    expect(outcome.kind === 'failed' && outcome.error.message).toContain('modelo dañado');
  });

  it('refuses a loaded stage whose retries or quarantine handling differ from its stand-in', async () => {
    const log: string[] = [];
    const standIns = deferStages([{ name: 'read', attempts: 2 }], async () => [
      stage('read', log, { attempts: 3 }),
    ]);
    const outcome = await runStages(standIns, context(), noWait);
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'internal', retryable: false } });
    expect(log).toEqual([]);
  });
});
