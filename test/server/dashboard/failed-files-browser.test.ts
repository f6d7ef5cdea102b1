import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, launchChromium, serveOnLoopback } from '../../support/headless-browser.ts';
import { createFailedWorld, type FailedWorld, PASSWORD, recordingDispatcher, USER } from './failed-world.ts';

/**
 * "Archivos con error" in headless Chromium on a 1366×768 laptop: the section fits without sideways
 * scrolling (long names and messages included), and "Reprocesar" is a plain form POST that the review's
 * access and same-origin guards let through from the page itself, coming back with the notice.
 */

const chromiumHere = haveChromium('apt-get install chromium');

describe.skipIf(!chromiumHere)('Archivos con error in headless Chromium', () => {
  let world: FailedWorld;
  let server: Awaited<ReturnType<typeof serveOnLoopback>>;
  let baseUrl: string;
  let browser: Browser;
  const dispatcher = recordingDispatcher();

  beforeAll(async () => {
    world = await createFailedWorld();
    // A name and a message with no place to break, as Drive and drivers produce them.
    const long = `FACTURA_${'0123456789'.repeat(12)}.pdf`;
    await world.state.claimFile({ fileId: 'largo', name: long, md5: 'm', owner: 'p', leaseMs: 60_000 });
    await world.state.failFile('largo', 'p', {
      code: 'worker_failed',
      message: `Falló el proceso de lectura: ${'x'.repeat(400)}`,
      retryable: true,
    });
    server = await serveOnLoopback(world.app({ dispatcher }).fetch);
    baseUrl = server.baseUrl;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await world?.close();
  });

  it('fits 1366×768 and replays one file with a plain form POST', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      httpCredentials: { username: USER, password: PASSWORD },
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${baseUrl}/`);
    const section = page.locator('#archivos-con-error');
    await expect(section.locator('#tabla-fallidos tbody tr').count()).resolves.toBe(4);
    const widths = await page.evaluate(() => {
      const article = document.getElementById('archivos-con-error') as HTMLElement;
      return {
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        article: article.scrollWidth,
        articleBox: article.clientWidth,
      };
    });
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    expect(widths.article).toBeLessThanOrEqual(widths.articleBox);

    const row = section.locator('tr', { hasText: world.ocr.name });
    await Promise.all([page.waitForURL(/aviso=/), row.getByRole('button', { name: 'Reprocesar' }).click()]);
    expect(dispatcher.items.map((i) => i.file.id)).toEqual([world.ocr.fileId]);
    const notice = page.locator('#archivos-con-error .aviso.hecho');
    expect(await notice.textContent()).toContain('1 archivo enviado a procesar de nuevo por Pub/Sub');
    expect(new URL(page.url()).hash).toBe('#archivos-con-error');

    mkdirSync('test-output', { recursive: true });
    await section.screenshot({ path: 'test-output/archivos-con-error.png' });
    await context.close();
    expect(problems).toEqual([]);
  });
});
