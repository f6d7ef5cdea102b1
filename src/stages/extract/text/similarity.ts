import { distance } from 'fastest-levenshtein';

/**
 * Character similarity of two strings: 1 − Levenshtein distance / length of the longer one (1 = equal,
 * 0 = nothing in common).
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - distance(a, b) / longer;
}
