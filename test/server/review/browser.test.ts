import { readdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOLDER_NAMES } from '../../../src/ports/source.ts';
import { reviewApp } from '../../../src/server/review/review-app.ts';
import { validateInvoice } from '../../../src/stages/extract/reconcile/validate.ts';
import { haveChromium, launchChromium, serveOnLoopback } from '../../support/headless-browser.ts';
import { createWorld, supplierInvoice, type World } from './world.ts';

/**
 * /revision in a real browser (Debian chromium driven by playwright-core): a reviewer opens the queue, moves
 * between documents with the keyboard, corrects the total and the class, confirms with Enter — and the
 * warehouse row, the audit rows, the file's folder and the queue are checked behind the page's back.
 */

const chromiumHere = haveChromium('review screen test');
const SCREENSHOTS = process.env.REVIEW_SCREENSHOTS ?? '/tmp';

describe.skipIf(!chromiumHere)('review screen in headless Chromium', () => {
  let world: World;
  let server: Awaited<ReturnType<typeof serveOnLoopback>>;
  let baseUrl: string;
  let browser: Browser;
  let misread: string;
  let other: string;
  const problems: string[] = [];

  beforeAll(async () => {
    world = await createWorld();
    misread = (
      await world.ingest(supplierInvoice({ number: 'FE-2001' }), {
        misread: (e) => {
          e.invoice.total = 1_100_000;
          e.confidence.total = 0.41;
          e.validation.issues.push('subtotal_plus_tax_not_total');
          e.validation.ok = false;
        },
      })
    ).fileId;
    other = (
      await world.ingest(
        supplierInvoice({ number: 'FE-2002', supplierName: '<b>Proveedor</b> "Ñandú" & Cía' }),
      )
    ).fileId;
    const app = reviewApp({
      service: world.service,
      user: 'revisora',
      password: 'clave-de-prueba-9',
      allowAnonymous: false,
    });
    server = await serveOnLoopback(app.fetch);
    baseUrl = server.baseUrl;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await world?.close();
  });

  async function open(width: number, height: number): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height },
      httpCredentials: { username: 'revisora', password: 'clave-de-prueba-9' },
    });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    return page;
  }

  it('corrects the total and the class with the keyboard and confirms: row, audit, folder and queue', async () => {
    const page = await open(1366, 768);
    await page.goto(`${baseUrl}/revision`);
    await page.waitForSelector('body[data-listo]');
    expect(await page.locator('[data-cuenta="total"] b').getAttribute('data-valor')).toBe('2');
    expect(
      await page
        .locator('#cola tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-archivo'))),
    ).toEqual([misread, other]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'revision-cola.png') });

    // J opens the oldest; J/K move between documents when no field has the focus.
    await page.keyboard.press('j');
    await page.waitForURL(`**/revision/doc/${misread}`);
    await page.waitForSelector('body[data-listo]');
    await page
      .locator('.pagina img')
      .first()
      .evaluate((img: HTMLImageElement) =>
        img.complete ? null : new Promise((resolve) => img.addEventListener('load', resolve)),
      );
    expect(
      await page
        .locator('.pagina img')
        .first()
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBeGreaterThan(500);
    // It starts on the first doubtful field with its text selected, and that field's box lights up.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('f.total');
    expect(await page.locator('[data-campo="total"].dudoso').count()).toBe(1);
    expect(await page.locator('rect[data-campo="number"]').count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'revision.png') });

    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await page.waitForURL(`**/revision/doc/${other}`);
    await page.waitForSelector('body[data-listo]');
    expect(await page.locator('h1').textContent()).toContain('FE-2002');
    await page.keyboard.press('Escape');
    await page.keyboard.press('k');
    await page.waitForURL(`**/revision/doc/${misread}`);
    await page.waitForSelector('body[data-listo]');

    await page.keyboard.type('1.190.000,00');
    // Then to the class list (before the fields), down to Correctiva, and Enter confirms from there.
    await page.keyboard.press('Escape');
    await page.keyboard.press('c');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('campo-clase');
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('#campo-clase').inputValue()).toBe('0');
    const started = performance.now();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/revision/doc/${other}?**`);
    await page.waitForSelector('body[data-listo]');
    // Keystrokes of this correction: the total typed over (selected on arrival), Esc, C, ↑, Enter.
    console.info(`confirmar y abrir el siguiente: ${Math.round(performance.now() - started)} ms`);
    expect(await page.locator('.aviso').first().textContent()).toContain('Guardado y movido a Correctivas');
    expect(await page.locator('[data-cuenta="total"] b').getAttribute('data-valor')).toBe('1');

    const row = await sql<{
      total: number;
      class_code: number;
      label: string;
      label_source: string;
      field_source: string;
      reviewed_by: string;
      status: string;
    }>`select total, class_code, label, label_source, field_source, reviewed_by, status from invoices where file_id = ${misread}`.execute(
      world.warehouse.db,
    );
    expect(row.rows[0]).toMatchObject({
      total: 1_190_000,
      class_code: 0,
      label: 'correctiva',
      label_source: 'human',
      field_source: 'human',
      reviewed_by: 'revisora',
      status: 'processed',
    });
    const audit = await world.store.audit(misread);
    expect(audit.map((a) => [a.field, a.oldValue, a.newValue, a.reviewer])).toEqual([
      ['total', '1100000', '1190000', 'revisora'],
      ['class', '1', '0', 'revisora'],
    ]);
    expect(readdirSync(path.join(world.inbox, FOLDER_NAMES.correctivas))).toEqual(['factura-FE-2001.pdf']);
    // The class a person gave feeds the classifier's training like a move between folders does.
    expect(await world.state.listHumanLabels()).toEqual([
      expect.objectContaining({ fileId: misread, class: 0, previousClass: 1 }),
    ]);
    expect(readdirSync(path.join(world.inbox, FOLDER_NAMES.revision))).toEqual(['factura-FE-2002.pdf']);
    expect((await world.service.queue()).items.map((i) => i.fileId)).toEqual([other]);
    // Markup read from a PDF is shown as the text it is.
    const stored = (await world.store.get(other))?.fields.supplierName;
    expect(stored).toContain('</b>');
    expect(await page.locator('#campo-supplierName').inputValue()).toBe(stored);
    expect(await page.locator('.datos b:has-text("Proveedor")').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('starts on the line whose arithmetic fails; fixing and confirming it takes two keystrokes', async () => {
    const { fileId } = await world.ingest(supplierInvoice({ number: 'FE-2003' }), {
      misread: (e) => {
        const line = e.invoice.lines[1];
        if (line) line.quantity = 40;
        e.validation.issues = validateInvoice(e.invoice, true);
        e.validation.ok = false;
      },
    });
    const page = await open(1366, 768);
    const opened = performance.now();
    await page.goto(`${baseUrl}/revision/doc/${fileId}`);
    await page.waitForSelector('body[data-listo]');
    const shown = performance.now();
    expect(await page.locator('tr[data-linea-dudosa="2"] td.dudoso').count()).toBe(3);
    expect(await page.locator('tr[data-linea-dudosa]').count()).toBe(1);
    // The cursor waits on the suspect quantity, its text selected: typing replaces it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('l.1.quantity');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'revision-linea.png') });
    await page.keyboard.type('4');
    const confirming = performance.now();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/revision/doc/${other}?**`);
    await page.waitForSelector('body[data-listo]');
    const done = performance.now();
    // Keystrokes: '4' over the selected quantity, Enter. Times measured by the browser driving the page.
    console.info(
      `línea corregida con 2 teclas: página lista en ${Math.round(shown - opened)} ms, confirmar y abrir el siguiente ${Math.round(done - confirming)} ms, total sin las comprobaciones de la prueba ${Math.round(shown - opened + done - confirming)} ms`,
    );
    expect(await page.locator('.aviso').first().textContent()).toContain('Guardado');
    const saved = await world.store.get(fileId);
    expect(saved?.lines[1]?.quantity).toBe(4);
    expect(saved?.lines[1]?.amount).toBe(100_000);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('fits a tablet and a 1366×768 laptop without sideways scrolling', async () => {
    for (const [width, height] of [
      [1366, 768],
      [820, 1180],
    ] as const) {
      const page = await open(width, height);
      await page.goto(`${baseUrl}/revision/doc/${other}`);
      await page.waitForSelector('body[data-listo]');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      if (width === 820) await page.screenshot({ path: path.join(SCREENSHOTS, 'revision-tableta.png') });
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });
});
