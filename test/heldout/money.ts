/** Colombian peso formats: '.' thousands, ',' decimals, with or without '$' / 'COP' and cents. */
export type MoneyStyle = 'dollar-cents' | 'dollar-plain' | 'bare-cents' | 'cop-suffix';

export function formatCop(value: number, style: MoneyStyle): string {
  const negative = value < 0;
  const cents = Math.round(Math.abs(value) * 100);
  const whole = Math.floor(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const decimals = `,${(cents % 100).toString().padStart(2, '0')}`;
  const sign = negative ? '-' : '';
  if (style === 'dollar-cents') return `${sign}$ ${whole}${decimals}`;
  if (style === 'dollar-plain') return `${sign}$${whole}${cents % 100 ? decimals : ''}`;
  if (style === 'bare-cents') return `${sign}${whole}${decimals}`;
  return `${sign}${whole}${decimals} COP`;
}

export function formatQuantity(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace('.', ',');
}

export const round2 = (v: number) => Math.round(v * 100) / 100;
