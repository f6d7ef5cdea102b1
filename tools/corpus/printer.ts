import { formatAmount, formatDate, formatNumber, formatQuantity } from './format.ts';
import type { InvoiceData, InvoiceLine, Withholding } from './invoice-data.ts';
import { formatNationalId } from './national-ids.ts';
import { formatNit } from './nit.ts';
import type { PrintStyle } from './style.ts';

export type ColumnKey =
  | 'index'
  | 'code'
  | 'description'
  | 'quantity'
  | 'unit'
  | 'unitPrice'
  | 'amount'
  | 'taxRate';

/** Turns the facts of an invoice into the strings a layout prints, in the invoice's style. */
export class Printer {
  constructor(
    readonly data: InvoiceData,
    readonly style: PrintStyle,
  ) {}

  amount(value: number): string {
    return formatAmount(value, this.style.amount, this.data.currency);
  }

  /** A plain number in the invoice's style, for table cells that leave the currency to the header. */
  number(value: number): string {
    return formatNumber(value, this.style.amount.numbers, this.style.amount.cents ? 2 : 0);
  }

  date(iso: string): string {
    return formatDate(iso, this.style.date, this.style.months);
  }

  /** The issue date, with the time of issue when the invoice prints one. */
  issueDate(): string {
    const date = this.date(this.data.issueDate);
    return this.style.issueTime ? `${date} ${this.style.issueTime}` : date;
  }

  /** An amount that is subtracted (withholdings): `-$ 1.234` or `($ 1.234)`. */
  negative(value: number): string {
    return this.style.negative === 'parens' ? `(${this.amount(value)})` : `-${this.amount(value)}`;
  }

  nit(taxId: string): string {
    const other = this.style.taxId;
    return other ? formatNationalId(other.kind, taxId, other.variant) : formatNit(taxId, this.style.nit);
  }

  quantity(value: number): string {
    return formatQuantity(value, this.style.amount.numbers, this.style.quantityDecimals);
  }

  percent(rate: number): string {
    const value = Math.round(rate * 10000) / 100;
    return `${formatNumber(value, this.style.amount.numbers, Number.isInteger(value) ? 0 : 2)}%`;
  }

  /** `Label: ` (or `Label ` when the invoice does without colons); labels that end in '.' keep it. */
  label(text: string): string {
    return this.style.colon ? `${text}${this.style.colon}` : text;
  }

  cell(line: InvoiceLine, key: ColumnKey, index: number, cellAmounts: 'amount' | 'number'): string {
    const money = (value: number) => (cellAmounts === 'amount' ? this.amount(value) : this.number(value));
    switch (key) {
      case 'index':
        return String(index + 1);
      case 'code':
        return line.code ?? '';
      case 'description':
        return line.description;
      case 'quantity':
        return this.quantity(line.quantity);
      case 'unit':
        return line.unit;
      case 'unitPrice':
        return money(line.unitPrice);
      case 'amount':
        return money(line.amount);
      case 'taxRate':
        return this.percent(line.taxRate);
    }
  }

  withholdingLabel(row: Withholding): string {
    const labels = this.style.labels;
    if (row.kind === 'reteica') {
      const perMille = formatNumber(row.rate * 1000, this.style.amount.numbers, 2).replace(/[.,]?0+$/, '');
      return `${labels.reteica} ${perMille} x mil`;
    }
    return `${row.kind === 'retefuente' ? labels.retefuente : labels.reteiva} ${this.percent(row.rate)}`;
  }

  /**
   * The totals block as label/value rows: subtotal, one row per IVA rate, then either the total alone or
   * the gross total, the withholdings and the net amount to pay.
   */
  totalsRows(): [string, string][] {
    const { data, style } = this;
    const rows: [string, string][] = [[style.labels.subtotal, this.amount(data.subtotal)]];
    for (const tax of data.taxes) {
      const label =
        tax.rate === 0
          ? `${style.labels.tax} 0% ${style.words.exempt}`
          : `${style.labels.tax} ${this.percent(tax.rate)}`;
      rows.push([label, this.amount(tax.amount)]);
    }
    if (data.withholdingRows.length === 0) {
      rows.push([style.labels.total, this.amount(data.total)]);
      return rows;
    }
    rows.push([style.labels.grossTotal, this.amount(data.total)]);
    for (const row of data.withholdingRows)
      rows.push([this.withholdingLabel(row), this.negative(row.amount)]);
    rows.push([style.labels.net, this.amount(data.net)]);
    return rows;
  }

  /** The invoice number with its label; avoids "FACTURA DE VENTA FACTURA DE VENTA No." when the label says it. */
  numberLine(): string {
    return `${this.label(this.style.labels.number)} ${this.data.number}`;
  }

  titleNeeded(): boolean {
    const label = this.style.labels.number.toLowerCase();
    return !this.style.words.titleWords.some((word) => label.includes(word));
  }
}
