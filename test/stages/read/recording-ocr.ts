import type { OcrEngine, OcrPageResult, OcrStats } from '../../../src/stages/read/ocr-types.ts';
import { createSlots } from '../../../src/stages/read/page-slots.ts';
import type { GrayImage } from '../../../src/stages/read/rasterize.ts';

/**
 * An OcrEngine that records the images it is handed and finds one word per page: for tests of what reaches
 * OCR (limits, resolutions), where running tesseract would only cost time. Real OCR is tested in ocr*.test.ts.
 */
export function createRecordingOcr(): OcrEngine & {
  images: { width: number; height: number; dpi?: number }[];
} {
  const images: { width: number; height: number; dpi?: number }[] = [];
  let pages = 0;
  const room = createSlots(3);
  return {
    images,
    concurrency: 2,
    languages: ['spa'],
    reservePage: (signal) => room.acquire(signal),
    async recognize(
      image: GrayImage,
      _signal?: AbortSignal,
      hints?: { dpi?: number },
    ): Promise<OcrPageResult> {
      images.push({ width: image.width, height: image.height, dpi: hints?.dpi });
      pages++;
      return {
        words: [{ text: 'registrada', confidence: 0.9, x0: 10, y0: 10, x1: 60, y1: 20 }],
        deskewDegrees: 0,
        recognizeMs: 0,
        codes: [],
        quarterTurns: 0,
        rulings: [],
      };
    },
    stats: (): OcrStats => ({
      workers: 1,
      pagesRecognized: pages,
      workersStarted: 0,
      workersRecycled: 0,
      timeouts: 0,
      queued: 0,
      pagesInFlight: room.inUse() + room.waiting(),
    }),
    close: async () => {},
  };
}
