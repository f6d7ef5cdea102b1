import { describe, expect, it } from 'vitest';
import {
  cpuBoundFilesPerHour,
  filesPerHour,
  latencyPercentiles,
  pickScanned,
  procStatCpuTicks,
  waitBoundFilesPerHour,
} from '../../bench/scale-figures.ts';

describe('scale bench figures', () => {
  it('turns a count and its seconds into files per hour', () => {
    expect(filesPerHour(600, 10)).toBe(216_000);
    expect(filesPerHour(5, 0)).toBe(0);
  });

  it('picks exactly the share of scans, the same for one seed, spread over every stride of 5', () => {
    const picked = pickScanned(600, 0.2, 19);
    expect(picked.size).toBe(120);
    expect([...picked].every((i) => Number.isInteger(i) && i >= 0 && i < 600)).toBe(true);
    expect([...pickScanned(600, 0.2, 19)].sort()).toEqual([...picked].sort());
    expect([...pickScanned(600, 0.2, 20)].sort()).not.toEqual([...picked].sort());
    // A round-robin balancer over 5 instances must not hand every scan to one of them.
    const byResidue = [0, 1, 2, 3, 4].map((r) => [...picked].filter((i) => i % 5 === r).length);
    for (const n of byResidue) expect(n).toBeGreaterThan(10);
    expect(pickScanned(10, 0, 1).size).toBe(0);
  });

  it('gives nearest-rank percentiles of unsorted latencies', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(latencyPercentiles(values)).toEqual({ p50Ms: 50, p95Ms: 95, maxMs: 100 });
    expect(latencyPercentiles([7])).toEqual({ p50Ms: 7, p95Ms: 7, maxMs: 7 });
    expect(latencyPercentiles([])).toEqual({ p50Ms: 0, p95Ms: 0, maxMs: 0 });
  });

  it('reads user + system CPU ticks from /proc/PID/stat, whatever the command name holds', () => {
    const rest = 'R 29600 29600 29600 0 -1 4194304 12345 0 0 0 968 120 0 0 20 0 12 0 4400 3600000 9000';
    expect(procStatCpuTicks(`29690 (MainThread) ${rest}`)).toBe(1088);
    expect(procStatCpuTicks(`29690 (a (b) c) ${rest}`)).toBe(1088);
    expect(() => procStatCpuTicks('garbage')).toThrow();
  });

  it('bounds an instance by its CPU per file and by the waits per document', () => {
    expect(cpuBoundFilesPerHour(36, 2)).toBe(200_000);
    expect(cpuBoundFilesPerHour(0, 2)).toBe(0);
    const costs = { digitalMs: 100, ocrPageMs: 1000, pagesPerScan: 2, scannedShare: 0.25 };
    // Mean 0.75 × 100 + 0.25 × 2000 = 575 ms; 4 at a time.
    expect(waitBoundFilesPerHour(costs, 4)).toBeCloseTo((4 * 3_600_000) / 575, 6);
  });
});
