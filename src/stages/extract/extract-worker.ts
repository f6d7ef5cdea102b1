import type { ReadDocument } from '../../contract/document.ts';
import { serveJobs } from '../workers/serve-jobs.ts';
import { locateEvidence } from './evidence/locate.ts';
import { extractInvoice } from './extract.ts';

/**
 * An extraction worker thread (extract-pool.ts): one document at a time. The boxes the review screen draws are
 * found here too, where the document's words already are, instead of on the main thread.
 */
serveJobs((document: ReadDocument) => {
  const extraction = extractInvoice(document);
  extraction.evidence = { ...locateEvidence(document, extraction.invoice), ...extraction.evidence };
  return extraction;
});
