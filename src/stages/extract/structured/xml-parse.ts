import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { StructuredRejection } from './types.ts';
import { CDATA, type XmlNode } from './xml-tree.ts';

/** Largest XML accepted (bytes). A DIAN AttachedDocument is ~100 KB; a 2,000-line invoice a few MB. */
export const MAX_XML_BYTES = 10 * 1024 * 1024;
/** Deepest element nesting accepted; e-invoice syntaxes stay under 20. */
const MAX_DEPTH = 64;

export interface XmlParseOptions {
  maxBytes?: number;
}

/** The parsed document: the root element's local name and its node. */
export interface ParsedXml {
  root: string;
  node: XmlNode;
}

/**
 * Parses untrusted XML into a tree with fast-xml-parser, safely: a document over `maxBytes`, any DOCTYPE or
 * ENTITY declaration (billion laughs, external entities: refused before parsing, never resolved), anything
 * not well-formed and nesting deeper than 64 are rejected with a reason. Entity processing is off; the five
 * predefined entities and character references are decoded by xml-tree.ts's `text`.
 */
export function parseXml(
  input: string | Uint8Array,
  options: XmlParseOptions = {},
): ParsedXml | StructuredRejection {
  const maxBytes = options.maxBytes ?? MAX_XML_BYTES;
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > maxBytes) {
    return reject('too_large', `El XML pesa ${size} bytes; el límite es ${maxBytes}.`);
  }
  const xml = (typeof input === 'string' ? input : decodeXmlBytes(input)).replace(/^\uFEFF/, '');
  if (xml.trim() === '') return reject('not_xml', 'El archivo XML está vacío.');
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    return reject(
      'doctype_forbidden',
      'El XML declara un DOCTYPE o entidades; por seguridad no se procesa (posible bomba XML o entidad externa).',
    );
  }
  if (!xml.trimStart().startsWith('<')) return reject('not_xml', 'El archivo no es XML.');
  let validation: ReturnType<typeof XMLValidator.validate>;
  try {
    validation = XMLValidator.validate(xml);
  } catch (error) {
    return reject('not_xml', `El XML no se puede leer: ${describe(error)}`);
  }
  if (validation !== true) {
    const { msg, line } = validation.err;
    return reject('not_xml', `El XML está mal formado (línea ${line}): ${msg}`);
  }
  let tree: unknown;
  try {
    tree = parser().parse(xml);
  } catch (error) {
    const message = describe(error);
    if (/nested/i.test(message)) {
      return reject('too_deep', `El XML anida más de ${MAX_DEPTH} elementos.`);
    }
    return reject('not_xml', `El XML no se puede leer: ${message}`);
  }
  if (typeof tree !== 'object' || tree === null) return reject('not_xml', 'El XML no tiene elemento raíz.');
  const root = Object.keys(tree).find((key) => !key.startsWith('?') && !key.startsWith('#'));
  const node = root === undefined ? undefined : (tree as XmlNode)[root];
  if (root === undefined) return reject('not_xml', 'El XML no tiene elemento raíz.');
  return { root, node: typeof node === 'object' && node !== null ? (node as XmlNode) : {} };
}

function parser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    cdataPropName: CDATA,
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    maxNestedTags: MAX_DEPTH,
  });
}

/**
 * Bytes to text: a UTF-16 or UTF-8 byte-order mark, else the encoding the declaration names (ISO-8859-1 and
 * windows-1252 are common in older CFDI and NF-e), else UTF-8.
 */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // an unknown label: UTF-8 below
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

function reject(reason: StructuredRejection['reason'], message: string): StructuredRejection {
  return { ok: false, reason, message };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
