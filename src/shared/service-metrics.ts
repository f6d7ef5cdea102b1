import { Registry } from './metrics.ts';

export interface ServiceMetrics {
  registry: Registry;
  fileOutcome(outcome: string): void;
  stageDuration(stage: string, ms: number, ok: boolean): void;
  ocrPages(count: number): void;
  /** Refreshes scrape-time gauges, then renders the Prometheus text. */
  scrape(): Promise<string>;
}

/** The series the service exposes on /metrics. */
export function createServiceMetrics(read: {
  queueDepth: () => number;
  /** Seconds until the newest watch channel expires (Drive), or null. */
  channelExpirySeconds: () => Promise<number | null>;
}): ServiceMetrics {
  const registry = new Registry();
  const files = registry.counter('facturas_files_total', 'Files finished, by outcome.');
  const stages = registry.histogram(
    'facturas_stage_duration_seconds',
    'Duration of each pipeline stage.',
    [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60],
  );
  const ocr = registry.counter('facturas_ocr_pages_total', 'Pages read by OCR.');
  const depth = registry.gauge(
    'facturas_queue_depth',
    'Files queued or running in this instance.',
    read.queueDepth,
  );
  const expiry = registry.gauge(
    'facturas_channel_expiry_seconds',
    'Seconds until the Drive watch channel expires (0 when there is none).',
    async () => (await read.channelExpirySeconds()) ?? 0,
  );
  return {
    registry,
    fileOutcome: (outcome) => files.inc({ outcome }),
    stageDuration: (stage, ms, ok) => stages.observe(ms / 1000, { stage, ok: String(ok) }),
    ocrPages: (count) => {
      if (count > 0) ocr.inc({}, count);
    },
    async scrape() {
      await Promise.all([depth.refresh(), expiry.refresh()]);
      return registry.render();
    },
  };
}
