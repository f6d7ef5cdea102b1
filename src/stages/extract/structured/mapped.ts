import type { Invoice } from '../../../contract/result.ts';
import type { DocumentKind } from './types.ts';

/** What a syntax's mapper gives back: the contract invoice, plus the figures the consistency checks need. */
export interface Mapped {
  invoice: Invoice;
  documentKind: DocumentKind;
  /** The XML's own sum of line amounts (CII LineTotalAmount, UBL LineExtensionAmount, NF-e vProd...). */
  lineTotal: number | null;
  /** Amount the taxes are computed on (after document-level allowances and charges), when stated. */
  taxBasis: number | null;
  allowances: number | null;
  charges: number | null;
  /** Amounts the total is stated net of or with, besides tax (NF-e freight, CFDI discount...), when known. */
  otherAdditions?: number | null;
}
