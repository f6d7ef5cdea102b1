/**
 * Structured data inside invoices: the e-invoice XML, read exactly instead of guessed from the printed page.
 *
 * ```ts
 * parseStructuredInvoice(xml: string | Uint8Array, options?: { maxBytes?: number })
 *   : StructuredInvoice | StructuredRejection
 * ```
 * - `{ ok: true, format, documentKind, invoice, issues }`: `invoice` is the output contract's `Invoice`
 *   (src/contract/result.ts) with every value the XML states; `documentKind` is `'invoice'` or
 *   `'credit_note'` (amounts stay positive as written; the warehouse signs them, see `documentKind` in the
 *   result contract); `issues` are the XML's own arithmetic that does not add up (`xml_*`).
 * - `{ ok: false, reason, message }`: `too_large` (over 10 MB by default), `not_xml`, `doctype_forbidden`
 *   (any DOCTYPE/ENTITY: XML bombs and external entities are refused before parsing), `too_deep`,
 *   `not_invoice` (well-formed but no known invoice syntax). `message` is Spanish, for people.
 *
 * Syntaxes (`format`): `cii` (Factur-X, ZUGFeRD 2.x any profile, XRechnung CII), `zugferd1`, `ubl` (UBL 2.1
 * Invoice/CreditNote/DebitNote, XRechnung UBL, Peppol with or without its SBDH envelope), `dian` (DIAN UBL,
 * alone or inside its `AttachedDocument`), `cfdi` (3.3 / 4.0), `nfe` (NF-e / NFC-e).
 *
 * A lone XML (an inbox file, a ZIP's XML) becomes a full extraction (values, confidence 0.99, provenance
 * `xml`, validation, documentKind) with `extractInvoice(structuredDocument(parsed, fileName, pdfDocument?))`;
 * with the paired PDF's read document the printed text is kept for classification and the XML-versus-print
 * checks (`xml_text_total_mismatch`...). PDFs: the read stage finds the attachment itself (read/embedded-xml.ts).
 * Never throws on bad input.
 */

export { structuredDocument } from './document.ts';
export { parseStructuredInvoice } from './parse.ts';
export type {
  DocumentKind,
  StructuredFormat,
  StructuredInvoice,
  StructuredRejection,
  StructuredRejectionReason,
} from './types.ts';
export { MAX_XML_BYTES, type XmlParseOptions } from './xml-parse.ts';
