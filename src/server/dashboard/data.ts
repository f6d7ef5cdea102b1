import type {
  ActivityRow,
  DashboardQueries,
  DashboardSummary,
  MonthlyRow,
  ProductRow,
  QueueRow,
  QueueSizes,
  SupplierRow,
} from '../../adapters/warehouse/index.ts';
import { type DashboardParams, type ParsedFilter, parseFilter } from './filters.ts';

export const TOP_ROWS = 10;
export const QUEUE_ROWS = 25;
export const ACTIVITY_ROWS = 15;

export interface DashboardData {
  parsed: ParsedFilter;
  currencies: Array<{ currency: string; invoices: number }>;
  summary: DashboardSummary;
  monthly: MonthlyRow[];
  suppliers: SupplierRow[];
  products: ProductRow[];
  queueSizes: QueueSizes;
  review: QueueRow[];
  quarantine: QueueRow[];
  activity: ActivityRow[];
}

/** Runs every dashboard query for one request. */
export async function loadDashboard(
  queries: DashboardQueries,
  params: DashboardParams,
): Promise<DashboardData> {
  const currencies = await queries.currencies();
  const parsed = parseFilter(params, currencies[0]?.currency ?? null);
  const { filter } = parsed;
  const [summary, monthly, suppliers, products, queueSizes, review, quarantine, activity] = await Promise.all(
    [
      queries.dashboardSummary(filter),
      queries.monthlyTotals(filter),
      queries.topSuppliers(filter, TOP_ROWS),
      queries.topProducts(filter, TOP_ROWS),
      queries.queueSizes(),
      queries.queue('review', QUEUE_ROWS),
      queries.queue('quarantined', QUEUE_ROWS),
      queries.recentActivity(ACTIVITY_ROWS),
    ],
  );
  return {
    parsed,
    currencies,
    summary,
    monthly,
    suppliers,
    products,
    queueSizes,
    review,
    quarantine,
    activity,
  };
}
