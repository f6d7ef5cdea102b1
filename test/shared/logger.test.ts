import { setImmediate as tick } from 'node:timers/promises';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createLogger, type Severity } from '../../src/shared/logger.ts';

function capture(level: Severity = 'DEBUG', base?: Record<string, unknown>) {
  const lines: string[] = [];
  const logger = createLogger({ level, base, write: (line) => lines.push(line) });
  return { logger, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('createLogger (JSON for Cloud Logging)', () => {
  it('writes one JSON object per call with Cloud Logging severity, message and an ISO time', () => {
    const { logger, entries } = capture();
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(entries().map((e) => [e.severity, e.message])).toEqual([
      ['DEBUG', 'd'],
      ['INFO', 'i'],
      ['WARNING', 'w'],
      ['ERROR', 'e'],
    ]);
    for (const entry of entries()) {
      expect(entry.level).toBeUndefined();
      expect(new Date(entry.time as string).toISOString()).toBe(entry.time);
    }
  });

  it('drops lines below the configured severity', () => {
    const { logger, entries } = capture('WARNING');
    logger.debug('no');
    logger.info('no');
    logger.warn('yes');
    logger.error('yes');
    expect(entries().map((e) => e.severity)).toEqual(['WARNING', 'ERROR']);
  });

  it('keeps base, child and call fields, and the trace field a request log adds', () => {
    const { logger, entries } = capture('INFO', { service: 'clasificador-facturas' });
    const trace = 'projects/p/traces/0af7651916cd43dd8448eb211c80319c';
    logger.child({ fileId: 'f1' }).info('request', { 'logging.googleapis.com/trace': trace, status: 200 });
    expect(entries()[0]).toMatchObject({
      severity: 'INFO',
      message: 'request',
      service: 'clasificador-facturas',
      fileId: 'f1',
      status: 200,
      'logging.googleapis.com/trace': trace,
    });
  });

  it('serialises an Error passed as a field with its message and stack', () => {
    const { logger, entries } = capture();
    logger.error('falló', { error: new Error('boom') });
    const error = entries()[0]!.error as Record<string, unknown>;
    expect(error.message).toBe('boom');
    expect(String(error.stack)).toContain('boom');
  });

  it('redacts secrets by path: env secrets, tokens, passwords, auth headers, private keys', () => {
    const { logger, entries } = capture();
    logger.info('config', {
      DB_PASSWORD: 'db-secret',
      API_TOKEN: 'api-secret',
      headers: {
        authorization: 'Bearer header-secret',
        'x-goog-channel-token': 'channel-secret',
        accept: 'a',
      },
      credentials: { client_email: 'svc@example.com', private_key: '-----BEGIN PRIVATE KEY-----' },
      db: { connection: { password: 'nested-secret', host: 'db' } },
      oauth: { access_token: 'ya29.secret', refresh_token: 'refresh-secret' },
    });
    logger.child({ DASHBOARD_PASSWORD: 'dashboard-secret' }).warn('child');
    const text = entries()
      .map((e) => JSON.stringify(e))
      .join('\n');
    for (const secret of [
      'db-secret',
      'api-secret',
      'header-secret',
      'channel-secret',
      'BEGIN PRIVATE',
      'nested-secret',
      'ya29',
      'refresh-secret',
      'dashboard-secret',
    ]) {
      expect(text).not.toContain(secret);
    }
    const [first] = entries();
    expect(first).toMatchObject({
      DB_PASSWORD: '[oculto]',
      headers: { authorization: '[oculto]', accept: 'a' },
      credentials: { client_email: 'svc@example.com', private_key: '[oculto]' },
      db: { connection: { password: '[oculto]', host: 'db' } },
    });
  });
});

describe('createLogger (pretty, for a person at a terminal)', () => {
  it('prints readable lines with Spanish level names, still redacted', async () => {
    const lines: string[] = [];
    const logger = createLogger({ pretty: true, write: (line) => lines.push(line) });
    logger.warn('archivo en revisión', { fileId: 'abc', token: 'secret-token' });
    await tick();
    await tick();
    const text = stripVTControlCharacters(lines.join('\n'));
    expect(text).toMatch(/AVISO.*archivo en revisión/);
    expect(text).toContain('abc');
    expect(text).not.toContain('secret-token');
    expect(() => JSON.parse(lines[0]!)).toThrow();
  });
});
