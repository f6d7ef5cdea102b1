import { createInProcessDispatcher } from '../adapters/dispatch/in-process.ts';
import type { Services } from '../composition-root.ts';
import type { Warehouse } from '../ports/warehouse.ts';
import { backfill } from '../processor/backfill.ts';
import { createDrainer, type Drainer } from '../processor/drain.ts';
import { pageTokenResetCounter } from '../processor/drain-metrics.ts';
import { processPushedMessage } from '../processor/process-message.ts';
import { replay } from '../processor/replay.ts';
import { runHourly } from '../watch-renewal/hourly.ts';
import type { RenewalSettings } from '../watch-renewal/renew-channel.ts';
import { driveNotificationRoutes } from '../webhook/notifications.ts';
import type { AppRoutes } from './app.ts';
import { createIdTokenVerifier } from './auth/oidc.ts';
import type { TaskAuthOptions } from './auth/task-auth.ts';
import { processTaskRoutes } from './process-task-route.ts';
import { taskRoutes } from './task-routes.ts';

type RouteServices = Pick<
  Services,
  'env' | 'logger' | 'source' | 'feed' | 'state' | 'queue' | 'processor'
> & {
  warehouse: Warehouse;
} & Partial<Pick<Services, 'dispatcher' | 'metrics' | 'modelSync'>>;

export interface BuiltRoutes {
  routes: AppRoutes[];
  /** The coalesced drainer (Drive only), for the main entry to trigger at start and to await at shutdown. */
  drainer: Drainer | null;
  /** How task endpoints authenticate callers, for other task routes (training). */
  auth: TaskAuthOptions;
}

/**
 * The event-driven routes: the Drive webhook at /drive (SOURCE=drive) and the authenticated task endpoints
 * (/tasks/hourly, /replay) for both sources; locally the hourly task is the inbox sweep.
 */
export function buildRoutes(services: RouteServices): AppRoutes[] {
  return buildEventRoutes(services).routes;
}

export function buildEventRoutes(services: RouteServices): BuiltRoutes {
  const { env, logger } = services;
  const owner = services.processor.owner;
  // The sweep, replays and backfills hand files to the service's dispatcher (this instance's queue unless
  // DISPATCH=pubsub); only the drain keeps its own in-process path.
  const dispatcher =
    services.dispatcher ?? createInProcessDispatcher({ queue: services.queue, state: services.state });
  const pubsub = dispatcher.kind === 'pubsub' ? dispatcher : null;
  const drainer = services.feed
    ? createDrainer({
        feed: services.feed,
        state: services.state,
        queue: services.queue,
        // Pub/Sub: the page token moves once the page's files are published. In-process the drain settles
        // files through the queue itself (and stops at once on shutdown).
        dispatcher: pubsub ?? undefined,
        source: services.source,
        warehouse: services.warehouse,
        logger: logger.child({ component: 'drain' }),
        owner,
        // Short enough that a crashed drainer blocks the others for seconds, renewed while a drain runs.
        leaseMs: 30_000,
        busyWaitMs: 20_000,
        onPageTokenReset: services.metrics ? pageTokenResetCounter(services.metrics.registry) : undefined,
      })
    : null;
  const renewal = renewalSettings(env);
  const routes: AppRoutes[] = [];

  if (drainer && env.CHANNEL_TOKEN) {
    routes.push({
      path: '/drive',
      app: driveNotificationRoutes({
        state: services.state,
        channelToken: env.CHANNEL_TOKEN,
        onChange: () => drainer.trigger(),
        logger: logger.child({ component: 'webhook' }),
      }),
    });
  } else if (drainer) {
    logger.warn('CHANNEL_TOKEN is not set: the Drive webhook is disabled, only the hourly sweep runs');
  }

  const verifier =
    env.TASKS_AUDIENCE && env.TASKS_SERVICE_ACCOUNT
      ? createIdTokenVerifier({
          audience: env.TASKS_AUDIENCE,
          serviceAccount: env.TASKS_SERVICE_ACCOUNT,
          certsUrl: env.TASKS_OIDC_CERTS_URL,
        })
      : null;
  const auth: TaskAuthOptions = {
    verifier,
    apiToken: env.API_TOKEN ?? null,
    logger: logger.child({ component: 'task-auth' }),
  };
  routes.push({
    path: '/',
    app: taskRoutes({
      auth,
      hourly: async () => {
        // A model promoted or rolled back on another instance is picked up here (hot swap). It runs beside
        // the task, not before it: with the state store down the task must fail fast, not after the check.
        const modelCheck = services.modelSync?.check().catch((error: unknown) =>
          logger.warn('model check failed', {
            reason: error instanceof Error ? error.message : String(error),
          }),
        );
        const summary = await runHourly({
          source: services.source,
          feed: services.feed,
          drainer,
          state: services.state,
          dispatcher,
          warehouse: services.warehouse,
          logger: logger.child({ component: 'hourly' }),
          owner,
          renewal,
        });
        await modelCheck;
        return summary;
      },
      replay: (request) =>
        replay({ ...services, dispatcher, logger: logger.child({ component: 'replay' }) }, request),
      processTask: pubsub
        ? processTaskRoutes({
            maxBodyBytes: env.PUSH_MAX_BODY_BYTES,
            handle: (message) =>
              processPushedMessage(
                {
                  queue: services.queue,
                  state: services.state,
                  logger: logger.child({ component: 'push' }),
                  maxDeliveryAttempts: env.PUBSUB_MAX_DELIVERY_ATTEMPTS,
                  onVerdict: (verdict) => services.metrics?.pushMessage(verdict),
                },
                message,
              ),
          })
        : undefined,
      backfill: services.dispatcher
        ? () =>
            backfill({
              source: services.source,
              state: services.state,
              dispatcher: services.dispatcher!,
              logger: logger.child({ component: 'backfill' }),
              owner,
            })
        : undefined,
      logger,
    }),
  });
  return { routes, drainer, auth };
}

export function renewalSettings(env: RouteServices['env']): RenewalSettings | null {
  if (!env.WEBHOOK_URL || !env.CHANNEL_TOKEN) return null;
  return {
    address: env.WEBHOOK_URL,
    token: env.CHANNEL_TOKEN,
    ttlMs: env.CHANNEL_TTL_HOURS * 3_600_000,
    renewBeforeMs: env.CHANNEL_RENEW_BEFORE_HOURS * 3_600_000,
  };
}
