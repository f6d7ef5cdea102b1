import { z } from 'zod';
import { TARGET_FOLDERS } from '../../ports/source.ts';
import { DISPATCH_REASONS, type WorkItem } from '../../ports/work-dispatcher.ts';

/**
 * One file's Pub/Sub message: `data` is the JSON below (base64 on the wire), the attributes repeat the id,
 * md5 and reason so a subscription filter or a person reading the dead-letter topic sees them at once.
 */

const MESSAGE_VERSION = 1;

const sourceFileSchema = z
  .object({
    id: z.string().min(1).max(300),
    name: z.string().max(1000),
    md5: z.string().max(64).nullable(),
    size: z.number().int().min(0).nullable(),
    mimeType: z.string().max(255).nullable(),
    location: z.enum(['inbox', ...TARGET_FOLDERS, 'elsewhere']),
    modifiedTime: z.string().max(64).nullable(),
    link: z.string().max(2000).nullable(),
  })
  .strict();

const workMessageSchema = z
  .object({
    v: z.literal(MESSAGE_VERSION),
    reason: z.enum(DISPATCH_REASONS),
    /** Present (true) only on a forced replay; older messages have no such key. */
    force: z.literal(true).optional(),
    file: sourceFileSchema,
  })
  .strict();

export interface EncodedMessage {
  data: string;
  attributes: Record<string, string>;
}

export function encodeWorkMessage(item: WorkItem): EncodedMessage {
  const { id, name, md5, size, mimeType, location, modifiedTime, link } = item.file;
  const body = {
    v: MESSAGE_VERSION,
    reason: item.reason,
    ...(item.force ? { force: true } : {}),
    file: { id, name, md5, size, mimeType, location, modifiedTime, link },
  };
  return {
    data: Buffer.from(JSON.stringify(body), 'utf8').toString('base64'),
    attributes: { fileId: id, md5: md5 ?? '', reason: item.reason },
  };
}

/** The work item in a message's base64 data, or null when it is not one of ours (malformed, other version). */
export function decodeWorkMessage(data: string): WorkItem | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(data, 'base64').toString('utf8'));
  } catch {
    return null;
  }
  const result = workMessageSchema.safeParse(parsed);
  if (!result.success) return null;
  const { file, reason, force } = result.data;
  return force ? { file, reason, force } : { file, reason };
}
