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
}

export interface ReadDocument {
  pages: PageText[];
  /** All lines of all pages joined with '\n', pages separated by '\f'. */
  text: string;
}
