/**
 * Model versions read `YEAR.MONTH.N`, N counting the models trained in that month (`2026.11.1`, `2026.11.2`).
 */
export function nextModelVersion(previous: string | null, now: Date): string {
  const prefix = `${now.getUTCFullYear()}.${now.getUTCMonth() + 1}.`;
  const match = previous?.startsWith(prefix) ? /^\d+$/.exec(previous.slice(prefix.length)) : null;
  return `${prefix}${match ? Number(match[0]) + 1 : 1}`;
}
