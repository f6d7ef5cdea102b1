import type { Random } from './random.ts';

/**
 * Fills a locale pattern: `{Y}` the year, `{nK}` a number zero-padded to K digits, `{dK}` K free digits,
 * `{date}` the given date as printed.
 */
export function fillPattern(
  rng: Random,
  pattern: string,
  values: { year?: string; date?: string } = {},
): string {
  return pattern.replace(/\{([a-zA-Z]+)(\d*)\}/g, (_, kind: string, width: string) => {
    const size = Number(width || '1');
    if (kind === 'Y') return values.year ?? '2026';
    if (kind === 'date') return values.date ?? '';
    if (kind === 'n') return String(rng.int(1, 10 ** Math.min(size, 5) - 1)).padStart(size, '0');
    if (kind === 'd') return String(rng.int(1, 9)) + rng.digits(size - 1);
    throw new Error(`unknown placeholder {${kind}${width}} in "${pattern}"`);
  });
}
