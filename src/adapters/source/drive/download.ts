import { createHash } from 'node:crypto';
import type { SourceFile } from '../../../ports/source.ts';
import { quarantine, retryable, StageError } from '../../../stages/errors.ts';
import type { DriveContext } from './context.ts';

const tooLarge = (file: SourceFile, size: number, maxBytes: number) =>
  quarantine('too_large', `${file.name} is ${size} bytes, more than the ${maxBytes} allowed`);

/**
 * The file's bytes, checked against Drive's md5. The size is checked before downloading (listing or
 * metadata) and again while streaming, so a file past `maxBytes` never sits whole in memory. A checksum
 * mismatch is retried, then surfaces as a retryable `download_failed`; too large is a quarantine.
 */
export async function downloadFile(
  context: DriveContext,
  file: SourceFile,
  maxBytes: number,
): Promise<Buffer> {
  if (file.size !== null && file.size > maxBytes) throw tooLarge(file, file.size, maxBytes);
  return context.call(
    'files.download',
    async () => {
      let expectedMd5 = file.md5;
      if (expectedMd5 === null || file.size === null) {
        const { data } = await context.drive.files.get(
          { fileId: file.id, fields: 'id,md5Checksum,size,mimeType', supportsAllDrives: true },
          context.options(),
        );
        const size = data.size ? Number(data.size) : null;
        if (size !== null && size > maxBytes) throw tooLarge(file, size, maxBytes);
        expectedMd5 = data.md5Checksum ?? null;
      }
      const bytes = await streamWithLimit(context, file, maxBytes);
      const actual = createHash('md5').update(bytes).digest('hex');
      if (expectedMd5 !== null && actual !== expectedMd5) {
        throw retryable(
          'download_failed',
          `${file.name}: md5 ${actual} does not match Drive's ${expectedMd5}`,
        );
      }
      return bytes;
    },
    'download_failed',
  );
}

async function streamWithLimit(context: DriveContext, file: SourceFile, maxBytes: number): Promise<Buffer> {
  const controller = new AbortController();
  // One deadline for the whole download, body included (gaxios' timeout would cover the headers only).
  const timer = setTimeout(
    () => controller.abort(new DOMException('download timed out', 'TimeoutError')),
    context.downloadTimeoutMs,
  );
  try {
    const response = await context.drive.files.get(
      { fileId: file.id, alt: 'media', supportsAllDrives: true },
      {
        ...context.options({ signal: controller.signal, timeout: context.downloadTimeoutMs }),
        responseType: 'stream',
      },
    );
    const declared = Number(headerOf(response.headers, 'content-length') ?? Number.NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      controller.abort();
      throw tooLarge(file, declared, maxBytes);
    }
    const chunks: Buffer[] = [];
    let received = 0;
    for await (const chunk of response.data as AsyncIterable<Uint8Array>) {
      received += chunk.length;
      if (received > maxBytes) {
        controller.abort();
        throw tooLarge(file, received, maxBytes);
      }
      chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks, received);
  } catch (error) {
    if (error instanceof StageError) throw error;
    if (controller.signal.aborted && controller.signal.reason instanceof DOMException) {
      throw Object.assign(new Error(`${file.name}: download timed out`), { code: 'TimeoutError' });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** gaxios 7 hands back fetch Headers; older versions a plain object. */
function headerOf(headers: unknown, name: string): string | null {
  if (!headers || typeof headers !== 'object') return null;
  const withGet = headers as { get?: (key: string) => string | null };
  if (typeof withGet.get === 'function') return withGet.get(name);
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}
