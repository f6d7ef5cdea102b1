import { createHash } from 'node:crypto';

/**
 * Firestore document ids may not contain '/', be '.' or '..', match `__.*__`, or exceed 1500 bytes. Drive ids
 * never hit these, but local inbox ids are file names: those are replaced by a hash (the original id is
 * always stored in the document too, so nothing is lost).
 */
const MAX_DOC_ID_BYTES = 1500;
const HASHED_PREFIX = '~sha256~';

export function toDocId(id: string): string {
  const unsafe =
    id.length === 0 ||
    id.includes('/') ||
    id === '.' ||
    id === '..' ||
    /^__.*__$/.test(id) ||
    id.startsWith(HASHED_PREFIX) ||
    Buffer.byteLength(id, 'utf8') > MAX_DOC_ID_BYTES;
  if (!unsafe) return id;
  return HASHED_PREFIX + createHash('sha256').update(id, 'utf8').digest('hex');
}
