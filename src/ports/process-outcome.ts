import type { InvoiceResult } from '../contract/result.ts';

/** What running one file through the pipeline came to (a port's answer too: the in-process dispatcher's). */
export type ProcessOutcome =
  | { kind: 'processed' | 'review' | 'quarantined'; result: InvoiceResult }
  | { kind: 'failed'; retryable: boolean; code: string; message: string }
  | { kind: 'skipped'; reason: 'done' | 'busy' };
