import * as zxingModule from '@zxing/library';
import type { GrayImage } from './gray-image.ts';

// @zxing/library is CommonJS whose names Node's ESM loader cannot see: they are on its default export there.
const zxing = (zxingModule as unknown as { default?: typeof zxingModule }).default ?? zxingModule;
const { BinaryBitmap, DecodeHintType, HybridBinarizer, PDF417Reader, RGBLuminanceSource } = zxing;

const HINTS = new Map<zxingModule.DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);
const reader = new PDF417Reader();

/**
 * Decodes a PDF417 barcode (Chile's timbre electrónico) in a grey image, with ZXing's PDF417 reader; null when
 * none decodes (ZXing throws for that; a decoded payload has passed Reed–Solomon error correction).
 */
export function decodePdf417(image: GrayImage): string | null {
  try {
    const luminances = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
    const source = new RGBLuminanceSource(luminances, image.width, image.height);
    const text = reader.decode(new BinaryBitmap(new HybridBinarizer(source)), HINTS).getText();
    return text.trim() === '' ? null : text;
  } catch {
    return null;
  }
}
