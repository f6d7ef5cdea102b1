import { createRng } from '../test/heldout/random.ts';

/** The arithmetic of the scale bench's figures and workloads, kept apart so it can be tested. */

export function filesPerHour(files: number, seconds: number): number {
  return seconds > 0 ? (files / seconds) * 3600 : 0;
}

/**
 * Which of `count` files are scans: exactly round(share × count) of them, spread by a seeded shuffle. A fixed
 * stride (every 5th) would line up with a round-robin balancer over 5 instances and hand one instance every scan.
 */
export function pickScanned(count: number, share: number, seed: number): Set<number> {
  const indexes = Array.from({ length: count }, (_, i) => i);
  const next = createRng(seed).next;
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [indexes[i], indexes[j]] = [indexes[j]!, indexes[i]!];
  }
  return new Set(indexes.slice(0, Math.round(share * count)));
}

/** Nearest-rank percentiles (the smallest value with at least q of the values at or below it). */
export function latencyPercentiles(values: number[]): { p50Ms: number; p95Ms: number; maxMs: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted.length === 0 ? 0 : sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
  return { p50Ms: at(0.5), p95Ms: at(0.95), maxMs: at(1) };
}

/**
 * CPU time (user + system, all threads) in clock ticks from the text of /proc/PID/stat: fields 14 and 15,
 * counted after the command name, which is in parentheses and may itself hold spaces or parentheses.
 */
export function procStatCpuTicks(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): utime is field 14, stime field 15.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error('unexpected /proc/PID/stat');
  return utime + stime;
}

/** Files one instance of `vcpus` would read per hour if CPU were its only limit. */
export function cpuBoundFilesPerHour(cpuMsPerFile: number, vcpus: number): number {
  return cpuMsPerFile > 0 ? (vcpus * 3_600_000) / cpuMsPerFile : 0;
}

/**
 * The ceiling the per-document waits alone put on one instance: `concurrency` files at a time, each taking
 * the mean of the digital and scanned costs.
 */
export function waitBoundFilesPerHour(
  costs: { digitalMs: number; ocrPageMs: number; pagesPerScan: number; scannedShare: number },
  concurrency: number,
): number {
  const meanMs =
    (1 - costs.scannedShare) * costs.digitalMs + costs.scannedShare * costs.ocrPageMs * costs.pagesPerScan;
  return meanMs > 0 ? (concurrency * 3_600_000) / meanMs : 0;
}
