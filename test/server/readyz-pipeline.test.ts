import { describe, expect, it } from 'vitest';
import type { PipelineStatus } from '../../src/composition-root.ts';
import { createApp } from '../../src/server/app.ts';
import { silentLogger } from '../../src/shared/logger.ts';

/** /readyz while the document pipeline loads after the service listens (src/main.ts). */
function app(status: PipelineStatus) {
  return createApp({
    services: {
      state: { getPageToken: async () => null },
      warehouse: { ping: async () => {} },
      logger: silentLogger,
      classifier: { modelVersion: status === 'ready' ? '2026.11.4' : 'loading' },
      metrics: { scrape: async () => '', contentType: 'text/plain' },
      pipelineStatus: () => status,
    } as unknown as Parameters<typeof createApp>[0]['services'],
  });
}

describe('/readyz and the document pipeline', () => {
  it('is ready once the state store and the warehouse answer, saying the pipeline is still loading', async () => {
    const response = await app('loading').request('/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      model: 'loading',
      warehouse: 'ok',
      state: 'ok',
      pipeline: 'loading',
    });
  });

  it('is not ready when the pipeline failed to load (the service is stopping)', async () => {
    const response = await app('failed').request('/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'not ready', pipeline: 'failed' });
  });

  it('reports a loaded pipeline and its model', async () => {
    const response = await app('ready').request('/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ model: '2026.11.4', pipeline: 'ready' });
  });
});
