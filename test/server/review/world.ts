import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { createLocalFolderSource } from '../../../src/adapters/source/local/local-folder.ts';
import { createSqliteStateStore } from '../../../src/adapters/state/sqlite-state-store.ts';
import { createWarehouse, type KyselyWarehouse } from '../../../src/adapters/warehouse/index.ts';
import { createReviewStore } from '../../../src/adapters/warehouse/review-store.ts';
import type { InvoiceResult } from '../../../src/contract/result.ts';
import type { ReviewStore } from '../../../src/ports/review.ts';
import { type DocumentSource, FOLDER_NAMES } from '../../../src/ports/source.ts';
import type { StateStore } from '../../../src/ports/state.ts';
import { createPageCache } from '../../../src/processor/review-pages.ts';
import { createReviewService, type ReviewService } from '../../../src/processor/review-service.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { extractInvoice } from '../../../src/stages/extract/extract.ts';
import { nitCheckDigit } from '../../../src/stages/extract/fiscal-codes/tax-id.ts';
import {
  createSupplierMemory,
  withSupplierMemory,
} from '../../../src/stages/extract/supplier-memory/memory.ts';
import { decideReview, KEY_FIELDS } from '../../../src/stages/review.ts';
import type { Extraction, PipelineContext } from '../../../src/stages/stage.ts';
import { readPdfTextLayer } from '../../stages/extract/pdf-fixture.ts';
import { drawInvoice, type InvoiceDrawing } from './invoice-pdf.ts';

/**
 * A small real installation for review tests: a local inbox with its class folders, a SQLite state store, a
 * warehouse (SQLite, or PostgreSQL in a schema of its own), and invoices drawn with pdf-lib, read by mupdf,
 * extracted by the real extractor (with the supplier memory) and recorded as the pipeline would.
 */

export interface World {
  dir: string;
  inbox: string;
  source: DocumentSource;
  state: StateStore;
  warehouse: KyselyWarehouse;
  store: ReviewStore;
  service: ReviewService;
  resubmitted: string[];
  /** Draws, reads, extracts and records an invoice in Revisión; `misread` overrides what the extractor read. */
  ingest(
    drawing: InvoiceDrawing,
    options?: { misread?: (e: Extraction) => void; name?: string },
  ): Promise<{ fileId: string; extraction: Extraction }>;
  extract(drawing: InvoiceDrawing): Promise<Extraction>;
  close(): Promise<void>;
}

/** A NIT with its correct check digit, printed with thousands dots: `900.123.456-7`. */
export function nit(base: string): string {
  const grouped = base.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${grouped}-${nitCheckDigit(base)}`;
}

export const pgConnection = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  database: process.env.PGDATABASE ?? 'test',
  user: process.env.PGUSER ?? 'postgres',
  password: process.env.PGPASSWORD,
};

export const mysqlConnection = {
  host: process.env.MYSQL_HOST ?? '127.0.0.1',
  port: Number(process.env.MYSQL_PORT ?? 3306),
  user: process.env.MYSQL_USER ?? 'root',
  password: process.env.MYSQL_PASSWORD ?? '',
};

export async function mysqlAvailable(): Promise<boolean> {
  try {
    const admin = await mysql.createConnection({ ...mysqlConnection, database: 'test' });
    await admin.end();
    return true;
  } catch {
    return false;
  }
}

export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client(pgConnection);
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function createWorld(
  options: { dialect?: 'sqlite' | 'postgres' | 'mysql'; clock?: () => Date } = {},
): Promise<World> {
  const dir = mkdtempSync(path.join(tmpdir(), 'review-'));
  const inbox = path.join(dir, 'inbox');
  const source = createLocalFolderSource({ inboxDir: inbox, settleMs: 0 });
  await source.ensureFolders();
  const state = createSqliteStateStore({ path: path.join(dir, 'state.sqlite') });
  let dropSchema: (() => Promise<void>) | null = null;
  let warehouse: KyselyWarehouse;
  if (options.dialect === 'postgres') {
    const schema = `review_test_${randomBytes(4).toString('hex')}`;
    warehouse = await createWarehouse(
      { dialect: 'postgres', ...pgConnection, encrypt: false, trustServerCertificate: false, schema },
      silentLogger,
    );
    dropSchema = async () => {
      const admin = new pg.Client(pgConnection);
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    };
  } else if (options.dialect === 'mysql') {
    const database = `review_test_${randomBytes(4).toString('hex')}`;
    const admin = await mysql.createConnection({ ...mysqlConnection, database: 'test' });
    await admin.query(`create database ${database} character set utf8mb4 collate utf8mb4_unicode_ci`);
    warehouse = await createWarehouse(
      { dialect: 'mysql', ...mysqlConnection, database, encrypt: false, trustServerCertificate: false },
      silentLogger,
    );
    dropSchema = async () => {
      await admin.query(`drop database if exists ${database}`);
      await admin.end();
    };
  } else {
    warehouse = await createWarehouse(
      { dialect: 'sqlite', file: path.join(dir, 'warehouse.sqlite') },
      silentLogger,
    );
  }
  await warehouse.migrate();
  const store = createReviewStore(warehouse.db, warehouse.dialect);
  const resubmitted: string[] = [];
  const service = createReviewService({
    store,
    state,
    source,
    pages: createPageCache(path.join(dir, 'data', 'review-pages')),
    read: async (bytes) => readPdfTextLayer(bytes),
    resubmit: async (file) => {
      resubmitted.push(file.id);
    },
    policy: { threshold: 0.8, keyFields: KEY_FIELDS },
    maxBytes: 20 * 1024 * 1024,
    logger: silentLogger,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const extractor = withSupplierMemory(
    async (document) => extractInvoice(document),
    createSupplierMemory(store),
  );
  let processed = 0;

  const world: World = {
    dir,
    inbox,
    source,
    state,
    warehouse,
    store,
    service,
    resubmitted,
    async extract(drawing) {
      return extractor(readPdfTextLayer(await drawInvoice(drawing)), new AbortController().signal);
    },
    async ingest(drawing, ingestOptions = {}) {
      const bytes = await drawInvoice(drawing);
      const md5 = createHash('md5').update(bytes).digest('hex');
      const name = ingestOptions.name ?? `factura-${drawing.number.replace(/\W+/g, '-')}.pdf`;
      const folder = path.join(inbox, FOLDER_NAMES.revision);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, name), bytes);
      const document = readPdfTextLayer(bytes);
      const extraction = await extractor(document, new AbortController().signal);
      ingestOptions.misread?.(extraction);
      const classification = {
        label: 'preventiva' as const,
        class: 1 as const,
        confidence: 0.71,
        model: 'test-model',
      };
      const context = {
        quarantine: undefined,
        classification: { ...classification, explanation: [] },
        extraction,
      } as unknown as PipelineContext;
      const review = decideReview(context);
      const result: InvoiceResult = {
        file: name,
        status: 'processed',
        error: null,
        classification,
        invoice: extraction.invoice,
        confidence: extraction.confidence,
        validation: extraction.validation,
        pages: { count: document.pages.length, ocr: 0 },
        timings: {},
        ...(extraction.provenance ? { provenance: extraction.provenance } : {}),
        review: { needed: true, reasons: review.needed ? review.reasons : ['class_unsure'] },
        ...(extraction.evidence ? { evidence: extraction.evidence } : {}),
      };
      const owner = 'test-owner';
      await state.claimFile({ fileId: md5, name, md5, owner, leaseMs: 60_000 });
      await state.completeFile(md5, owner, { status: 'review', folder: 'revision', result });
      processed++;
      await warehouse.save([
        {
          fileId: md5,
          fileName: name,
          link: null,
          result,
          labelSource: 'model',
          explanation: [
            { feature: 'mantenimiento', weight: 0.61 },
            { feature: 'preventivo', weight: 0.44 },
            { feature: 'reparación', weight: -0.2 },
          ],
          duplicateOf: null,
          processedAt: new Date(Date.UTC(2026, 2, 1, 8, processed)),
        },
      ]);
      return { fileId: md5, extraction };
    },
    async close() {
      await state.close();
      await warehouse.close();
      await dropSchema?.();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

/** The invoice of one supplier's layout used across the review tests. */
export function supplierInvoice(overrides: Partial<InvoiceDrawing> = {}): InvoiceDrawing {
  return {
    supplierName: 'Hidrotec S.A.S.',
    supplierTaxId: nit('900123456'),
    number: 'FE-1001',
    issueDate: '15/03/2026',
    lines: [
      { code: 'SRV-1', description: 'Mantenimiento preventivo de compresor', quantity: 2, unitPrice: 450000 },
      { code: 'REP-2', description: 'Rodamiento 6204', quantity: 4, unitPrice: 25000 },
    ],
    ...overrides,
  };
}
