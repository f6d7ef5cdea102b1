import { describe, expect, it } from 'vitest';
import { createServiceMetrics } from '../../src/shared/service-metrics.ts';

const sample = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('createServiceMetrics', () => {
  it("renders the service's counters and histogram in Prometheus text format", async () => {
    const metrics = createServiceMetrics({ queueDepth: () => 0, channelExpirySeconds: async () => null });
    metrics.fileOutcome('processed');
    metrics.fileOutcome('processed');
    metrics.fileOutcome('quarantined');
    metrics.stageDuration('read', 30, true);
    metrics.stageDuration('read', 2500, true);
    metrics.ocrPages(3);
    metrics.ocrPages(0);
    const text = await metrics.scrape();
    expect(text).toContain('# TYPE facturas_files_total counter');
    expect(sample(text, 'facturas_files_total{outcome="processed"}')).toBe(2);
    expect(sample(text, 'facturas_files_total{outcome="quarantined"}')).toBe(1);
    expect(sample(text, 'facturas_ocr_pages_total')).toBe(3);
    expect(sample(text, 'facturas_stage_duration_seconds_bucket{le="0.05",stage="read",ok="true"}')).toBe(1);
    expect(sample(text, 'facturas_stage_duration_seconds_bucket{le="5",stage="read",ok="true"}')).toBe(2);
    expect(sample(text, 'facturas_stage_duration_seconds_count{stage="read",ok="true"}')).toBe(2);
    expect(sample(text, 'facturas_stage_duration_seconds_sum{stage="read",ok="true"}')).toBeCloseTo(2.53);
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('reads the gauges at scrape time', async () => {
    let depth = 2;
    let expiry: number | null = 3600;
    const metrics = createServiceMetrics({
      queueDepth: () => depth,
      channelExpirySeconds: async () => expiry,
    });
    let text = await metrics.scrape();
    expect(sample(text, 'facturas_queue_depth')).toBe(2);
    expect(sample(text, 'facturas_channel_expiry_seconds')).toBe(3600);
    depth = 0;
    expiry = null;
    text = await metrics.scrape();
    expect(sample(text, 'facturas_queue_depth')).toBe(0);
    expect(sample(text, 'facturas_channel_expiry_seconds')).toBe(0);
  });

  it("includes Node's process metrics: CPU, memory, heap, event-loop lag and GC", async () => {
    const metrics = createServiceMetrics({ queueDepth: () => 0, channelExpirySeconds: async () => null });
    const text = await metrics.scrape();
    for (const series of [
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_gc_duration_seconds',
    ]) {
      expect(text).toContain(`# TYPE ${series} `);
    }
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('keeps each instance in its own registry', async () => {
    const first = createServiceMetrics({ queueDepth: () => 0, channelExpirySeconds: async () => null });
    const second = createServiceMetrics({ queueDepth: () => 0, channelExpirySeconds: async () => null });
    first.fileOutcome('processed');
    expect(sample(await second.scrape(), 'facturas_files_total{outcome="processed"}')).toBeUndefined();
  });
});
