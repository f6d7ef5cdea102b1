import type { DocumentSource } from '../ports/source.ts';
import type { Stage } from './stage.ts';

/** Downloads the file's bytes from the source (size-limited; the source raises too_large / retryable). */
export function createFetchStage(deps: { source: DocumentSource; maxBytes: number }): Stage {
  return {
    name: 'fetch',
    attempts: 4,
    async run(context) {
      context.bytes = await deps.source.download(context.file, deps.maxBytes);
    },
  };
}
