import type { DocumentSource, TargetFolder } from '../ports/source.ts';
import type { PipelineContext, Stage } from './stage.ts';

export function targetFolderFor(context: PipelineContext): TargetFolder {
  if (context.quarantine) return 'cuarentena';
  // Unsure data goes to a person even when the class is sure: a question costs less than a wrong row.
  if (context.review?.needed) return 'revision';
  switch (context.classification?.label) {
    case 'correctiva':
      return 'correctivas';
    case 'preventiva':
      return 'preventivas';
    default:
      return 'revision';
  }
}

/** Moves the file into the folder of its class (or Revisión / Cuarentena). Last, so a crash re-runs. */
export function createFileStage(deps: { source: DocumentSource }): Stage {
  return {
    name: 'file',
    runsOnQuarantine: true,
    attempts: 4,
    async run(context) {
      const target = targetFolderFor(context);
      context.file = await deps.source.moveTo(context.file, target);
      // Recorded as our decision even when a person moved the file away meanwhile (moveTo leaves it there):
      // found later in the other class folder, it then reads as their correction.
      context.folder = target;
      if (context.file.location !== target) {
        context.logger.warn('file left the inbox while processed; left where it is', {
          target,
          location: context.file.location,
        });
      }
    },
  };
}
