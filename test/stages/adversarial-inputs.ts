/** Long strings that make a regex with nested or overlapping quantifiers backtrack (regex-linear.test.ts). */
export function adversarialInputs(): { name: string; text: string }[] {
  const repeat = (piece: string, length: number) =>
    piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const mixed = Array.from({ length: 10_000 }, () => '0123456789 -()'[Math.floor(next() * 14)]).join('');
  return [
    { name: '50k digits', text: repeat('7', 50_000) },
    { name: '10k digits then a symbol', text: `${repeat('1', 10_000)}!` },
    { name: '10k mixed digits, spaces, dashes, parentheses', text: mixed },
    { name: '10k grouped digits', text: repeat('12 (34)-5 ', 10_000) },
    { name: '10k dotted digit groups', text: `${repeat('1.234', 10_000)}x` },
    { name: '10k comma digit groups', text: `${repeat('1,23', 10_000)}x` },
    { name: '10k same letter', text: repeat('a', 10_000) },
    { name: '10k same capital', text: `${repeat('A', 10_000)}1` },
    { name: '10k accented letters', text: repeat('á', 10_000) },
    { name: '10k letters and spaces', text: `${repeat('ab ', 10_000)}1` },
    { name: '10k spaces', text: `${repeat(' ', 10_000)}x` },
    { name: '10k dots and spaces', text: `${repeat('. ', 10_000)}x` },
    { name: '10k words', text: repeat('Factura No. 12 de ', 10_000) },
    { name: '5k short lines', text: repeat('a 1\n', 10_000) },
  ];
}
