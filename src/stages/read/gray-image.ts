/** 8-bit grey pixels, one byte per pixel, rows top to bottom without padding. */
export interface GrayImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * A black image (for the caller to draw every pixel of) whose pixels sit right behind a binary PGM (P5) header
 * in one buffer: `toPgm` then hands the file to OCR without copying the page (4–8 MB that would linger until a
 * GC).
 */
export function createGrayImage(width: number, height: number): GrayImage {
  const header = pgmHeader(width, height);
  const file = new Uint8Array(header.byteLength + width * height);
  file.set(header, 0);
  return { data: file.subarray(header.byteLength), width, height };
}

/**
 * The image as a binary PGM (P5) file, a view of its whole buffer: tesseract's Leptonica reads it directly,
 * the cheapest format we can hand over (PNG encoding costs 0.1–2 s per page). No copy for an image made by
 * `createGrayImage`; a copy for any other.
 */
export function toPgm(image: GrayImage): Uint8Array<ArrayBuffer> {
  const header = pgmHeader(image.width, image.height);
  const { data } = image;
  const buffer = data.buffer;
  if (
    buffer instanceof ArrayBuffer &&
    data.byteOffset === header.byteLength &&
    buffer.byteLength === header.byteLength + image.width * image.height
  ) {
    const file = new Uint8Array(buffer);
    if (header.every((byte, i) => file[i] === byte)) return file;
  }
  const file = new Uint8Array(header.byteLength + data.byteLength);
  file.set(header, 0);
  file.set(data, header.byteLength);
  return file;
}

function pgmHeader(width: number, height: number): Uint8Array {
  return new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
}

/**
 * Gives the image's pixels back now rather than at some later garbage collection (a 300 dpi page is 4–8 MB,
 * and between collections dead pages piled up to tens of MB). The image must not be used afterwards: its
 * buffer is detached, every view of it empty.
 */
export function releaseImage(image: GrayImage): void {
  releaseBuffer(image.data.buffer);
}

/** Frees an ArrayBuffer's memory now (detaching it); shared and already detached buffers are left alone. */
export function releaseBuffer(buffer: ArrayBufferLike): void {
  // ES2024's ArrayBuffer.prototype.transfer (Node 22+), not in this project's ES2023 library types.
  const own = buffer as ArrayBuffer & { detached?: boolean; transfer?(length: number): ArrayBuffer };
  if (own instanceof ArrayBuffer && !own.detached) own.transfer?.(0);
}
