/**
 * A small Prometheus text-format registry: counters, gauges and histograms with labels. The service exposes
 * a handful of series, so a dependency would be more than the job needs.
 */
type Labels = Record<string, string>;

interface Series {
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  render(name: string): string[];
}

const key = (labels: Labels) =>
  Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',');
const braces = (k: string) => (k ? `{${k}}` : '');

export class Registry {
  private readonly series = new Map<string, Series>();

  counter(name: string, help: string) {
    const values = new Map<string, number>();
    this.series.set(name, {
      help,
      type: 'counter',
      render: (n) => [...values].map(([k, v]) => `${n}${braces(k)} ${v}`),
    });
    return {
      inc: (labels: Labels = {}, by = 1) => values.set(key(labels), (values.get(key(labels)) ?? 0) + by),
    };
  }

  /** A gauge read at scrape time. */
  gauge(name: string, help: string, read: () => number | Promise<number>) {
    let last = 0;
    this.series.set(name, { help, type: 'gauge', render: (n) => [`${n} ${last}`] });
    return {
      refresh: async () => {
        last = await read();
      },
    };
  }

  histogram(name: string, help: string, buckets: number[]) {
    const sorted = [...buckets].sort((a, b) => a - b);
    const data = new Map<string, { counts: number[]; sum: number; count: number }>();
    this.series.set(name, {
      help,
      type: 'histogram',
      render: (n) =>
        [...data].flatMap(([k, d]) => [
          ...sorted.map((b, i) => `${n}_bucket${braces(k ? `${k},le="${b}"` : `le="${b}"`)} ${d.counts[i]}`),
          `${n}_bucket${braces(k ? `${k},le="+Inf"` : 'le="+Inf"')} ${d.count}`,
          `${n}_sum${braces(k)} ${d.sum}`,
          `${n}_count${braces(k)} ${d.count}`,
        ]),
    });
    return {
      observe(value: number, labels: Labels = {}) {
        const k = key(labels);
        const entry = data.get(k) ?? { counts: sorted.map(() => 0), sum: 0, count: 0 };
        sorted.forEach((b, i) => {
          if (value <= b) entry.counts[i]!++;
        });
        entry.sum += value;
        entry.count++;
        data.set(k, entry);
      },
    };
  }

  render(): string {
    const out: string[] = [];
    for (const [name, s] of this.series) {
      out.push(`# HELP ${name} ${s.help}`, `# TYPE ${name} ${s.type}`, ...s.render(name));
    }
    return `${out.join('\n')}\n`;
  }
}
