import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface ServiceMetrics {
  registry: Registry;
  /** The Content-Type of what `scrape` returns. */
  contentType: string;
  fileOutcome(outcome: string): void;
  stageDuration(stage: string, ms: number, ok: boolean): void;
  ocrPages(count: number): void;
  /** A Pub/Sub push handled on POST /tasks/process, by verdict (processed, already_done, stale, busy...). */
  pushMessage(verdict: string): void;
  /** Refreshes scrape-time gauges, then renders the Prometheus text. */
  scrape(): Promise<string>;
}

/**
 * The series the service exposes on /metrics (prom-client): its own counters, histogram and gauges, plus
 * Node's default process metrics (CPU, memory and heap, event-loop lag, GC, handles).
 */
export function createServiceMetrics(read: {
  queueDepth: () => number;
  /** Seconds until the newest watch channel expires (Drive), or null. */
  channelExpirySeconds: () => Promise<number | null>;
}): ServiceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const files = new Counter({
    name: 'facturas_files_total',
    help: 'Files finished, by outcome.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const stages = new Histogram({
    name: 'facturas_stage_duration_seconds',
    help: 'Duration of each pipeline stage.',
    labelNames: ['stage', 'ok'] as const,
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60],
    registers: [registry],
  });
  const ocr = new Counter({
    name: 'facturas_ocr_pages_total',
    help: 'Pages read by OCR.',
    registers: [registry],
  });
  const pushes = new Counter({
    name: 'facturas_push_messages_total',
    help: 'Pub/Sub pushes handled on /tasks/process, by verdict.',
    labelNames: ['verdict'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'facturas_queue_depth',
    help: 'Files queued or running in this instance.',
    registers: [registry],
    collect() {
      this.set(read.queueDepth());
    },
  });
  new Gauge({
    name: 'facturas_channel_expiry_seconds',
    help: 'Seconds until the Drive watch channel expires (0 when there is none).',
    registers: [registry],
    async collect() {
      this.set((await read.channelExpirySeconds()) ?? 0);
    },
  });
  return {
    registry,
    contentType: registry.contentType,
    fileOutcome: (outcome) => files.inc({ outcome }),
    stageDuration: (stage, ms, ok) => stages.observe({ stage, ok: String(ok) }, ms / 1000),
    ocrPages: (count) => {
      if (count > 0) ocr.inc(count);
    },
    pushMessage: (verdict) => pushes.inc({ verdict }),
    scrape: () => registry.metrics(),
  };
}
