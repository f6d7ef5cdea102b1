import { emptyInvoice, type Invoice, type LineItem } from '../../../contract/result.ts';
import { creditNoteTypeCode } from './document-kind.ts';
import type { Mapped } from './mapped.ts';
import { all, at, attr, decimal, isoDate, text, textAt } from './xml-tree.ts';

/**
 * UN/CEFACT Cross Industry Invoice: `CrossIndustryInvoice` (D16B; Factur-X 1.0, ZUGFeRD 2.x in every profile
 * from MINIMUM to EXTENDED, XRechnung CII) and ZUGFeRD 1.x's `CrossIndustryDocument`. Both carry the same
 * business terms under different element names, so each step below names the 2.x element, then the 1.x one.
 */
export function mapCii(root: unknown, version: 'cii' | 'zugferd1'): Mapped {
  const v1 = version === 'zugferd1';
  const header = at(root, v1 ? 'HeaderExchangedDocument' : 'ExchangedDocument');
  const transaction = at(root, v1 ? 'SpecifiedSupplyChainTradeTransaction' : 'SupplyChainTradeTransaction');
  const agreement = at(
    transaction,
    v1 ? 'ApplicableSupplyChainTradeAgreement' : 'ApplicableHeaderTradeAgreement',
  );
  const settlement = at(
    transaction,
    v1 ? 'ApplicableSupplyChainTradeSettlement' : 'ApplicableHeaderTradeSettlement',
  );
  const totals = at(
    settlement,
    v1 ? 'SpecifiedTradeSettlementMonetarySummation' : 'SpecifiedTradeSettlementHeaderMonetarySummation',
  );
  const currency = textAt(settlement, 'InvoiceCurrencyCode');
  const typeCode = textAt(header, 'TypeCode');

  const invoice: Invoice = emptyInvoice();
  invoice.number = textAt(header, 'ID');
  invoice.issueDate = ciiDate(at(header, 'IssueDateTime'));
  invoice.dueDate = ciiDate(at(settlement, 'SpecifiedTradePaymentTerms', 'DueDateDateTime'));
  invoice.purchaseOrder =
    textAt(agreement, 'BuyerOrderReferencedDocument', v1 ? 'ID' : 'IssuerAssignedID') ??
    textAt(agreement, 'BuyerOrderReferencedDocument', 'IssuerAssignedID');
  invoice.supplier = party(at(agreement, 'SellerTradeParty'));
  invoice.customer = party(at(agreement, 'BuyerTradeParty'));
  invoice.currency = currency;
  const lineTotal = amount(totals, 'LineTotalAmount', currency);
  invoice.subtotal = lineTotal ?? amount(totals, 'TaxBasisTotalAmount', currency);
  invoice.tax = amount(totals, 'TaxTotalAmount', currency);
  invoice.total =
    amount(totals, 'GrandTotalAmount', currency) ?? amount(totals, 'DuePayableAmount', currency);
  invoice.lines = all(transaction, 'IncludedSupplyChainTradeLineItem')
    .filter(countsInTotals)
    .map((item) => line(item, v1));

  return {
    invoice,
    documentKind: creditNoteTypeCode(typeCode) ? 'credit_note' : 'invoice',
    lineTotal,
    taxBasis: amount(totals, 'TaxBasisTotalAmount', currency),
    allowances: amount(totals, 'AllowanceTotalAmount', currency),
    charges: amount(totals, 'ChargeTotalAmount', currency),
  };
}

/** EXTENDED profile sub-lines (`DETAIL`, `INFORMATION`) are already inside a group line or outside the totals. */
function countsInTotals(item: unknown): boolean {
  const status = textAt(item, 'AssociatedDocumentLineDocument', 'LineStatusReasonCode')?.toUpperCase();
  return status !== 'DETAIL' && status !== 'INFORMATION';
}

function line(item: unknown, v1: boolean): LineItem {
  const product = at(item, 'SpecifiedTradeProduct');
  const agreement = at(item, v1 ? 'SpecifiedSupplyChainTradeAgreement' : 'SpecifiedLineTradeAgreement');
  const delivery = at(item, v1 ? 'SpecifiedSupplyChainTradeDelivery' : 'SpecifiedLineTradeDelivery');
  const settlement = at(item, v1 ? 'SpecifiedSupplyChainTradeSettlement' : 'SpecifiedLineTradeSettlement');
  const billed = at(delivery, 'BilledQuantity');
  const net = at(agreement, 'NetPriceProductTradePrice');
  const price = decimal(textAt(net, 'ChargeAmount'));
  const basis = decimal(textAt(net, 'BasisQuantity'));
  return {
    code:
      textAt(product, 'SellerAssignedID') ??
      textAt(product, 'BuyerAssignedID') ??
      textAt(product, 'GlobalID'),
    description: textAt(product, 'Name') ?? textAt(product, 'Description'),
    quantity: decimal(text(billed)),
    unit: attr(billed, 'unitCode'),
    // The price may be stated for a basis quantity (per 100 units, ...): the contract's price is per unit.
    unitPrice: price !== null && basis !== null && basis > 0 && basis !== 1 ? price / basis : price,
    amount: decimal(
      textAt(
        settlement,
        v1 ? 'SpecifiedTradeSettlementMonetarySummation' : 'SpecifiedTradeSettlementLineMonetarySummation',
        'LineTotalAmount',
      ),
    ),
  };
}

function party(node: unknown): Invoice['supplier'] {
  const registrations = all(node, 'SpecifiedTaxRegistration', 'ID');
  const byScheme = (scheme: string) =>
    registrations.find((id) => attr(id, 'schemeID')?.toUpperCase() === scheme && text(id) !== null);
  // VA is the VAT number, FC the national tax number; an ID of another scheme is not a tax id.
  const taxId = byScheme('VA') ?? byScheme('FC') ?? registrations.find((id) => attr(id, 'schemeID') === null);
  return { name: textAt(node, 'Name'), taxId: text(taxId) };
}

/** `DateTimeString` in format 102 (YYYYMMDD), the only one e-invoices use for dates. */
function ciiDate(node: unknown): string | null {
  return isoDate(textAt(node, 'DateTimeString'));
}

/**
 * An amount of the monetary summation; where the element repeats (TaxTotalAmount in the invoice currency and
 * again in the VAT accounting currency) the one in the invoice currency.
 */
function amount(node: unknown, name: string, currency: string | null): number | null {
  const values = all(node, name);
  const chosen = values.find((v) => currency !== null && attr(v, 'currencyID') === currency) ?? values[0];
  return decimal(text(chosen));
}
