/**
 * Push delivery with Pub/Sub's concurrency, over a subscription of the official emulator.
 *
 * The emulator (cloud-pubsub-emulator 0.8.20, in the Google Cloud CLI) pushes each subscription through two
 * loops, each sending one request and waiting for its answer: two files in flight, whatever the number of
 * instances behind the endpoint. Pub/Sub itself raises the number of push requests in flight as the endpoint
 * answers with successes, so a fleet of Cloud Run instances is sent work for all of them. This deliverer does
 * what Pub/Sub's push does, on a pull subscription of the same emulator (which keeps the messages, their
 * leases and their redeliveries): up to `window` messages in flight, each POSTed as the push envelope
 * Pub/Sub sends, acknowledged on a 2xx answer and handed back for redelivery (ack deadline 0) otherwise,
 * both in batches every few milliseconds.
 */

export interface PushDeliverer {
  /** Requests in flight now. */
  readonly inFlight: number;
  /** Answers by HTTP status (0: no answer). */
  readonly answered: Record<number, number>;
  stop(): Promise<void>;
}

interface PulledMessage {
  ackId: string;
  deliveryAttempt?: number;
  message: {
    data?: string;
    attributes?: Record<string, string>;
    messageId: string;
    publishTime?: string;
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** How often answered messages are acknowledged (or handed back) in one request. */
const FLUSH_MS = 20;

export function startPushDeliverer(options: {
  /** host:port of the emulator. */
  host: string;
  project: string;
  subscription: string;
  endpoint: string;
  window: number;
  /** Wait between pulls that found nothing. */
  idlePollMs?: number;
}): PushDeliverer {
  const base = `http://${options.host}/v1/projects/${options.project}/subscriptions/${options.subscription}`;
  const name = `projects/${options.project}/subscriptions/${options.subscription}`;
  const answered: Record<number, number> = {};
  const running = new Set<Promise<void>>();
  const acks: string[] = [];
  const nacks: string[] = [];
  let stopped = false;

  async function call(verb: string, body: unknown): Promise<unknown> {
    const response = await fetch(`${base}:${verb}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`Pub/Sub emulator ${verb}: HTTP ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }

  async function deliver(pulled: PulledMessage): Promise<void> {
    const m = pulled.message;
    const envelope = {
      message: {
        data: m.data,
        attributes: m.attributes,
        messageId: m.messageId,
        message_id: m.messageId,
        publishTime: m.publishTime,
        publish_time: m.publishTime,
      },
      subscription: name,
      ...(pulled.deliveryAttempt ? { deliveryAttempt: pulled.deliveryAttempt } : {}),
    };
    let status = 0;
    try {
      const response = await fetch(options.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(envelope),
      });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = 0;
    }
    answered[status] = (answered[status] ?? 0) + 1;
    if (status >= 200 && status < 300) acks.push(pulled.ackId);
    else nacks.push(pulled.ackId);
  }

  /** Acknowledgements and refusals go back in batches, as the emulator's clients send them. */
  async function flush(): Promise<void> {
    const ackIds = acks.splice(0);
    const nackIds = nacks.splice(0);
    if (ackIds.length > 0) await call('acknowledge', { ackIds });
    if (nackIds.length > 0) await call('modifyAckDeadline', { ackIds: nackIds, ackDeadlineSeconds: 0 });
  }

  async function flushLoop(): Promise<void> {
    while (!stopped || running.size > 0) {
      await flush().catch(() => undefined);
      await sleep(FLUSH_MS);
    }
    await flush().catch(() => undefined);
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      const room = options.window - running.size;
      if (room <= 0) {
        await Promise.race(running);
        continue;
      }
      const answer = (await call('pull', { maxMessages: room, returnImmediately: true })) as {
        receivedMessages?: PulledMessage[];
      } | null;
      const received = answer?.receivedMessages ?? [];
      if (received.length === 0) {
        await sleep(options.idlePollMs ?? 10);
        continue;
      }
      for (const pulled of received) {
        const task: Promise<void> = deliver(pulled)
          .catch(() => undefined)
          .finally(() => running.delete(task));
        running.add(task);
      }
    }
  }

  const looping = loop();
  const flushing = flushLoop();
  return {
    get inFlight() {
      return running.size;
    },
    answered,
    async stop() {
      stopped = true;
      await looping.catch(() => undefined);
      await Promise.allSettled(running);
      await flushing;
    },
  };
}
