import type { ReadDocument } from '../contract/document.ts';
import type {
  Classification,
  DocumentKind,
  FieldEvidence,
  Invoice,
  InvoiceResult,
  Provenance,
} from '../contract/result.ts';
import type { FeatureContribution } from '../ports/classifier.ts';
import type { SourceFile, TargetFolder } from '../ports/source.ts';
import type { Logger } from '../shared/logger.ts';
import type { StageError } from './errors.ts';
import type { ReviewDecision } from './review.ts';

/** What an extractor returns besides the invoice: per-field confidence and validation. */
export interface Extraction {
  invoice: Invoice;
  confidence: Record<string, number>;
  validation: { ok: boolean; issues: string[] };
  /** Per field (the keys of `confidence`), where its value came from (extract/provenance.ts). */
  provenance?: Record<string, Provenance>;
  /** 'credit_note' when the invoice's XML says so; absent means an invoice. */
  documentKind?: DocumentKind;
  /** Per field, the page and box (points, top-left origin) of the words its value was read from. */
  evidence?: Record<string, FieldEvidence>;
}

/**
 * The state of one file going through the pipeline. Each stage reads what earlier stages left and adds its
 * own part; the runner owns `timings`, `quarantine` and the final result.
 */
export interface PipelineContext {
  file: SourceFile;
  logger: Logger;
  signal: AbortSignal;
  bytes?: Buffer;
  document?: ReadDocument;
  pages: { count: number; ocr: number };
  classification?: Classification & { explanation: FeatureContribution[] };
  extraction?: Extraction;
  /** File id of an earlier invoice with the same supplier tax id and number. */
  duplicateOf?: string | null;
  /** Set when the input is bad; later stages that handle quarantine still run. */
  quarantine?: StageError;
  /** Whether a person must check the document, and why (set after extraction). */
  review?: ReviewDecision;
  /** Where the file stage put the file. */
  folder?: TargetFolder;
  timings: Record<string, number>;
}

export interface Stage {
  readonly name: string;
  /** Stages that must also run for a quarantined file (record it, move it to Cuarentena). */
  readonly runsOnQuarantine?: boolean;
  /** Attempts for retryable errors, including the first (default 3). */
  readonly attempts?: number;
  run(context: PipelineContext): Promise<void>;
}

export type { InvoiceResult };
