import type { Kysely } from 'kysely';

/**
 * Views shaped for Power BI (documented column by column in docs/power-bi.md). Written with the query
 * builder so the same definition compiles on every dialect; Kysely inlines the literals for view bodies.
 */

// biome-ignore lint/suspicious/noExplicitAny: views are created inside migrations, against the untyped schema
type AnyDb = Kysely<any>;

export const VIEW_NAMES = ['v_invoices', 'v_invoice_lines_fact', 'v_monthly_totals'] as const;

export async function createViews(db: AnyDb): Promise<void> {
  await db.schema
    .createView('v_invoices')
    .as(
      db
        .selectFrom('invoices')
        .select([
          'file_id',
          'file_name',
          'link',
          'status',
          'error_code',
          'error_message',
          'class_code',
          'label as class_label',
          'label_source',
          'confidence',
          'model_version',
          'invoice_number',
          'cufe',
          'issue_date',
          'due_date',
          'issue_month',
          'purchase_order',
          'supplier_tax_id',
          'supplier_name',
          'customer_tax_id',
          'customer_name',
          'currency',
          'subtotal',
          'tax',
          'withholdings',
          'total',
          'line_count',
          'validation_ok',
          'validation_issues',
          'duplicate_of',
          'page_count',
          'ocr_pages',
          'processed_at',
          'updated_at',
        ]),
    )
    .execute();

  await db.schema
    .createView('v_invoice_lines_fact')
    .as(
      db
        .selectFrom('invoice_lines as l')
        .innerJoin('invoices as i', 'i.file_id', 'l.file_id')
        .where('i.status', '<>', 'quarantined')
        .select([
          'l.file_id',
          'l.line_no',
          'i.invoice_number',
          'i.issue_date',
          'i.issue_month',
          'i.class_code',
          'i.label as class_label',
          'i.label_source',
          'i.status',
          'i.supplier_tax_id',
          'i.supplier_name',
          'i.customer_tax_id',
          'i.customer_name',
          'i.currency',
          'l.code as product_code',
          'l.description',
          'l.quantity',
          'l.unit',
          'l.unit_price',
          'l.amount',
        ]),
    )
    .execute();

  await db.schema
    .createView('v_monthly_totals')
    .as(
      db
        .selectFrom('invoices')
        .where('status', '<>', 'quarantined')
        .where('issue_month', 'is not', null)
        .groupBy(['issue_month', 'class_code', 'label', 'supplier_tax_id', 'currency'])
        .select((eb) => [
          'issue_month',
          'class_code',
          'label as class_label',
          'supplier_tax_id',
          eb.fn.max('supplier_name').as('supplier_name'),
          'currency',
          eb.fn.countAll().as('invoice_count'),
          eb.fn.sum('subtotal').as('subtotal'),
          eb.fn.sum('tax').as('tax'),
          eb.fn.sum('withholdings').as('withholdings'),
          eb.fn.sum('total').as('total'),
        ]),
    )
    .execute();
}

export async function dropViews(db: AnyDb): Promise<void> {
  for (const name of [...VIEW_NAMES].reverse()) await db.schema.dropView(name).ifExists().execute();
}
