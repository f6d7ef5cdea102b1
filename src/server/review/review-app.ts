import { type Context, Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import type { ReviewService } from '../../processor/review-service.ts';
import { IAP_HEADER, type IapVerifier } from '../auth/iap.ts';
import { reviewRoutes } from './routes.ts';

/**
 * `/revision` and its API. Behind Identity-Aware Proxy (IAP_AUDIENCE set) every request must carry a valid
 * `x-goog-iap-jwt-assertion` and the reviewer recorded in the audit is its verified email; anything else is
 * 401. Otherwise the dashboard's HTTP Basic auth (DASHBOARD_USER / DASHBOARD_PASSWORD) guards it and the
 * reviewer is the authenticated user. Without either the screen is open only when the service runs on a
 * local inbox (a laptop); on Drive it refuses to serve rather than accept anonymous corrections.
 */
export interface ReviewAppOptions {
  service: ReviewService;
  user: string;
  password: string | undefined;
  /** Serve without a password (the local embedded default). */
  allowAnonymous: boolean;
  /** Behind IAP: the verifier of its signed header; when set, it is the only way in. */
  iap?: IapVerifier | null;
  timeZone?: string;
}

export const REVIEW_BASE = '/revision';
/** The identity IAP vouched for on this request (set by the guard, read when the audit is written). */
type IapEnv = { Variables: { iapReviewer?: string } };

export function reviewApp(options: ReviewAppOptions): Hono {
  const app = new Hono();
  const guard = options.password
    ? basicAuth({ username: options.user, password: options.password, realm: 'Facturas' })
    : null;
  const iap = options.iap ?? null;
  for (const path of [REVIEW_BASE, `${REVIEW_BASE}/*`]) {
    app.use(path, async (c, next) => {
      if (iap) {
        const assertion = c.req.header(IAP_HEADER);
        const verdict = assertion ? await iap.verify(assertion) : null;
        if (!verdict?.ok) return c.text('Acceso no autorizado: entre por Identity-Aware Proxy.', 401);
        (c as unknown as Context<IapEnv>).set('iapReviewer', verdict.email);
        return next();
      }
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
      reviewer: (c) => {
        if (iap) return (c as unknown as Context<IapEnv>).get('iapReviewer') ?? 'iap';
        return reviewerOf(c.req.header('authorization')) ?? (options.password ? options.user : 'local');
      },
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
