/**
 * What the dashboard reads from the warehouse. Figures exclude quarantined files (they have no invoice) and
 * filter by issue date, class and currency; the review and quarantine queues are work lists and are not
 * filtered.
 */

export type ClassFilter = 'correctiva' | 'preventiva' | 'revision';

export interface DashboardFilter {
  /** Inclusive ISO dates on the issue date. */
  from?: string;
  to?: string;
  classLabel?: ClassFilter;
  /** Sums across currencies make no sense: null means "all", shown as unconverted. */
  currency?: string | null;
}

export interface DashboardSummary {
  invoices: number;
  total: number;
  correctivas: number;
  preventivas: number;
  revision: number;
  lines: number;
}

export interface MonthlyRow {
  month: string;
  label: string | null;
  invoices: number;
  total: number;
}

export interface SupplierRow {
  taxId: string | null;
  name: string | null;
  invoices: number;
  total: number;
}

export interface ProductRow {
  code: string | null;
  description: string | null;
  lines: number;
  quantity: number;
  amount: number;
}

export interface QueueRow {
  fileId: string;
  fileName: string;
  link: string | null;
  confidence: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  validationIssues: string[];
  updatedAt: Date | null;
}

export interface ActivityRow {
  fileId: string;
  fileName: string;
  status: string;
  label: string | null;
  labelSource: string;
  supplierName: string | null;
  total: number | null;
  currency: string | null;
  updatedAt: Date | null;
}

export interface QueueSizes {
  review: number;
  quarantined: number;
}

export interface DashboardQueries {
  currencies(): Promise<Array<{ currency: string; invoices: number }>>;
  dashboardSummary(filter: DashboardFilter): Promise<DashboardSummary>;
  monthlyTotals(filter: DashboardFilter): Promise<MonthlyRow[]>;
  topSuppliers(filter: DashboardFilter, limit: number): Promise<SupplierRow[]>;
  topProducts(filter: DashboardFilter, limit: number): Promise<ProductRow[]>;
  queueSizes(): Promise<QueueSizes>;
  queue(status: 'review' | 'quarantined', limit: number): Promise<QueueRow[]>;
  recentActivity(limit: number): Promise<ActivityRow[]>;
}
