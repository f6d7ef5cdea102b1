/**
 * Records store `updatedAt` as `Date.toISOString()` (fixed width, UTC), so ISO strings compare correctly as
 * text. A `since` bound is normalised to the same shape; anything unparseable is refused rather than guessed.
 */
export function normaliseSince(since: string): string {
  const ms = Date.parse(since);
  if (Number.isNaN(ms))
    throw new RangeError(`listFiles: 'since' is not an ISO timestamp: ${JSON.stringify(since)}`);
  return new Date(ms).toISOString();
}
