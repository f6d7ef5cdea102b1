import { badRequest } from './errors.ts';

export interface Part {
  headers: Record<string, string>;
  body: Buffer;
}

/** Splits a `multipart/related` body on byte boundaries (never as text, so binary parts stay exact). */
export function parseMultipart(contentType: string, body: Buffer): Part[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw badRequest('Missing multipart boundary.');
  const delimiter = Buffer.from(`--${boundary}`);
  const start = body.indexOf(delimiter);
  if (start < 0) throw badRequest('Malformed multipart body.');
  const parts: Part[] = [];
  let cursor = start + delimiter.length;
  for (;;) {
    if (body.subarray(cursor, cursor + 2).toString() === '--') return parts;
    if (body.subarray(cursor, cursor + 2).toString() !== '\r\n')
      throw badRequest('Malformed multipart body.');
    cursor += 2;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), cursor);
    if (next < 0) throw badRequest('Unterminated multipart body.');
    const raw = body.subarray(cursor, next);
    const headerEnd = raw.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw badRequest('Multipart part without headers.');
    const headers: Record<string, string> = {};
    for (const line of raw.subarray(0, headerEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    parts.push({ headers, body: Buffer.from(raw.subarray(headerEnd + 4)) });
    cursor = next + 2 + delimiter.length;
  }
}
