import { randomUUID } from 'node:crypto';
import type { ChangeFeed, WatchChannel } from '../ports/source.ts';
import type { StateStore } from '../ports/state.ts';
import type { Logger } from '../shared/logger.ts';

export interface RenewalSettings {
  /** Public HTTPS address of POST /drive/notifications. */
  address: string;
  /** CHANNEL_TOKEN, echoed by Drive in X-Goog-Channel-Token. */
  token: string;
  /** Requested channel lifetime (Drive caps changes.watch at 7 days). */
  ttlMs: number;
  /** Renew when the newest channel expires within this window. */
  renewBeforeMs: number;
}

export interface RenewalSummary {
  action: 'created' | 'renewed' | 'kept';
  channelId: string;
  /** ISO expiry of the channel now receiving notifications. */
  expiresAt: string;
  stopped: string[];
}

/**
 * Keeps one push channel alive. The new channel (a new id, from the saved page token) is created and saved
 * before the old one is stopped, so notifications never have a gap; both are accepted while they overlap.
 */
export async function renewChannel(deps: {
  feed: ChangeFeed;
  state: StateStore;
  logger: Logger;
  settings: RenewalSettings;
  now?: () => number;
  /** Create a new channel even when the current one is still fresh (`facturas drive watch --force`). */
  force?: boolean;
}): Promise<RenewalSummary> {
  const now = deps.now ?? Date.now;
  const channels = await deps.state.listChannels();
  const newest = channels.reduce<WatchChannel | null>(
    (a, c) => (!a || c.expiration > a.expiration ? c : a),
    null,
  );
  const fresh = newest !== null && newest.expiration - now() > deps.settings.renewBeforeMs;

  if (fresh && !deps.force) {
    const stale = channels.filter((c) => c !== newest && c.expiration <= now());
    return {
      action: 'kept',
      channelId: newest.id,
      expiresAt: new Date(newest.expiration).toISOString(),
      stopped: await stopAll(deps, stale),
    };
  }

  const pageToken = await currentPageToken(deps.feed, deps.state);
  const created = await deps.feed.watch(pageToken, {
    id: `facturas-${randomUUID()}`,
    token: deps.settings.token,
    address: deps.settings.address,
    expiration: now() + deps.settings.ttlMs,
  });
  try {
    await deps.state.saveChannel(created);
  } catch (error) {
    // An unsaved channel would push notifications every instance refuses: stop it rather than orphan it.
    await deps.feed.stopChannel(created).catch(() => undefined);
    throw error;
  }
  const stopped = await stopAll(deps, channels);
  deps.logger.info('watch channel started', {
    channelId: created.id,
    expiresAt: new Date(created.expiration).toISOString(),
    replaced: stopped,
  });
  return {
    action: channels.length > 0 ? 'renewed' : 'created',
    channelId: created.id,
    expiresAt: new Date(created.expiration).toISOString(),
    stopped,
  };
}

/** The drain's saved token; on a first run, Drive's start token, saved so the drain starts from the same place. */
async function currentPageToken(feed: ChangeFeed, state: StateStore): Promise<string> {
  const saved = await state.getPageToken();
  if (saved !== null) return saved;
  const start = await feed.getStartPageToken();
  if (await state.setPageToken(null, start)) return start;
  return (await state.getPageToken()) ?? start;
}

/** Stops channels by id + resourceId, then forgets them. A channel Drive no longer knows is forgotten too. */
async function stopAll(
  deps: { feed: ChangeFeed; state: StateStore; logger: Logger },
  channels: WatchChannel[],
): Promise<string[]> {
  const stopped: string[] = [];
  for (const channel of channels) {
    try {
      await deps.feed.stopChannel({ id: channel.id, resourceId: channel.resourceId });
    } catch (error) {
      const expired = channel.expiration <= Date.now();
      deps.logger.warn('could not stop watch channel', {
        channelId: channel.id,
        reason: String(error),
        expired,
      });
      // Keep a live channel we failed to stop: the next run tries again. An expired one is gone anyway.
      if (!expired) continue;
    }
    await deps.state.deleteChannel(channel.id);
    stopped.push(channel.id);
  }
  return stopped;
}
