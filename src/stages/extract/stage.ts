import type { ReadDocument } from '../../contract/document.ts';
import { retryable, StageError } from '../errors.ts';
import type { Extraction, Stage } from '../stage.ts';
import { evidenceInPrintedFrame } from './evidence/printed-frame.ts';
import { extractInvoice } from './extract.ts';

/** Another file already holding this supplier tax id + invoice number (the warehouse answers it). */
export type FindDuplicate = (
  supplierTaxId: string,
  number: string,
  excludeFileId: string,
) => Promise<string | null>;

/** Extraction of one read document; production runs it on a worker thread with a deadline (extract-pool.ts). */
export type Extractor = (document: ReadDocument, signal: AbortSignal) => Promise<Extraction>;

export interface ExtractStageOptions {
  findDuplicate?: FindDuplicate;
  /** Default: extractInvoice on the calling thread, with no time limit (tests and benches only). */
  extract?: Extractor;
}

const onThisThread: Extractor = async (document) => extractInvoice(document);

/**
 * The extract stage: reads `context.document`, sets `context.extraction`; with `findDuplicate`, an invoice
 * whose supplier tax id and number exist under another file gets `context.duplicateOf` and a
 * `duplicate_of:<fileId>` validation issue (both files are kept).
 */
export function createExtractStage(options: ExtractStageOptions = {}): Stage {
  return {
    name: 'extract',
    async run(context) {
      if (!context.document) throw new StageError('internal', 'extract: the read stage left no document');
      const extraction = await (options.extract ?? onThisThread)(context.document, context.signal);
      // Boxes go out in the frame the page is printed (and the review screen renders it) in.
      extraction.evidence = evidenceInPrintedFrame(extraction.evidence, context.document.pages);
      context.extraction = extraction;
      const { supplier, number } = extraction.invoice;
      if (!options.findDuplicate || !supplier.taxId || !number) return;
      let duplicate: string | null;
      try {
        duplicate = await options.findDuplicate(supplier.taxId, number, context.file.id);
      } catch (error) {
        throw retryable('warehouse_unavailable', 'extract: duplicate lookup failed', error);
      }
      context.duplicateOf = duplicate;
      if (duplicate) {
        extraction.validation.issues.push(`duplicate_of:${duplicate}`);
        extraction.validation.ok = false;
      }
    },
  };
}
