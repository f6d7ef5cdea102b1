import { quarantine } from '../errors.ts';
import type { StructuredInvoice, StructuredRejection } from '../extract/structured/index.ts';
import type { ArchiveFile } from './archive.ts';
import { isImageKind } from './kind.ts';

export interface ParsedXmlFile {
  file: ArchiveFile;
  parsed: StructuredInvoice;
}

/** What to read out of an archive: the printed document, the invoice XML, or both (a DIAN ZIP). */
export interface ArchivePick {
  /** The PDF (or image) to read for classification and the printed-versus-XML checks. */
  document: ArchiveFile | null;
  xml: ParsedXmlFile | null;
}

export type ParseXml = (xml: Uint8Array) => StructuredInvoice | StructuredRejection;

/** XML refusals that mean an attack or a broken file, not merely "some other XML" (a signature, a receipt). */
const HOSTILE_XML = new Set(['doctype_forbidden', 'too_deep', 'too_large']);

/**
 * Pairs an archive's printed invoice with its XML. Invoice XMLs that are the same invoice (DIAN suppliers
 * often ship the `AttachedDocument` and the bare `Invoice`) count once; XMLs that are no invoice (the DIAN's
 * ApplicationResponse alone, signatures) are ignored. With one XML invoice, one PDF is its pair; among
 * several PDFs only one named like the XML is. Anything else is ambiguous, and refused rather than guessed.
 */
export function pickFromArchive(files: readonly ArchiveFile[], parseXml: ParseXml): ArchivePick {
  if (files.length === 0) throw quarantine('unsupported_type', 'El ZIP está vacío.');
  const invoices: ParsedXmlFile[] = [];
  for (const file of files.filter((f) => f.kind === 'xml')) {
    const parsed = parseXml(file.bytes);
    if (parsed.ok) invoices.push({ file, parsed });
    else if (HOSTILE_XML.has(parsed.reason)) {
      throw quarantine('xml_rejected', `El XML «${file.path}» del ZIP se rechaza: ${parsed.message}`);
    }
  }
  const distinct = distinctInvoices(invoices);
  if (distinct.length > 1) {
    const numbers = distinct.map((x) => x.parsed.invoice.number ?? x.file.name).join(', ');
    throw quarantine(
      'archive_ambiguous',
      `El ZIP trae ${distinct.length} facturas XML distintas (${numbers}); envíe una factura por ZIP.`,
    );
  }
  const xml = distinct[0] ?? null;
  const pdfs = files.filter((f) => f.kind === 'pdf');
  if (pdfs.length === 1) return { document: pdfs[0]!, xml };
  if (pdfs.length > 1) {
    const named = xml ? pdfs.filter((pdf) => stem(pdf.name) === stem(xml.file.name)) : [];
    if (named.length === 1) return { document: named[0]!, xml };
    throw quarantine(
      'archive_ambiguous',
      `El ZIP trae ${pdfs.length} PDF (${pdfs.map((p) => p.path).join(', ')}) ` +
        (xml
          ? `y ningún nombre coincide con el del XML «${xml.file.name}»: no se sabe cuál es la factura.`
          : 'y ningún XML: no se sabe cuál es la factura; envíe una factura por ZIP.'),
    );
  }
  if (xml) return { document: null, xml };
  const images = files.filter((f) => isImageKind(f.kind));
  if (images.length === 1) return { document: images[0]!, xml: null };
  if (files.some((f) => f.kind === 'xml')) {
    throw quarantine(
      'xml_rejected',
      'El ZIP no trae PDF y ninguno de sus XML es una factura electrónica reconocida.',
    );
  }
  throw quarantine(
    'unsupported_type',
    `El ZIP no contiene ninguna factura en PDF, XML o imagen (trae: ${files.map((f) => f.path).join(', ')}).`,
  );
}

function distinctInvoices(invoices: readonly ParsedXmlFile[]): ParsedXmlFile[] {
  const distinct: ParsedXmlFile[] = [];
  for (const item of invoices) {
    if (!distinct.some((kept) => sameInvoice(kept.parsed, item.parsed))) distinct.push(item);
  }
  return distinct;
}

function sameInvoice(a: StructuredInvoice, b: StructuredInvoice): boolean {
  if (a.invoice.cufe !== null && a.invoice.cufe === b.invoice.cufe) return true;
  return (
    a.invoice.number !== null && a.invoice.number === b.invoice.number && a.invoice.total === b.invoice.total
  );
}

function stem(name: string): string {
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).toLowerCase();
}
