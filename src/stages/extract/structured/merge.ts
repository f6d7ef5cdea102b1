import type { ReadDocument } from '../../../contract/document.ts';
import { emptyInvoice, type Invoice } from '../../../contract/result.ts';
import type { Extraction } from '../../stage.ts';
import {
  fieldValue,
  PROVENANCE_FIELDS,
  type ProvenanceField,
  setProvenance,
} from '../reconcile/provenance.ts';
import { validateInvoice } from '../reconcile/validate.ts';

/** An XML value is the issuer's own record, checked by its schema: as sure as a value gets. */
export const XML_CONFIDENCE = 0.99;

/**
 * Lays the invoice's XML over what was read from its page. Every value the XML states wins (confidence
 * 0.99, provenance `xml`); a field the XML leaves empty keeps the reading's value. Where the page prints
 * another number, date or total than its XML, the issue `xml_text_<field>_mismatch` says so (a PDF that
 * does not show what it bills). Validation is then the XML's: its missing fields and own arithmetic
 * (`xml_*`), not the page reading's. Without XML the reading is returned as it is, plus any
 * `embedded_xml_rejected:<reason>` for an XML attachment that was refused.
 */
export function applyStructured(document: ReadDocument, reading: Extraction): Extraction {
  const rejected = (document.structuredRejections ?? []).map((reason) => `embedded_xml_rejected:${reason}`);
  const structured = document.structured;
  if (!structured) {
    if (rejected.length === 0) return reading;
    const issues = [...reading.validation.issues, ...rejected];
    return { ...reading, validation: { ok: false, issues } };
  }
  const xml = structured.invoice;
  const read = reading.invoice;
  const invoice: Invoice = emptyInvoice();
  const confidence = { ...reading.confidence };
  const result: Extraction = { invoice, confidence, validation: { ok: true, issues: [] } };
  result.provenance = {};
  for (const field of PROVENANCE_FIELDS) {
    const fromXml = fieldValue(xml, field) !== null;
    setField(invoice, field, fromXml ? xml : read);
    if (fromXml) confidence[field] = XML_CONFIDENCE;
    const source = fromXml ? 'xml' : reading.provenance?.[field];
    if (source && fieldValue(invoice, field) !== null) setProvenance(result, field, source);
  }
  result.documentKind = structured.documentKind;

  const issues = validateInvoice(invoice, true).filter(
    (issue) => issue.startsWith('missing_') || issue === 'due_date_before_issue_date',
  );
  issues.push(...structured.issues);
  if (read.number !== null && xml.number !== null && !sameNumber(read.number, xml.number))
    issues.push('xml_text_number_mismatch');
  if (read.issueDate !== null && xml.issueDate !== null && read.issueDate !== xml.issueDate)
    issues.push('xml_text_issue_date_mismatch');
  if (read.total !== null && xml.total !== null && Math.abs(read.total - xml.total) >= 0.005)
    issues.push('xml_text_total_mismatch');
  issues.push(...rejected);
  result.validation = { ok: issues.length === 0, issues };
  return result;
}

function setField(target: Invoice, field: ProvenanceField, from: Invoice): void {
  switch (field) {
    case 'supplierName':
      target.supplier.name = from.supplier.name;
      return;
    case 'supplierTaxId':
      target.supplier.taxId = from.supplier.taxId;
      return;
    case 'customerName':
      target.customer.name = from.customer.name;
      return;
    case 'customerTaxId':
      target.customer.taxId = from.customer.taxId;
      return;
    case 'lines':
      target.lines = from.lines.map((line) => ({ ...line }));
      return;
    default:
      (target as unknown as Record<string, unknown>)[field] = from[field];
  }
}

/**
 * The printed number is the XML's when their letters and digits agree, group by group without leading
 * zeros (`RE-2014/9` and `RE 2014 / 9`, `0004-00025399` and `4-25399`).
 */
function sameNumber(read: string, xml: string): boolean {
  const groups = (s: string) =>
    s
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map((g) => g.replace(/^0+(?=.)/, '').toUpperCase());
  const a = groups(read);
  const b = groups(xml);
  return a.join('-') === b.join('-') || a.join('') === b.join('');
}
