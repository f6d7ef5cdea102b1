import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { decodeWorkMessage } from '../adapters/dispatch/work-message.ts';
import { PUSH_VERDICT_STATUS, type PushedMessage, type PushVerdict } from '../processor/process-message.ts';

/** Pub/Sub's push envelope (JSON); unknown fields (snake_case copies, orderingKey) are allowed. */
const pushEnvelopeSchema = z.object({
  message: z.object({
    data: z.string().max(1_000_000).optional(),
    attributes: z.record(z.string(), z.string()).optional(),
    messageId: z.string().max(200).optional(),
    message_id: z.string().max(200).optional(),
    publishTime: z.string().max(64).optional(),
  }),
  subscription: z.string().max(500),
  deliveryAttempt: z.number().int().min(1).optional(),
});

export interface ProcessTaskRouteDeps {
  handle: (message: PushedMessage) => Promise<PushVerdict>;
  maxBodyBytes: number;
}

/**
 * POST /tasks/process: one Pub/Sub push per file. Mounted behind the task auth (the push subscription's
 * OIDC token). 2xx acknowledges (an outcome exists); 429 and 5xx make Pub/Sub deliver it again after the
 * subscription's back-off, and after maxDeliveryAttempts move it to the dead-letter topic.
 */
export function processTaskRoutes(deps: ProcessTaskRouteDeps): Hono {
  const app = new Hono();
  app.post(
    '/tasks/process',
    bodyLimit({
      maxSize: deps.maxBodyBytes,
      onError: (c) => c.json({ error: 'body_too_large' }, 413),
    }),
    async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return c.json({ error: 'invalid_json' }, 400);
      }
      const parsed = pushEnvelopeSchema.safeParse(body);
      if (!parsed.success) return c.json({ error: 'not_a_push_envelope' }, 400);
      const { message, deliveryAttempt } = parsed.data;
      const verdict = await deps.handle({
        item: message.data ? decodeWorkMessage(message.data) : null,
        messageId: message.messageId ?? message.message_id ?? '',
        publishTime: message.publishTime ?? null,
        deliveryAttempt: deliveryAttempt ?? null,
      });
      return c.json({ verdict }, PUSH_VERDICT_STATUS[verdict]);
    },
  );
  return app;
}
