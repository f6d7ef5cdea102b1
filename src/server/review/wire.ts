import path from 'node:path';
import { createReviewStore } from '../../adapters/warehouse/review-store.ts';
import type { Services } from '../../composition-root.ts';
import { resolveDataPath } from '../../config/env.ts';
import { createPageCache } from '../../processor/review-pages.ts';
import { createReviewService, type ReviewService } from '../../processor/review-service.ts';
import { KEY_FIELDS } from '../../stages/review.ts';
import { createIapVerifier } from '../auth/iap.ts';
import type { ReviewAccessOptions } from './access.ts';
import { reviewApp } from './review-app.ts';

/** The review service over the running service's adapters: page images cached under DATA_DIR/review-pages. */
export function reviewServiceFor(
  services: Pick<Services, 'env' | 'logger' | 'warehouse' | 'state' | 'source' | 'queue' | 'pipeline'>,
): ReviewService {
  const { env } = services;
  return createReviewService({
    store: createReviewStore(services.warehouse.db, services.warehouse.dialect),
    state: services.state,
    source: services.source,
    pages: createPageCache(path.join(resolveDataPath(env, 'review-pages'))),
    // The reader (mupdf) and the OCR pool are the pipeline's: loaded by the first page anyone opens, if not before.
    read: async (bytes) => {
      const [{ readPdf }, { readOptionsFromEnv }, { ocr }] = await Promise.all([
        import('../../stages/read/read-pdf.ts'),
        import('../../stages/read/stage.ts'),
        services.pipeline(),
      ]);
      return (await readPdf(bytes, readOptionsFromEnv(env), ocr)).document;
    },
    resubmit: (file) => services.queue.submit(file, { force: true }),
    policy: { threshold: env.REVIEW_FIELD_CONFIDENCE, keyFields: KEY_FIELDS },
    maxBytes: env.MAX_FILE_BYTES,
    logger: services.logger,
  });
}

/** `/revision`, mounted at `/` by the main entry. */
export function reviewAppFor(services: Parameters<typeof reviewServiceFor>[0]) {
  return reviewApp({ service: reviewServiceFor(services), ...reviewAccessFor(services.env) });
}

/** Who may use `/revision` and the other actions that change something (the dashboard's "Reprocesar"). */
export function reviewAccessFor(env: Services['env']): ReviewAccessOptions {
  return {
    user: env.DASHBOARD_USER,
    password: env.DASHBOARD_PASSWORD,
    allowAnonymous: env.SOURCE === 'local',
    iap: env.IAP_AUDIENCE
      ? createIapVerifier({
          audience: env.IAP_AUDIENCE,
          ...(env.IAP_PUBLIC_KEYS_URL ? { keysUrl: env.IAP_PUBLIC_KEYS_URL } : {}),
        })
      : null,
  };
}
