import { emptyInvoice, type Invoice, type LineItem } from '../../../contract/result.ts';
import { creditNoteTypeCode } from './document-kind.ts';
import type { Mapped } from './mapped.ts';
import { all, at, attr, decimal, isoDate, sum, text, textAt } from './xml-tree.ts';

export type UblRoot = 'Invoice' | 'CreditNote' | 'DebitNote';

const LINE: Record<UblRoot, { line: string; quantity: string }> = {
  Invoice: { line: 'InvoiceLine', quantity: 'InvoicedQuantity' },
  CreditNote: { line: 'CreditNoteLine', quantity: 'CreditedQuantity' },
  DebitNote: { line: 'DebitNoteLine', quantity: 'DebitedQuantity' },
};

/**
 * OASIS UBL 2.1 `Invoice`, `CreditNote` and `DebitNote`: EN 16931 / XRechnung UBL / Peppol BIS, and the
 * Colombian DIAN profile (factura electrónica de venta, notas crédito y débito), which puts the CUFE/CUDE in
 * `cbc:UUID`, the NIT in `PartyTaxScheme/CompanyID` with its check digit in `@schemeID`, withholdings in
 * `WithholdingTaxTotal` and the due date in `PaymentMeans/PaymentDueDate`.
 */
export function mapUbl(root: unknown, kind: UblRoot, dian: boolean): Mapped {
  const currency = textAt(root, 'DocumentCurrencyCode');
  const totals = at(root, 'LegalMonetaryTotal') ?? at(root, 'RequestedMonetaryTotal');
  const money = (name: string) => decimal(textAt(totals, name));
  const typeCode = textAt(root, 'InvoiceTypeCode') ?? textAt(root, 'CreditNoteTypeCode');

  const invoice: Invoice = emptyInvoice();
  invoice.number = textAt(root, 'ID');
  invoice.cufe = textAt(root, 'UUID');
  invoice.issueDate = isoDate(textAt(root, 'IssueDate'));
  invoice.dueDate =
    isoDate(textAt(root, 'DueDate')) ??
    isoDate(textAt(root, 'PaymentMeans', 'PaymentDueDate')) ??
    isoDate(textAt(root, 'PaymentTerms', 'PaymentDueDate'));
  invoice.purchaseOrder = textAt(root, 'OrderReference', 'ID');
  invoice.supplier = party(at(root, 'AccountingSupplierParty', 'Party'), dian);
  invoice.customer = party(at(root, 'AccountingCustomerParty', 'Party'), dian);
  invoice.currency = currency;
  const lineTotal = money('LineExtensionAmount');
  const prepaid = money('PrepaidAmount');
  invoice.subtotal = lineTotal;
  invoice.tax = taxTotal(all(root, 'TaxTotal'), currency);
  invoice.withholdings = taxTotal(all(root, 'WithholdingTaxTotal'), currency);
  // The invoice's total, before any prepayment is taken off what is left to pay.
  invoice.total =
    prepaid !== null && prepaid !== 0
      ? (money('TaxInclusiveAmount') ?? money('PayableAmount'))
      : (money('PayableAmount') ?? money('TaxInclusiveAmount'));
  invoice.lines = all(root, LINE[kind].line).map((node) => line(node, LINE[kind].quantity));

  return {
    invoice,
    documentKind:
      kind === 'CreditNote' || (kind === 'Invoice' && creditNoteTypeCode(typeCode))
        ? 'credit_note'
        : 'invoice',
    lineTotal,
    // DIAN's TaxExclusiveAmount is the taxable base only (exempt lines left out), not the net total.
    taxBasis: dian ? null : money('TaxExclusiveAmount'),
    allowances: money('AllowanceTotalAmount'),
    charges: money('ChargeTotalAmount'),
    otherAdditions: prepaid !== null && prepaid !== 0 ? null : money('PayableRoundingAmount'),
  };
}

function line(node: unknown, quantityName: string): LineItem {
  const item = at(node, 'Item');
  const quantity = at(node, quantityName);
  const price = decimal(textAt(node, 'Price', 'PriceAmount'));
  const basis = decimal(textAt(node, 'Price', 'BaseQuantity'));
  return {
    code:
      textAt(item, 'SellersItemIdentification', 'ID') ??
      textAt(item, 'StandardItemIdentification', 'ID') ??
      textAt(item, 'BuyersItemIdentification', 'ID'),
    description: textAt(item, 'Name') ?? descriptions(item),
    quantity: decimal(text(quantity)),
    unit: attr(quantity, 'unitCode'),
    unitPrice: price !== null && basis !== null && basis > 0 && basis !== 1 ? price / basis : price,
    amount: decimal(textAt(node, 'LineExtensionAmount')),
  };
}

function descriptions(item: unknown): string | null {
  const parts = all(item, 'Description')
    .map(text)
    .filter((t): t is string => t !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}

function party(node: unknown, dian: boolean): Invoice['supplier'] {
  const schemes = all(node, 'PartyTaxScheme');
  const scheme =
    schemes.find((s) => textAt(s, 'TaxScheme', 'ID')?.toUpperCase() === 'VAT' && textAt(s, 'CompanyID')) ??
    schemes.find((s) => textAt(s, 'CompanyID') !== null);
  const legal = at(node, 'PartyLegalEntity');
  const name =
    textAt(legal, 'RegistrationName') ??
    textAt(scheme, 'RegistrationName') ??
    textAt(node, 'PartyName', 'Name');
  return { name, taxId: taxId(at(scheme, 'CompanyID') ?? at(legal, 'CompanyID'), dian) };
}

/**
 * A DIAN NIT (identification type 31) is written with its check digit, `900123456-7`, as printed invoices
 * and the rest of the pipeline write it; the XML keeps the digit in `@schemeID`.
 */
function taxId(node: unknown, dian: boolean): string | null {
  const id = text(node);
  if (id === null || !dian) return id;
  const checkDigit = attr(node, 'schemeID');
  const nit = attr(node, 'schemeName') === '31';
  return nit && checkDigit !== null && /^\d$/.test(checkDigit) && /^\d+$/.test(id)
    ? `${id}-${checkDigit}`
    : id;
}

/** The sum of `TaxTotal/TaxAmount` in the document currency (DIAN writes one TaxTotal per tax: IVA, INC...). */
function taxTotal(nodes: unknown[], currency: string | null): number | null {
  const inCurrency = nodes
    .map((n) => at(n, 'TaxAmount'))
    .filter((a) => currency === null || attr(a, 'currencyID') === null || attr(a, 'currencyID') === currency);
  return sum(inCurrency.map((a) => decimal(text(a))));
}
