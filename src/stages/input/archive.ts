import { quarantine } from '../errors.ts';
import { detectInputKind, type InputKind } from './kind.ts';
import { type ArchiveLimits, readZipDirectory, readZipEntry, type ZipEntry } from './zip-directory.ts';

/** One file taken out of an archive (nested archives flattened), with its kind told by its bytes. */
export interface ArchiveFile {
  /** Path inside the archive; a nested archive's files are `inner.zip/path`. */
  path: string;
  /** The last path segment. */
  name: string;
  kind: InputKind;
  bytes: Uint8Array;
}

/** Whatever a ZIP holds besides documents: folders, macOS resource forks, hidden files. */
function isClutter(entry: ZipEntry): boolean {
  if (entry.directory) return true;
  const segments = entry.path.split('/');
  const name = segments.at(-1) ?? '';
  return segments[0] === '__MACOSX' || name.startsWith('.') || name === '';
}

/** An office document is a ZIP too: its own manifest gives it away before anything is inflated. */
function officeFormat(entries: readonly ZipEntry[]): string | null {
  const paths = new Set(entries.map((e) => e.path));
  if (paths.has('[Content_Types].xml')) return 'un documento de Office (DOCX, XLSX o PPTX)';
  if (paths.has('mimetype') && paths.has('META-INF/manifest.xml')) {
    return 'un documento OpenDocument (ODT u ODS)';
  }
  return null;
}

/**
 * Opens a ZIP within the limits (see zip-directory.ts) and returns its files; a ZIP inside it is opened in
 * turn while `maxDepth` allows, deeper ones are refused. Office documents (DOCX, XLSX, ODT...) are refused as
 * `unsupported_type` from their manifest, without inflating anything.
 */
export function openArchive(zip: Uint8Array, limits: ArchiveLimits): ArchiveFile[] {
  const budget = { bytes: limits.maxTotalBytes };
  return open(zip, limits, 0, '', budget);
}

function open(
  zip: Uint8Array,
  limits: ArchiveLimits,
  depth: number,
  prefix: string,
  budget: { bytes: number },
): ArchiveFile[] {
  const entries = readZipDirectory(zip, limits);
  const office = officeFormat(entries);
  if (office) {
    throw quarantine('unsupported_type', `El archivo es ${office}, no una factura en PDF, XML o imagen.`);
  }
  const files: ArchiveFile[] = [];
  for (const entry of entries) {
    if (isClutter(entry)) continue;
    budget.bytes -= entry.size;
    if (budget.bytes < 0) {
      throw quarantine(
        'archive_rejected',
        `El ZIP y los ZIP que contiene se descomprimen a más de ${Math.round(limits.maxTotalBytes / 1048576)} MB.`,
      );
    }
    const bytes = readZipEntry(zip, entry);
    const kind = detectInputKind(bytes);
    const path = prefix + entry.path;
    if (kind === 'zip') {
      if (depth + 1 > limits.maxDepth) {
        throw quarantine(
          'archive_rejected',
          `El ZIP contiene ZIP anidados a más de ${limits.maxDepth} nivel (${path}).`,
        );
      }
      files.push(...open(bytes, limits, depth + 1, `${path}/`, budget));
      continue;
    }
    files.push({ path, name: path.split('/').at(-1) ?? path, kind, bytes });
  }
  return files;
}
