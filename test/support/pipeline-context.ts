import type { SourceFile } from '../../src/ports/source.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import type { PipelineContext } from '../../src/stages/stage.ts';

/** A file in the inbox as a stage sees it, named after its id. */
export function inboxFile(id = 'f1', overrides: Partial<SourceFile> = {}): SourceFile {
  return {
    id,
    name: `${id}.pdf`,
    md5: null,
    size: null,
    mimeType: 'application/pdf',
    location: 'inbox',
    modifiedTime: null,
    link: null,
    ...overrides,
  };
}

/** What the runner hands a stage for one file: quiet logger, live signal, nothing read yet unless given. */
export function pipelineContext(overrides: Partial<PipelineContext> = {}): PipelineContext {
  return {
    file: inboxFile(),
    logger: silentLogger,
    signal: new AbortController().signal,
    pages: { count: 0, ocr: 0 },
    timings: {},
    ...overrides,
  };
}
