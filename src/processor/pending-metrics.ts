import { Gauge, type Registry } from 'prom-client';
import type { StateStore } from '../ports/state.ts';
import { INFRASTRUCTURE_ERROR_CODES } from '../stages/errors.ts';

const PENDING = 'facturas_files_pending';

/**
 * Files still in the inbox waiting for a retry ("pendiente"), read from the state store at scrape time: by
 * cause, 'outage' (the warehouse, Drive or the state store was down; retried with no attempt limit) or 'error'
 * (a retryable failure of the file itself, within its attempts).
 */
export function registerPendingFilesGauge(registry: Registry, state: Pick<StateStore, 'listFiles'>): void {
  if (registry.getSingleMetric(PENDING)) return;
  new Gauge({
    name: PENDING,
    help: 'Files waiting in the inbox for a retry after a retryable failure, by cause (outage or error).',
    labelNames: ['cause'] as const,
    registers: [registry],
    async collect() {
      const failed = await state.listFiles({ statuses: ['failed'] });
      let outage = 0;
      let error = 0;
      for (const record of failed) {
        if (record.lastError?.retryable !== true) continue;
        if (INFRASTRUCTURE_ERROR_CODES.has(record.lastError.code)) outage++;
        else error++;
      }
      this.set({ cause: 'outage' }, outage);
      this.set({ cause: 'error' }, error);
    },
  });
}
