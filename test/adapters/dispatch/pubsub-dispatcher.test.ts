import { afterAll, describe, expect, it } from 'vitest';
import { createPubSubDispatcher, PublishError } from '../../../src/adapters/dispatch/pubsub.ts';
import { decodeWorkMessage, encodeWorkMessage } from '../../../src/adapters/dispatch/work-message.ts';
import type { WorkItem } from '../../../src/ports/work-dispatcher.ts';
import { type PubSubEmulator, startPubSubEmulator } from '../../support/pubsub-emulator.ts';
import { serviceMissing } from '../../support/required-service.ts';
import { describeDispatcherContract, sourceFile } from './dispatcher-contract.ts';

let emulator: Promise<PubSubEmulator | null> | undefined;
const useEmulator = () => {
  emulator ??= startPubSubEmulator();
  return emulator;
};
afterAll(async () => {
  await (await emulator)?.stop();
});
let generation = 0;

describeDispatcherContract('pubsub (official emulator, REST publish)', async () => {
  const current = await useEmulator();
  if (!current) {
    serviceMissing('Pub/Sub emulator', 'gcloud could not start it');
    return null;
  }
  const topic = `files-${++generation}`;
  await current.createTopic(topic);
  await current.createPullSubscription(`${topic}-pull`, topic);
  const dispatcher = createPubSubDispatcher({
    project: current.projectId,
    topic,
    emulatorHost: current.host,
    batchSize: 500,
  });
  const seen: WorkItem[] = [];
  return {
    dispatcher,
    async received(count, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      do {
        for (const message of await current.pull(`${topic}-pull`)) {
          const item = decodeWorkMessage(message.data);
          if (!item) throw new Error(`undecodable message ${message.messageId}`);
          expect(message.attributes).toEqual({
            fileId: item.file.id,
            md5: item.file.md5 ?? '',
            reason: item.reason,
          });
          seen.push(item);
        }
        if (seen.length >= count) break;
        await new Promise((r) => setTimeout(r, 50));
      } while (Date.now() < deadline);
      return seen;
    },
    close: async () => {},
  };
});

describe('pubsub dispatcher', () => {
  const item: WorkItem = { file: sourceFile('x1'), reason: 'change' };

  it('throws when the topic does not exist, so the caller keeps its cursor', async (ctx) => {
    const current = await useEmulator();
    if (!current) {
      serviceMissing('Pub/Sub emulator', 'gcloud could not start it');
      return ctx.skip();
    }
    const dispatcher = createPubSubDispatcher({
      project: current.projectId,
      topic: 'no-such-topic',
      emulatorHost: current.host,
    });
    await expect(dispatcher.dispatch([item])).rejects.toThrow(/HTTP 404/);
  });

  it('retries 503 and 429 with back-off, sends the bearer token, and gives up on other errors', async () => {
    const statuses = [503, 429, 200];
    const seen: { url: string; auth: string | null; body: { messages: unknown[] } }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      seen.push({
        url,
        auth: new Headers(init.headers).get('authorization'),
        body: JSON.parse(String(init.body)),
      });
      const status = statuses.shift() ?? 400;
      return new Response(status === 200 ? JSON.stringify({ messageIds: ['1'] }) : '{}', { status });
    }) as typeof fetch;
    const dispatcher = createPubSubDispatcher({
      project: 'p',
      topic: 'files',
      accessToken: async () => 'tok',
      fetch: fakeFetch,
      backoffMs: 1,
    });
    expect(await dispatcher.dispatch([item])).toEqual({ handedOver: 1, pending: [] });
    expect(seen).toHaveLength(3);
    expect(seen[0]?.url).toBe('https://pubsub.googleapis.com/v1/projects/p/topics/files:publish');
    expect(seen[0]?.auth).toBe('Bearer tok');
    expect(seen[0]?.body.messages).toEqual([encodeWorkMessage(item)]);
    await expect(dispatcher.dispatch([item])).rejects.toBeInstanceOf(PublishError);
  });

  it('decodes only its own messages', () => {
    expect(decodeWorkMessage(encodeWorkMessage(item).data)).toStrictEqual(item);
    // A replay's force travels with the message; an unforced item's message has no such key.
    const forced: WorkItem = { ...item, reason: 'replay', force: true };
    expect(decodeWorkMessage(encodeWorkMessage(forced).data)).toStrictEqual(forced);
    const unforced = JSON.parse(
      Buffer.from(encodeWorkMessage({ ...item, force: false }).data, 'base64').toString(),
    );
    expect(unforced).not.toHaveProperty('force');
    expect(decodeWorkMessage('not base64 json')).toBeNull();
    const foreign = Buffer.from(JSON.stringify({ v: 2, reason: 'change', file: item.file })).toString(
      'base64',
    );
    expect(decodeWorkMessage(foreign)).toBeNull();
    const extra = Buffer.from(JSON.stringify({ v: 1, reason: 'change', file: { ...item.file, x: 1 } }));
    expect(decodeWorkMessage(extra.toString('base64'))).toBeNull();
  });
});
