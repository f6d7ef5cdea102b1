import { setTimeout as sleep } from 'node:timers/promises';

/** The API methods the fake serves; `files.download` is `files.get?alt=media`. */
export const DRIVE_METHODS = [
  'files.create',
  'files.get',
  'files.download',
  'files.list',
  'files.update',
  'files.delete',
  'changes.getStartPageToken',
  'changes.list',
  'changes.watch',
  'channels.stop',
] as const;
export type DriveMethod = (typeof DRIVE_METHODS)[number];

export interface FaultRule {
  /** Share of calls (0..1) that fail, with a status drawn from `statuses`. */
  fraction?: number;
  /** Statuses for `fraction` failures (default 429 and 500). 403 answers `userRateLimitExceeded`. */
  statuses?: number[];
  /** Exact outcomes of the next calls, in order: a status fails that call, null lets it through. */
  schedule?: (number | null)[];
  /**
   * 'before' (default): fail without any effect. 'after': apply the effect, then answer with the error, as
   * when a response is lost on the way back (the client cannot tell that it worked).
   */
  when?: 'before' | 'after';
  /** Adds `Retry-After: N` to injected 429/503 answers. */
  retryAfterSeconds?: number;
}

/** Fixed, uniform in a range, or decided per call (e.g. only the first call is slow). */
export type Latency = number | [min: number, max: number] | (() => number);

export interface FaultDecision {
  status: number;
  when: 'before' | 'after';
  retryAfterSeconds: number | null;
}

/** Error injection and latency per method ('*' for every method), with a seeded random source. */
export class Faults {
  private readonly rules = new Map<DriveMethod | '*', FaultRule & { remaining: (number | null)[] }>();
  private readonly latencies = new Map<DriveMethod | '*', Latency>();
  private readonly random: () => number;
  readonly injected: Partial<Record<DriveMethod, number>> = {};

  constructor(seed = 1) {
    this.random = mulberry32(seed);
  }

  set(method: DriveMethod | '*', rule: FaultRule): void {
    this.rules.set(method, { ...rule, remaining: [...(rule.schedule ?? [])] });
  }

  /** Removes the rule of one method, or every rule and latency. */
  clear(method?: DriveMethod | '*'): void {
    if (method) {
      this.rules.delete(method);
      this.latencies.delete(method);
    } else {
      this.rules.clear();
      this.latencies.clear();
    }
  }

  setLatency(method: DriveMethod | '*', latency: Latency): void {
    this.latencies.set(method, latency);
  }

  async delay(method: DriveMethod): Promise<void> {
    const latency = this.latencies.get(method) ?? this.latencies.get('*');
    if (latency === undefined) return;
    const ms =
      typeof latency === 'number'
        ? latency
        : typeof latency === 'function'
          ? latency()
          : latency[0] + this.random() * (latency[1] - latency[0]);
    if (ms > 0) await sleep(ms);
  }

  decide(method: DriveMethod): FaultDecision | null {
    const rule = this.rules.get(method) ?? this.rules.get('*');
    if (!rule) return null;
    let status: number | null = null;
    if (rule.remaining.length > 0) {
      status = rule.remaining.shift() ?? null;
    } else if (rule.fraction && this.random() < rule.fraction) {
      const statuses = rule.statuses?.length ? rule.statuses : [429, 500];
      status = statuses[Math.floor(this.random() * statuses.length)]!;
    }
    if (status === null) return null;
    this.injected[method] = (this.injected[method] ?? 0) + 1;
    return { status, when: rule.when ?? 'before', retryAfterSeconds: rule.retryAfterSeconds ?? null };
  }

  /** A number in [0, 1) from the fake's seeded source (for push policies that want reproducible chaos). */
  next(): number {
    return this.random();
  }
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
