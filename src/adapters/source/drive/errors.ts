import { StageError } from '../../../stages/errors.ts';

/** Error codes the Drive adapter raises besides the contract's `too_large`, `unsupported_type` and `download_failed`. */
export const DRIVE_ERROR_CODES = {
  /** Rate limits, 5xx, network trouble or timeouts that outlasted every retry (retryable). */
  unavailable: 'drive_unavailable',
  notFound: 'drive_not_found',
  forbidden: 'drive_forbidden',
  badRequest: 'drive_bad_request',
  /** changes.list refused the saved page token: start again from getStartPageToken and sweep the inbox. */
  invalidPageToken: 'invalid_page_token',
  /** changes.watch with a channel id that already exists: use a new id. */
  channelConflict: 'channel_conflict',
} as const;

const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded']);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** What a failed Drive call looked like, read from a GaxiosError (or a fetch/abort error under it). */
export interface DriveFailure {
  status: number | null;
  reason: string | null;
  message: string;
  timeout: boolean;
  retryable: boolean;
}

export function describeFailure(error: unknown): DriveFailure {
  if (error instanceof StageError) {
    return {
      status: null,
      reason: error.code,
      message: error.message,
      timeout: false,
      retryable: error.retryable,
    };
  }
  const anyError = (error ?? {}) as {
    status?: unknown;
    code?: unknown;
    name?: unknown;
    message?: unknown;
    response?: { status?: number; data?: unknown; headers?: unknown };
    cause?: unknown;
  };
  const status =
    typeof anyError.response?.status === 'number'
      ? anyError.response.status
      : typeof anyError.status === 'number'
        ? anyError.status
        : null;
  const message = typeof anyError.message === 'string' ? anyError.message : String(error);
  // With responseType 'stream' gaxios drops the error body and puts its JSON text in the message instead.
  const reason = status !== null ? (reasonOf(anyError.response?.data) ?? reasonOf(message)) : null;
  if (status !== null) {
    const retryable =
      status === 429 ||
      status === 408 ||
      status >= 500 ||
      (status === 403 && RATE_LIMIT_REASONS.has(reason ?? ''));
    return { status, reason, message, timeout: status === 408, retryable };
  }
  const codes = [
    anyError.code,
    anyError.name,
    causeField(anyError.cause, 'code'),
    causeField(anyError.cause, 'name'),
  ];
  const timeout = codes.some(
    (code) => code === 'TimeoutError' || code === 'AbortError' || code === 'ETIMEDOUT',
  );
  const network = codes.some((code) => typeof code === 'string' && NETWORK_CODES.has(code));
  // A GaxiosError without a response is a transport failure (fetch failed, socket closed): worth a retry.
  const transport =
    (error as { config?: unknown })?.config !== undefined || /fetch failed|socket/i.test(message);
  return { status: null, reason: null, message, timeout, retryable: timeout || network || transport };
}

/** Seconds from a Retry-After header, when Drive sends one with a 429/503. */
export function retryAfterMs(error: unknown): number | null {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | null } } })?.response
    ?.headers;
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : null;
  if (!value) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

/**
 * The StageError a caller sees. `retryCode` names the retryable failure of this operation
 * (downloads use the contract's `download_failed`, other calls `drive_unavailable`).
 */
export function toDriveStageError(operation: string, error: unknown, retryCode: string): StageError {
  if (error instanceof StageError) return error;
  const failure = describeFailure(error);
  const detail = `${operation}: ${failure.status ?? (failure.timeout ? 'timeout' : 'network')}${
    failure.reason ? ` ${failure.reason}` : ''
  } — ${failure.message}`;
  if (failure.retryable) return new StageError(retryCode, detail, { retryable: true, cause: error });
  if (failure.reason === 'fileNotDownloadable') {
    // A Google Docs, Sheets or Slides file has no bytes to read: as any other non-invoice file, it goes to
    // Cuarentena with its reason.
    const message = `${operation}: es un documento de Google (Docs, Hojas de cálculo...), no una factura en PDF, XML o imagen`;
    return new StageError('unsupported_type', message, {
      quarantine: true,
      cause: error,
    });
  }
  if (failure.reason === 'channelIdNotUnique') {
    return new StageError(DRIVE_ERROR_CODES.channelConflict, detail, { cause: error });
  }
  const code =
    failure.status === 404
      ? DRIVE_ERROR_CODES.notFound
      : failure.status === 401 || failure.status === 403
        ? DRIVE_ERROR_CODES.forbidden
        : failure.status === 400
          ? DRIVE_ERROR_CODES.badRequest
          : 'internal';
  return new StageError(code, detail, { cause: error });
}

function reasonOf(data: unknown): string | null {
  let body = data;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return null;
    }
  }
  const errors = (body as { error?: { errors?: { reason?: unknown }[] } })?.error?.errors;
  const reason = Array.isArray(errors) ? errors[0]?.reason : undefined;
  return typeof reason === 'string' ? reason : null;
}

function causeField(cause: unknown, field: 'code' | 'name'): unknown {
  return cause && typeof cause === 'object' ? (cause as Record<string, unknown>)[field] : undefined;
}
