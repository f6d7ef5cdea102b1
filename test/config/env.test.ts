import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from '../../src/config/env.ts';

describe('loadEnv', () => {
  it('runs the embedded default with no configuration at all', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      SOURCE: 'local',
      STATE: 'sqlite',
      INBOX_DIR: './inbox',
      DATA_DIR: './data',
      PORT: 8080,
    });
  });

  it('coerces numbers and booleans from strings', () => {
    const env = loadEnv({ PORT: '9000', DB_ENCRYPT: 'false', MAX_PAGES: '12' });
    expect(env.PORT).toBe(9000);
    expect(env.DB_ENCRYPT).toBe(false);
    expect(env.MAX_PAGES).toBe(12);
  });

  it('treats empty variables as unset', () => {
    expect(loadEnv({ PORT: '', DB_HOST: '' }).PORT).toBe(8080);
  });

  it('fails fast with one readable line per bad or missing variable', () => {
    let error: unknown;
    try {
      loadEnv({
        PORT: 'eighty',
        SOURCE: 'drive',
        STATE: 'firestore',
        CHANNEL_TOKEN: 'short',
        LOG_LEVEL: 'LOUD',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    const named = problems.map((p) => p.split(':')[0]).sort();
    expect(named).toEqual([
      'CHANNEL_TOKEN',
      'DRIVE_INBOX_FOLDER_ID',
      'GOOGLE_CLOUD_PROJECT',
      'LOG_LEVEL',
      'PORT',
    ]);
    expect((error as ConfigError).message).toContain('Configuración inválida');
  });

  it('requires the service account with an OIDC audience', () => {
    expect(() => loadEnv({ TASKS_AUDIENCE: 'https://svc.example/tasks' })).toThrow(/TASKS_SERVICE_ACCOUNT/);
  });

  it('never echoes secret values in its messages', () => {
    try {
      loadEnv({ CHANNEL_TOKEN: 'abc', DB_PORT: 'not-a-port', DB_PASSWORD: 'hunter2-secret' });
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2-secret');
      expect((error as Error).message).not.toContain('abc');
    }
  });
});
