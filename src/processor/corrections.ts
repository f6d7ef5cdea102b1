import type { ClassCode } from '../contract/result.ts';
import type { SourceFile } from '../ports/source.ts';
import type { StateStore } from '../ports/state.ts';
import type { Warehouse } from '../ports/warehouse.ts';
import type { Logger } from '../shared/logger.ts';

/** 'edited': the content changed since it was processed (new md5); it must be read again. */
export type FiledLocationVerdict = 'correction' | 'as-filed' | 'edited' | 'unknown';

const CLASS_OF_FOLDER: Partial<Record<string, ClassCode>> = { correctivas: 0, preventivas: 1 };

/**
 * Looks at a processed file seen in a class folder. If it is not where we filed it, a person moved it: that
 * is a correction, recorded as a human label (for training) and pushed to the warehouse. Our own moves come
 * back through Drive's change feed too; they match the record and are ignored.
 */
export async function noticeFiledLocation(
  file: SourceFile,
  deps: { state: StateStore; warehouse: Warehouse; logger: Logger },
): Promise<FiledLocationVerdict> {
  const humanClass = CLASS_OF_FOLDER[file.location];
  const record = await deps.state.getFile(file.id);
  if (!record || record.status === 'processing') return 'unknown';
  if (file.md5 !== null && record.md5 !== null && file.md5 !== record.md5) return 'edited';
  if (record.folder === null) return 'unknown';
  if (record.folder === file.location) return 'as-filed';
  if (humanClass === undefined) {
    // Moved somewhere that is not a class (back to Revisión, out of our folders): remember where it is.
    await deps.state.setFolder(
      file.id,
      file.location === 'revision' || file.location === 'cuarentena' ? file.location : null,
    );
    return 'as-filed';
  }
  // Warehouse first, the record's folder last: until the folder is written the move still reads as a
  // correction, so a failure at any step is retried whole by the next drain or sweep (every step is an upsert).
  await deps.warehouse.setHumanLabel(file.id, humanClass);
  await deps.state.recordHumanLabel({
    fileId: file.id,
    class: humanClass,
    previousClass: record.result?.classification?.class ?? null,
    at: new Date().toISOString(),
  });
  await deps.state.setFolder(file.id, file.location as 'correctivas' | 'preventivas');
  deps.logger.info('human correction recorded', { fileId: file.id, class: humanClass, from: record.folder });
  return 'correction';
}
