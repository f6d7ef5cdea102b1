import { grayscale, type PDFDocument, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';

/** White modules kept around the symbol (the standard's quiet zone), included in the printed side. */
export const QUIET_ZONE = 4;
export const ERROR_CORRECTION = 'M';

/** Where a QR code goes, in pdf-lib page space (bottom-left origin); `side` includes the quiet zone. */
export interface QrSquare {
  x: number;
  y: number;
  side: number;
}

export interface QrSymbol {
  /** Modules per side, without the quiet zone. */
  size: number;
  dark(row: number, column: number): boolean;
}

export function qrSymbol(payload: string): QrSymbol {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: ERROR_CORRECTION });
  return { size: modules.size, dark: (row, column) => modules.get(row, column) === 1 };
}

/**
 * Draws the dark modules as one filled path of horizontal runs (one rectangle per run of a row), as
 * invoicing software that writes vector QR codes does; one path keeps the PDF small and leaves no seams.
 */
export function drawQrVector(page: PDFPage, symbol: QrSymbol, square: QrSquare): void {
  const runs: string[] = [];
  for (let row = 0; row < symbol.size; row++) {
    let column = 0;
    while (column < symbol.size) {
      if (!symbol.dark(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < symbol.size && symbol.dark(row, column)) column++;
      runs.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${column - start}v1h${start - column}z`);
    }
  }
  const module = square.side / (symbol.size + 2 * QUIET_ZONE);
  // drawSvgPath puts the path's origin at (x, y) with y growing downwards, i.e. at the top-left corner.
  page.drawSvgPath(runs.join(''), {
    x: square.x,
    y: square.y + square.side,
    scale: module,
    color: grayscale(0),
  });
}

/** Embeds the code as a PNG (`pixelsPerModule` pixels a module, quiet zone included) scaled onto the page. */
export async function drawQrImage(
  doc: PDFDocument,
  page: PDFPage,
  payload: string,
  square: QrSquare,
  pixelsPerModule: number,
): Promise<void> {
  const png = await QRCode.toBuffer(payload, {
    type: 'png',
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: QUIET_ZONE,
    scale: pixelsPerModule,
  });
  const image = await doc.embedPng(png);
  page.drawImage(image, { x: square.x, y: square.y, width: square.side, height: square.side });
}
