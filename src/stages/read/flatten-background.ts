import { applyGains, BLOCK, blockBackgrounds } from './block-gains.ts';
import { createGrayImage, type GrayImage } from './gray-image.ts';

/** A panel is at least this much darker than the page's own paper... */
const PANEL_STEP = 10;
/** ...and lighter than this: darker blocks are ink (a logo, a filled box) or bands (see invert-bands.ts). */
const MIN_PANEL = 150;
/** A page needs this many panel blocks (a sidebar, a light table-header band; not a speck) to change. */
const MIN_PANEL_BLOCKS = 12;

/**
 * Shaded panels (a light-grey sidebar, a tinted box) lifted to the page's paper tone, with their letters
 * scaled alike. Once a scan is straightened, tesseract's page segmentation drops a grey sidebar whole
 * (measured: 45 words read on the tilted scan, none after deskewing). The paper tone is the page's median
 * block background, so pages of any paper shade keep their blocks as they are; gains are interpolated
 * between block centres so that no seams appear. Pages without panels come back unchanged (the same object);
 * with `inPlace` (the caller owns the image) panels are lifted in it instead of in a page-sized copy.
 */
export function flattenBackground(
  image: GrayImage,
  { inPlace = false }: { inPlace?: boolean } = {},
): GrayImage {
  const { width, height } = image;
  const columns = Math.ceil(width / BLOCK);
  const rows = Math.ceil(height / BLOCK);
  const backgrounds = blockBackgrounds(image, columns, rows);
  const paper = median(backgrounds);
  const gain = new Float32Array(columns * rows).fill(1);
  let panels = 0;
  backgrounds.forEach((background, i) => {
    if (background >= MIN_PANEL && background <= paper - PANEL_STEP) {
      gain[i] = paper / background;
      panels++;
    }
  });
  if (panels < MIN_PANEL_BLOCKS) return image;
  return applyGains(image, inPlace ? image : createGrayImage(image.width, image.height), gain, columns, rows);
}

function median(values: Float32Array): number {
  const sorted = Float32Array.from(values).sort();
  return sorted[Math.floor(sorted.length / 2)] as number;
}
