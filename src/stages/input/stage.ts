import type { ReadDocument } from '../../contract/document.ts';
import type { Invoice } from '../../contract/result.ts';
import { quarantine, StageError } from '../errors.ts';
import {
  parseStructuredInvoice,
  type StructuredInvoice,
  structuredDocument,
} from '../extract/structured/index.ts';
import type { ReadOptions } from '../read/options.ts';
import type { PipelineContext, Stage } from '../stage.ts';
import { openArchive } from './archive.ts';
import { imageToPdf } from './image-to-pdf.ts';
import { detectInputKind, type ImageKind, isImageKind, KIND_NAMES } from './kind.ts';
import { type ParseXml, pickFromArchive } from './pair.ts';
import { type ArchiveLimits, defaultArchiveLimits } from './zip-directory.ts';

export interface InputStageDeps {
  /** The PDF read stage (src/stages/read/stage.ts): every printed document ends up read by it. */
  read: Stage;
  options: Pick<ReadOptions, 'maxPages' | 'maxImagePixels'>;
  limits?: ArchiveLimits;
  parseXml?: ParseXml;
}

/**
 * The read stage for every kind of file the inbox receives, told by its bytes (kind.ts):
 * - a PDF is read as before;
 * - a photo or scan (JPG, PNG, TIFF, WEBP, GIF, BMP) is wrapped in a PDF and read like a scanned PDF (OCR);
 *   a HEIC photo (iPhone) is quarantined as `unsupported_type`: there is no HEVC decoder (decode-photo.ts);
 * - an XML e-invoice becomes a document whose data is the XML's (`structured`) and whose text, for the
 *   classifier, is its parties and line descriptions;
 * - a ZIP (a DIAN supplier's PDF + AttachedDocument) is opened within limits (zip-directory.ts), its PDF and
 *   XML paired (pair.ts): the PDF is read for classification, the data comes from the XML;
 * - anything else (DOCX, XLSX, unknown bytes) is quarantined as `unsupported_type`, so it leaves the
 *   inbox for Cuarentena with its reason.
 * It keeps the read stage's name, so timings and metrics stay `read`.
 */
export function createInputStage(deps: InputStageDeps): Stage {
  const limits = deps.limits ?? defaultArchiveLimits;
  const parseXml = deps.parseXml ?? ((xml: Uint8Array) => parseStructuredInvoice(xml));

  async function readPdfBytes(context: PipelineContext, bytes: Uint8Array): Promise<void> {
    const original = context.bytes;
    context.bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    try {
      await deps.read.run(context);
    } finally {
      context.bytes = original;
    }
  }

  async function readImage(context: PipelineContext, bytes: Uint8Array, kind: ImageKind): Promise<void> {
    await readPdfBytes(context, await imageToPdf(bytes, kind, deps.options));
  }

  function readXml(context: PipelineContext, bytes: Uint8Array, name: string): void {
    const parsed = parseXml(bytes);
    if (!parsed.ok) throw quarantine('xml_rejected', parsed.message);
    context.document = structuredDocument(parsed, name, classifiableText(parsed));
    context.pages = { count: 0, ocr: 0 };
  }

  async function readArchive(context: PipelineContext, bytes: Uint8Array): Promise<void> {
    const files = openArchive(bytes, limits);
    const pick = pickFromArchive(files, parseXml);
    context.logger.debug('ZIP abierto', {
      entries: files.map((f) => `${f.path} (${f.kind})`),
      document: pick.document?.path ?? null,
      xml: pick.xml?.file.path ?? null,
    });
    const printed = pick.document;
    if (!printed) {
      readXml(context, pick.xml!.file.bytes, pick.xml!.file.name);
      return;
    }
    if (printed.kind === 'pdf') await readPdfBytes(context, printed.bytes);
    else if (isImageKind(printed.kind)) await readImage(context, printed.bytes, printed.kind);
    if (pick.xml && context.document) {
      context.document = structuredDocument(pick.xml.parsed, pick.xml.file.name, context.document);
    }
  }

  return {
    name: deps.read.name,
    attempts: deps.read.attempts,
    async run(context) {
      const bytes = context.bytes;
      if (!bytes) throw new StageError('internal', 'La etapa de lectura no recibió los bytes del archivo.');
      const kind = detectInputKind(bytes);
      if (kind !== 'pdf') context.logger.debug('archivo que no es PDF', { kind });
      switch (kind) {
        case 'pdf':
          return deps.read.run(context);
        case 'xml':
          return readXml(context, bytes, context.file.name);
        case 'zip':
          return readArchive(context, bytes);
        case 'empty':
          throw quarantine('empty', 'El archivo está vacío (0 bytes).');
        default:
          if (isImageKind(kind)) return readImage(context, bytes, kind);
          // A damaged or disguised PDF keeps the PDF reader's own verdict (not_pdf, corrupt...).
          if (kind === 'unknown' && /\.pdf$/i.test(context.file.name)) return deps.read.run(context);
          throw quarantine(
            'unsupported_type',
            `El archivo es ${KIND_NAMES[kind]}, no una factura en PDF, XML, ZIP o imagen (JPG, PNG, TIFF, WEBP).`,
          );
      }
    },
  };
}

/** What the classifier reads of an invoice that has only its XML: its parties and what it bills. */
function classifiableText(parsed: StructuredInvoice): ReadDocument {
  const invoice: Invoice = parsed.invoice;
  const lines = [
    invoice.supplier.name,
    invoice.customer.name,
    ...invoice.lines.map((line) => line.description),
  ].filter((text): text is string => Boolean(text?.trim()));
  return { pages: [], text: lines.join('\n') };
}
