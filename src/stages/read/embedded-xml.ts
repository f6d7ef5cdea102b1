import { constants, inflateSync } from 'node:zlib';
import type * as mupdf from 'mupdf';
import type { StructuredData } from '../../contract/document.ts';
import { toStructuredData } from '../extract/structured/document.ts';
import { parseStructuredInvoice } from '../extract/structured/parse.ts';
import { MAX_XML_BYTES } from '../extract/structured/xml-parse.ts';

/** Attachment names the e-invoice standards fix, tried first (compared in lower case). */
const STANDARD_NAMES = ['factur-x.xml', 'zugferd-invoice.xml', 'xrechnung.xml', 'order-x.xml'];
/** A hostile PDF can hold any number of attachments and a name tree of any depth, or a loop of them. */
const MAX_ATTACHMENTS = 50;
const MAX_TREE_DEPTH = 16;
/** Streams with filters other than Flate are decoded by mupdf, which cannot bound its output: kept small. */
const MAX_OTHER_FILTER_BYTES = 1024 * 1024;

export interface EmbeddedInvoice {
  structured: StructuredData | null;
  /** The reasons XML attachments were refused (`doctype_forbidden`, `too_large`, `not_invoice`...). */
  rejections: string[];
}

interface Attachment {
  name: string;
  spec: mupdf.PDFObject;
}

/**
 * The invoice XML a PDF carries: Factur-X / ZUGFeRD / XRechnung put it in the document's embedded files
 * (the `EmbeddedFiles` name tree) and list it in the catalog's associated files (`/AF`, PDF/A-3). Standard
 * names first, then any attachment named `.xml` or typed XML; the first that parses as an invoice is
 * returned. Attachments are decompressed with a size cap (a Flate bomb stops at the cap) and parsed by
 * parseStructuredInvoice, which refuses DTDs and entities. Never throws: a broken attachment is a rejection.
 */
export function readEmbeddedInvoice(document: mupdf.Document): EmbeddedInvoice {
  const result: EmbeddedInvoice = { structured: null, rejections: [] };
  const pdf = document.asPDF();
  if (!pdf) return result;
  let attachments: Attachment[];
  try {
    attachments = xmlAttachments(pdf);
  } catch {
    return result;
  }
  for (const { name, spec } of attachments) {
    let bytes: Uint8Array | string;
    try {
      bytes = attachmentBytes(pdf, spec);
    } catch (error) {
      result.rejections.push(error instanceof AttachmentError ? error.reason : 'unreadable');
      continue;
    }
    const parsed = parseStructuredInvoice(bytes);
    if (parsed.ok) {
      result.structured = toStructuredData(parsed, 'pdf_attachment', name);
      return result;
    }
    result.rejections.push(parsed.reason);
  }
  return result;
}

function xmlAttachments(pdf: mupdf.PDFDocument): Attachment[] {
  const found = new Map<string, Attachment>();
  const add = (name: string | null, spec: mupdf.PDFObject) => {
    if (found.size >= MAX_ATTACHMENTS || !spec.isDictionary()) return;
    const fileName = name ?? specName(spec);
    const key = spec.isIndirect() ? `#${spec.asIndirect()}` : `name:${fileName}`;
    if (found.has(key) || !looksLikeXml(fileName, spec)) return;
    found.set(key, { name: fileName, spec });
  };
  const root = pdf.getTrailer().get('Root');
  walkNameTree(root.get('Names').get('EmbeddedFiles'), add, 0, new Set());
  const associated = root.get('AF');
  if (associated.isArray()) {
    for (let i = 0; i < Math.min(associated.length, MAX_ATTACHMENTS); i++) add(null, associated.get(i));
  }
  const rank = (a: Attachment) => {
    const index = STANDARD_NAMES.indexOf(a.name.toLowerCase());
    return index === -1 ? STANDARD_NAMES.length : index;
  };
  return [...found.values()].sort((a, b) => rank(a) - rank(b));
}

/** The name tree's leaves (`Names` pairs) through its `Kids`, bounded in depth and never visiting a node twice. */
function walkNameTree(
  node: mupdf.PDFObject,
  add: (name: string | null, spec: mupdf.PDFObject) => void,
  depth: number,
  seen: Set<number>,
): void {
  if (depth > MAX_TREE_DEPTH || !node.isDictionary()) return;
  if (node.isIndirect()) {
    if (seen.has(node.asIndirect())) return;
    seen.add(node.asIndirect());
  }
  const names = node.get('Names');
  if (names.isArray()) {
    for (let i = 0; i + 1 < Math.min(names.length, 2 * MAX_ATTACHMENTS); i += 2) {
      const key = names.get(i);
      add(key.isString() ? key.asString() : null, names.get(i + 1));
    }
  }
  const kids = node.get('Kids');
  if (kids.isArray()) {
    for (let i = 0; i < Math.min(kids.length, MAX_ATTACHMENTS); i++)
      walkNameTree(kids.get(i), add, depth + 1, seen);
  }
}

function specName(spec: mupdf.PDFObject): string {
  for (const key of ['UF', 'F']) {
    const value = spec.get(key);
    if (value.isString()) return value.asString();
  }
  return '';
}

function looksLikeXml(name: string, spec: mupdf.PDFObject): boolean {
  if (/\.xml$/i.test(name.trim())) return true;
  const subtype = embeddedStream(spec)?.get('Subtype');
  return subtype?.isName() === true && /xml/i.test(subtype.asName());
}

function embeddedStream(spec: mupdf.PDFObject): mupdf.PDFObject | null {
  const ef = spec.get('EF');
  if (!ef.isDictionary()) return null;
  for (const key of ['UF', 'F']) {
    const stream = ef.get(key);
    if (stream.isStream()) return stream;
  }
  return null;
}

class AttachmentError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * The attachment's bytes: its raw stream, inflated by Node's zlib with `maxOutputLength` when Flate is its
 * only filter (the usual case), else decoded by mupdf when the raw stream is small.
 */
function attachmentBytes(pdf: mupdf.PDFDocument, spec: mupdf.PDFObject): Uint8Array {
  const stream = embeddedStream(spec);
  if (!stream) throw new AttachmentError('unreadable');
  const raw = stream.readRawStream().asUint8Array();
  const filter = stream.get('Filter');
  const filters = filter.isArray()
    ? Array.from({ length: filter.length }, (_, i) => filter.get(i))
    : filter.isNull()
      ? []
      : [filter];
  const names = filters.map((f) => (f.isName() ? f.asName() : ''));
  if (names.length === 0) return raw;
  const parms = stream.get('DecodeParms');
  if (names.length === 1 && (names[0] === 'FlateDecode' || names[0] === 'Fl') && !parms.isDictionary()) {
    try {
      return inflateSync(raw, { maxOutputLength: MAX_XML_BYTES, finishFlush: constants.Z_SYNC_FLUSH });
    } catch (error) {
      throw new AttachmentError(error instanceof RangeError ? 'too_large' : 'unreadable');
    }
  }
  if (raw.byteLength > MAX_OTHER_FILTER_BYTES) throw new AttachmentError('too_large');
  const decoded = pdf.getEmbeddedFileContents(spec);
  if (!decoded) throw new AttachmentError('unreadable');
  return decoded.asUint8Array();
}
