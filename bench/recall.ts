/** Word recall of OCR text against the digital original's text, shared by the OCR benchmarks. */

/** Share of the original's words (2+ letters or digits) that OCR found, as a multiset. */
export function recall(truth: string, found: string): number {
  const tokens = (text: string) =>
    text
      .split(/\s+/)
      .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
      .filter((t) => (t.match(/[\p{L}\p{N}]/gu) ?? []).length >= 2);
  const bag = new Map<string, number>();
  for (const t of tokens(found)) bag.set(t, (bag.get(t) ?? 0) + 1);
  const wanted = tokens(truth);
  let hits = 0;
  for (const t of wanted) {
    const n = bag.get(t) ?? 0;
    if (n > 0) {
      hits++;
      bag.set(t, n - 1);
    }
  }
  return wanted.length === 0 ? 1 : hits / wanted.length;
}

export function meanRecall(truth: string[], found: string[]): number {
  return truth.reduce((sum, t, i) => sum + recall(t, found[i] ?? ''), 0) / Math.max(1, truth.length);
}
