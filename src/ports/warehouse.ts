import type { InvoiceResult } from '../contract/result.ts';
import type { FeatureContribution } from './classifier.ts';

/** Port: the analytics warehouse (SQL Server for Power BI; PostgreSQL, MySQL/MariaDB, SQLite). */

export interface WarehouseRecord {
  fileId: string;
  fileName: string;
  link: string | null;
  result: InvoiceResult;
  labelSource: 'model' | 'human';
  explanation: FeatureContribution[];
  /** File id of an earlier invoice with the same supplier tax id and number. */
  duplicateOf: string | null;
  processedAt: Date;
}

export interface Warehouse {
  readonly dialect: 'sqlite' | 'postgres' | 'mysql' | 'mssql';
  /** Applies pending versioned migrations. */
  migrate(): Promise<void>;
  /** Replaces everything stored for each record's fileId, one transaction per invoice. */
  save(records: WarehouseRecord[]): Promise<void>;
  /** A person corrected the class: store it with label source 'human'. */
  setHumanLabel(fileId: string, classCode: 0 | 1): Promise<void>;
  /**
   * The files were deleted or trashed in the source: sets their `deleted_at` (once; ids without a row are
   * ignored, the change feed names every file of the account). Returns how many rows were marked.
   */
  markDeleted(fileIds: readonly string[], at: Date): Promise<number>;
  /** Another file already holding this supplier tax id + invoice number, if any. */
  findDuplicate(supplierTaxId: string, number: string, excludeFileId: string): Promise<string | null>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
