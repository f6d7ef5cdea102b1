import type { MiddlewareHandler } from 'hono';

/**
 * Cross-site request forgery guard for the review's POST routes: the browser must say the request comes from
 * this site (`Sec-Fetch-Site: same-origin`), or send an Origin whose host is the one it called. Behind a
 * proxy the scheme seen here can differ from the browser's, so hosts are compared, not whole origins.
 */
export function sameOrigin(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const site = c.req.header('sec-fetch-site');
    if (site === 'same-origin') return next();
    const origin = c.req.header('origin');
    const host = c.req.header('x-forwarded-host') ?? c.req.header('host') ?? new URL(c.req.url).host;
    let originHost: string | null = null;
    try {
      originHost = origin ? new URL(origin).host : null;
    } catch {
      originHost = null;
    }
    if (site !== 'cross-site' && site !== 'same-site' && originHost !== null && originHost === host)
      return next();
    return c.text('Solicitud rechazada: no viene de esta página.', 403);
  };
}
