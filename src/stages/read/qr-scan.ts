import type { GrayImage } from './gray-image.ts';
import { decodeQr } from './qr-decode.ts';
import { locateQrCandidates } from './qr-locate.ts';

/**
 * The payloads of the QR codes on a page image (DIAN's and AFIP's e-invoice codes carry the CUFE, the tax ids
 * and the totals; a decoded symbol has passed error correction, unlike OCR'd text). Each symbol read is painted
 * white so that OCR spends no time on it and does not turn its modules into stray words.
 */
export function readQrCodes(image: GrayImage, dpi: number): string[] {
  const codes: string[] = [];
  for (const candidate of locateQrCandidates(image, dpi)) {
    const found = decodeQr(image, candidate);
    if (!found) continue;
    if (!codes.includes(found.text)) codes.push(found.text);
    const margin = Math.round(Math.max(found.region.width, found.region.height) * 0.06);
    whiten(
      image,
      found.region.x - margin,
      found.region.y - margin,
      found.region.width + 2 * margin,
      found.region.height + 2 * margin,
    );
  }
  return codes;
}

function whiten(image: GrayImage, x: number, y: number, width: number, height: number): void {
  const x0 = Math.max(0, x);
  const y0 = Math.max(0, y);
  const x1 = Math.min(image.width, x + width);
  const y1 = Math.min(image.height, y + height);
  for (let row = y0; row < y1; row++) image.data.fill(255, row * image.width + x0, row * image.width + x1);
}
