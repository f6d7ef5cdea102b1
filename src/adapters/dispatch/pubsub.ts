import type { GoogleAuth } from 'google-auth-library';
import PQueue from 'p-queue';
import type { DispatchReceipt, WorkDispatcher } from '../../ports/work-dispatcher.ts';
import type { Logger } from '../../shared/logger.ts';
import { encodeWorkMessage } from './work-message.ts';

export const PUBSUB_SCOPE = 'https://www.googleapis.com/auth/pubsub';

export interface PubSubDispatcherOptions {
  project: string;
  topic: string;
  /** host:port of the Pub/Sub emulator: plain HTTP, no credentials (like the official clients). */
  emulatorHost?: string;
  /** Access tokens; default Application Default Credentials with the Pub/Sub scope. */
  accessToken?: () => Promise<string>;
  /** Messages per publish request (Pub/Sub accepts up to 1,000 and 10 MB). */
  batchSize?: number;
  /** Publish requests in flight at once. */
  concurrency?: number;
  /** Attempts per publish request on 429, 5xx and network errors, with exponential back-off. */
  attempts?: number;
  backoffMs?: number;
  requestTimeoutMs?: number;
  logger?: Logger;
  fetch?: typeof fetch;
}

export class PublishError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'PublishError';
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Publishes one message per file to a Pub/Sub topic through the REST API (`topics.publish`); a push
 * subscription then delivers each one to POST /tasks/process on any instance. `dispatch` resolves when
 * every message is accepted by Pub/Sub (which then keeps it until a worker acknowledges an outcome).
 */
export function createPubSubDispatcher(options: PubSubDispatcherOptions): WorkDispatcher {
  const base = options.emulatorHost ? `http://${options.emulatorHost}` : 'https://pubsub.googleapis.com';
  const url = `${base}/v1/projects/${encodeURIComponent(options.project)}/topics/${encodeURIComponent(options.topic)}:publish`;
  const batchSize = Math.min(1000, Math.max(1, options.batchSize ?? 500));
  const attempts = Math.max(1, options.attempts ?? 5);
  const backoffMs = options.backoffMs ?? 200;
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const doFetch = options.fetch ?? fetch;
  const token = options.emulatorHost ? null : (options.accessToken ?? adcToken());
  const requests = new PQueue({ concurrency: options.concurrency ?? 4 });

  async function publishOnce(body: string): Promise<number> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${await token()}`;
    const response = await doFetch(url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new PublishError(
        `Pub/Sub publish: HTTP ${response.status} ${text.slice(0, 300)}`,
        response.status,
      );
    }
    const ids = (JSON.parse(text) as { messageIds?: string[] }).messageIds ?? [];
    return ids.length;
  }

  async function publish(batch: ReturnType<typeof encodeWorkMessage>[]): Promise<void> {
    const body = JSON.stringify({ messages: batch });
    for (let attempt = 1; ; attempt++) {
      try {
        const accepted = await publishOnce(body);
        if (accepted !== batch.length) {
          throw new PublishError(`Pub/Sub accepted ${accepted} of ${batch.length} messages`, null);
        }
        return;
      } catch (error) {
        const status = error instanceof PublishError ? error.status : null;
        // A network error or timeout may have published: retrying can duplicate, which the claim absorbs.
        const retryable = status === null || RETRYABLE.has(status);
        if (!retryable || attempt >= attempts) throw error;
        options.logger?.warn('publish retried', { attempt, reason: String(error) });
        await sleep(backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
      }
    }
  }

  return {
    kind: 'pubsub',
    async dispatch(items): Promise<DispatchReceipt> {
      const messages = items.map(encodeWorkMessage);
      const batches: (typeof messages)[] = [];
      for (let i = 0; i < messages.length; i += batchSize) batches.push(messages.slice(i, i + batchSize));
      await Promise.all(batches.map((batch) => requests.add(() => publish(batch))));
      return { handedOver: items.length, pending: [] };
    },
  };
}

function adcToken(): () => Promise<string> {
  // google-auth-library is imported by the first publish, not at start (it is ~150 modules).
  let auth: Promise<GoogleAuth> | null = null;
  return async () => {
    auth ??= import('google-auth-library').then(
      ({ GoogleAuth }) => new GoogleAuth({ scopes: [PUBSUB_SCOPE] }),
    );
    const token = await (await auth).getAccessToken();
    if (!token) throw new PublishError('no access token for Pub/Sub (Application Default Credentials)', null);
    return token;
  };
}
