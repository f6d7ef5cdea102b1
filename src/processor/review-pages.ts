import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The pages of a document as PNG for the review screen, rendered once with mupdf and kept under the cache
 * directory (one folder per file and content hash), so the page opens instantly the next time.
 */

/** 110 DPI: legible at 1366×768 beside the form, a few hundred KB per page. */
export const REVIEW_DPI = 110;
/** Pages beyond this are not rendered (a reviewer checks the first pages; the file link has the rest). */
export const MAX_REVIEW_PAGES = 20;

export interface PageCache {
  /** The cached PNG of a page, or null when not rendered yet. */
  get(fileId: string, contentKey: string, page: number): Promise<Buffer | null>;
  /** Renders every page (up to the limit) of the PDF and stores them; returns the page count rendered. */
  render(fileId: string, contentKey: string, pdf: Uint8Array): Promise<number>;
  forget(fileId: string): Promise<void>;
  /** Sizes in PDF points of the cached pages, in order (empty when none is cached). */
  sizes(fileId: string, contentKey: string): Promise<PageSize[]>;
}

export interface PageSize {
  index: number;
  /** PDF points. */
  width: number;
  height: number;
}

/** Width and height from a PNG's IHDR chunk (bytes 16..24). */
async function pngSize(file: string): Promise<{ width: number; height: number } | null> {
  const handle = await fs.open(file, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const header = Buffer.alloc(24);
    const { bytesRead } = await handle.read(header, 0, 24, 0);
    return bytesRead === 24 ? { width: header.readUInt32BE(16), height: header.readUInt32BE(20) } : null;
  } finally {
    await handle.close();
  }
}

function folderName(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 32);
}

export function createPageCache(dir: string): PageCache {
  const fileDir = (fileId: string) => path.join(dir, folderName(fileId));
  const pagePath = (fileId: string, contentKey: string, page: number) =>
    path.join(fileDir(fileId), folderName(contentKey), `${page}.png`);
  return {
    async get(fileId, contentKey, page) {
      return fs.readFile(pagePath(fileId, contentKey, page)).catch(() => null);
    },
    async render(fileId, contentKey, pdf) {
      // Imported on the first render: the service starts without compiling mupdf's WebAssembly.
      const mupdf = await import('mupdf');
      const document = mupdf.Document.openDocument(pdf, 'application/pdf');
      try {
        const count = Math.min(document.countPages(), MAX_REVIEW_PAGES);
        const target = path.dirname(pagePath(fileId, contentKey, 0));
        await fs.mkdir(target, { recursive: true });
        const scale = REVIEW_DPI / 72;
        for (let index = 0; index < count; index++) {
          const page = document.loadPage(index);
          try {
            const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false);
            try {
              // Written beside and renamed: a reader never sees half a PNG.
              const file = pagePath(fileId, contentKey, index);
              await fs.writeFile(`${file}.part`, pixmap.asPNG());
              await fs.rename(`${file}.part`, file);
            } finally {
              pixmap.destroy();
            }
          } finally {
            page.destroy();
          }
        }
        return count;
      } finally {
        document.destroy();
        mupdf.emptyStore();
      }
    },
    async sizes(fileId, contentKey) {
      const sizes: PageSize[] = [];
      for (let index = 0; index < MAX_REVIEW_PAGES; index++) {
        const size = await pngSize(pagePath(fileId, contentKey, index));
        if (!size) break;
        const points = (px: number) => Math.round(((px * 72) / REVIEW_DPI) * 10) / 10;
        sizes.push({ index, width: points(size.width), height: points(size.height) });
      }
      return sizes;
    },
    async forget(fileId) {
      await fs.rm(fileDir(fileId), { recursive: true, force: true });
    },
  };
}
