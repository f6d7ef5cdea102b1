import type { LineItem } from '../../../contract/result.ts';

/** Lines whose description opens with a number before the numbers count as running item numbers. */
const MIN_NUMBERED = 3;

/**
 * "10 Alquiler de equipo de izaje", "11 Sensor inductivo M18 PNP": the table's item-number column, its name
 * lost, run into the descriptions. Taken off only when the lines so numbered count up with the lines
 * themselves (3, 4, 6 on lines 3, 4 and 6; one more or less per step where OCR lost or split a line), which a
 * quantity or model number at the start of a description ("2 Correas en V") does not.
 */
export function withoutItemNumbers(lines: LineItem[]): LineItem[] {
  const numbered = lines.flatMap((line, index) => {
    const match = /^(\d{1,3})\s+(?=\p{L})/u.exec(line.description ?? '');
    return match ? [{ index, number: Number(match[1]), length: match[0].length }] : [];
  });
  if (numbered.length < MIN_NUMBERED) return lines;
  // A line OCR lost or split makes the numbering skip or lag one.
  const steps = numbered
    .slice(1)
    .map((n, k) => [n.number - numbered[k]!.number, n.index - numbered[k]!.index]);
  if (
    !steps.every(([numberStep = 0, lineStep = 0]) => numberStep >= 1 && Math.abs(numberStep - lineStep) <= 1)
  )
    return lines;
  const strip = new Map(numbered.map((n) => [n.index, n.length]));
  return lines.map((line, index) => {
    const length = strip.get(index);
    return length === undefined ? line : { ...line, description: line.description!.slice(length) };
  });
}
