import type { WatchChannel } from '../ports/source.ts';
import type { StateStore } from '../ports/state.ts';

export interface ChannelRegistry {
  /** The current channel with this id, or null. Two channels overlap while one is being renewed. */
  find(channelId: string): Promise<WatchChannel | null>;
}

/**
 * Current channels from the state store, cached briefly so a notification storm does not turn into a storm
 * of reads. A miss re-reads once, so a channel saved moments ago by another instance is found.
 */
export function createChannelRegistry(deps: {
  state: Pick<StateStore, 'listChannels'>;
  cacheMs?: number;
  now?: () => number;
}): ChannelRegistry {
  const cacheMs = deps.cacheMs ?? 5_000;
  const now = deps.now ?? Date.now;
  let cached: { at: number; channels: WatchChannel[] } | null = null;
  let loading: Promise<WatchChannel[]> | null = null;

  async function load(): Promise<WatchChannel[]> {
    loading ??= deps.state.listChannels().finally(() => {
      loading = null;
    });
    const channels = await loading;
    cached = { at: now(), channels };
    return channels;
  }

  const lookup = (channels: WatchChannel[], id: string) => channels.find((c) => c.id === id) ?? null;

  return {
    async find(channelId) {
      if (cached && now() - cached.at < cacheMs) {
        const hit = lookup(cached.channels, channelId);
        if (hit) return hit;
      }
      return lookup(await load(), channelId);
    },
  };
}
