import type { Context, MiddlewareHandler } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { IAP_HEADER, type IapVerifier } from '../auth/iap.ts';

/**
 * Who may act on `/revision` and its other actions (the dashboard's "Reprocesar"), and who they are. Behind
 * Identity-Aware Proxy (a verifier given) every request must carry a valid `x-goog-iap-jwt-assertion` and
 * the actor is its verified email; anything else is 401. Otherwise the dashboard's HTTP Basic auth guards
 * it and the actor is the authenticated user. Without either it is open only on a local inbox (a laptop);
 * on Drive it refuses (403) rather than accept anonymous changes.
 */
export interface ReviewAccessOptions {
  user: string;
  password: string | undefined;
  /** Serve without a password (the local embedded default). */
  allowAnonymous: boolean;
  /** Behind IAP: the verifier of its signed header; when set, it is the only way in. */
  iap?: IapVerifier | null;
}

export interface ReviewAccess {
  guard: MiddlewareHandler;
  /** The authenticated actor of a request the guard let through (recorded in audits and logs). */
  reviewer: (c: Context) => string;
}

/** The identity IAP vouched for on this request (set by the guard, read when the audit is written). */
type IapEnv = { Variables: { iapReviewer?: string } };

export function reviewAccess(options: ReviewAccessOptions): ReviewAccess {
  const basic = options.password
    ? basicAuth({ username: options.user, password: options.password, realm: 'Facturas' })
    : null;
  const iap = options.iap ?? null;
  return {
    async guard(c, next) {
      if (iap) {
        const assertion = c.req.header(IAP_HEADER);
        const verdict = assertion ? await iap.verify(assertion) : null;
        if (!verdict?.ok) return c.text('Acceso no autorizado: entre por Identity-Aware Proxy.', 401);
        (c as unknown as Context<IapEnv>).set('iapReviewer', verdict.email);
        return next();
      }
      if (basic) return basic(c, next);
      if (options.allowAnonymous) return next();
      return c.text('La revisión necesita DASHBOARD_PASSWORD configurada.', 403);
    },
    reviewer(c) {
      if (iap) return (c as unknown as Context<IapEnv>).get('iapReviewer') ?? 'iap';
      return reviewerOf(c.req.header('authorization')) ?? (options.password ? options.user : 'local');
    },
  };
}

/** The user name of a Basic Authorization header (already verified by the guard). */
export function reviewerOf(authorization: string | undefined): string | null {
  const match = /^basic\s+([A-Za-z0-9+/=]{1,1024})$/i.exec(authorization ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 ? decoded.slice(0, colon).slice(0, 256) : null;
}
