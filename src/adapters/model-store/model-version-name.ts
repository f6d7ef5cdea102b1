/** A model version usable as a folder or file name: `2026.11.2`, `base-1`; no separators, no `..`. */
export function isSafeModelVersion(version: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(version) && !version.includes('..');
}
