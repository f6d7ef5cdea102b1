import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../shared/logger.ts';

/**
 * One structured log line per request, tied to Cloud Trace when Google's front end sent a trace context,
 * so that a webhook call and the drain it starts can be followed together in Cloud Logging.
 */
export function requestLog(logger: Logger, projectId: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const traceHeader = c.req.header('x-cloud-trace-context');
    const traceId = traceHeader?.split('/')[0];
    const trace = traceId && projectId ? `projects/${projectId}/traces/${traceId}` : undefined;
    await next();
    if (c.req.path === '/healthz' || c.req.path === '/metrics') return;
    logger.info('request', {
      ...(trace ? { 'logging.googleapis.com/trace': trace } : {}),
      httpRequest: {
        requestMethod: c.req.method,
        requestUrl: c.req.path,
        status: c.res.status,
        latency: `${((performance.now() - started) / 1000).toFixed(3)}s`,
      },
    });
  };
}
