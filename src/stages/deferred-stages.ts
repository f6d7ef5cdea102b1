import { retryable, StageError } from './errors.ts';
import type { Stage } from './stage.ts';

/** What the runner reads of a stage before running it. */
export type StageShape = Pick<Stage, 'name' | 'attempts' | 'runsOnQuarantine'>;

/**
 * Stand-ins for stages that are still being built (their modules, model and threads load after the service
 * listens): each waits for `load` and runs the real stage of its name. The runner reads a stage's name,
 * attempts and quarantine handling before running it, so each stand-in carries `shapes`' copy, which must
 * be the real stage's (checked when it runs). A `load` that fails fails the file as retryable.
 */
export function deferStages(shapes: readonly StageShape[], load: () => Promise<readonly Stage[]>): Stage[] {
  return shapes.map((shape) => ({
    ...shape,
    async run(context) {
      let stages: readonly Stage[];
      try {
        stages = await load();
      } catch (error) {
        throw retryable(
          'pipeline_unavailable',
          `Las etapas del documento no se pudieron cargar: ${error instanceof Error ? error.message : String(error)}`,
          error,
        );
      }
      const stage = stages.find((s) => s.name === shape.name);
      if (!stage || !sameShape(stage, shape)) {
        throw new StageError('internal', `La etapa ${shape.name} no coincide con la etapa cargada.`);
      }
      return stage.run(context);
    },
  }));
}

/** The shape the runner sees of each stage, to declare stand-ins with (and to test that they match). */
export function shapeOf(stage: Stage): StageShape {
  return {
    name: stage.name,
    ...(stage.attempts === undefined ? {} : { attempts: stage.attempts }),
    ...(stage.runsOnQuarantine === undefined ? {} : { runsOnQuarantine: stage.runsOnQuarantine }),
  };
}

function sameShape(stage: Stage, shape: StageShape): boolean {
  return (
    stage.attempts === shape.attempts &&
    (stage.runsOnQuarantine ?? false) === (shape.runsOnQuarantine ?? false)
  );
}
