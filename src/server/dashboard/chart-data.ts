import type { DashboardData } from './data.ts';
import { className, formatMonth } from './format.ts';

/** What dashboard.js draws; computed on the server so the charts and the tables show the same numbers. */
export interface ChartData {
  currency: string | null;
  months: string[];
  series: Array<{ key: string; name: string; counts: number[]; totals: number[] }>;
  suppliers: Array<{ name: string; total: number }>;
  classes: Array<{ key: string; name: string; invoices: number }>;
}

const SERIES = ['correctiva', 'preventiva', 'revision'] as const;

export function chartData(data: DashboardData): ChartData {
  const monthKeys = [...new Set(data.monthly.map((m) => m.month))].sort();
  const series = SERIES.map((key) => {
    const rows = new Map(data.monthly.filter((m) => m.label === key).map((m) => [m.month, m]));
    return {
      key,
      name: className(key),
      counts: monthKeys.map((m) => rows.get(m)?.invoices ?? 0),
      totals: monthKeys.map((m) => rows.get(m)?.total ?? 0),
    };
  }).filter((s) => s.counts.some((c) => c > 0));
  return {
    currency: data.parsed.filter.currency ?? null,
    months: monthKeys.map(formatMonth),
    series,
    suppliers: data.suppliers.map((s) => ({ name: s.name ?? s.taxId ?? 'Sin proveedor', total: s.total })),
    classes: [
      { key: 'correctiva', name: 'Correctivas', invoices: data.summary.correctivas },
      { key: 'preventiva', name: 'Preventivas', invoices: data.summary.preventivas },
      { key: 'revision', name: 'En revisión', invoices: data.summary.revision },
    ],
  };
}
