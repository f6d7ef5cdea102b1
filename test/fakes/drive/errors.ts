/** Errors in the shape Google APIs return them (`{ error: { code, message, errors: [{ domain, reason }] } }`). */
export class DriveHttpError extends Error {
  readonly status: number;
  readonly reason: string;
  readonly domain: string;
  readonly location: string | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    reason: string,
    message: string,
    options: { domain?: string; location?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.reason = reason;
    this.domain = options.domain ?? 'global';
    this.location = options.location;
    this.headers = options.headers ?? {};
  }

  toJSON(): unknown {
    const detail: Record<string, string> = {
      domain: this.domain,
      reason: this.reason,
      message: this.message,
    };
    if (this.location) {
      detail['location'] = this.location;
      detail['locationType'] = 'parameter';
    }
    return { error: { code: this.status, message: this.message, errors: [detail] } };
  }
}

export const badRequest = (message: string, location?: string) =>
  new DriveHttpError(400, 'invalid', message, { location });

export const notFound = (fileId: string) =>
  new DriveHttpError(404, 'notFound', `File not found: ${fileId}.`, { location: 'fileId' });

/** The errors a test can inject, as Drive words them. */
export function injectedError(status: number, retryAfterSeconds: number | null = null): DriveHttpError {
  const error = injectedErrorBody(status);
  if (retryAfterSeconds !== null && (status === 429 || status === 503)) {
    error.headers['retry-after'] = String(retryAfterSeconds);
  }
  return error;
}

function injectedErrorBody(status: number): DriveHttpError {
  switch (status) {
    case 429:
      return new DriveHttpError(429, 'rateLimitExceeded', 'Rate Limit Exceeded', { domain: 'usageLimits' });
    case 403:
      return new DriveHttpError(403, 'userRateLimitExceeded', 'User Rate Limit Exceeded', {
        domain: 'usageLimits',
      });
    case 503:
      return new DriveHttpError(503, 'backendError', 'Service Unavailable');
    default:
      return new DriveHttpError(
        status,
        status >= 500 ? 'backendError' : 'injected',
        `Injected error ${status}`,
      );
  }
}
