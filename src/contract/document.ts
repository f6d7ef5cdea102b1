import type { Invoice } from './result.ts';

/**
 * What the read stage hands to classification and extraction: the words of every page with their boxes.
 * Coordinates are PDF points (1/72 in) with the origin at the page's top-left, y growing downwards,
 * whether the words came from the text layer or from OCR (OCR boxes are scaled back to points).
 */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Word extends Box {
  text: string;
  /** 0..1; 1 for text-layer words, tesseract's word confidence / 100 for OCR words. */
  confidence: number;
}

export interface TextLine extends Box {
  text: string;
  words: Word[];
}

/**
 * A ruling line of a page: a stroked horizontal or vertical segment, a thin filled rectangle or an
 * edge of a filled one (y0 = y1 for a horizontal rule, x0 = x1 for a vertical one, up to its thickness).
 */
export type Ruling = Box;

export interface PageText {
  /** 0-based page index. */
  index: number;
  width: number;
  height: number;
  source: 'text' | 'ocr';
  lines: TextLine[];
  /** Degrees the scan was rotated by to straighten it (OCR pages only; 0 otherwise). */
  deskewDegrees: number;
  /**
   * Payloads of the QR codes printed on the page that decoded (the tax authority's code on e-invoices);
   * absent when none was found.
   */
  codes?: string[];
  /** The page's ruling lines: vector rules of a text layer, or rule lines found in a scanned image. */
  rulings?: Ruling[];
  /**
   * Quarter turns clockwise OCR gave the page to read it upright (a page scanned on its side or upside down):
   * its words, rulings, width and height are in that turned frame. Absent when it was read as it lies.
   */
  quarterTurns?: 1 | 2 | 3;
}

export interface ReadDocument {
  pages: PageText[];
  /** All lines of all pages joined with '\n', pages separated by '\f'. */
  text: string;
  /**
   * The invoice's own e-invoice XML, when the file carries one (a PDF's embedded Factur-X / ZUGFeRD /
   * XRechnung / UBL attachment, or an XML file given alone): its values win over the printed page's.
   */
  structured?: StructuredData;
  /** Why XML attachments of the PDF were not taken (`doctype_forbidden`, `not_invoice`, ...), when some were not. */
  structuredRejections?: string[];
}

/** An invoice read from its XML (src/stages/extract/structured/). Plain data: it crosses worker threads. */
export interface StructuredData {
  source: 'pdf_attachment' | 'xml_file';
  /** The attachment's or file's name, when known. */
  fileName: string | null;
  /** The XML syntax: cii, zugferd1, ubl, dian, cfdi, nfe. */
  format: string;
  documentKind: 'invoice' | 'credit_note';
  /** Every value the XML states; amounts as written (positive on a credit note). */
  invoice: Invoice;
  /** The XML's own arithmetic that does not add up (`xml_*`). */
  issues: string[];
}
