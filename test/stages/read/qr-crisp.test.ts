import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { rotateGray } from '../../../src/stages/read/deskew.ts';
import { createGrayImage, type GrayImage } from '../../../src/stages/read/gray-image.ts';
import { redrawCrispQr } from '../../../src/stages/read/qr-crisp.ts';
import { decodePureQr } from '../../../src/stages/read/qr-pure.ts';

const PAYLOAD = `NumFac: FE1234\nValTolFac: 1190000.00\nCUFE: ${'ab12'.repeat(24)}`;

/** The symbol as a QR image generator draws it: `pitch` px per module (fractional allowed), `margin` px of white. */
function qrImage(payload: string, pitch: number, margin: number): { image: GrayImage; size: number } {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const side = Math.round(modules.size * pitch) + 2 * margin;
  const image = createGrayImage(side, side);
  image.data.fill(255);
  for (let y = margin; y < side - margin; y++)
    for (let x = margin; x < side - margin; x++) {
      const row = Math.min(modules.size - 1, Math.floor((y - margin) / pitch));
      const column = Math.min(modules.size - 1, Math.floor((x - margin) / pitch));
      if (modules.get(row, column)) image.data[y * side + x] = 0;
    }
  return { image, size: modules.size };
}

describe('redrawing a crisp QR image on its own module grid', () => {
  it('redraws whole and fractional pitches, with or without a quiet zone, on whole pixels per module', () => {
    for (const [pitch, margin] of [
      [7, 28],
      [5.6, 0],
      [3, 12],
    ] as const) {
      const { image, size } = qrImage(PAYLOAD, pitch, margin);
      const redrawn = redrawCrispQr(image);
      expect(redrawn, `pitch ${pitch}`).not.toBeNull();
      expect((redrawn?.width ?? 0) % (size + 8)).toBe(0);
      expect(decodePureQr(redrawn!)).toBe(PAYLOAD);
    }
  });

  it('declines pictures that are not an axis-aligned module grid', () => {
    const { image } = qrImage(PAYLOAD, 6, 30);
    expect(redrawCrispQr(rotateGray(image, 7))).toBeNull();
    const photo = createGrayImage(300, 200);
    for (let i = 0; i < photo.data.length; i++) photo.data[i] = (i * 37) % 256;
    expect(redrawCrispQr(photo)).toBeNull();
    const blank = createGrayImage(100, 100);
    blank.data.fill(255);
    expect(redrawCrispQr(blank)).toBeNull();
  });
});
