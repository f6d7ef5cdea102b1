import { Hono } from 'hono';
import type { ReviewService } from '../../processor/review-service.ts';
import { type ReviewAccessOptions, reviewAccess } from './access.ts';
import { reviewRoutes } from './routes.ts';

export { reviewerOf } from './access.ts';

/**
 * `/revision` and its API, behind the review's access rule (access.ts): the IAP identity when IAP_AUDIENCE
 * is set (401 otherwise), else the dashboard's HTTP Basic auth; without either only on a local inbox. The
 * reviewer recorded in the audit is the authenticated identity.
 */
export interface ReviewAppOptions extends ReviewAccessOptions {
  service: ReviewService;
  timeZone?: string;
}

export const REVIEW_BASE = '/revision';

export function reviewApp(options: ReviewAppOptions): Hono {
  const app = new Hono();
  const access = reviewAccess(options);
  for (const path of [REVIEW_BASE, `${REVIEW_BASE}/*`]) app.use(path, access.guard);
  app.route(
    REVIEW_BASE,
    reviewRoutes({
      service: options.service,
      base: REVIEW_BASE,
      timeZone: options.timeZone,
      reviewer: access.reviewer,
    }),
  );
  return app;
}
