import { parentPort } from 'node:worker_threads';
import * as mupdf from 'mupdf';
import { StageError } from '../errors.ts';
import { readTextPass } from './text-pass.ts';
import { READY, type TextPassReply, type TextPassRequest } from './text-pass-thread.ts';

/** A text-pass worker thread (text-pass-pool.ts): one document at a time, its own mupdf instance. */
const port = parentPort;
if (!port) throw new Error('text-pass-worker.ts runs as a worker thread only');

port.on('message', (request: TextPassRequest) => {
  let reply: TextPassReply;
  try {
    reply = { id: request.id, pass: readTextPass(request.bytes, request.options, request.stopAtOcrPage) };
  } catch (error) {
    reply = {
      id: request.id,
      error:
        error instanceof StageError
          ? {
              code: error.code,
              message: error.message,
              retryable: error.retryable,
              quarantine: error.quarantine,
            }
          : { code: 'internal', message: error instanceof Error ? error.message : String(error) },
    };
  }
  port.postMessage(reply);
  // Fonts and images this document loaded would stay in mupdf's store (up to 256 MB) in a heap that never
  // shrinks; the next document seldom shares them.
  mupdf.emptyStore();
});

port.postMessage(READY);
