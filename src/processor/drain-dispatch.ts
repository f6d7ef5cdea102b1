import type { SourceFile } from '../ports/source.ts';
import type { DispatchReason, WorkDispatcher } from '../ports/work-dispatcher.ts';

/**
 * Hands one page's inbox files to the dispatcher; per file, whether it was handed over durably (published,
 * or processed in-process) so the page token may move past it. A refused publish throws: the token stays.
 */
export async function dispatchFiles(
  dispatcher: WorkDispatcher,
  files: readonly SourceFile[],
  deadline: number,
  reason: DispatchReason = 'change',
): Promise<boolean[]> {
  if (files.length === 0) return [];
  const receipt = await dispatcher.dispatch(
    files.map((file) => ({ file, reason })),
    { deadline },
  );
  const pending = new Set(receipt.pending);
  return files.map((file) => !pending.has(file.id));
}
