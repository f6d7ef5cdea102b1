import type { ReadDocument } from '../contract/document.ts';
import type { ClassCode, FieldEvidence, Provenance } from '../contract/result.ts';
import type {
  AuditEntry,
  ReviewField,
  ReviewInvoice,
  ReviewQueue,
  ReviewStore,
  StoredLocator,
} from '../ports/review.ts';
import { type DocumentSource, type SourceFile, TARGET_FOLDERS, type TargetFolder } from '../ports/source.ts';
import type { StateStore } from '../ports/state.ts';
import type { Logger } from '../shared/logger.ts';
import { learnLocator } from '../stages/extract/supplier-memory/learn.ts';
import { parseReviewForm, type ReviewForm } from './review-input.ts';
import type { PageCache, PageSize } from './review-pages.ts';

/**
 * What the review screen does: the queue of documents a person must check, one document with everything
 * needed to check it, and the three ways out — confirm (with corrections), send back for reprocessing,
 * send to Cuarentena. A confirmation is one warehouse transaction (values, `human` sources, audit), then the
 * file moves to its class folder through the source's idempotent move, and what the person corrected is
 * learned for that supplier.
 */

export interface ReviewPolicy {
  threshold: number;
  keyFields: readonly string[];
}

export interface ReviewServiceDeps {
  store: ReviewStore;
  state: StateStore;
  source: DocumentSource;
  pages: PageCache;
  /** Reads a file's words (text layer, OCR where needed) to learn where corrected values are printed. */
  read: (bytes: Uint8Array) => Promise<ReadDocument>;
  /** Runs the file through the pipeline again (the work queue with `force`). */
  resubmit: (file: SourceFile) => Promise<unknown>;
  policy: ReviewPolicy;
  maxBytes: number;
  logger: Logger;
  clock?: () => Date;
}

export interface ReviewView {
  invoice: ReviewInvoice;
  reasons: string[];
  /** Fields below the confidence threshold, or named by a review reason. */
  doubtful: string[];
  /** The fields the review reasons name (missing or unsure key fields): where the reviewer starts. */
  named: string[];
  evidence: Record<string, FieldEvidence>;
  provenance: Record<string, Provenance>;
  audit: AuditEntry[];
  /** The rendered pages (empty when the file could not be found or rendered). */
  pages: PageSize[];
  /** Why the pages are missing, when they are. */
  pagesProblem: string | null;
  position: { index: number; total: number; previous: string | null; next: string | null };
}

export type ConfirmOutcome =
  | {
      kind: 'saved';
      folder: TargetFolder | null;
      warnings: string[];
      learned: ReviewField[];
      next: string | null;
    }
  | { kind: 'invalid'; errors: Record<string, string> }
  | { kind: 'conflict' }
  | { kind: 'missing' };

export type SimpleOutcome =
  | { kind: 'done'; next: string | null; warning?: string }
  | { kind: 'conflict' }
  | { kind: 'missing' };

const FOLDER_OF_CLASS: Record<ClassCode, TargetFolder> = { 0: 'correctivas', 1: 'preventivas' };
const FIELD_OF_REASON = /^(number|issueDate|total|supplierTaxId|subtotal|tax|dueDate)_(?:missing|unsure)$/;

export interface ReviewService {
  queue(limit?: number): Promise<ReviewQueue>;
  view(fileId: string): Promise<ReviewView | null>;
  pageImage(fileId: string, page: number): Promise<Buffer | null>;
  confirm(fileId: string, form: ReviewForm, reviewer: string): Promise<ConfirmOutcome>;
  reprocess(fileId: string, reviewer: string): Promise<SimpleOutcome>;
  quarantine(fileId: string, version: string, reason: string, reviewer: string): Promise<SimpleOutcome>;
  locators(): Promise<StoredLocator[]>;
  forget(id: number, reviewer: string): Promise<boolean>;
}

export function createReviewService(deps: ReviewServiceDeps): ReviewService {
  const clock = deps.clock ?? (() => new Date());
  const log = deps.logger.child({ component: 'review' });

  const listQueue = (limit = 500) =>
    deps.store.queue({ threshold: deps.policy.threshold, keyFields: deps.policy.keyFields, limit });

  /** The file's current place (the port has no get-by-id): inbox and every class folder are listed. */
  async function locate(fileId: string): Promise<SourceFile | null> {
    for (const list of [
      () => deps.source.listInbox(),
      ...TARGET_FOLDERS.map((f) => () => deps.source.listFolder(f)),
    ]) {
      const found = (await list()).find((file) => file.id === fileId);
      if (found) return found;
    }
    return null;
  }

  async function neighbours(fileId: string): Promise<ReviewView['position']> {
    const { items } = await listQueue();
    const index = items.findIndex((item) => item.fileId === fileId);
    if (index === -1)
      return { index: -1, total: items.length, previous: null, next: items[0]?.fileId ?? null };
    return {
      index,
      total: items.length,
      previous: items[index - 1]?.fileId ?? null,
      next: items[index + 1]?.fileId ?? null,
    };
  }

  async function nextAfter(fileId: string): Promise<string | null> {
    const { items } = await listQueue();
    return items.find((item) => item.fileId !== fileId)?.fileId ?? null;
  }

  async function learn(
    fileId: string,
    file: SourceFile | null,
    who: { supplierTaxId: string; reviewer: string },
    fields: Array<[ReviewField, string | number]>,
  ) {
    if (!file || fields.length === 0) return [];
    const bytes = await deps.source.download(file, deps.maxBytes);
    const document = await deps.read(bytes);
    const learned: ReviewField[] = [];
    for (const [field, value] of fields) {
      const locator = learnLocator(document, field, value, { supplierTaxId: who.supplierTaxId, fileId });
      if (!locator) continue;
      await deps.store.saveLocator(locator, who.reviewer, clock());
      learned.push(field);
    }
    return learned;
  }

  async function contentKey(fileId: string): Promise<string> {
    return (await deps.state.getFile(fileId))?.md5 ?? fileId;
  }

  /** Renders the file's pages into the cache; false when the file is no longer in the source. */
  async function render(fileId: string, key: string): Promise<boolean> {
    const file = await locate(fileId);
    if (!file) return false;
    await deps.pages.render(fileId, key, await deps.source.download(file, deps.maxBytes));
    return true;
  }

  async function pagesOf(fileId: string): Promise<{ pages: PageSize[]; problem: string | null }> {
    const key = await contentKey(fileId);
    let pages = await deps.pages.sizes(fileId, key);
    if (pages.length > 0) return { pages, problem: null };
    try {
      if (!(await render(fileId, key)))
        return { pages, problem: 'El archivo ya no está en la bandeja ni en sus carpetas.' };
      pages = await deps.pages.sizes(fileId, key);
      return { pages, problem: pages.length > 0 ? null : 'El archivo no tiene páginas.' };
    } catch (error) {
      log.warn('pages could not be rendered', { fileId, reason: String(error) });
      return { pages, problem: 'No se pudieron dibujar las páginas de este archivo.' };
    }
  }

  return {
    queue: (limit) => listQueue(limit),

    async view(fileId) {
      const invoice = await deps.store.get(fileId);
      if (!invoice) return null;
      const record = await deps.state.getFile(fileId);
      const result = record?.result ?? null;
      const reasons = [...(result?.review?.reasons ?? [])];
      const doubtful = new Set<string>();
      // Unsure values, not absences: a due date the invoice does not print is no question for the reviewer.
      for (const [field, value] of Object.entries(invoice.fieldConfidence)) {
        const present =
          field === 'lines' ? invoice.lines.length > 0 : invoice.fields[field as ReviewField] != null;
        if (value < deps.policy.threshold && present) doubtful.add(field);
      }
      const named = new Set<string>();
      for (const reason of reasons) {
        const match = FIELD_OF_REASON.exec(reason);
        if (match?.[1]) named.add(match[1]);
      }
      for (const field of named) doubtful.add(field);
      for (const field of deps.policy.keyFields)
        if (invoice.fields[field as ReviewField] === null) doubtful.add(field);
      const rendered = await pagesOf(fileId);
      return {
        invoice,
        reasons,
        doubtful: [...doubtful],
        named: [...named],
        evidence: result?.evidence ?? {},
        provenance: result?.provenance ?? {},
        audit: await deps.store.audit(fileId),
        pages: rendered.pages,
        pagesProblem: rendered.problem,
        position: await neighbours(fileId),
      };
    },

    async pageImage(fileId, page) {
      const key = await contentKey(fileId);
      const cached = await deps.pages.get(fileId, key, page);
      if (cached) return cached;
      await render(fileId, key);
      return deps.pages.get(fileId, key, page);
    },

    async confirm(fileId, form, reviewer) {
      const stored = await deps.store.get(fileId);
      if (!stored) return { kind: 'missing' };
      const parsed = parseReviewForm(form, stored);
      if (!parsed.ok) {
        if (parsed.errors.version === 'conflict' && Object.keys(parsed.errors).length === 1)
          return { kind: 'conflict' };
        const { version: _conflict, ...errors } = parsed.errors;
        return { kind: 'invalid', errors };
      }
      const review = parsed.review;
      const classCode = review.classCode ?? stored.classCode;
      if (classCode === null) return { kind: 'invalid', errors: { classCode: 'Elija la clase' } };
      const next = await nextAfter(fileId);
      const write = await deps.store.apply({
        fileId,
        version: review.version,
        reviewer,
        at: clock(),
        fields: review.changed,
        ...(review.lines ? { lines: review.lines } : {}),
        classCode,
      });
      if (write.kind !== 'saved')
        return write.kind === 'conflict' ? { kind: 'conflict' } : { kind: 'missing' };

      const record = await deps.state.getFile(fileId);
      const modelClass = record?.result?.classification?.class ?? null;
      if (classCode !== modelClass || stored.labelSource === 'human')
        await deps.state.recordHumanLabel({
          fileId,
          class: classCode,
          previousClass: modelClass,
          at: clock().toISOString(),
        });

      const warnings = [...review.warnings];
      const target = FOLDER_OF_CLASS[classCode];
      let file = await locate(fileId);
      if (file) {
        file = await deps.source.moveTo(file, target);
      } else {
        warnings.push(
          'El archivo ya no está en la carpeta de origen: los datos se guardaron, el archivo no se movió',
        );
      }
      // The state store must say so too: otherwise a replay of 'review' re-runs the file and files it back.
      await deps.state.recordDecision(fileId, {
        status: 'processed',
        folder: file ? target : (record?.folder ?? null),
        action: 'confirmed',
        by: reviewer,
        at: clock().toISOString(),
      });

      // Learned: what the person corrected, and the doubtful fields they confirmed as read.
      const taxId = review.values.supplierTaxId;
      const toLearn: Array<[ReviewField, string | number]> = [];
      for (const [field, value] of Object.entries(review.values) as Array<
        [ReviewField, string | number | null]
      >) {
        if (value === null || field === 'currency') continue;
        const corrected = field in review.changed;
        const doubtful = (stored.fieldConfidence[field] ?? 0) < deps.policy.threshold;
        if (corrected || doubtful) toLearn.push([field, value]);
      }
      let learned: ReviewField[] = [];
      if (typeof taxId === 'string' && taxId !== '') {
        try {
          learned = await learn(fileId, file, { supplierTaxId: taxId, reviewer }, toLearn);
        } catch (error) {
          log.warn('learning from the correction failed', { fileId, reason: String(error) });
        }
      }
      log.info('document reviewed', {
        fileId,
        reviewer,
        changed: Object.keys(review.changed),
        learned,
        folder: file ? target : null,
      });
      return { kind: 'saved', folder: file ? target : null, warnings, learned, next };
    },

    async reprocess(fileId, reviewer) {
      const file = await locate(fileId);
      if (!file) return { kind: 'missing' };
      const write = await deps.store.markReprocess(fileId, reviewer, clock());
      if (write.kind === 'missing') return { kind: 'missing' };
      await deps.pages.forget(fileId);
      const next = await nextAfter(fileId);
      // The run takes seconds (OCR: longer): the reviewer moves on while it runs.
      void deps
        .resubmit(file)
        .catch((error: unknown) => log.warn('reprocess failed', { fileId, reason: String(error) }));
      return { kind: 'done', next };
    },

    async quarantine(fileId, version, reason, reviewer) {
      const next = await nextAfter(fileId);
      const write = await deps.store.quarantine(fileId, version, reviewer, reason, clock());
      if (write.kind !== 'saved') return write;
      const file = await locate(fileId);
      if (file) await deps.source.moveTo(file, 'cuarentena');
      const decision = { action: 'quarantined' as const, by: reviewer, at: clock().toISOString() };
      const folder = file ? 'cuarentena' : ((await deps.state.getFile(fileId))?.folder ?? null);
      await deps.state.recordDecision(fileId, { ...decision, status: 'quarantined', folder });
      if (!file) return { kind: 'done', next, warning: 'El archivo ya no está en la carpeta de origen' };
      return { kind: 'done', next };
    },

    locators: () => deps.store.locators(),
    forget: (id, reviewer) => deps.store.deleteLocator(id, reviewer, clock()),
  };
}
