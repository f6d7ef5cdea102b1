import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Dialect } from './config.ts';
import type { DashboardFilter, DashboardQueries } from './dashboard-types.ts';
import { toDate, toMoney, toNumber } from './rows.ts';
import type { WarehouseDatabase } from './schema.ts';

/**
 * Read side of the warehouse for the dashboard, written with the query builder only so that it runs on every
 * dialect. Figures exclude quarantined files (they have no invoice) and filter by issue date, class and
 * currency; the review and quarantine queues are work lists and are not filtered.
 */

type Db = WarehouseDatabase & { i: WarehouseDatabase['invoices'] };
type InvoiceScope = ExpressionBuilder<WarehouseDatabase & { i: WarehouseDatabase['invoices'] }, 'i'>;

function figures(eb: InvoiceScope, filter: DashboardFilter) {
  const conditions = [eb('i.status', '<>', 'quarantined')];
  if (filter.from) conditions.push(eb('i.issue_date', '>=', filter.from));
  if (filter.to) conditions.push(eb('i.issue_date', '<=', filter.to));
  if (filter.classLabel) conditions.push(eb('i.label', '=', filter.classLabel));
  if (filter.currency) conditions.push(eb('i.currency', '=', filter.currency));
  return eb.and(conditions);
}

function parseIssues(text: string | null): string[] {
  try {
    const parsed: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

export function createDashboardQueries(db: Kysely<WarehouseDatabase>, dialect: Dialect): DashboardQueries {
  // SQL Server has TOP instead of LIMIT.
  // biome-ignore lint/suspicious/noExplicitAny: applies to any select builder shape
  const firstRows = <Q extends SelectQueryBuilder<Db, any, any>>(query: Q, n: number): Q =>
    (dialect === 'mssql' ? query.top(n) : query.limit(n)) as Q;
  const count = (eb: InvoiceScope) => eb.fn.countAll<number | string>();

  return {
    async currencies() {
      const rows = await db
        .selectFrom('invoices as i')
        .where('i.status', '<>', 'quarantined')
        .where('i.currency', 'is not', null)
        .groupBy('i.currency')
        .select((eb) => ['i.currency', count(eb).as('invoice_count')])
        .orderBy('invoice_count', 'desc')
        .orderBy('i.currency')
        .execute();
      return rows.map((r) => ({ currency: r.currency ?? '', invoices: toNumber(r.invoice_count) ?? 0 }));
    },

    async dashboardSummary(filter) {
      const row = await db
        .selectFrom('invoices as i')
        .where((eb) => figures(eb, filter))
        .select((eb) => [
          count(eb).as('invoices'),
          eb.fn.sum('i.total').as('total'),
          eb.fn
            .sum(eb.case().when('i.label', '=', 'correctiva').then(sql.lit(1)).else(sql.lit(0)).end())
            .as('correctivas'),
          eb.fn
            .sum(eb.case().when('i.label', '=', 'preventiva').then(sql.lit(1)).else(sql.lit(0)).end())
            .as('preventivas'),
          eb.fn
            .sum(eb.case().when('i.label', '=', 'revision').then(sql.lit(1)).else(sql.lit(0)).end())
            .as('revision'),
          eb.fn.sum('i.line_count').as('lines'),
        ])
        .executeTakeFirstOrThrow();
      return {
        invoices: toNumber(row.invoices) ?? 0,
        total: toMoney(row.total) ?? 0,
        correctivas: toNumber(row.correctivas) ?? 0,
        preventivas: toNumber(row.preventivas) ?? 0,
        revision: toNumber(row.revision) ?? 0,
        lines: toNumber(row.lines) ?? 0,
      };
    },

    async monthlyTotals(filter) {
      const rows = await db
        .selectFrom('invoices as i')
        .where((eb) => figures(eb, filter))
        .where('i.issue_month', 'is not', null)
        .groupBy(['i.issue_month', 'i.label'])
        .select((eb) => [
          'i.issue_month',
          'i.label',
          count(eb).as('invoices'),
          eb.fn.sum('i.total').as('total'),
        ])
        .orderBy('i.issue_month')
        .orderBy('i.label')
        .execute();
      return rows.map((r) => ({
        month: r.issue_month ?? '',
        label: r.label,
        invoices: toNumber(r.invoices) ?? 0,
        total: toMoney(r.total) ?? 0,
      }));
    },

    async topSuppliers(filter, limit) {
      const query = db
        .selectFrom('invoices as i')
        .where((eb) => figures(eb, filter))
        .groupBy('i.supplier_tax_id')
        .select((eb) => [
          'i.supplier_tax_id',
          eb.fn.max('i.supplier_name').as('name'),
          count(eb).as('invoices'),
          eb.fn.coalesce(eb.fn.sum('i.total'), sql.lit(0)).as('total_sum'),
        ])
        // Aliases differ from column names: SQL Server would otherwise resolve ORDER BY to the column.
        .orderBy('total_sum', 'desc')
        .orderBy('i.supplier_tax_id');
      const rows = await firstRows(query, limit).execute();
      return rows.map((r) => ({
        taxId: r.supplier_tax_id,
        name: r.name,
        invoices: toNumber(r.invoices) ?? 0,
        total: toMoney(r.total_sum) ?? 0,
      }));
    },

    async topProducts(filter, limit) {
      // Same code = same product even when descriptions vary; lines without a code group by description.
      const query = db
        .selectFrom('invoice_lines as l')
        .innerJoin('invoices as i', 'i.file_id', 'l.file_id')
        .where((eb) => figures(eb as unknown as InvoiceScope, filter))
        .groupBy((eb) => eb.fn.coalesce('l.code', 'l.description'))
        .select((eb) => [
          eb.fn.max('l.code').as('product_code'),
          eb.fn.max('l.description').as('description'),
          eb.fn.countAll<number | string>().as('lines'),
          eb.fn.coalesce(eb.fn.sum('l.quantity'), sql.lit(0)).as('quantity_sum'),
          eb.fn.coalesce(eb.fn.sum('l.amount'), sql.lit(0)).as('amount_sum'),
        ])
        .orderBy('amount_sum', 'desc')
        .orderBy('product_code');
      const rows = await firstRows(query, limit).execute();
      return rows.map((r) => ({
        code: r.product_code,
        description: r.description,
        lines: toNumber(r.lines) ?? 0,
        quantity: toNumber(r.quantity_sum) ?? 0,
        amount: toMoney(r.amount_sum) ?? 0,
      }));
    },

    async queueSizes() {
      const rows = await db
        .selectFrom('invoices as i')
        .where('i.status', 'in', ['review', 'quarantined'])
        .groupBy('i.status')
        .select((eb) => ['i.status', count(eb).as('n')])
        .execute();
      const of = (status: string) => toNumber(rows.find((r) => r.status === status)?.n) ?? 0;
      return { review: of('review'), quarantined: of('quarantined') };
    },

    async queue(status, limit) {
      const query = db
        .selectFrom('invoices as i')
        .where('i.status', '=', status)
        .select([
          'i.file_id',
          'i.file_name',
          'i.link',
          'i.confidence',
          'i.error_code',
          'i.error_message',
          'i.validation_issues',
          'i.updated_at',
        ])
        .orderBy('i.updated_at', 'desc')
        .orderBy('i.file_id');
      const rows = await firstRows(query, limit).execute();
      return rows.map((r) => ({
        fileId: r.file_id,
        fileName: r.file_name,
        link: r.link,
        confidence: toNumber(r.confidence),
        errorCode: r.error_code,
        errorMessage: r.error_message,
        validationIssues: parseIssues(r.validation_issues),
        updatedAt: toDate(r.updated_at),
      }));
    },

    async recentActivity(limit) {
      const query = db
        .selectFrom('invoices as i')
        .select([
          'i.file_id',
          'i.file_name',
          'i.status',
          'i.label',
          'i.label_source',
          'i.supplier_name',
          'i.total',
          'i.currency',
          'i.updated_at',
        ])
        .orderBy('i.updated_at', 'desc')
        .orderBy('i.file_id');
      const rows = await firstRows(query, limit).execute();
      return rows.map((r) => ({
        fileId: r.file_id,
        fileName: r.file_name,
        status: r.status,
        label: r.label,
        labelSource: r.label_source,
        supplierName: r.supplier_name,
        total: toMoney(r.total),
        currency: r.currency,
        updatedAt: toDate(r.updated_at),
      }));
    },
  };
}
