import { describe, expect, it } from 'vitest';
import { createDispatcherFromEnv } from '../../../src/adapters/dispatch/from-env.ts';
import { ConfigError, loadEnv } from '../../../src/config/env.ts';
import { createLogger } from '../../../src/shared/logger.ts';

const deps = {
  queue: { submit: async () => ({ kind: 'skipped', reason: 'done' }) as const },
  state: { getFile: async () => null },
  logger: createLogger({ level: 'ERROR', write: () => {} }),
};

describe('dispatcher from the environment', () => {
  it('is the in-process queue by default', () => {
    expect(createDispatcherFromEnv(loadEnv({}), deps).kind).toBe('inprocess');
  });

  it('is Pub/Sub with a topic and a project (PUBSUB_PROJECT or GOOGLE_CLOUD_PROJECT)', () => {
    const env = loadEnv({ DISPATCH: 'pubsub', PUBSUB_TOPIC: 'facturas-files', GOOGLE_CLOUD_PROJECT: 'p' });
    expect(createDispatcherFromEnv(env, deps).kind).toBe('pubsub');
    expect(env.PUBSUB_MAX_DELIVERY_ATTEMPTS).toBe(10);
  });

  it('names every missing or malformed Pub/Sub variable at once', () => {
    let problems: string[] = [];
    try {
      loadEnv({ DISPATCH: 'pubsub', PUBSUB_EMULATOR_HOST: 'no port', PUBSUB_MAX_DELIVERY_ATTEMPTS: '2' });
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems.join('\n')).toMatch(/PUBSUB_TOPIC: required/);
    expect(problems.join('\n')).toMatch(/PUBSUB_PROJECT: required/);
    expect(problems.join('\n')).toMatch(/PUBSUB_EMULATOR_HOST/);
    expect(problems.join('\n')).toMatch(/PUBSUB_MAX_DELIVERY_ATTEMPTS/);
    expect(() => loadEnv({ DISPATCH: 'pubsub', PUBSUB_TOPIC: 'x/y', PUBSUB_PROJECT: 'p' })).toThrow(
      /PUBSUB_TOPIC/,
    );
  });
});
