import type { DecodeHintType, PDF417Reader } from '@zxing/library';
import type { GrayImage } from './gray-image.ts';
import { zxing } from './zxing.ts';

let decoder: { reader: PDF417Reader; hints: Map<DecodeHintType, unknown> } | null = null;

/**
 * Decodes a PDF417 barcode (Chile's timbre electrónico) in a grey image, with ZXing's PDF417 reader; null when
 * none decodes (ZXing throws for that; a decoded payload has passed Reed–Solomon error correction).
 */
export function decodePdf417(image: GrayImage): string | null {
  const { BinaryBitmap, DecodeHintType, HybridBinarizer, PDF417Reader, RGBLuminanceSource } = zxing();
  decoder ??= { reader: new PDF417Reader(), hints: new Map([[DecodeHintType.TRY_HARDER, true]]) };
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
