import { parentPort } from 'node:worker_threads';
import { StageError } from '../errors.ts';
import { type JobFailure, type JobReply, type JobRequest, READY } from './job-protocol.ts';

/**
 * The worker side of a deadline pool: runs `handle` on every request, one at a time, and posts its output or
 * its error (a StageError keeps its code and flags). Input and output cross threads by structured clone.
 */
export function serveJobs<I, O>(handle: (input: I) => O): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs runs in a worker thread only');
  port.on('message', (request: JobRequest<I>) => {
    let reply: JobReply<O>;
    try {
      reply = { id: request.id, output: handle(request.input) };
    } catch (error) {
      reply = { id: request.id, error: toFailure(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage(READY);
}

function toFailure(error: unknown): JobFailure {
  if (error instanceof StageError) {
    return {
      code: error.code,
      message: error.message,
      retryable: error.retryable,
      quarantine: error.quarantine,
    };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
