import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv, TEST_HOOKS } from '../../src/config/env.ts';

describe('test hooks in production', () => {
  it.each(TEST_HOOKS)('refuses %s when NODE_ENV=production', (hook) => {
    let error: unknown;
    try {
      loadEnv({ NODE_ENV: 'production', [hook]: 'http://127.0.0.1:9/hook' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([`${hook}: test hook, refused when NODE_ENV=production`]);
  });

  it('accepts them outside production, and production without them', () => {
    const hooks = { DRIVE_API_ROOT: 'http://127.0.0.1:9/', TASKS_OIDC_CERTS_URL: 'http://127.0.0.1:9/certs' };
    expect(loadEnv({ NODE_ENV: 'test', ...hooks }).DRIVE_API_ROOT).toBe(hooks.DRIVE_API_ROOT);
    expect(loadEnv(hooks).TASKS_OIDC_CERTS_URL).toBe(hooks.TASKS_OIDC_CERTS_URL);
    expect(loadEnv({ NODE_ENV: 'production' }).NODE_ENV).toBe('production');
  });
});
