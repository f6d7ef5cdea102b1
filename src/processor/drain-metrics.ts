import { Counter, type Registry } from 'prom-client';

const PAGE_TOKEN_RESETS = 'facturas_page_token_resets_total';

/**
 * Counts the page tokens Drive rejected and a drain replaced (each followed by a full inbox sweep), on the
 * service's registry; one counter per registry however many drainers are built.
 */
export function pageTokenResetCounter(registry: Registry): () => void {
  const existing = registry.getSingleMetric(PAGE_TOKEN_RESETS) as Counter | undefined;
  const counter =
    existing ??
    new Counter({
      name: PAGE_TOKEN_RESETS,
      help: 'Drive page tokens rejected (400/404/410) and replaced by a fresh start token plus an inbox sweep.',
      registers: [registry],
    });
  return () => counter.inc();
}
