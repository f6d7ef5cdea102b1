import type { Warehouse } from '../ports/warehouse.ts';
import { buildResult } from './result.ts';
import type { Stage } from './stage.ts';

/** Replaces the invoice (or the quarantine record) for this file id in the warehouse, in one transaction. */
export function createLoadStage(deps: { warehouse: Warehouse }): Stage {
  return {
    name: 'load',
    runsOnQuarantine: true,
    attempts: 4,
    async run(context) {
      await deps.warehouse.save([
        {
          fileId: context.file.id,
          fileName: context.file.name,
          link: context.file.link,
          result: buildResult(context, context.file.id),
          labelSource: 'model',
          explanation: context.classification?.explanation ?? [],
          duplicateOf: context.duplicateOf ?? null,
          processedAt: new Date(),
        },
      ]);
    },
  };
}
