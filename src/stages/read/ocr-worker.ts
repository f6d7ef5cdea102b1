import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import { releaseBuffer } from './gray-image.ts';
import type { OcrPacket, OcrReply } from './ocr-protocol.ts';

/**
 * An OCR thread (ocr-client.ts): tesseract.js's worker script, fed by the pool. Unlike tesseract.js's own
 * worker entry it lets go of each page as soon as tesseract has it: the pixels arrive transferred (no copy
 * left in the main thread); once tesseract.js has written them to its in-memory file system they are freed,
 * and once tesseract has read that file into its own heap the file goes too — rather than both staying for
 * the whole recognition and then until this thread's next garbage collection (two page copies per thread).
 */
const port = parentPort;
if (!port) throw new Error('ocr-worker.ts runs as a worker thread only');

interface Handlers {
  dispatchHandlers(packet: unknown, send: (reply: OcrReply) => void): void;
  setAdapter(adapter: object): void;
}

/** What of tesseract.js-core's module this thread touches (names tesseract.js's worker script uses too). */
interface TessModule {
  FS: { writeFile(path: string, data: unknown, options?: unknown): void; unlink(path: string): void };
  TessBaseAPI: { prototype: { SetImageFile(...args: unknown[]): unknown } };
}
type CoreFactory = (options: object) => Promise<TessModule>;

/** The file tesseract.js writes each page to before tesseract reads it (worker-script/utils/setImage.js). */
const PAGE_FILE = '/input';

const require = createRequire(import.meta.url);
const script = 'tesseract.js/src/worker-script';
const tesseract = require(`${script}/index.js`) as Handlers;
const getCore = require(`${script}/node/getCore.js`) as (...args: unknown[]) => Promise<CoreFactory>;

/** Whether the page being set may be freed once written (tesseract.js sets it twice only with `rotateAuto`). */
let pageSetOnce = true;

function letGoOfPagesEarly(module: TessModule): void {
  const files = module.FS;
  const writeFile = files.writeFile.bind(files);
  files.writeFile = (path, data, options) => {
    writeFile(path, data, options);
    if (path === PAGE_FILE && pageSetOnce && data instanceof Uint8Array) releaseBuffer(data.buffer);
  };
  const api = module.TessBaseAPI.prototype;
  const setImageFile = api.SetImageFile;
  api.SetImageFile = function (this: unknown, ...args: unknown[]) {
    const result = setImageFile.apply(this, args);
    // Leptonica has read the page into tesseract's heap: the file's copy is no longer needed.
    if (pageSetOnce) files.unlink(PAGE_FILE);
    return result;
  };
}

tesseract.setAdapter({
  async getCore(...args: unknown[]) {
    const core = await getCore(...args);
    return (options: object) =>
      core(options).then((module) => {
        letGoOfPagesEarly(module);
        return module;
      });
  },
  gunzip: require(`${script}/node/gunzip.js`) as unknown,
  fetch: globalThis.fetch,
  ...(require(`${script}/node/cache.js`) as object),
});

port.on('message', (packet: OcrPacket) => {
  if (packet.action === 'recognize') {
    const { options } = packet.payload as { options?: { rotateAuto?: boolean } };
    pageSetOnce = options?.rotateAuto !== true;
  }
  tesseract.dispatchHandlers(packet, (reply) => {
    port.postMessage(reply);
    if (packet.action !== 'recognize' || reply.status === 'progress') return;
    // Whatever happened to the page (a failure before it was written, `rotateAuto`), it is done with now.
    const image = (packet.payload as { image?: Uint8Array }).image;
    if (image) releaseBuffer(image.buffer);
  });
});
