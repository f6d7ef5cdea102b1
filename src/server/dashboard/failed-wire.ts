import type { Hono } from 'hono';
import type { Services } from '../../composition-root.ts';
import { replay } from '../../processor/replay.ts';
import { reviewAccessFor } from '../review/wire.ts';
import { driveFileLink, type FailedFilesSource } from './failed-data.ts';
import { failedReplayApp } from './failed-replay-app.ts';

/** "Archivos con error" over the running service: the state store's failed files, Drive links on Drive. */
export function failedFilesFor(services: Pick<Services, 'env' | 'state'>): FailedFilesSource {
  return services.env.SOURCE === 'drive'
    ? { state: services.state, linkFor: driveFileLink }
    : { state: services.state };
}

/** Its "Reprocesar" action: POST /replay's operation on the service's dispatcher, with the review's access. */
export function failedReplayAppFor(
  services: Pick<Services, 'env' | 'state' | 'source' | 'dispatcher' | 'logger'>,
): Hono {
  const logger = services.logger.child({ component: 'replay' });
  const deps = { source: services.source, state: services.state, dispatcher: services.dispatcher, logger };
  return failedReplayApp({
    ...reviewAccessFor(services.env),
    state: services.state,
    logger,
    replay: (request) => replay(deps, request),
  });
}
