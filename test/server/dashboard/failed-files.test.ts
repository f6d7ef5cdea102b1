import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessDispatcher } from '../../../src/adapters/dispatch/in-process.ts';
import { createSqliteStateStore } from '../../../src/adapters/state/sqlite-state-store.ts';
import { createWarehouse } from '../../../src/adapters/warehouse/index.ts';
import type { LocalRunner } from '../../../src/ports/work-dispatcher.ts';
import { dashboardRoutes } from '../../../src/server/dashboard/routes.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { AUTH, createFailedWorld, type FailedWorld, recordingDispatcher } from './failed-world.ts';

/**
 * "Archivos con error" over HTTP: the state store's failed files on the dashboard with their reason, and the
 * "Reprocesar" action: the review's access rule, the same-origin guard, and exactly the posted failed files
 * handed to the dispatcher through POST /replay's code path.
 */

const ACTION = '/revision/archivos-con-error/reprocesar';
const FORM = { ...AUTH, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' };
const form = (ids: string[]) => ids.map((id) => `archivo=${encodeURIComponent(id)}`).join('&');

/** The ids in the hidden inputs of each "Reprocesar" form on the page, in page order. */
function replayForms(html: string): string[][] {
  const forms = html.match(/<form class="reprocesar"[^>]*>.*?<\/form>/g) ?? [];
  return forms.map((f) => [...f.matchAll(/name="archivo" value="([^"]+)"/g)].map((m) => m[1] as string));
}

function rowOf(html: string, name: string): string {
  const rows = html.match(/<tr>.*?<\/tr>/g) ?? [];
  return rows.find((row) => row.includes(`>${name}<`)) ?? '';
}

describe('Archivos con error', () => {
  let world: FailedWorld;
  afterEach(async () => {
    await world?.close();
  });

  it('lists the state store’s failed files with their reason, attempts and a Reprocesar form each', async () => {
    world = await createFailedWorld();
    const app = world.app({ dispatcher: recordingDispatcher() });
    const html = await (await app.request('/', { headers: AUTH })).text();
    expect(html).toContain('<article class="ancho" id="archivos-con-error">');
    expect(html).toMatch(
      /Archivos con error <small>\(<span data-valor="3">3<\/span>; no produjeron factura\)/,
    );

    const ocr = rowOf(html, world.ocr.name);
    expect(ocr).toContain('<strong>Falló el OCR</strong> <small>(no se reintenta solo)</small>');
    expect(ocr).toContain('Falló el OCR de la página 2: sin memoria');
    expect(ocr).toContain(`href="https://drive.google.com/file/d/${world.ocr.fileId}/view"`);
    const outage = rowOf(html, world.outage.name);
    expect(outage).toContain('<strong>Base de datos no disponible</strong> <small>(transitorio)</small>');
    expect(outage).toContain('<span data-valor="3">3</span>');
    expect(rowOf(html, world.running.name)).toBe('');

    const forms = replayForms(html);
    expect(forms[0]?.sort()).toEqual([world.ocr.fileId, world.outage.fileId, world.gone.fileId].sort());
    expect(forms.slice(1).flat().sort()).toEqual(forms[0]?.sort());
    expect(html).toContain(`action="${ACTION.slice(1)}"`);
  });

  it('shows an empty list in Spanish and the notice of the last Reprocesar, escaped', async () => {
    const state = createSqliteStateStore({ path: ':memory:' });
    const warehouse = await createWarehouse({ dialect: 'sqlite', file: ':memory:' }, silentLogger);
    await warehouse.migrate();
    try {
      const app = dashboardRoutes({ warehouse, failed: { state } });
      const html = await (await app.request('/?aviso=%3Cb%3E2%20enviados')).text();
      expect(html).toContain('Ningún archivo con error.');
      expect(html).toMatch(/Archivos con error <small>\(<span data-valor="0">0<\/span>/);
      expect(html).toContain('<p class="aviso hecho" role="status">&lt;b&gt;2 enviados</p>');
      expect(replayForms(html)).toEqual([]);
    } finally {
      await state.close();
      await warehouse.close();
    }
  });

  it('refuses Reprocesar without the review’s access (401/403) or from another site, and dispatches nothing', async () => {
    world = await createFailedWorld();
    const dispatcher = recordingDispatcher();
    const post = (headers: Record<string, string>, options: { password?: string | null } = {}) =>
      world
        .app({ dispatcher, ...options })
        .request(ACTION, { method: 'POST', headers, body: form([world.ocr.fileId]) });
    const { authorization: _, ...anonymous } = FORM;
    expect((await post(anonymous)).status).toBe(401);
    const wrong = `Basic ${Buffer.from('operadora:otra-clave').toString('base64')}`;
    expect((await post({ ...FORM, authorization: wrong })).status).toBe(401);
    // No password configured and not a local inbox: the review refuses rather than accept anyone.
    expect((await post(anonymous, { password: null })).status).toBe(403);
    expect((await post({ ...FORM, origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ ...FORM, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(dispatcher.items).toEqual([]);
  });

  it('hands exactly the posted failed files to the dispatcher and answers what it published', async () => {
    world = await createFailedWorld();
    const dispatcher = recordingDispatcher();
    const app = world.app({ dispatcher });
    const response = await app.request(ACTION, {
      method: 'POST',
      headers: FORM,
      body: form([world.ocr.fileId, world.running.fileId, world.ocr.fileId]),
    });
    expect(response.status).toBe(303);
    expect(dispatcher.items.map((i) => [i.file.id, i.file.name, i.reason, i.force])).toEqual([
      [world.ocr.fileId, world.ocr.name, 'replay', true],
    ]);
    const location = new URL(response.headers.get('location') ?? '', 'http://localhost');
    expect(location.pathname).toBe('/');
    expect(location.hash).toBe('#archivos-con-error');
    expect(location.searchParams.get('aviso')).toBe(
      '1 archivo enviado a procesar de nuevo por Pub/Sub; el resultado aparecerá aquí cuando termine. 1 archivo ya no tenía error.',
    );
    const page = await (
      await app.request(`${location.pathname}${location.search}`, { headers: AUTH })
    ).text();
    expect(page).toContain('1 archivo enviado a procesar de nuevo por Pub/Sub');
  });

  it('Reprocesar todos sends the listed files; one deleted since is reported by name', async () => {
    world = await createFailedWorld();
    const dispatcher = recordingDispatcher();
    const app = world.app({ dispatcher });
    const [all] = replayForms(await (await app.request('/', { headers: AUTH })).text());
    const response = await app.request(ACTION, { method: 'POST', headers: FORM, body: form(all ?? []) });
    expect(response.status).toBe(303);
    expect(dispatcher.items.map((i) => i.file.id).sort()).toEqual(
      [world.ocr.fileId, world.outage.fileId].sort(),
    );
    const notice = new URL(response.headers.get('location') ?? '', 'http://localhost').searchParams.get(
      'aviso',
    );
    expect(notice).toBe(
      '2 archivos enviados a procesar de nuevo por Pub/Sub; el resultado aparecerá aquí cuando terminen. ' +
        '1 archivo ya no está en la bandeja ni en sus carpetas: FE-borrada.pdf.',
    );
  });

  it('embedded, runs them on this instance’s queue and answers with their outcomes', async () => {
    world = await createFailedWorld();
    const submitted: string[] = [];
    const runner: LocalRunner = {
      async submit(file, options) {
        submitted.push(`${file.name}${options?.force ? ' (forzado)' : ''}`);
        return { kind: 'failed', retryable: false, code: 'ocr_failed', message: 'sigue sin leerse' };
      },
    };
    const dispatcher = createInProcessDispatcher({ queue: runner, state: world.state });
    const response = await world
      .app({ dispatcher, password: null, allowAnonymous: true })
      .request(ACTION, { method: 'POST', headers: FORM, body: form([world.outage.fileId]) });
    expect(response.status).toBe(303);
    expect(submitted).toEqual([`${world.outage.name} (forzado)`]);
    expect(
      new URL(response.headers.get('location') ?? '', 'http://localhost').searchParams.get('aviso'),
    ).toBe('Reprocesados aquí: 1 sigue con error.');
  });
});
