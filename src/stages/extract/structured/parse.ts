import { mapCfdi } from './cfdi.ts';
import { consistencyIssues } from './checks.ts';
import { mapCii } from './cii.ts';
import type { Mapped } from './mapped.ts';
import { mapNfe } from './nfe.ts';
import type { StructuredFormat, StructuredInvoice, StructuredRejection } from './types.ts';
import { mapUbl } from './ubl.ts';
import { type ParsedXml, parseXml, type XmlParseOptions } from './xml-parse.ts';
import { all, at, CDATA, decodeReferences, textAt, type XmlNode } from './xml-tree.ts';

/** See index.ts for the contract. */
export function parseStructuredInvoice(
  xml: string | Uint8Array,
  options: XmlParseOptions = {},
): StructuredInvoice | StructuredRejection {
  const parsed = parseXml(xml, options);
  if ('ok' in parsed) return parsed;
  return fromTree(parsed, options, false);
}

function fromTree(
  parsed: ParsedXml,
  options: XmlParseOptions,
  inEnvelope: boolean,
): StructuredInvoice | StructuredRejection {
  const { root, node } = parsed;
  if (root === 'AttachedDocument' || root === 'StandardBusinessDocument') {
    if (inEnvelope) return notInvoice(`un sobre ${root} dentro de otro sobre`);
    return root === 'AttachedDocument' ? fromAttachedDocument(node, options) : fromSbd(node, options);
  }
  const mapped = mapRoot(root, node);
  if (!mapped) return notInvoice(`el elemento raíz es <${root}>`);
  const [format, result] = mapped;
  const { invoice } = result;
  if (invoice.number === null && invoice.total === null && invoice.lines.length === 0) {
    return notInvoice(`<${root}> no trae número, total ni líneas`);
  }
  return { ok: true, format, documentKind: result.documentKind, invoice, issues: consistencyIssues(result) };
}

function mapRoot(root: string, node: XmlNode): [StructuredFormat, Mapped] | null {
  switch (root) {
    case 'CrossIndustryInvoice':
      return ['cii', mapCii(node, 'cii')];
    case 'CrossIndustryDocument':
      return ['zugferd1', mapCii(node, 'zugferd1')];
    case 'Invoice':
    case 'CreditNote':
    case 'DebitNote': {
      const dian = isDian(node);
      return [dian ? 'dian' : 'ubl', mapUbl(node, root, dian)];
    }
    case 'Comprobante':
      return ['cfdi', mapCfdi(node)];
    case 'nfeProc':
    case 'NFe':
      return ['nfe', mapNfe(node, root)];
    default:
      return null;
  }
}

/** DIAN's UBL carries its `DianExtensions` block and a `DIAN 2.1` profile. */
function isDian(node: XmlNode): boolean {
  if (all(node, 'UBLExtensions', 'UBLExtension', 'ExtensionContent', 'DianExtensions').length > 0)
    return true;
  return /\bDIAN\b/i.test(textAt(node, 'ProfileID') ?? '');
}

/**
 * A DIAN `AttachedDocument`: the invoice (or credit note) XML sits as text, usually CDATA, in
 * `Attachment/ExternalReference/Description`; the DIAN's `ApplicationResponse` sits beside it under
 * `ParentDocumentLineReference` and is not an invoice.
 */
function fromAttachedDocument(
  node: XmlNode,
  options: XmlParseOptions,
): StructuredInvoice | StructuredRejection {
  const embedded = all(node, 'Attachment', 'ExternalReference', 'Description');
  if (embedded.length === 0) return notInvoice('el AttachedDocument no contiene el XML de la factura');
  let last: StructuredRejection | null = null;
  for (const description of embedded) {
    const xml = rawContent(description);
    if (xml === null) continue;
    const parsed = parseXml(xml, options);
    if ('ok' in parsed) {
      last = parsed;
      continue;
    }
    const result = fromTree(parsed, options, true);
    if (result.ok) return result;
    last = result;
  }
  return last ?? notInvoice('el AttachedDocument no contiene el XML de la factura');
}

/** A Peppol Standard Business Document header around a UBL invoice. */
function fromSbd(node: XmlNode, options: XmlParseOptions): StructuredInvoice | StructuredRejection {
  for (const root of ['Invoice', 'CreditNote'] as const) {
    const inner = at(node, root);
    if (inner && typeof inner === 'object') return fromTree({ root, node: inner as XmlNode }, options, true);
  }
  return notInvoice('el StandardBusinessDocument no contiene una factura UBL');
}

/** An element's content as embedded XML: CDATA as written, escaped text (`&lt;Invoice…`) decoded once. */
function rawContent(node: unknown): string | null {
  if (typeof node === 'string') return decodeReferences(node).trim() || null;
  if (typeof node !== 'object' || node === null) return null;
  const record = node as XmlNode;
  const cdata = record[CDATA];
  if (typeof cdata === 'string' && cdata.trim()) return cdata.trim();
  if (Array.isArray(cdata)) return cdata.join('').trim() || null;
  const text = record['#text'];
  return typeof text === 'string' ? decodeReferences(text).trim() || null : null;
}

function notInvoice(detail: string): StructuredRejection {
  return {
    ok: false,
    reason: 'not_invoice',
    message: `El XML no es una factura electrónica reconocida: ${detail}.`,
  };
}
