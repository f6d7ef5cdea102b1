import type { ReadDocument } from '../../../contract/document.ts';
import { HEADER_FIELDS, headerFieldValue } from '../../../contract/fields.ts';
import type { Invoice, Provenance } from '../../../contract/result.ts';

export type { Provenance };

/** The fields provenance is given for: the keys of an extraction's `confidence`. */
export const PROVENANCE_FIELDS = [...HEADER_FIELDS, 'lines'] as const;
export type ProvenanceField = (typeof PROVENANCE_FIELDS)[number];

/** A field's value in the invoice (lines: null when there are none). */
export function fieldValue(invoice: Invoice, field: ProvenanceField): unknown {
  if (field === 'lines') return invoice.lines.length > 0 ? invoice.lines : null;
  return headerFieldValue(invoice, field);
}

/**
 * Records where fields' values came from. The one way every source sets provenance (XML merge, fiscal QR
 * codes, the page reading): `setProvenance(extraction, ['number', 'total'], 'qr')`.
 */
export function setProvenance(
  target: { provenance?: Record<string, Provenance> },
  fields: string | readonly string[],
  source: Provenance,
): void {
  target.provenance ??= {};
  for (const field of typeof fields === 'string' ? [fields] : fields) target.provenance[field] = source;
}

/**
 * Provenance of values read from the page: `ocr` when any page of the document was recognised, else `text`
 * (a text layer). Only fields with a value get one.
 */
export function readingProvenance(invoice: Invoice, document: ReadDocument): Record<string, Provenance> {
  const source: Provenance = document.pages.some((page) => page.source === 'ocr') ? 'ocr' : 'text';
  const provenance: Record<string, Provenance> = {};
  for (const field of PROVENANCE_FIELDS) if (fieldValue(invoice, field) !== null) provenance[field] = source;
  return provenance;
}
