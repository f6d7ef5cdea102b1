/**
 * Documents split into training and validation by a seeded shuffle, so the values of one document are never
 * on both sides.
 */
export function splitByDocument(
  ids: string[],
  validationShare: number,
  seed: number,
): { train: Set<string>; validation: Set<string> } {
  let state = seed >>> 0 || 1;
  const next = () => {
    // xorshift32
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
  const order = [...ids];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const cut = Math.round(order.length * validationShare);
  return { validation: new Set(order.slice(0, cut)), train: new Set(order.slice(cut)) };
}
