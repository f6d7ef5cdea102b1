import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import type { ReviewService } from '../../processor/review-service.ts';
import { reviewRoutes } from './routes.ts';

/**
 * `/revision` behind the dashboard's HTTP Basic auth (DASHBOARD_USER / DASHBOARD_PASSWORD); the reviewer
 * recorded in the audit is the authenticated user. Without a password the screen is open only when the
 * service runs on a local inbox (a laptop); on Drive it refuses to serve rather than accept anonymous
 * corrections.
 */
export interface ReviewAppOptions {
  service: ReviewService;
  user: string;
  password: string | undefined;
  /** Serve without a password (the local embedded default). */
  allowAnonymous: boolean;
  timeZone?: string;
}

export const REVIEW_BASE = '/revision';

export function reviewApp(options: ReviewAppOptions): Hono {
  const app = new Hono();
  const guard = options.password
    ? basicAuth({ username: options.user, password: options.password, realm: 'Facturas' })
    : null;
  for (const path of [REVIEW_BASE, `${REVIEW_BASE}/*`]) {
    app.use(path, async (c, next) => {
      if (guard) return guard(c, next);
      if (options.allowAnonymous) return next();
      return c.text('La revisión necesita DASHBOARD_PASSWORD configurada.', 403);
    });
  }
  app.route(
    REVIEW_BASE,
    reviewRoutes({
      service: options.service,
      base: REVIEW_BASE,
      timeZone: options.timeZone,
      reviewer: (header) =>
        reviewerOf(header('authorization')) ?? (options.password ? options.user : 'local'),
    }),
  );
  return app;
}

/** The user name of a Basic Authorization header (already verified by the guard). */
export function reviewerOf(authorization: string | undefined): string | null {
  const match = /^basic\s+([A-Za-z0-9+/=]{1,1024})$/i.exec(authorization ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 ? decoded.slice(0, colon).slice(0, 256) : null;
}
