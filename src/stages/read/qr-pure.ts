import type { DecodeHintType, QRCodeReader } from '@zxing/library';
import type { GrayImage } from './gray-image.ts';
import { zxing } from './zxing.ts';

let decoder: { reader: QRCodeReader; hints: Map<DecodeHintType, unknown> } | null = null;

/**
 * Decodes an image that is nothing but one upright QR symbol and its quiet zone (see qr-crisp.ts), with ZXing's
 * pure-barcode path: no finder-pattern search, ~1.5 ms where jsQR takes 6–16 ms on the same 200-px image.
 * Null when it does not decode (ZXing throws for that; the payload passed Reed–Solomon correction otherwise).
 */
export function decodePureQr(image: GrayImage): string | null {
  const { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } = zxing();
  decoder ??= { reader: new QRCodeReader(), hints: new Map([[DecodeHintType.PURE_BARCODE, true]]) };
  try {
    const luminances = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
    const source = new RGBLuminanceSource(luminances, image.width, image.height);
    const text = decoder.reader
      .decode(new BinaryBitmap(new HybridBinarizer(source)), decoder.hints)
      .getText();
    return text.trim() === '' ? null : text;
  } catch {
    return null;
  }
}
