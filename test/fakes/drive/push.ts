import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { badRequest, DriveHttpError } from './errors.ts';

/** Drive's limit for changes.watch channels; without an expiration a channel lasts one hour. */
export const MAX_CHANNEL_MS = 7 * 24 * 3600_000;
export const DEFAULT_CHANNEL_MS = 3600_000;

export interface FakeChannel {
  id: string;
  resourceId: string;
  token: string | null;
  address: string;
  /** Epoch milliseconds. */
  expiration: number;
  pageToken: string;
  /** Which changes this channel reports (shared drive scoping, as the listing would). */
  driveId: string | null;
  allDrives: boolean;
  stopped: boolean;
  messageNumber: number;
}

export interface PushMessage {
  channelId: string;
  resourceId: string;
  state: 'sync' | 'change';
  messageNumber: number;
  address: string;
  headers: Record<string, string>;
}

/**
 * What happens to one push: 'drop' loses it; otherwise it is delivered `times` times (default 1), the i-th
 * copy after `delayMs` (a number for every copy, or one per copy). Random delays shuffle the order;
 * `address` sends copies to other receivers than the channel's (several instances behind no load balancer).
 */
export type PushDecision =
  | 'drop'
  | {
      times?: number;
      delayMs?: number | number[];
      /** Deliver elsewhere (e.g. spread copies over several instances): one address, or one per copy (cycled). */
      address?: string | string[];
    };
export type PushPolicy = (message: PushMessage) => PushDecision | undefined;

export interface PushRecord {
  channelId: string;
  /** Where this copy went. */
  address: string;
  state: 'sync' | 'change';
  messageNumber: number;
  /** HTTP status of the delivery; null when dropped or failed before a response. */
  status: number | null;
  outcome: 'delivered' | 'dropped' | 'failed' | 'skipped_expired' | 'skipped_stopped';
  error?: string;
  at: number;
}

export class Channels {
  private readonly byId = new Map<string, FakeChannel>();
  private readonly inFlight = new Set<Promise<void>>();
  readonly log: PushRecord[] = [];
  policy: PushPolicy = () => undefined;

  constructor(private readonly pushTimeoutMs = 5000) {}

  all(): FakeChannel[] {
    return [...this.byId.values()];
  }

  get(id: string): FakeChannel | undefined {
    return this.byId.get(id);
  }

  create(input: {
    id?: unknown;
    type?: unknown;
    address?: unknown;
    token?: unknown;
    expiration?: unknown;
    pageToken: string;
    driveId: string | null;
    allDrives: boolean;
  }): FakeChannel {
    if (typeof input.id !== 'string' || input.id === '') throw badRequest('Channel id is required.', 'id');
    if (this.byId.has(input.id)) {
      throw new DriveHttpError(400, 'channelIdNotUnique', `Channel id ${input.id} not unique`);
    }
    if (input.type !== 'web_hook' && input.type !== 'webhook')
      throw badRequest('Invalid channel type.', 'type');
    if (typeof input.address !== 'string' || !/^https?:\/\//.test(input.address)) {
      throw badRequest('Invalid channel address.', 'address');
    }
    const now = Date.now();
    let expiration = now + DEFAULT_CHANNEL_MS;
    if (input.expiration !== undefined && input.expiration !== null) {
      const requested = Number(input.expiration);
      if (!Number.isFinite(requested) || requested <= now)
        throw badRequest('Invalid expiration.', 'expiration');
      expiration = Math.min(requested, now + MAX_CHANNEL_MS);
    }
    const channel: FakeChannel = {
      id: input.id,
      resourceId: randomBytes(12).toString('base64url'),
      token: typeof input.token === 'string' ? input.token : null,
      address: input.address,
      expiration,
      pageToken: input.pageToken,
      driveId: input.driveId,
      allDrives: input.allDrives,
      stopped: false,
      messageNumber: 0,
    };
    this.byId.set(channel.id, channel);
    return channel;
  }

  stop(id: unknown, resourceId: unknown): void {
    const channel = typeof id === 'string' ? this.byId.get(id) : undefined;
    if (!channel || channel.resourceId !== resourceId || channel.stopped) {
      throw new DriveHttpError(404, 'notFound', `Channel '${String(id)}' not found for project`);
    }
    channel.stopped = true;
  }

  /** Sends one notification on every live channel that `visible` accepts. */
  notifyChange(visible: (channel: FakeChannel) => boolean): void {
    for (const channel of this.byId.values()) {
      if (!channel.stopped && Date.now() < channel.expiration && visible(channel))
        this.send(channel, 'change');
    }
  }

  send(channel: FakeChannel, state: 'sync' | 'change'): void {
    channel.messageNumber += 1;
    const headers: Record<string, string> = {
      'X-Goog-Channel-ID': channel.id,
      'X-Goog-Channel-Expiration': new Date(channel.expiration).toUTCString(),
      'X-Goog-Resource-ID': channel.resourceId,
      'X-Goog-Resource-URI': `https://www.googleapis.com/drive/v3/changes?alt=json&pageToken=${channel.pageToken}`,
      'X-Goog-Resource-State': state,
      'X-Goog-Message-Number': String(channel.messageNumber),
    };
    if (channel.token !== null) headers['X-Goog-Channel-Token'] = channel.token;
    const message: PushMessage = {
      channelId: channel.id,
      resourceId: channel.resourceId,
      state,
      messageNumber: channel.messageNumber,
      address: channel.address,
      headers,
    };
    const decision = this.policy(message) ?? {};
    const record = (
      outcome: PushRecord['outcome'],
      status: number | null,
      error?: string,
      address = channel.address,
    ): void => {
      this.log.push({
        channelId: channel.id,
        address,
        state,
        messageNumber: message.messageNumber,
        status,
        outcome,
        error,
        at: Date.now(),
      });
    };
    if (decision === 'drop') {
      record('dropped', null);
      return;
    }
    const times = decision.times ?? 1;
    for (let copy = 0; copy < times; copy++) {
      const delay = Array.isArray(decision.delayMs) ? (decision.delayMs[copy] ?? 0) : (decision.delayMs ?? 0);
      const addresses = decision.address === undefined ? [channel.address] : [decision.address].flat();
      const target = addresses[copy % addresses.length] ?? channel.address;
      const delivery = (async (): Promise<void> => {
        if (delay > 0) await sleep(delay);
        if (channel.stopped) return record('skipped_stopped', null, undefined, target);
        if (Date.now() >= channel.expiration) return record('skipped_expired', null, undefined, target);
        try {
          const response = await fetch(target, {
            method: 'POST',
            headers,
            signal: AbortSignal.timeout(this.pushTimeoutMs),
          });
          await response.arrayBuffer();
          record('delivered', response.status, undefined, target);
        } catch (error) {
          record('failed', null, error instanceof Error ? error.message : String(error), target);
        }
      })();
      this.inFlight.add(delivery);
      void delivery.finally(() => this.inFlight.delete(delivery));
    }
  }

  /** Resolves when no push is scheduled or in flight (including ones scheduled meanwhile). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }
}
