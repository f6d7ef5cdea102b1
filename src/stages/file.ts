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
      context.folder = target;
    },
  };
}
