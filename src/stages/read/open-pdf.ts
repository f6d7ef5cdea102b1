import * as mupdf from 'mupdf';
import { quarantine } from '../errors.ts';
import { collectMupdfWarnings } from './mupdf-log.ts';
import type { ReadOptions } from './options.ts';

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
/** Acrobat accepts the header anywhere in the first 1024 bytes (some producers prepend junk). */
const HEADER_WINDOW = 1024;
const EOF_MARKER = Buffer.from('%%EOF', 'latin1');
/** Some producers append a few bytes of padding or a signature block after the marker. */
const END_WINDOW = 4096;

/**
 * Checks the bytes and opens them as a PDF, refusing bad input with a quarantine error before any page is
 * read: empty, too large, not a PDF, corrupt, password protected, too many pages.
 * The caller owns the returned document and must `destroy()` it.
 */
export function openPdf(
  bytes: Uint8Array,
  options: ReadOptions,
): { document: mupdf.Document; pageCount: number } {
  if (bytes.byteLength === 0) throw quarantine('empty', 'El archivo está vacío (0 bytes).');
  if (bytes.byteLength > options.maxFileBytes) {
    throw quarantine(
      'too_large',
      `El archivo pesa ${formatMb(bytes.byteLength)}; el límite es ${formatMb(options.maxFileBytes)} (MAX_FILE_BYTES).`,
    );
  }
  if (!hasPdfHeader(bytes)) {
    throw quarantine(
      'not_pdf',
      'El archivo no es un PDF (no tiene la cabecera %PDF- en su primer kilobyte).',
    );
  }
  if (!hasEndMarker(bytes)) {
    throw quarantine('corrupt', 'El PDF está truncado: le falta el marcador final %%EOF.');
  }
  let document: mupdf.Document;
  try {
    // Always the PDF handler: with a file name or sniffing, mupdf would happily open an image as a document.
    document = collectMupdfWarnings(() => mupdf.Document.openDocument(bytes, 'application/pdf')).result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/no objects found/i.test(message)) {
      throw quarantine('not_pdf', 'El archivo no contiene objetos PDF.', error);
    }
    throw quarantine('corrupt', `El PDF está dañado y no se puede abrir: ${message}`, error);
  }
  try {
    if (document.needsPassword()) {
      throw quarantine('encrypted', 'El PDF está protegido con contraseña.');
    }
    let pageCount: number;
    try {
      pageCount = collectMupdfWarnings(() => document.countPages()).result;
    } catch (error) {
      throw quarantine('corrupt', 'El PDF está dañado: no se puede leer su árbol de páginas.', error);
    }
    if (pageCount <= 0) throw quarantine('corrupt', 'El PDF está dañado o truncado: no tiene páginas.');
    if (pageCount > options.maxPages) {
      throw quarantine(
        'too_many_pages',
        `El PDF tiene ${pageCount} páginas; el límite es ${options.maxPages} (MAX_PAGES).`,
      );
    }
    return { document, pageCount };
  } catch (error) {
    document.destroy();
    throw error;
  }
}

export function hasPdfHeader(bytes: Uint8Array): boolean {
  const window = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEADER_WINDOW));
  return window.indexOf(PDF_MAGIC) !== -1;
}

/**
 * Every writer ends the file (and each incremental update) with %%EOF; an upload or download cut short does
 * not. mupdf would "repair" such a file and return whatever pages survived, silently losing the rest.
 */
export function hasEndMarker(bytes: Uint8Array): boolean {
  const start = Math.max(0, bytes.byteLength - END_WINDOW);
  return (
    Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start).indexOf(EOF_MARKER) !== -1
  );
}

function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
