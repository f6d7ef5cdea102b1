import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ReviewService } from '../../processor/review-service.ts';
import { REVIEW_SCRIPT } from './client-script.ts';
import { renderDocument } from './document-page.ts';
import { readForm } from './form.ts';
import { FIELD_NAMES } from './labels.ts';
import { renderLearned } from './learned-page.ts';
import { renderQueue } from './queue-page.ts';
import { sameOrigin } from './same-origin.ts';
import { REVIEW_STYLES } from './styles.ts';

/**
 * The review screen's routes, relative to where they are mounted (`/revision`). Authentication is the
 * caller's (review-app.ts); every POST passes the same-origin guard and a body size limit.
 */

export interface ReviewRouteDeps {
  service: ReviewService;
  /** Who is reviewing (the authenticated user) for this request. */
  reviewer: (c: Context) => string;
  /** Absolute path the routes are mounted at, for links. */
  base?: string;
  timeZone?: string;
  /** Largest accepted POST body (bytes). */
  maxBodyBytes?: number;
}

const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const ASSETS: Record<string, { body: string; type: string }> = {
  'revision.css': { body: REVIEW_STYLES, type: 'text/css; charset=utf-8' },
  'revision.js': { body: REVIEW_SCRIPT, type: 'text/javascript; charset=utf-8' },
};

export function reviewRoutes(deps: ReviewRouteDeps): Hono {
  const base = deps.base ?? '/revision';
  const timeZone = deps.timeZone ?? 'America/Bogota';
  const { service } = deps;
  const app = new Hono();
  const docUrl = (fileId: string | null, notices: string[] = []) => {
    const query = notices.map((n) => `aviso=${encodeURIComponent(n)}`).join('&');
    const path = fileId ? `${base}/doc/${encodeURIComponent(fileId)}` : base;
    return query ? `${path}?${query}` : path;
  };

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    if (!c.res.headers.get('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  app.use('*', sameOrigin());
  app.use(
    '*',
    bodyLimit({
      maxSize: deps.maxBodyBytes ?? 512 * 1024,
      onError: (c) => c.text('El formulario es demasiado grande.', 413),
    }),
  );

  app.get('/assets/:name', (c) => {
    const asset = ASSETS[c.req.param('name')];
    if (!asset) return c.text('No encontrado', 404);
    return c.body(asset.body, 200, { 'Content-Type': asset.type, 'Cache-Control': 'private, max-age=300' });
  });

  app.get('/', async (c) => {
    const queue = await service.queue(500);
    return c.html(renderQueue(queue, { base, timeZone, notice: c.req.queries('aviso')?.join(' · ') }));
  });

  app.get('/api/cola', async (c) => c.json(await service.queue(500)));

  const showDocument = async (
    fileId: string,
    extra: Omit<Parameters<typeof renderDocument>[1], 'base' | 'timeZone' | 'counts'> = {},
  ) => {
    const [view, queue] = await Promise.all([service.view(fileId), service.queue(1)]);
    if (!view) return null;
    return renderDocument(view, { base, timeZone, counts: queue.counts, ...extra });
  };

  app.get('/doc/:id', async (c) => {
    const html = await showDocument(c.req.param('id'), { notices: c.req.queries('aviso') ?? [] });
    return html ? c.html(html) : c.text('Documento no encontrado', 404);
  });

  app.get('/doc/:id/pagina/:n{[0-9]{1,3}}', async (c) => {
    const png = await service.pageImage(c.req.param('id'), Number(c.req.param('n')));
    if (!png) return c.text('Página no encontrada', 404);
    return c.body(new Uint8Array(png), 200, {
      'Content-Type': 'image/png',
      'Cache-Control': 'private, max-age=600',
    });
  });

  app.post('/doc/:id/confirmar', async (c) => {
    const fileId = c.req.param('id');
    const form = readForm(await c.req.parseBody());
    const reviewer = deps.reviewer(c);
    const outcome = await service.confirm(fileId, form, reviewer);
    switch (outcome.kind) {
      case 'saved': {
        const view = [`Guardado${outcome.folder ? ` y movido a ${folderName(outcome.folder)}` : ''}.`];
        if (outcome.learned.length > 0)
          view.push(
            `Aprendido para este proveedor: ${outcome.learned.map((f) => FIELD_NAMES[f]).join(', ')}.`,
          );
        return c.redirect(docUrl(outcome.next, [...view, ...outcome.warnings]), 303);
      }
      case 'invalid': {
        const html = await showDocument(fileId, {
          submitted: { fields: form.fields, lines: form.lines, classCode: form.classCode },
          errors: outcome.errors,
          problem: 'Hay datos que no son válidos: corríjalos y vuelva a confirmar. No se guardó nada.',
        });
        return html ? c.html(html, 422) : c.text('Documento no encontrado', 404);
      }
      case 'conflict': {
        const mine = Object.entries(form.fields)
          .map(([field, value]) => `${FIELD_NAMES[field as keyof typeof FIELD_NAMES]}: ${value}`)
          .join(' · ');
        const html = await showDocument(fileId, {
          problem:
            'Otra persona guardó este documento mientras usted lo revisaba. Se muestran los datos que guardó; revise y confirme de nuevo.',
          notices: mine ? [`Sus valores eran: ${mine.slice(0, 2000)}`] : [],
        });
        return html ? c.html(html, 409) : c.text('Documento no encontrado', 404);
      }
      case 'missing':
        return c.text('Documento no encontrado', 404);
    }
  });

  app.post('/doc/:id/reprocesar', async (c) => {
    const outcome = await service.reprocess(c.req.param('id'), deps.reviewer(c));
    if (outcome.kind === 'missing')
      return c.text('El archivo ya no está en la bandeja ni en sus carpetas.', 404);
    if (outcome.kind === 'conflict') return c.text('Conflicto', 409);
    return c.redirect(docUrl(outcome.next, ['Enviado a procesar de nuevo.']), 303);
  });

  app.post('/doc/:id/cuarentena', async (c) => {
    const fileId = c.req.param('id');
    const body = await c.req.parseBody();
    const reason = typeof body.motivo === 'string' ? body.motivo.trim() : '';
    const version = typeof body.version === 'string' ? body.version : '';
    if (reason === '' || reason.length > 500) {
      const html = await showDocument(fileId, {
        problem: 'Escriba el motivo (hasta 500 caracteres) para enviar a Cuarentena.',
      });
      return html ? c.html(html, 422) : c.text('Documento no encontrado', 404);
    }
    const outcome = await service.quarantine(fileId, version, reason, deps.reviewer(c));
    if (outcome.kind === 'missing') return c.text('Documento no encontrado', 404);
    if (outcome.kind === 'conflict') {
      const html = await showDocument(fileId, {
        problem: 'Otra persona guardó este documento mientras usted lo revisaba; no se envió a Cuarentena.',
      });
      return html ? c.html(html, 409) : c.text('Documento no encontrado', 404);
    }
    return c.redirect(
      docUrl(outcome.next, ['Enviado a Cuarentena.', ...(outcome.warning ? [outcome.warning] : [])]),
      303,
    );
  });

  app.get('/aprendido', async (c) => {
    const [locators, queue] = await Promise.all([service.locators(), service.queue(1)]);
    return c.html(
      renderLearned(locators, {
        base,
        timeZone,
        counts: queue.counts,
        notice: c.req.queries('aviso')?.join(' · '),
      }),
    );
  });

  app.post('/aprendido/:id{[0-9]{1,12}}/borrar', async (c) => {
    const removed = await service.forget(Number(c.req.param('id')), deps.reviewer(c));
    return c.redirect(
      `${base}/aprendido?aviso=${encodeURIComponent(removed ? 'Olvidado.' : 'Ya no estaba.')}`,
      303,
    );
  });

  return app;
}

function folderName(folder: string): string {
  return (
    (
      {
        correctivas: 'Correctivas',
        preventivas: 'Preventivas',
        revision: 'Revisión',
        cuarentena: 'Cuarentena',
      } as Record<string, string>
    )[folder] ?? folder
  );
}
