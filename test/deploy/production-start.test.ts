import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServiceProcess } from '../support/service-process.ts';

const run = promisify(execFile);

/** The Docker image runs `node --max-semi-space-size=4 dist/main.js` (no tsx): build exactly that and start it. */
describe('the production start command', () => {
  let dir: string;
  let outDir: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'facturas-prod-'));
    outDir = path.join(dir, 'dist');
    await run('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', outDir], { timeout: 280_000 });
  }, 300_000);
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('starts the compiled server, which answers /healthz, /readyz and /metrics', async () => {
    // dist/ must sit beside node_modules for packages to resolve, as in the image (/app/dist, /app/node_modules).
    const linked = path.resolve('.tmp', `dist-${process.pid}`);
    await fs.mkdir(path.dirname(linked), { recursive: true });
    await fs.rm(linked, { recursive: true, force: true });
    await fs.cp(outDir, linked, { recursive: true });
    const service = startServiceProcess(['node', '--max-semi-space-size=4', path.join(linked, 'main.js')], {
      INBOX_DIR: path.join(dir, 'inbox'),
      DATA_DIR: path.join(dir, 'data'),
      SEED_SAMPLES_DIR: path.join(dir, 'no-samples'),
      LOG_LEVEL: 'INFO',
    });
    try {
      const port = await service.port;
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', warehouse: 'ok', state: 'ok' });
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toContain('# TYPE facturas_files_total counter');
      expect(metrics).toContain('facturas_queue_depth');
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html');
    } finally {
      service.kill('SIGTERM');
      expect(await service.exited).toBe(0);
      await fs.rm(linked, { recursive: true, force: true });
    }
  });
});
