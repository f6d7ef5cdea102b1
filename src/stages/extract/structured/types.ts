import type { Invoice } from '../../../contract/result.ts';

/** The e-invoice syntaxes parseStructuredInvoice understands. */
export type StructuredFormat =
  | 'cii' // UN/CEFACT CrossIndustryInvoice: Factur-X, ZUGFeRD 2.x (every profile), XRechnung CII
  | 'zugferd1' // ZUGFeRD 1.x CrossIndustryDocument
  | 'ubl' // UBL 2.1 Invoice / CreditNote / DebitNote, XRechnung UBL, Peppol
  | 'dian' // Colombian DIAN UBL 2.1 (factura electrónica, nota crédito/débito), alone or in an AttachedDocument
  | 'cfdi' // Mexican CFDI 3.3 / 4.0
  | 'nfe'; // Brazilian NF-e / NFC-e (nfeProc or NFe)

export type { DocumentKind } from '../../../contract/result.ts';

import type { DocumentKind } from '../../../contract/result.ts';

/** An invoice read from its own XML. Amounts are as the XML states them (positive on a credit note). */
export interface StructuredInvoice {
  ok: true;
  format: StructuredFormat;
  documentKind: DocumentKind;
  invoice: Invoice;
  /**
   * What the XML says that does not add up (`xml_lines_do_not_sum_to_line_total`, `xml_totals_inconsistent`,
   * `xml_line_<n>_amount_mismatch`, ...). The values are kept as the XML states them.
   */
  issues: string[];
}

export type StructuredRejectionReason =
  | 'too_large' // over the size cap
  | 'not_xml' // empty, binary or not well-formed
  | 'doctype_forbidden' // a DOCTYPE or ENTITY declaration (XML bombs, external entities): never parsed
  | 'too_deep' // nesting over the parser's limit
  | 'not_invoice'; // well-formed XML of no known invoice syntax (or an envelope without one)

/** Why an XML was not taken as an invoice; `message` is in Spanish for people (dashboard, quarantine). */
export interface StructuredRejection {
  ok: false;
  reason: StructuredRejectionReason;
  message: string;
}
