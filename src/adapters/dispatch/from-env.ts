import type { Env } from '../../config/env.ts';
import type { StateStore } from '../../ports/state.ts';
import type { LocalRunner, WorkDispatcher } from '../../ports/work-dispatcher.ts';
import type { Logger } from '../../shared/logger.ts';
import { createInProcessDispatcher } from './in-process.ts';
import { createPubSubDispatcher } from './pubsub.ts';

/** The dispatcher DISPATCH names: this instance's queue, or the Pub/Sub topic every instance consumes. */
export function createDispatcherFromEnv(
  env: Env,
  deps: { queue: Pick<LocalRunner, 'submit'>; state: Pick<StateStore, 'getFile'>; logger: Logger },
): WorkDispatcher {
  if (env.DISPATCH === 'inprocess') return createInProcessDispatcher(deps);
  const project = env.PUBSUB_PROJECT ?? env.GOOGLE_CLOUD_PROJECT;
  if (!project || !env.PUBSUB_TOPIC) throw new Error('DISPATCH=pubsub needs PUBSUB_TOPIC and PUBSUB_PROJECT');
  return createPubSubDispatcher({
    project,
    topic: env.PUBSUB_TOPIC,
    emulatorHost: env.PUBSUB_EMULATOR_HOST,
    logger: deps.logger.child({ component: 'pubsub' }),
  });
}
