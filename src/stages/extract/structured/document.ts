import type { ReadDocument, StructuredData } from '../../../contract/document.ts';
import type { StructuredInvoice } from './types.ts';

/**
 * A read document for an XML invoice that has no pages (a lone XML file, a ZIP's XML): `extractInvoice` on
 * it gives the full extraction, every value from the XML. With the PDF it came with, pass that PDF's read
 * document as `pages` to keep the printed text for classification and the XML-versus-print checks.
 */
export function structuredDocument(
  parsed: StructuredInvoice,
  fileName: string | null,
  pages: ReadDocument = { pages: [], text: '' },
): ReadDocument {
  return { ...pages, structured: toStructuredData(parsed, 'xml_file', fileName) };
}

export function toStructuredData(
  parsed: StructuredInvoice,
  source: StructuredData['source'],
  fileName: string | null,
): StructuredData {
  return {
    source,
    fileName,
    format: parsed.format,
    documentKind: parsed.documentKind,
    invoice: parsed.invoice,
    issues: parsed.issues,
  };
}
