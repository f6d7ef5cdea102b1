import { Hono } from 'hono';
import type { StateStore } from '../ports/state.ts';
import { secretsMatch } from '../shared/constant-time.ts';
import type { Logger } from '../shared/logger.ts';
import { createChannelRegistry } from './channel-registry.ts';

export interface DriveNotificationDeps {
  state: Pick<StateStore, 'listChannels'>;
  /** CHANNEL_TOKEN: the secret Drive echoes in X-Goog-Channel-Token. */
  channelToken: string;
  /** Starts a coalesced drain in the background; never awaited by the request. */
  onChange: () => Promise<unknown>;
  logger: Logger;
  channelCacheMs?: number;
}

export interface NotificationCounters {
  accepted: number;
  synced: number;
  rejected: number;
}

/**
 * POST /notifications (mounted under /drive): Drive push notifications for changes.watch. They carry no
 * body, only X-Goog-* headers. A wrong or missing token is 401 and an unknown channel 404, both before any
 * side effect; `sync` is acknowledged; anything else triggers a drain and is answered before it runs.
 */
export function driveNotificationRoutes(
  deps: DriveNotificationDeps,
): Hono & { counters: NotificationCounters } {
  const channels = createChannelRegistry({ state: deps.state, cacheMs: deps.channelCacheMs });
  const counters: NotificationCounters = { accepted: 0, synced: 0, rejected: 0 };
  const app = new Hono();

  app.post('/notifications', async (c) => {
    const channelId = c.req.header('x-goog-channel-id');
    const token = c.req.header('x-goog-channel-token');
    const state = c.req.header('x-goog-resource-state');
    const resourceId = c.req.header('x-goog-resource-id');
    const reject = (status: 400 | 401 | 404, error: string) => {
      counters.rejected++;
      deps.logger.warn('drive notification rejected', { error, channelId: channelId?.slice(0, 80) ?? null });
      return c.json({ error }, status);
    };

    if (!secretsMatch(token, deps.channelToken)) return reject(401, 'invalid_channel_token');
    if (!channelId || !state) return reject(400, 'missing_headers');
    const channel = await channels.find(channelId);
    if (!channel) return reject(404, 'unknown_channel');
    if (resourceId && channel.resourceId && resourceId !== channel.resourceId)
      return reject(404, 'unknown_resource');

    if (state === 'sync') {
      counters.synced++;
      return c.body(null, 200);
    }
    counters.accepted++;
    deps.logger.debug('drive notification', {
      channelId,
      state,
      messageNumber: c.req.header('x-goog-message-number') ?? null,
    });
    void deps.onChange().catch((error: unknown) => {
      deps.logger.error('drain after notification failed', { reason: String(error) });
    });
    return c.body(null, 202);
  });

  return Object.assign(app, { counters });
}
