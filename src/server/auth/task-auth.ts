import type { MiddlewareHandler } from 'hono';
import { secretsMatch } from '../../shared/constant-time.ts';
import type { Logger } from '../../shared/logger.ts';
import type { IdTokenVerifier } from './oidc.ts';

export interface TaskAuthOptions {
  /** Cloud Scheduler's OIDC tokens (production). */
  verifier?: IdTokenVerifier | null;
  /** A static bearer token for local runs and operators. */
  apiToken?: string | null;
  logger: Logger;
}

export type TaskCaller = { kind: 'oidc'; email: string } | { kind: 'api-token' };

/**
 * Guards /tasks/* and /replay: `Authorization: Bearer <token>` must be the API token (constant-time) or an
 * OIDC ID token from the configured service account. Fails closed when neither is configured.
 */
export function taskAuth(options: TaskAuthOptions): MiddlewareHandler<{ Variables: { caller: TaskCaller } }> {
  return async (c, next) => {
    if (!options.verifier && !options.apiToken) {
      return c.json({ error: 'auth_not_configured', message: 'Configure TASKS_AUDIENCE o API_TOKEN.' }, 503);
    }
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) return c.json({ error: 'unauthenticated' }, 401);
    const token = match[1];
    if (options.apiToken && secretsMatch(token, options.apiToken)) {
      c.set('caller', { kind: 'api-token' });
      return next();
    }
    if (options.verifier && token.split('.').length === 3) {
      const verdict = await options.verifier.verify(token);
      if (verdict.ok) {
        c.set('caller', { kind: 'oidc', email: verdict.email });
        return next();
      }
      options.logger.warn('task call rejected', { path: c.req.path, reason: verdict.reason });
      return c.json({ error: verdict.reason }, verdict.reason === 'invalid_token' ? 401 : 403);
    }
    options.logger.warn('task call rejected', { path: c.req.path, reason: 'invalid_token' });
    return c.json({ error: 'invalid_token' }, 401);
  };
}
