import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import { releaseBuffer } from './gray-image.ts';
import type { OcrPacket, OcrReply } from './ocr-protocol.ts';

/**
 * An OCR thread (ocr-client.ts): tesseract.js's worker script, fed by the pool. Unlike tesseract.js's own
 * worker entry it frees each page as soon as the page is recognised: the pixels arrive transferred (no copy
 * left in the main thread) and are given back here at once rather than at this thread's next garbage
 * collection, and the copy tesseract.js writes to its in-memory file system is dropped with the file.
 */
const port = parentPort;
if (!port) throw new Error('ocr-thread.ts runs as a worker thread only');

interface Handlers {
  dispatchHandlers(packet: unknown, send: (reply: OcrReply) => void): void;
  setAdapter(adapter: object): void;
}

const require = createRequire(import.meta.url);
const script = 'tesseract.js/src/worker-script';
const tesseract = require(`${script}/index.js`) as Handlers;
tesseract.setAdapter({
  getCore: require(`${script}/node/getCore.js`) as unknown,
  gunzip: require(`${script}/node/gunzip.js`) as unknown,
  fetch: globalThis.fetch,
  ...(require(`${script}/node/cache.js`) as object),
});

port.on('message', (packet: OcrPacket) => {
  tesseract.dispatchHandlers(packet, (reply) => {
    port.postMessage(reply);
    if (packet.action !== 'recognize' || reply.status === 'progress') return;
    const image = (packet.payload as { image?: Uint8Array }).image;
    if (image) releaseBuffer(image.buffer);
    // tesseract.js wrote the page to '/input' before reading it: the file goes, and its copy with it.
    tesseract.dispatchHandlers(
      { ...packet, action: 'FS', payload: { method: 'unlink', args: ['/input'] } },
      () => {},
    );
  });
});
