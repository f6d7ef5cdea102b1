import { randomUUID } from 'node:crypto';
import type { ProcessOutcome } from '../ports/process-outcome.ts';
import type { DocumentSource, SourceFile } from '../ports/source.ts';
import type { FileRecord, FileStatus, StateStore } from '../ports/state.ts';
import type { Logger } from '../shared/logger.ts';
import { buildResult } from '../stages/result.ts';
import { type RunnerOptions, runStages } from '../stages/runner.ts';
import type { PipelineContext, Stage } from '../stages/stage.ts';
import { startFileLeaseHeartbeat } from './file-lease.ts';

export type { ProcessOutcome };

export interface ProcessorDeps {
  source: DocumentSource;
  state: StateStore;
  stages: readonly Stage[];
  logger: Logger;
  /** This instance's identity in leases. */
  owner?: string;
  leaseMs?: number;
  maxAttempts?: number;
  runner?: RunnerOptions;
  /** Observes every finished file (metrics, dashboard activity). */
  onOutcome?: (file: SourceFile, outcome: ProcessOutcome) => void;
}

export interface Processor {
  readonly owner: string;
  /** Claims the file (idempotent by file id + md5), runs the stages and records the outcome. */
  process(file: SourceFile, options?: { force?: boolean; signal?: AbortSignal }): Promise<ProcessOutcome>;
}

export function createProcessor(deps: ProcessorDeps): Processor {
  const owner = deps.owner ?? `instance-${randomUUID()}`;
  const leaseMs = deps.leaseMs ?? 10 * 60_000;

  async function process(file: SourceFile, options: { force?: boolean; signal?: AbortSignal } = {}) {
    const claim = await deps.state.claimFile({
      fileId: file.id,
      name: file.name,
      md5: file.md5,
      owner,
      leaseMs,
      force: options.force,
      maxAttempts: deps.maxAttempts ?? 5,
    });
    if (!claim) return skip(file);
    const logger = deps.logger.child({
      fileId: file.id,
      fileName: file.name,
      md5: file.md5,
      attempt: claim.attempts,
    });
    logger.info('file claimed');
    const heartbeat = startFileLeaseHeartbeat({
      state: deps.state,
      fileId: file.id,
      owner,
      leaseMs,
      expiresAt: claim.leaseExpiresAt ?? Date.now() + leaseMs,
      onLost: (reason) => logger.warn('file lease lost; the run stops before writing', { reason }),
    });
    const context: PipelineContext = {
      file,
      logger,
      signal: options.signal ? AbortSignal.any([options.signal, heartbeat.signal]) : heartbeat.signal,
      pages: { count: 0, ocr: 0 },
      timings: {},
    };
    const outcome = await runStages(deps.stages, context, deps.runner).finally(() => heartbeat.stop());
    let result: ProcessOutcome;
    /** Whether this run's outcome is the one the state store kept. */
    let recorded = false;
    if (heartbeat.lost && outcome.kind === 'failed') {
      // Stopped because another instance owns the file now (or may): it records the outcome, not us.
      result = {
        kind: 'failed',
        retryable: true,
        code: 'lease_lost',
        message: 'El permiso de procesar el archivo caducó durante el proceso.',
      };
    } else if (outcome.kind === 'failed') {
      const { code, message, retryable } = outcome.error;
      recorded = await deps.state.failFile(file.id, owner, { code, message, retryable });
      result = { kind: 'failed', retryable, code, message };
    } else {
      const kind: Exclude<FileStatus, 'processing' | 'failed'> =
        outcome.kind === 'quarantined'
          ? 'quarantined'
          : context.classification?.label === 'revision' || context.review?.needed
            ? 'review'
            : 'processed';
      const contractResult = buildResult(context, file.id);
      const kept = await deps.state.completeFile(file.id, owner, {
        status: kind,
        folder: context.folder ?? null,
        result: contractResult,
      });
      if (!kept) logger.warn('lease lost before the outcome was recorded; another instance owns the file');
      recorded = kept;
      result = { kind, result: contractResult };
    }
    logger.info('file done', {
      outcome: result.kind,
      ...(result.kind === 'failed' ? { code: result.code } : {}),
      recorded,
      totalMs: context.timings.totalMs,
    });
    deps.onOutcome?.(file, result);
    return result;
  }

  /**
   * The file was not claimed. If it already has an outcome but still sits in the inbox (a copy of a known
   * file, or a crash between recording and moving), put it where its record says it belongs.
   */
  async function skip(file: SourceFile): Promise<ProcessOutcome> {
    const record: FileRecord | null = await deps.state.getFile(file.id);
    const busy = record?.status === 'processing';
    if (record && !busy && record.folder && file.location === 'inbox') {
      await deps.source.moveTo(file, record.folder).catch((error: unknown) => {
        deps.logger.warn('could not file a known copy', { fileId: file.id, reason: String(error) });
      });
    }
    return { kind: 'skipped', reason: busy ? 'busy' : 'done' };
  }

  return { owner, process };
}
