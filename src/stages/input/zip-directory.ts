import { crc32, inflateRawSync } from 'node:zlib';
import { quarantine } from '../errors.ts';

/**
 * A ZIP's table of contents (its central directory), read before a single byte is decompressed, so that a
 * hostile archive is refused on what it declares: too many entries, paths that climb out (`../`, `/etc`),
 * password protection, sizes and compression ratios of a ZIP bomb. Entries are then inflated by Node's zlib
 * with `maxOutputLength` set to the declared size, so an entry that lies about its size cannot allocate
 * more, and each is checked against its CRC-32.
 *
 * Why not fflate's `unzipSync`: it neither reports the encryption flag nor bounds what an entry inflates to
 * by anything but the size the entry itself declares; both are needed here, and the directory format is
 * small (APPNOTE.TXT 4.3.12, 4.3.16).
 */

export interface ArchiveLimits {
  /** Entries in one archive (files and folders), checked before anything is read. */
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together (nested archives included). */
  maxTotalBytes: number;
  /** Uncompressed / compressed size of one entry, checked on entries of at least `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** How many archives deep an archive may sit inside the file (1: a ZIP inside the ZIP, no deeper). */
  maxDepth: number;
}

export const defaultArchiveLimits: ArchiveLimits = {
  maxEntries: 100,
  maxEntryBytes: 50 * 1024 * 1024,
  maxTotalBytes: 100 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxDepth: 1,
};

export interface ZipEntry {
  /** The path as stored in the archive ('/'-separated). */
  path: string;
  directory: boolean;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_MARK = 0xffffffff;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const METHOD_AES = 99;

function rejected(message: string) {
  return quarantine('archive_rejected', message);
}

function truncated(detail: string) {
  return quarantine('corrupt', `El ZIP está truncado o dañado: ${detail}.`);
}

/** Reads and checks the central directory; throws a quarantine error for anything it will not open. */
export function readZipDirectory(zip: Uint8Array, limits: ArchiveLimits): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = findEndRecord(view);
  if (end < 0) throw truncated('no tiene el directorio central al final del archivo');
  const disk = view.getUint16(end + 4, true);
  const directoryDisk = view.getUint16(end + 6, true);
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (disk !== 0 || directoryDisk !== 0 || count !== view.getUint16(end + 8, true)) {
    throw rejected('El ZIP está dividido en varios volúmenes; envíe un único archivo.');
  }
  if (count === 0xffff || directorySize === ZIP64_MARK || directoryOffset === ZIP64_MARK) {
    throw rejected('El ZIP usa el formato ZIP64 (archivos de más de 4 GB o más de 65 535 entradas).');
  }
  if (count > limits.maxEntries) {
    throw rejected(`El ZIP contiene ${count} entradas; el límite es ${limits.maxEntries}.`);
  }
  if (directoryOffset + directorySize > end) throw truncated('el directorio central se sale del archivo');

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw truncated(`la entrada ${index + 1} del directorio central no es válida`);
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localHeaderOffset = view.getUint32(at + 42, true);
    if (at + 46 + nameLength > end) throw truncated('un nombre de entrada se sale del directorio');
    const raw = zip.subarray(at + 46, at + 46 + nameLength);
    const path = Buffer.from(raw).toString(flags & FLAG_UTF8 ? 'utf8' : 'latin1');
    at += 46 + nameLength + extraLength + commentLength;

    checkPath(path);
    if ((flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) !== 0 || method === METHOD_AES) {
      throw quarantine('encrypted', `El ZIP está protegido con contraseña (entrada «${path}»).`);
    }
    if (compressedSize === ZIP64_MARK || size === ZIP64_MARK || localHeaderOffset === ZIP64_MARK) {
      throw rejected('El ZIP usa el formato ZIP64 (archivos de más de 4 GB).');
    }
    const directory = path.endsWith('/');
    if (!directory && method !== METHOD_STORED && method !== METHOD_DEFLATE) {
      throw rejected(`La entrada «${path}» usa un método de compresión no soportado (${method}).`);
    }
    checkSize(path, size, compressedSize, limits);
    entries.push({ path, directory, method, compressedSize, size, crc, localHeaderOffset });
  }
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > limits.maxTotalBytes) {
    throw rejected(
      `El ZIP se descomprime a ${formatMb(total)}; el límite es ${formatMb(limits.maxTotalBytes)}.`,
    );
  }
  return entries;
}

/** The entry's bytes, inflated to at most its declared size and checked against its CRC-32. */
export function readZipEntry(zip: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > zip.byteLength || view.getUint32(local, true) !== LOCAL_SIGNATURE) {
    throw truncated(`la cabecera de «${entry.path}» no está donde el directorio dice`);
  }
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const stop = start + entry.compressedSize;
  if (stop > zip.byteLength) throw truncated(`los datos de «${entry.path}» se salen del archivo`);
  const data = zip.subarray(start, stop);
  let bytes: Uint8Array;
  if (entry.method === METHOD_STORED) {
    bytes = data;
  } else {
    try {
      // One byte more than declared: an entry that inflates past its declared size is caught, not cut.
      bytes = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
    } catch (error) {
      if (error instanceof RangeError) {
        throw rejected(
          `La entrada «${entry.path}» se descomprime a más de lo que declara (${entry.size} bytes).`,
        );
      }
      throw truncated(`los datos comprimidos de «${entry.path}» no son válidos`);
    }
  }
  if (bytes.byteLength !== entry.size) {
    throw truncated(`«${entry.path}» mide ${bytes.byteLength} bytes y declara ${entry.size}`);
  }
  if (crc32(bytes) !== entry.crc) throw truncated(`la suma de control de «${entry.path}» no coincide`);
  return bytes;
}

function findEndRecord(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

/** Absolute paths, drive letters, `..` segments and control characters are refused outright. */
function checkPath(path: string): void {
  const segments = path.replaceAll('\\', '/').split('/');
  const absolute = path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path);
  if (absolute || segments.includes('..') || /[\u0000-\u001f]/.test(path)) {
    throw rejected(`El ZIP contiene una ruta peligrosa («${printable(path)}»): se rechaza entero.`);
  }
}

function checkSize(path: string, size: number, compressedSize: number, limits: ArchiveLimits): void {
  if (size > limits.maxEntryBytes) {
    throw rejected(
      `La entrada «${path}» se descomprime a ${formatMb(size)}; el límite es ${formatMb(limits.maxEntryBytes)}.`,
    );
  }
  if (size >= limits.ratioFloorBytes && size > limits.maxRatio * Math.max(1, compressedSize)) {
    const ratio = Math.round(size / Math.max(1, compressedSize));
    throw rejected(
      `La entrada «${path}» se comprime ${ratio} a 1 (límite ${limits.maxRatio} a 1): parece una bomba ZIP.`,
    );
  }
}

function printable(path: string): string {
  return path.replace(/[\u0000-\u001f]/g, '?').slice(0, 120);
}

function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
