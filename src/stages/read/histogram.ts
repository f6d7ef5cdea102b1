/** A rectangle of pixels, [x0, x1) × [y0, y1). */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Grey-level counts of `rect` in an 8-bit image `width` pixels wide; `into` is reused when given. */
export function histogramOf(
  data: Uint8Array,
  width: number,
  rect: Rect,
  into: Uint32Array = new Uint32Array(256),
): Uint32Array {
  into.fill(0);
  for (let y = rect.y0; y < rect.y1; y++) {
    const row = y * width;
    for (let x = rect.x0; x < rect.x1; x++) into[data[row + x] as number]!++;
  }
  return into;
}

/** The grey level below which `share` (0..1) of the histogram's pixels lie. */
export function percentile(histogram: Uint32Array, share: number): number {
  let count = 0;
  for (const n of histogram) count += n;
  let seen = 0;
  for (let value = 0; value < 256; value++) {
    seen += histogram[value] as number;
    if (seen >= share * count) return value;
  }
  return 255;
}
